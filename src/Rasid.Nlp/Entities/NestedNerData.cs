using Rasid.Nlp.Evaluation;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Extra NER training data from a nested multi-column IOB corpus (Wojood: <c>TOKEN TAG1 [TAG2 ...]</c>, one column per
/// nesting level, IOB2), mapped to the flat ANERcorp conventions the tagger is trained on: a type map (PERS → PER,
/// GPE → LOC...; unmapped types are dropped), the outermost mapped span wins, a span whose words are a known country
/// or city is LOC (Wojood tags a country acting as an agent as ORG, ANERcorp always as LOC), and leading words that
/// the reference corpus mostly leaves outside entities (صحيفة، مدينة، وزارة...) are trimmed off a span (صحيفة القدس →
/// القدس stays ORG: the newspaper, as in ANERcorp).
/// </summary>
internal static class NestedNerData
{
    /// <summary>The default type map: people, organisations and places only.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PERS"] = "PER", ["ORG"] = "ORG", ["GPE"] = "LOC", ["LOC"] = "LOC",
    };

    /// <summary>A sentence with its (possibly nested) spans: start, end (exclusive), source type.</summary>
    public sealed record NestedSentence(string[] Tokens, List<(int Start, int End, string Type)> Spans);

    /// <summary>Reads a nested IOB file; <c>$#$</c> paragraph marks are dropped.</summary>
    /// <exception cref="ConllFormatException">A malformed line (file and line in the message).</exception>
    public static List<NestedSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new ConllFormatException($"{path}: no such file");
        var result = new List<NestedSentence>();
        var tokens = new List<string>();
        var tagLists = new List<string[]>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) { Flush(); continue; }
            if (fields.Length < 2) throw new ConllFormatException($"{path}:{lineNo}: expected \"TOKEN TAG [TAG...]\", found one field");
            if (fields[0] == "$#$") continue;
            var tags = new string[fields.Length - 1];
            for (var k = 1; k < fields.Length; k++)
            {
                tags[k - 1] = fields[k] == "O" || (fields[k].Length > 2 && fields[k][1] == '-' && fields[k][0] is 'B' or 'I')
                    ? fields[k] : throw new ConllFormatException($"{path}:{lineNo}: invalid tag '{fields[k]}'");
            }

            tokens.Add(fields[0]);
            tagLists.Add(tags);
        }

        Flush();
        return result;

        void Flush()
        {
            if (tokens.Count == 0) return;
            result.Add(new NestedSentence([.. tokens], Spans(tagLists)));
            tokens.Clear();
            tagLists.Clear();
        }
    }

    /// <summary>Spans from per-token tag lists: B-X opens a span of X (closing an open one), I-X continues the open X span.</summary>
    private static List<(int, int, string)> Spans(List<string[]> tagLists)
    {
        var spans = new List<(int, int, string)>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tagLists.Count; i++)
        {
            var continued = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in tagLists[i])
            {
                if (tag == "O") continue;
                var type = tag[2..];
                if (tag[0] == 'I' && open.ContainsKey(type)) { continued.Add(type); continue; }
                if (open.Remove(type, out var s)) spans.Add((s, i, type));
                open[type] = i;
                continued.Add(type);
            }

            foreach (var type in open.Keys.Where(t => !continued.Contains(t)).ToList())
            {
                spans.Add((open[type], i, type));
                open.Remove(type);
            }
        }

        foreach (var (type, s) in open) spans.Add((s, tagLists.Count, type));
        return spans;
    }

    /// <summary>
    /// How often each word (normalized key) is outside every entity in <paramref name="reference"/>: words seen at least
    /// 3 times and outside entities in at least 70% of their occurrences (the words trimmed off the front of a span).
    /// </summary>
    public static HashSet<string> MostlyOutside(IEnumerable<TaggedSentence> reference)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var outside = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in reference)
        {
            for (var i = 0; i < s.Tokens.Length; i++)
            {
                var key = EntityLexicon.TokenKey(s.Tokens[i]);
                total[key] = total.GetValueOrDefault(key) + 1;
                if (s.Tags[i] == "O") outside[key] = outside.GetValueOrDefault(key) + 1;
            }
        }

        return total.Where(kv => kv.Value >= 3 && outside.GetValueOrDefault(kv.Key) >= 0.7 * kv.Value).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Flat BIO sentences in the tagger's conventions (see the class summary).</summary>
    public static List<TaggedSentence> ToFlat(IEnumerable<NestedSentence> sentences, IReadOnlyDictionary<string, string> types, HashSet<string> mostlyOutside, EntityLexicon lexicon)
    {
        var result = new List<TaggedSentence>();
        foreach (var s in sentences)
        {
            var tags = Enumerable.Repeat("O", s.Tokens.Length).ToArray();
            var mapped = s.Spans.Where(x => types.ContainsKey(x.Type)).Select(x => (x.Start, x.End, Type: types[x.Type])).ToList();
            // Outermost first: longer spans before the spans they contain.
            foreach (var (start0, end, type0) in mapped.OrderBy(x => x.Start).ThenByDescending(x => x.End - x.Start))
            {
                if (mapped.Any(o => o != (start0, end, type0) && o.Start <= start0 && end <= o.End && o.End - o.Start > end - start0)) continue;
                var start = start0;
                while (start < end && mostlyOutside.Contains(EntityLexicon.TokenKey(s.Tokens[start]))) start++;
                if (start == end) continue;
                if (Enumerable.Range(start, end - start).Any(i => tags[i] != "O")) continue;
                var type = type0;
                if (type != "LOC" && start == start0 && end - start <= EntityLexicon.MaxPhraseTokens
                    && lexicon.Lookup(string.Join(' ', s.Tokens[start..end])) is { Place: not null }) type = "LOC";
                for (var i = start; i < end; i++) tags[i] = (i == start ? "B-" : "I-") + type;
            }

            result.Add(new TaggedSentence(s.Tokens, tags));
        }

        return result;
    }
}
