namespace Rasid.Text;

/// <summary>
/// Reads the versioned line files Rasid ships (language data, dictionaries, model files): blank lines are skipped,
/// lines starting with <c>#</c> are comments, and a <c># version: N</c> comment sets <see cref="Version"/>.
/// </summary>
internal sealed class VersionedLineReader(TextReader reader)
{
    /// <summary>The comment that names a file's version.</summary>
    public const string Marker = "# version:";

    /// <summary>The file's version ("0" when it names none); set once its header line has been read.</summary>
    public string Version { get; private set; } = "0";

    /// <summary>The content lines with their 1-based line numbers (for error messages), without a trailing CR.</summary>
    public IEnumerable<(int Number, string Line)> Lines()
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty) continue;
            if (trimmed[0] == '#')
            {
                if (trimmed.StartsWith(Marker, StringComparison.OrdinalIgnoreCase)) Version = trimmed[Marker.Length..].Trim().ToString();
                continue;
            }

            yield return (number, line.TrimEnd('\r'));
        }
    }

    /// <summary>All content lines of <paramref name="reader"/> and the file's version.</summary>
    public static List<string> ReadAll(TextReader reader, out string version)
    {
        var lines = new VersionedLineReader(reader);
        var result = lines.Lines().Select(l => l.Line).ToList();
        version = lines.Version;
        return result;
    }
}
