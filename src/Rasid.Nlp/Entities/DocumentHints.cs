using System.Runtime.InteropServices;

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
    public static List<NerTokenFeature>[][] Compute(IReadOnlyList<string[]> sentences, IReadOnlyList<string[]> firstPass, int? window = null) =>
        FromKeys(sentences.Select(s => s.Select(Key).ToArray()).ToArray(), firstPass, window);

    /// <summary>Hints as <see cref="Compute(IReadOnlyList{string[]}, IReadOnlyList{string[]}, int?)"/>, from the tokens' keys (<see cref="Key(string)"/>).</summary>
    public static List<NerTokenFeature>[][] FromKeys(string?[][] keys, IReadOnlyList<string[]> firstPass, int? window = null)
    {
        var sentences = keys;
        var result = new List<NerTokenFeature>[keys.Length][];
        KeyCounts? whole = window is null ? Count(keys, firstPass, 0, keys.Length) : null;
        for (var s = 0; s < keys.Length; s++)
        {
            var counts = whole ?? Count(keys, firstPass, Math.Max(0, s - window!.Value), Math.Min(keys.Length, s + window.Value + 1));
            result[s] = new List<NerTokenFeature>[sentences[s].Length];
            for (var i = 0; i < sentences[s].Length; i++)
            {
                // Most tokens get one of a few hint lists (a first-pass tag, maybe a majority type): those are shared
                // read-only lists (AddPhraseHints copies one before adding to it); only tokens with minority types get their own.
                var tag = TagIndex(firstPass[s][i]);
                if (tag < 0)
                {
                    result[s][i] = [new NerTokenFeature("p1=" + firstPass[s][i])];
                    if (keys[s][i] is { } k && counts.TryGet(k, out var c0)) AddCounts(result[s][i], firstPass[s][i], c0);
                    continue;
                }

                if (keys[s][i] is not { } key || !counts.TryGet(key, out var c))
                {
                    result[s][i] = SharedHints[tag * (Types.Length + 1)];
                    continue;
                }

                var own = TypeOf(firstPass[s][i]);
                var best = Majority(c, own, out var others, out var minority);
                if (others == 0) result[s][i] = SharedHints[tag * (Types.Length + 1)];
                else if (!minority) result[s][i] = SharedHints[tag * (Types.Length + 1) + 1 + best];
                else AddCounts(result[s][i] = [FirstPassHints[firstPass[s][i]]], firstPass[s][i], c);
            }
        }

        AddPhraseHints(keys, firstPass, window, result);
        return result;
    }

    /// <summary>
    /// Multi-word names: where the words of a multi-word first-pass entity found elsewhere in the document occur again
    /// and the first pass did not tag them as that same span, <c>dB-TYPE</c>/<c>dI-TYPE</c> (فان نيستلروي found once).
    /// </summary>
    private static void AddPhraseHints(string?[][] keys, IReadOnlyList<string[]> firstPass, int? window, List<NerTokenFeature>[][] result)
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
                    if (!phrases.TryGetValue(string.Join(' ', keys[s], i, len), out var type)) continue;
                    for (var k = 0; k < len; k++)
                    {
                        var hints = result[s][i + k];
                        if (IsShared(hints)) result[s][i + k] = hints = [.. hints];
                        hints.Add(PhraseHint(k == 0, type));
                    }
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
                var known = true;
                for (var k = start; k < end; k++) known &= keys[s][k] is not null;
                if (!known) continue;
                if (phrases.TryAdd(string.Join(' ', keys[s], start, end - start), type)) firstWords.Add(keys[s][start]!);
            }
        }

        return (phrases, firstWords);
    }

    // The majority and minority hints of a token of first-pass tag `tag` whose key counts `c` in the document (its own tag included).
    private static void AddCounts(List<NerTokenFeature> hints, string tag, ReadOnlySpan<int> c)
    {
        var own = TypeOf(tag);
        var best = Majority(c, own, out var others, out _);
        if (others == 0) return;
        hints.Add(MajorityHints[best]);
        for (var t = 1; t < Types.Length; t++)
        {
            if (t != best && c[t] - (t == own ? 1 : 0) > 0) hints.Add(MinorityHints[t]);
        }
    }

    // The type most often given to the token's key elsewhere in the document (the first in type order among equals), how many
    // other tokens have the key, and whether a type other than the majority and O occurs among them (a minority hint).
    private static int Majority(ReadOnlySpan<int> c, int own, out int others, out bool minority)
    {
        var best = -1;
        others = 0;
        for (var t = 0; t < Types.Length; t++)
        {
            var n = c[t] - (t == own ? 1 : 0);
            others += n;
            if (n > 0 && (best < 0 || n > c[best] - (best == own ? 1 : 0))) best = t;
        }

        minority = false;
        for (var t = 1; t < Types.Length; t++) minority |= t != best && c[t] - (t == own ? 1 : 0) > 0;
        return best;
    }

    private static int TagIndex(string tag)
    {
        for (var t = 0; t < NerModel.Tags.Length; t++) if (string.Equals(NerModel.Tags[t], tag, StringComparison.Ordinal)) return t;
        return -1;
    }

    /// <summary>Whether a token's hint list is one of the shared read-only ones (<see cref="FromKeys"/>), to be copied before adding to it.</summary>
    private static bool IsShared(List<NerTokenFeature> hints) => hints.Count <= 2 && SharedHintSet.Contains(hints);

    private static readonly string[] Types = ["O", "PER", "ORG", "LOC", "MISC"];
    private static readonly NerTokenFeature[] MajorityHints = [.. Types.Select(t => new NerTokenFeature("d=" + t))];
    private static readonly NerTokenFeature[] MinorityHints = [.. Types.Select(t => new NerTokenFeature("d~" + t))];
    private static readonly Dictionary<string, NerTokenFeature> FirstPassHints = NerModel.Tags.ToDictionary(t => t, t => new NerTokenFeature("p1=" + t), StringComparer.Ordinal);

    // dB-TYPE and dI-TYPE per type (Types), at [2 × type] and [2 × type + 1].
    private static readonly NerTokenFeature[] PhraseHints = [.. Types.SelectMany(t => new[] { new NerTokenFeature("dB-" + t), new NerTokenFeature("dI-" + t) })];

    // The phrase hint of the first (or a later) token of a phrase of the first pass's type `type`.
    private static NerTokenFeature PhraseHint(bool begin, string type)
    {
        var t = Array.IndexOf(Types, type);
        return t >= 0 ? PhraseHints[2 * t + (begin ? 0 : 1)] : new NerTokenFeature((begin ? "dB-" : "dI-") + type);
    }

    // Per first-pass tag: [p1=TAG], then [p1=TAG, d=TYPE] for each type: shared by every token with just these hints.
    private static readonly List<NerTokenFeature>[] SharedHints =
        [.. NerModel.Tags.SelectMany(tag => Enumerable.Range(-1, Types.Length + 1).Select(t => t < 0 ? new List<NerTokenFeature> { FirstPassHints[tag] } : [FirstPassHints[tag], MajorityHints[t]]))];

    private static readonly HashSet<List<NerTokenFeature>> SharedHintSet = new(SharedHints, ReferenceEqualityComparer.Instance);

    private static int TypeOf(string tag) => tag == "O" ? 0 : Array.IndexOf(Types, tag[2..]);

    private static KeyCounts Count(string?[][] keys, IReadOnlyList<string[]> tags, int from, int to)
    {
        var tokens = 0;
        for (var s = from; s < to; s++) tokens += keys[s].Length;
        var counts = new KeyCounts(tokens);
        for (var s = from; s < to; s++)
        {
            for (var i = 0; i < keys[s].Length; i++)
            {
                if (keys[s][i] is not { } key) continue;
                counts.Add(key, TypeOf(tags[s][i]));
            }
        }

        return counts;
    }

    /// <summary>How often each key has each type (<see cref="Types"/>) in a run of sentences: one row of counts per key in one array.</summary>
    private sealed class KeyCounts(int tokens)
    {
        private readonly Dictionary<string, int> rows = new(tokens, StringComparer.Ordinal);
        private int[] counts = new int[Math.Max(1, tokens) * Types.Length];

        /// <summary>Counts one occurrence of <paramref name="key"/> with type <paramref name="type"/>.</summary>
        public void Add(string key, int type)
        {
            ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(rows, key, out var exists);
            if (!exists)
            {
                row = rows.Count - 1;
                if ((row + 1) * Types.Length > counts.Length) Array.Resize(ref counts, counts.Length * 2);
            }

            counts[row * Types.Length + type]++;
        }

        /// <summary>The counts of <paramref name="key"/> per type, when it occurs.</summary>
        public bool TryGet(string key, out ReadOnlySpan<int> row)
        {
            if (!rows.TryGetValue(key, out var r))
            {
                row = default;
                return false;
            }

            row = counts.AsSpan(r * Types.Length, Types.Length);
            return true;
        }
    }
}
