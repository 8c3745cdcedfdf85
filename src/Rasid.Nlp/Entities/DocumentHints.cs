namespace Rasid.Nlp.Entities;

/// <summary>
/// Document-level features for the second NER pass (name propagation): for each token, how the first pass tagged the
/// other occurrences of the same word (clitic-stripped key) in the document, and the first pass's own tag of the token.
/// A name the first pass found once after a strong cue (نادي الزمالك) then helps its bare repetitions (الزمالك).
/// </summary>
internal static class DocumentHints
{
    /// <summary>The key of a token for propagation, or null for short or non-letter tokens.</summary>
    public static string? Key(string token)
    {
        if (token.Length < 2 || !char.IsLetter(token[0])) return null;
        var key = EntityMemory.WordKey(ArabicForms.Normalize(token));
        return key.Length >= 2 ? key : null;
    }

    /// <summary>
    /// Hints for every token of every sentence. The document of sentence s is sentences [s - window, s + window], or
    /// all of them when <paramref name="window"/> is null (one document).
    /// </summary>
    public static List<string>[][] Compute(IReadOnlyList<string[]> sentences, IReadOnlyList<string[]> firstPass, int? window = null)
    {
        var keys = sentences.Select(s => s.Select(Key).ToArray()).ToArray();
        var result = new List<string>[sentences.Count][];
        Dictionary<string, int[]>? whole = window is null ? Count(keys, firstPass, 0, sentences.Count) : null;
        for (var s = 0; s < sentences.Count; s++)
        {
            var counts = whole ?? Count(keys, firstPass, Math.Max(0, s - window!.Value), Math.Min(sentences.Count, s + window.Value + 1));
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

        return result;
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
