namespace Rasid.Nlp.Entities;

/// <summary>
/// Names remembered from the training data: every tagged entity phrase (keyed by its tokens' clitic-stripped
/// forms) with its most frequent type, and per word how often it was part of an entity. The tagger uses them
/// as features; during training each fold of the data sees only the memory of the other folds (jackknifing),
/// so the model learns how far to trust a remembered name on unseen text. Immutable after construction.
/// </summary>
internal sealed class EntityMemory
{
    private const int MaxTokens = 5;
    private readonly Dictionary<string, string> phrases;
    private readonly Dictionary<string, (int Entity, int Total, string Type)> words;

    public EntityMemory(Dictionary<string, string> phrases, Dictionary<string, (int Entity, int Total, string Type)> words)
    {
        this.phrases = phrases;
        this.words = words;
    }

    public static EntityMemory Empty { get; } = new([], []);

    public IReadOnlyDictionary<string, string> Phrases => phrases;

    public IReadOnlyDictionary<string, (int Entity, int Total, string Type)> Words => words;

    public static string WordKey(string normalized) => ArabicForms.Key(ArabicForms.Stem(normalized));

    public static EntityMemory Build(IEnumerable<TaggedSentence> sentences)
    {
        var phraseTypes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var wordTypes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var keys = s.Tokens.Select(t => WordKey(ArabicForms.Normalize(t))).ToArray();
            foreach (var k in keys) totals[k] = totals.GetValueOrDefault(k) + 1;
            foreach (var (start, end, type) in Evaluation.ConllNer.Chunks(s.Tags))
            {
                if (end - start > MaxTokens) continue;
                Count(phraseTypes, string.Join(' ', keys[start..end]), type);
                for (var i = start; i < end; i++) Count(wordTypes, keys[i], type);
            }
        }

        var phrases = phraseTypes.ToDictionary(kv => kv.Key, kv => Best(kv.Value), StringComparer.Ordinal);
        var words = wordTypes.ToDictionary(kv => kv.Key, kv => (kv.Value.Values.Sum(), totals[kv.Key], Best(kv.Value)), StringComparer.Ordinal);
        return new EntityMemory(phrases, words);
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> d, string key, string type)
    {
        if (!d.TryGetValue(key, out var c)) d[key] = c = new Dictionary<string, int>(StringComparer.Ordinal);
        c[type] = c.GetValueOrDefault(type) + 1;
    }

    private static string Best(Dictionary<string, int> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Memory features per token of a sentence (keys already computed).</summary>
    public List<string>[] Features(string[] keys)
    {
        var result = new List<string>[keys.Length];
        for (var i = 0; i < keys.Length; i++) result[i] = [];
        for (var i = 0; i < keys.Length; i++)
        {
            if (words.TryGetValue(keys[i], out var w))
            {
                var ratio = (double)w.Entity / w.Total;
                result[i].Add("mw=" + w.Type + (ratio >= 0.9 ? "!" : ratio >= 0.5 ? "+" : "-"));
            }

            var sb = new System.Text.StringBuilder();
            for (var len = 1; len <= MaxTokens && i + len <= keys.Length; len++)
            {
                if (len > 1) sb.Append(' ');
                sb.Append(keys[i + len - 1]);
                if (!phrases.TryGetValue(sb.ToString(), out var type)) continue;
                for (var k = 0; k < len; k++) result[i + k].Add((k == 0 ? "mB-" : "mI-") + type + (len > 1 ? "+" : ""));
            }
        }

        return result;
    }

    public void Save(BinaryWriter w)
    {
        w.Write(phrases.Count);
        foreach (var (k, t) in phrases.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(t); }
        w.Write(words.Count);
        foreach (var (k, v) in words.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v.Entity); w.Write(v.Total); w.Write(v.Type); }
    }

    public static EntityMemory Load(BinaryReader r)
    {
        var n = r.ReadInt32();
        var phrases = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++) phrases[r.ReadString()] = r.ReadString();
        n = r.ReadInt32();
        var words = new Dictionary<string, (int, int, string)>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++) words[r.ReadString()] = (r.ReadInt32(), r.ReadInt32(), r.ReadString());
        return new EntityMemory(phrases, words);
    }
}
