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
        return VersionedLineReader.ReadAll(reader, out version);
    }

    /// <summary>Names of all embedded language resources (for diagnostics and tests).</summary>
    public static IEnumerable<string> Names => Assembly.GetExecutingAssembly().GetManifestResourceNames();
}
