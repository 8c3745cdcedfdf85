using Rasid.Text;
using System.Reflection;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Reads the entity data files embedded from data/entities/ (actor database, gazetteers, name lists) and the
/// NER model from models/. Lines starting with # are comments; <c># version: N</c> gives the file version.
/// </summary>
internal static class EntityData
{
    private const string Prefix = "Rasid.Nlp.Data.";

    /// <summary>Opens an embedded data file, e.g. <c>places/places.tsv</c>.</summary>
    public static Stream Open(string relativePath)
    {
        var name = Prefix + relativePath.Replace('\\', '/').Replace('/', '.');
        return Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"entity data '{name}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
    }

    /// <summary>Opens the embedded model file <paramref name="fileName"/> (from models/), or null when not built in.</summary>
    public static Stream? OpenModel(string fileName) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("Rasid.Nlp.Models." + fileName);

    /// <summary>The raw lines of an embedded file (no filtering).</summary>
    public static IEnumerable<string> RawLines(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        while (reader.ReadLine() is { } line) yield return line.TrimEnd('\r');
    }

    /// <summary>Tab-separated rows of an embedded file, comments and blank lines skipped; sets the file version.</summary>
    public static List<string[]> Rows(string relativePath, out string version)
    {
        using var reader = new StreamReader(Open(relativePath));
        return VersionedLineReader.ReadAll(reader, out version).Select(line => line.Split('\t')).ToList();
    }

    /// <summary>
    /// The words of one class of a <c>class&lt;TAB&gt;word</c> file (<c>word_classes.tsv</c>, <c>cameo_codes.tsv</c>), in file
    /// order; throws when the class is missing, so a renamed class cannot silently empty a rule.
    /// </summary>
    public static IReadOnlyList<string> WordClass(string relativePath, string cls)
    {
        var words = Rows(relativePath, out _).Where(r => r[0] == cls).Select(r => r.Length == 2 ? r[1].Trim() : throw new FormatException($"data/entities/{relativePath}: row '{string.Join('\t', r)}' needs 2 tab-separated fields")).ToList();
        return words.Count > 0 ? words : throw new InvalidOperationException($"data/entities/{relativePath}: no words of class '{cls}'");
    }

    /// <summary>Splits one CSV line with optional double quotes (no embedded newlines).</summary>
    public static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return fields;
    }
}
