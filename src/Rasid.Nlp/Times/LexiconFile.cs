using Rasid.Text;

namespace Rasid.Nlp.Times;

/// <summary>Reads the versioned TSV data files embedded in Rasid.Nlp (comments start with #, "# version: N").</summary>
internal static class LexiconFile
{
    public static IReadOnlyList<string[]> Read(string logicalName, out string version)
    {
        using var stream = typeof(LexiconFile).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"data resource '{logicalName}' is missing from Rasid.Nlp");
        using var reader = new StreamReader(stream);
        return VersionedLineReader.ReadAll(reader, out version).Select(line => line.Split('\t')).ToList();
    }
}
