namespace Rasid.Nlp.Times;

/// <summary>Reads the versioned TSV data files embedded in Rasid.Nlp (comments start with #, "# version: N").</summary>
internal static class LexiconFile
{
    public static IReadOnlyList<string[]> Read(string logicalName, out string version)
    {
        using var stream = typeof(LexiconFile).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"data resource '{logicalName}' is missing from Rasid.Nlp");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
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

            rows.Add(line.TrimEnd('\r').Split('\t'));
        }

        return rows;
    }
}
