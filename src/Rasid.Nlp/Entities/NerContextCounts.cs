using System.IO.Compression;
using System.Text;

namespace Rasid.Nlp.Entities;

/// <summary>
/// How often each word of unlabelled news stands right after a word that, in the NER training data, usually comes
/// just before an entity of some type (حزب, نادي, اللاعب, مدينة …: "left cues"), or right before a word that usually
/// follows one (البرتغالي, الفرنسي, رئيس …: "right cues"). A name never seen in training but met in thousands of news
/// stories after نادي or before البرتغالي gets that evidence as features (<c>qL=ORG:5</c>: ≥ 5 times after an ORG cue).
/// The cues are chosen from the training split only; the counts come from unlabelled text (no labels), so they need no
/// jackknifing. Immutable after construction.
/// </summary>
internal sealed class NerContextCounts
{
    private static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];
    private static readonly int[] CountBands = [2, 5, 20];

    private readonly Dictionary<string, string[]> features;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly Dictionary<string, (int[] Left, int[] Right, int Total)> counts;

    private NerContextCounts(Dictionary<string, (int[] Left, int[] Right, int Total)> counts, string version, string source)
    {
        this.counts = counts;
        Version = version;
        Source = source;
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        features = new Dictionary<string, string[]>(counts.Count, StringComparer.Ordinal);
        foreach (var (word, c) in counts)
        {
            var list = new List<string>();
            for (var t = 0; t < Types.Length; t++)
            {
                Add(list, interned, "qL=", Types[t], c.Left[t], c.Total);
                Add(list, interned, "qR=", Types[t], c.Right[t], c.Total);
            }

            if (list.Count > 0) features[word] = [.. list];
        }

        lookup = features.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static void Add(List<string> list, Dictionary<string, string> interned, string side, string type, int count, int total)
    {
        foreach (var band in CountBands)
        {
            if (count < band) break;
            list.Add(Intern(interned, side + type + ":" + band));
        }

        if (count < CountBands[0]) return;
        var ratio = (double)count / total;
        if (ratio >= 0.1) list.Add(Intern(interned, side + type + "%10"));
        if (ratio >= 0.3) list.Add(Intern(interned, side + type + "%30"));
    }

    private static string Intern(Dictionary<string, string> interned, string s)
    {
        if (interned.TryGetValue(s, out var shared)) return shared;
        interned[s] = s;
        return s;
    }

    /// <summary>No counts (every lookup misses).</summary>
    public static NerContextCounts Empty { get; } = new([], "none", "");

    /// <summary>The counts built into the assembly (models/ner-context.txt.gz), or <see cref="Empty"/>.</summary>
    public static NerContextCounts Default => Embedded.Value;

    private static readonly Lazy<NerContextCounts> Embedded = new(LoadEmbedded);

    /// <summary>The file's version line.</summary>
    public string Version { get; }

    /// <summary>Where the counts come from (file header).</summary>
    public string Source { get; }

    /// <summary>Words with counts.</summary>
    public int Count => counts.Count;

    /// <summary>The features of a word key (<see cref="EntityMemory.WordKey"/>), or an empty array.</summary>
    public string[] Features(ReadOnlySpan<char> key) => lookup.TryGetValue(key, out var f) ? f : [];

    /// <summary>
    /// The cues of the training data: word keys that stand right before the first token of an entity of one type (left) or right
    /// after the last token (right) at least <paramref name="minCount"/> times and in at least <paramref name="minRatio"/> of their occurrences.
    /// </summary>
    public static (Dictionary<string, int> Left, Dictionary<string, int> Right) SelectCues(IEnumerable<TaggedSentence> sentences, int minCount = 4, double minRatio = 0.3)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var left = new Dictionary<(string, int), int>();
        var right = new Dictionary<(string, int), int>();
        foreach (var s in sentences)
        {
            var keys = s.Tokens.Select(t => EntityMemory.WordKey(ArabicForms.Normalize(t))).ToArray();
            foreach (var k in keys) total[k] = total.GetValueOrDefault(k) + 1;
            foreach (var (start, end, type) in Evaluation.ConllNer.Chunks(s.Tags))
            {
                var t = Array.IndexOf(Types, type);
                if (t < 0) continue;
                if (start > 0 && s.Tags[start - 1] == "O") left[(keys[start - 1], t)] = left.GetValueOrDefault((keys[start - 1], t)) + 1;
                if (end < keys.Length && s.Tags[end] == "O") right[(keys[end], t)] = right.GetValueOrDefault((keys[end], t)) + 1;
            }
        }

        return (Pick(left), Pick(right));

        Dictionary<string, int> Pick(Dictionary<(string Key, int Type), int> found)
        {
            var cues = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var ((key, t), n) in found.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Key, StringComparer.Ordinal))
            {
                if (n >= minCount && n >= minRatio * total[key] && key.Length > 0) cues.TryAdd(key, t);
            }

            return cues;
        }
    }

    /// <summary>Counts, over a token stream (normalized words; null = text boundary), the cue neighbours of every word key.</summary>
    public static NerContextCounts Build(IEnumerable<string?> stream, Dictionary<string, int> leftCues, Dictionary<string, int> rightCues, string version, string source, int minCount = 2)
    {
        var all = new Dictionary<string, (int[] Left, int[] Right, int Total)>(StringComparer.Ordinal);
        string? prev2 = null, prev = null;
        foreach (var token in stream.Append(null))
        {
            var key = token is null ? null : EntityMemory.WordKey(token);
            // prev is the middle word: its left neighbour is prev2, its right neighbour is key.
            if (prev is not null)
            {
                var l = prev2 is not null && leftCues.TryGetValue(prev2, out var lt) ? lt : -1;
                var r = key is not null && rightCues.TryGetValue(key, out var rt) ? rt : -1;
                if (!all.TryGetValue(prev, out var c)) all[prev] = c = (new int[Types.Length], new int[Types.Length], 0);
                if (l >= 0) c.Left[l]++;
                if (r >= 0) c.Right[r]++;
                all[prev] = (c.Left, c.Right, c.Total + 1);
            }

            prev2 = prev;
            prev = key;
        }

        var kept = new Dictionary<string, (int[] Left, int[] Right, int Total)>(StringComparer.Ordinal);
        foreach (var (word, c) in all)
        {
            if (c.Left.Max() >= minCount || c.Right.Max() >= minCount) kept[word] = c;
        }

        return new NerContextCounts(kept, version, source);
    }

    /// <summary>Writes the counts: gzip'd text, a version line, a source line, then <c>word TAB left counts TAB right counts TAB total</c>.</summary>
    public void Save(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new StreamWriter(gz, new UTF8Encoding(false));
        w.Write("# version: " + Version + "\n");
        w.Write("# " + Source.ReplaceLineEndings(" ") + "\n");
        w.Write("# word\tleft-cue counts " + string.Join(',', Types) + "\tright-cue counts\ttotal\n");
        foreach (var (word, c) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(word + "\t" + string.Join(',', c.Left) + "\t" + string.Join(',', c.Right) + "\t" + c.Total + "\n");
        }
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    public static NerContextCounts Load(Stream gzipped)
    {
        using var gz = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gz);
        var version = "";
        var source = "";
        var counts = new Dictionary<string, (int[] Left, int[] Right, int Total)>(StringComparer.Ordinal);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.StartsWith("# version:", StringComparison.Ordinal)) { version = line[10..].Trim(); continue; }
            if (line.StartsWith('#')) { if (lineNo == 2) source = line[1..].Trim(); continue; }
            var parts = line.Split('\t');
            if (parts.Length != 4 || !int.TryParse(parts[3], out var total)) throw new InvalidDataException($"NER context counts: line {lineNo}: malformed '{line}'");
            counts[parts[0]] = (ParseCounts(parts[1], lineNo), ParseCounts(parts[2], lineNo), total);
        }

        return new NerContextCounts(counts, version, source);
    }

    private static int[] ParseCounts(string s, int lineNo)
    {
        var parts = s.Split(',');
        if (parts.Length != Types.Length) throw new InvalidDataException($"NER context counts: line {lineNo}: expected {Types.Length} counts, got '{s}'");
        return [.. parts.Select(p => int.TryParse(p, out var v) ? v : throw new InvalidDataException($"NER context counts: line {lineNo}: '{p}' is not a number"))];
    }

    private static NerContextCounts LoadEmbedded()
    {
        using var stream = EntityData.OpenModel("ner-context.txt.gz");
        return stream is null ? Empty : Load(stream);
    }
}
