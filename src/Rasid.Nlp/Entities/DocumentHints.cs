namespace Rasid.Nlp.Entities;

/// <summary>
/// Document-level features for the second NER pass (name propagation): for each token, how the first pass tagged the
/// other occurrences of the same word (clitic-stripped key) in the document, and the first pass's own tag of the token.
/// A name the first pass found once after a strong cue (نادي الزمالك) then helps its bare repetitions (الزمالك), and a
/// multi-word name found once (فان نيستلروي) marks the other places where its words stand together.
/// </summary>
internal static class DocumentHints
{
    /// <summary>The key of a token for propagation, or null for short or non-letter tokens.</summary>
    public static string? Key(string token) => Key(token, EntityMemory.WordKey(ArabicForms.Normalize(token)));

    /// <summary>The key of a token whose memory key (<see cref="EntityMemory.WordKey"/> of its normalized form) is known.</summary>
    public static string? Key(string token, string wordKey) => token.Length < 2 || !char.IsLetter(token[0]) || wordKey.Length < 2 ? null : wordKey;

    /// <summary>
    /// Hints for every token of every sentence. The document of sentence s is sentences [s - window, s + window], or
    /// all of them when <paramref name="window"/> is null (one document).
    /// </summary>
    public static List<string>[][] Compute(IReadOnlyList<string[]> sentences, IReadOnlyList<string[]> firstPass, int? window = null) =>
        FromKeys(sentences.Select(s => s.Select(Key).ToArray()).ToArray(), firstPass, window);

    /// <summary>Hints as <see cref="Compute(IReadOnlyList{string[]}, IReadOnlyList{string[]}, int?)"/>, from the tokens' keys (<see cref="Key(string)"/>).</summary>
    public static List<string>[][] FromKeys(string?[][] keys, IReadOnlyList<string[]> firstPass, int? window = null)
    {
        var sentences = keys;
        var result = new List<string>[keys.Length][];
        Dictionary<string, int[]>? whole = window is null ? Count(keys, firstPass, 0, keys.Length) : null;
        for (var s = 0; s < keys.Length; s++)
        {
            var counts = whole ?? Count(keys, firstPass, Math.Max(0, s - window!.Value), Math.Min(keys.Length, s + window.Value + 1));
            result[s] = new List<string>[sentences[s].Length];
            for (var i = 0; i < sentences[s].Length; i++)
            {
                var hints = result[s][i] = [];
                hints.Add(FirstPassHints.TryGetValue(firstPass[s][i], out var h) ? h : "p1=" + firstPass[s][i]);
                if (keys[s][i] is not { } key || !counts.TryGetValue(key, out var c)) continue;
                var own = TypeOf(firstPass[s][i]);
                var best = -1;
                var others = 0;
                for (var t = 0; t < Types.Length; t++)
                {
                    var n = c[t] - (t == own ? 1 : 0);
                    others += n;
                    if (n > 0 && (best < 0 || n > c[best] - (best == own ? 1 : 0))) best = t;
                }

                if (others == 0) continue;
                hints.Add(MajorityHints[best]);
                for (var t = 1; t < Types.Length; t++)
                {
                    if (t != best && c[t] - (t == own ? 1 : 0) > 0) hints.Add(MinorityHints[t]);
                }
            }
        }

        AddPhraseHints(keys, firstPass, window, result);
        return result;
    }

    /// <summary>
    /// Multi-word names: where the words of a multi-word first-pass entity found elsewhere in the document occur again
    /// and the first pass did not tag them as that same span, <c>dB-TYPE</c>/<c>dI-TYPE</c> (فان نيستلروي found once).
    /// </summary>
    private static void AddPhraseHints(string?[][] keys, IReadOnlyList<string[]> firstPass, int? window, List<string>[][] result)
    {
        (Dictionary<string, string>, HashSet<string>)? whole = window is null ? Phrases(keys, firstPass, 0, keys.Length) : null;
        for (var s = 0; s < keys.Length; s++)
        {
            var (phrases, firstWords) = whole ?? Phrases(keys, firstPass, Math.Max(0, s - window!.Value), Math.Min(keys.Length, s + window.Value + 1));
            if (phrases.Count == 0) continue;
            HashSet<(int, int)>? own = null;
            for (var i = 0; i < keys[s].Length; i++)
            {
                if (keys[s][i] is not { } first || !firstWords.Contains(first)) continue;
                own ??= Evaluation.ConllNer.Chunks(firstPass[s]).Select(c => (c.Start, c.End)).ToHashSet();
                for (var len = 2; len <= 5 && i + len <= keys[s].Length; len++)
                {
                    if (keys[s][i + len - 1] is null) break;
                    if (own.Contains((i, i + len))) continue;
                    if (!phrases.TryGetValue(string.Join(' ', keys[s][i..(i + len)]), out var type)) continue;
                    for (var k = 0; k < len; k++) result[s][i + k].Add((k == 0 ? "dB-" : "dI-") + type);
                }
            }
        }
    }

    private static (Dictionary<string, string> Phrases, HashSet<string> FirstWords) Phrases(string?[][] keys, IReadOnlyList<string[]> tags, int from, int to)
    {
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        for (var s = from; s < to; s++)
        {
            foreach (var (start, end, type) in Evaluation.ConllNer.Chunks(tags[s]))
            {
                if (end - start < 2 || end - start > 5) continue;
                var words = keys[s][start..end];
                if (words.Any(w => w is null)) continue;
                if (phrases.TryAdd(string.Join(' ', words), type)) firstWords.Add(words[0]!);
            }
        }

        return (phrases, firstWords);
    }

    private static readonly string[] Types = ["O", "PER", "ORG", "LOC", "MISC"];
    private static readonly string[] MajorityHints = [.. Types.Select(t => "d=" + t)];
    private static readonly string[] MinorityHints = [.. Types.Select(t => "d~" + t)];
    private static readonly Dictionary<string, string> FirstPassHints = NerModel.Tags.ToDictionary(t => t, t => "p1=" + t, StringComparer.Ordinal);

    private static int TypeOf(string tag) => tag == "O" ? 0 : Array.IndexOf(Types, tag[2..]);

    private static Dictionary<string, int[]> Count(string?[][] keys, IReadOnlyList<string[]> tags, int from, int to)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var s = from; s < to; s++)
        {
            for (var i = 0; i < keys[s].Length; i++)
            {
                if (keys[s][i] is not { } key) continue;
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[Types.Length];
                c[TypeOf(tags[s][i])]++;
            }
        }

        return counts;
    }
}
