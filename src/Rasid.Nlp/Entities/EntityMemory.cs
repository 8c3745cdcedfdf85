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

    // Lookup structures derived from the two dictionaries (features without building strings per token).
    private readonly HashSet<string> phrasePrefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> phraseLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;
    private readonly Dictionary<string, NerTokenFeature> wordFeatures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, bool First, bool Multi), NerTokenFeature> phraseFeatures = [];
    private readonly int maxKeyLength;

    public EntityMemory(Dictionary<string, string> phrases, Dictionary<string, (int Entity, int Total, string Type)> words)
    {
        this.phrases = phrases.Comparer == StringComparer.Ordinal ? phrases : new Dictionary<string, string>(phrases, StringComparer.Ordinal);
        this.words = words;
        foreach (var (key, type) in this.phrases)
        {
            maxKeyLength = Math.Max(maxKeyLength, key.Length);
            phrasePrefixes.Add(key);
            for (var i = key.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = key.IndexOf(' ', i + 1)) phrasePrefixes.Add(key[..i]);
            foreach (var first in (bool[])[true, false])
            {
                foreach (var multi in (bool[])[true, false]) phraseFeatures.TryAdd((type, first, multi), new NerTokenFeature((first ? "mB-" : "mI-") + type + (multi ? "+" : "")));
            }
        }

        // One feature per distinct name (a few types × three ratio marks), shared by the words.
        var distinct = new Dictionary<string, NerTokenFeature>(StringComparer.Ordinal);
        foreach (var (key, w) in words)
        {
            var ratio = (double)w.Entity / w.Total;
            var name = "mw=" + w.Type + (ratio >= 0.9 ? "!" : ratio >= 0.5 ? "+" : "-");
            if (!distinct.TryGetValue(name, out var feature)) distinct[name] = feature = new NerTokenFeature(name);
            wordFeatures[key] = feature;
        }

        phraseLookup = this.phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLookup = phrasePrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static EntityMemory Empty { get; } = new([], []);

    /// <summary>Whether <paramref name="other"/> remembers the same names with the same counts (then it gives the same features).</summary>
    public bool SameAs(EntityMemory other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (phrases.Count != other.phrases.Count || words.Count != other.words.Count) return false;
        foreach (var (key, type) in phrases)
        {
            if (!other.phrases.TryGetValue(key, out var t) || t != type) return false;
        }

        foreach (var (key, w) in words)
        {
            if (!other.words.TryGetValue(key, out var o) || o != w) return false;
        }

        return true;
    }

    public IReadOnlyDictionary<string, string> Phrases => phrases;

    public IReadOnlyDictionary<string, (int Entity, int Total, string Type)> Words => words;

    public static string WordKey(string normalized)
    {
        var key = ArabicForms.Key(ArabicForms.Stem(normalized.AsSpan()));
        return key.Length == normalized.Length ? normalized : new string(key);
    }

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
    /// <param name="keys">Each token's key (<see cref="WordKey"/>).</param>
    /// <param name="facts">The tokens' word facts, which remember what this memory knows of each word, or null.</param>
    public List<NerTokenFeature>[] Features(string[] keys, NerWordFacts[]? facts = null)
    {
        var result = new List<NerTokenFeature>[keys.Length];
        Array.Fill(result, NoFeatures);
        Span<char> buffer = stackalloc char[maxKeyLength];
        for (var i = 0; i < keys.Length; i++)
        {
            var (wordFeature, mayStart) = facts is null ? Word(keys[i]) : facts[i].Remembered(this);
            if (wordFeature is not null) Own(result, i).Add(wordFeature);
            if (!mayStart) continue;
            var length = 0;
            for (var len = 1; len <= MaxTokens && i + len <= keys.Length; len++)
            {
                var key = keys[i + len - 1];
                if (length + (len > 1 ? 1 : 0) + key.Length > maxKeyLength) break;
                if (len > 1) buffer[length++] = ' ';
                key.CopyTo(buffer[length..]);
                length += key.Length;
                var phrase = buffer[..length];
                // No remembered phrase starts with these words: no longer one can match either.
                if (!prefixLookup.Contains(phrase)) break;
                if (!phraseLookup.TryGetValue(phrase, out var type)) continue;
                for (var k = 0; k < len; k++) Own(result, i + k).Add(phraseFeatures[(type, k == 0, len > 1)]);
            }
        }

        return result;
    }

    /// <summary>The word feature of a key (or null) and whether a remembered phrase starts with it.</summary>
    internal (NerTokenFeature? WordFeature, bool MayStartPhrase) Word(string key) =>
        (wordFeatures.GetValueOrDefault(key), key.Length <= maxKeyLength && prefixLookup.Contains(key));

    // Shared by every token without memory features; never added to (Own gives a token its own list first).
    private static readonly List<NerTokenFeature> NoFeatures = [];

    private static List<NerTokenFeature> Own(List<NerTokenFeature>[] result, int i) => ReferenceEquals(result[i], NoFeatures) ? result[i] = [] : result[i];

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
