using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Evaluation;

/// <summary>A malformed line in a CoNLL file: the message names the file and the line.</summary>
public sealed class ConllFormatException(string message) : FormatException(message);

/// <summary>
/// Reads CoNLL NER files: one "TOKEN TAG" line per token (whitespace-separated; with more columns the first is
/// the token and the last the tag), a blank line between sentences, <c>-DOCSTART-</c> lines ignored. Tags are
/// IOB1/IOB2 (O, B-X, I-X); the ANERcorp type PERS is read as PER.
/// </summary>
internal static class ConllNer
{
    public static List<TaggedSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new ConllFormatException($"{path}: no such file");
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    public static List<TaggedSentence> Read(TextReader reader, string name)
    {
        var result = new List<TaggedSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Contains('\0', StringComparison.Ordinal)) throw new ConllFormatException($"{name}:{lineNo}: binary data (NUL character); expected \"TOKEN TAG\" lines");
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal)) { Flush(); continue; }
            var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2) throw new ConllFormatException($"{name}:{lineNo}: expected \"TOKEN TAG\", found one field '{Clip(trimmed)}'");
            var tag = NormalizeTag(fields[^1]) ?? throw new ConllFormatException($"{name}:{lineNo}: invalid tag '{Clip(fields[^1])}' (expected O, B-TYPE or I-TYPE)");
            tokens.Add(fields[0]);
            tags.Add(tag);
        }

        Flush();
        return result;

        void Flush()
        {
            if (tokens.Count == 0) return;
            result.Add(new TaggedSentence([.. tokens], [.. tags]));
            tokens.Clear();
            tags.Clear();
        }
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>O, B-X or I-X with X made of letters; PERS → PER. Null when invalid.</summary>
    public static string? NormalizeTag(string tag)
    {
        if (tag == "O") return tag;
        if (tag.Length < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return null;
        var type = tag[2..];
        if (!type.All(char.IsAsciiLetter)) return null;
        if (type == "PERS") type = "PER";
        return tag[..2] + type;
    }

    /// <summary>Chunks (start, end exclusive, type) following conlleval: I-X after O or another type starts a chunk.</summary>
    public static List<(int Start, int End, string Type)> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new List<(int, int, string)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag[0];
            var t = tag.Length > 2 ? TypeOf(tag) : null;
            var begins = prefix == 'B' || (prefix == 'I' && t != type);
            var ends = type is not null && (prefix == 'O' || begins);
            if (ends)
            {
                chunks.Add((start, i, type!));
                type = null;
            }

            if (begins)
            {
                start = i;
                type = t;
            }
        }

        return chunks;

        // The type of a B-/I- tag: one shared string for the usual types (the entity stage chunks every sentence twice).
        static string TypeOf(string tag) => tag.AsSpan(2) switch
        {
            "PER" => "PER",
            "ORG" => "ORG",
            "LOC" => "LOC",
            "MISC" => "MISC",
            _ => tag[2..],
        };
    }
}

/// <summary>Exact-match entity precision, recall and F1 per type and micro-averaged (as conlleval computes them).</summary>
public sealed class NerScores
{
    private readonly Dictionary<string, (int Gold, int System, int Correct)> byType = new(StringComparer.Ordinal);

    /// <summary>Sentences scored.</summary>
    public int Sentences { get; private set; }

    /// <summary>Tokens scored.</summary>
    public int Tokens { get; private set; }

    /// <summary>Tokens whose tag equals the gold tag.</summary>
    public int CorrectTags { get; private set; }

    /// <summary>Adds one sentence's gold and system tags.</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> system)
    {
        Sentences++;
        Tokens += gold.Count;
        for (var i = 0; i < gold.Count; i++) if (gold[i] == system[i]) CorrectTags++;
        var g = ConllNer.Chunks(gold);
        var s = ConllNer.Chunks(system);
        var gs = g.ToHashSet();
        foreach (var c in g) Bump(c.Type, 1, 0, 0);
        foreach (var c in s) Bump(c.Type, 0, 1, gs.Contains(c) ? 1 : 0);
    }

    private void Bump(string type, int gold, int system, int correct)
    {
        var v = byType.GetValueOrDefault(type);
        byType[type] = (v.Gold + gold, v.System + system, v.Correct + correct);
    }

    /// <summary>Types seen, sorted.</summary>
    public IEnumerable<string> Types => byType.Keys.Order(StringComparer.Ordinal);

    /// <summary>Counts and P/R/F1 for one type, or for all (type null: micro average).</summary>
    public (int Gold, int System, int Correct, double Precision, double Recall, double F1) Score(string? type)
    {
        var (g, s, c) = type is null
            ? byType.Values.Aggregate((0, 0, 0), (a, v) => (a.Item1 + v.Gold, a.Item2 + v.System, a.Item3 + v.Correct))
            : byType.GetValueOrDefault(type);
        var p = s == 0 ? 0 : (double)c / s;
        var r = g == 0 ? 0 : (double)c / g;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return (g, s, c, p, r, f);
    }
}
