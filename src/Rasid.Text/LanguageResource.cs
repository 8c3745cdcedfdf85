using System.Reflection;

namespace Rasid.Text;

/// <summary>Reads the versioned language data files embedded under Lang/ (comments start with #).</summary>
internal static class LanguageResource
{
    /// <summary>The non-comment, non-empty lines of an embedded data file, e.g. <c>Ar/boilerplate.tsv</c>.</summary>
    public static IReadOnlyList<string> ReadLines(string relativePath, out string version)
    {
        var name = "Rasid.Text.Lang." + relativePath.Replace('\\', '/').Replace('/', '.');
        using var stream = typeof(LanguageResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"language resource '{name}' is missing from {typeof(LanguageResource).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        version = "0";
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed[0] == '#')
            {
                const string marker = "# version:";
                if (trimmed.StartsWith(marker, StringComparison.OrdinalIgnoreCase)) version = trimmed[marker.Length..].Trim();
                continue;
            }

            lines.Add(line.TrimEnd('\r'));
        }

        return lines;
    }

    /// <summary>Names of all embedded language resources (for diagnostics and tests).</summary>
    public static IEnumerable<string> Names => Assembly.GetExecutingAssembly().GetManifestResourceNames();
}
