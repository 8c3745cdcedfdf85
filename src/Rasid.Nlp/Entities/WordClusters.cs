using System.IO.Compression;
using Rasid.Text;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Hierarchical word clusters learnt from unlabelled news (<see cref="WordClusterTrainer"/>): each normalized word
/// has a bit string (its path in a binary tree of clusters, like Brown clusters); prefixes of the bit string are
/// coarser clusters. Used as NER features so that names and words never seen in the labelled data share weights
/// with similar words. Immutable and thread-safe.
/// </summary>
internal sealed class WordClusters
{
    private static readonly Lazy<WordClusters> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> paths;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordClusters(Dictionary<string, string> paths, string version)
    {
        this.paths = paths;
        lookup = paths.GetAlternateLookup<ReadOnlySpan<char>>();
        Version = version;
    }

    /// <summary>No clusters (every lookup misses).</summary>
    public static WordClusters Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), "none");

    /// <summary>The clusters built into the assembly (models/ner-clusters.txt.gz), or <see cref="Empty"/>.</summary>
    public static WordClusters Default => Embedded.Value;

    private static readonly Lazy<WordClusters> EmbeddedSecond = new(() => LoadEmbedded("ner-clusters-2.txt.gz"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The second clustering built into the assembly (models/ner-clusters-2.txt.gz: another random projection and 16 x 8 x 8
    /// k-means), or <see cref="Empty"/>: a second, differently wrong view of the same words for the NER features.
    /// </summary>
    public static WordClusters SecondDefault => EmbeddedSecond.Value;

    /// <summary>The file's <c># version:</c> line.</summary>
    public string Version { get; }

    public int Count => paths.Count;

    /// <summary>Every normalized word with its bit string.</summary>
    public IReadOnlyDictionary<string, string> Words => paths;

    /// <summary>The distinct bit strings.</summary>
    public IEnumerable<string> Paths => paths.Values.Distinct(StringComparer.Ordinal);

    /// <summary>The bit string of a normalized word, or null.</summary>
    public string? Path(ReadOnlySpan<char> normalized) => lookup.TryGetValue(normalized, out var p) ? p : null;

    /// <summary>
    /// The bit string of a normalized token: the word itself, else without its proclitics (و ف ب ل ك),
    /// else that stem with ال; null when none is known.
    /// </summary>
    public string? PathOfToken(string normalized, string stem)
    {
        if (Path(normalized) is { } p) return p;
        if (stem.Length == normalized.Length) return null;
        if (Path(stem) is { } s) return s;
        return Path(ArabicForms.Article + stem);
    }

    /// <summary>Reads a gzip'd file of <c>word TAB bits</c> lines (with a <c># version:</c> line).</summary>
    public static WordClusters Load(Stream gzipped)
    {
        using var gz = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gz);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = VersionedLineReader.ReadAll(reader, out var version);
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) throw new InvalidDataException($"word clusters: malformed line '{line}'");
            var bits = line[(tab + 1)..];
            if (!interned.TryGetValue(bits, out var shared)) interned[bits] = shared = bits;
            map[line[..tab]] = shared;
        }

        return new WordClusters(map, version);
    }

    /// <summary>Reads clusters from a file path (gzip).</summary>
    public static WordClusters LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private static WordClusters LoadEmbedded() => LoadEmbedded("ner-clusters.txt.gz");

    private static WordClusters LoadEmbedded(string fileName)
    {
        using var stream = EntityData.OpenModel(fileName);
        return stream is null ? Empty : Load(stream);
    }
}
