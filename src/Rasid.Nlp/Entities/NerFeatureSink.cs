namespace Rasid.Nlp.Entities;

/// <summary>
/// Receives the NER features of a sentence token by token, each feature as a prefix and zero, one or two values
/// (two values are joined by <c>|</c>). The feature is the concatenation: <c>Add("w-1w=", "في", "دمشق")</c> is the
/// feature <c>w-1w=في|دمشق</c>. Lets decoding hash features without building their strings.
/// </summary>
internal abstract class NerFeatureSink
{
    /// <summary>The features that follow belong to token <paramref name="index"/>.</summary>
    public abstract void Token(int index);

    /// <summary>A whole feature.</summary>
    public abstract void Add(string feature);

    /// <summary>The feature <paramref name="prefix"/> + <paramref name="value"/>.</summary>
    public abstract void Add(string prefix, ReadOnlySpan<char> value);

    /// <summary>The feature <paramref name="prefix"/> + <paramref name="a"/> + "|" + <paramref name="b"/>.</summary>
    public abstract void Add(string prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b);

    /// <summary>A feature whose hash is already known.</summary>
    public virtual void Add(in NerFeature feature)
    {
        if (feature.Value is null) Add(feature.Prefix);
        else Add(feature.Prefix, feature.Value);
    }

    /// <summary>
    /// The features of a token that depend on the token alone, which come first among its features: the sink either adds
    /// them by calling <paramref name="write"/> (which adds them one by one), or, when it has the sum of their weights
    /// remembered on <paramref name="word"/>, uses that sum instead.
    /// </summary>
    public virtual void AddWordBlock(NerWordFacts word, Action<NerFeatureSink, NerWordFacts> write) => write(this, word);

    /// <summary>The feature <paramref name="start"/> (a prefix and a first value) + "|" + <paramref name="b"/>, whose first half's hash is known.</summary>
    public virtual void Add(in NerPairStart start, ReadOnlySpan<char> b) => Add(start.Prefix, start.A, b);
}

/// <summary>
/// The first half of a two-value feature, <paramref name="prefix"/> + <paramref name="a"/> + "|", with the
/// <see cref="NerFeatureHash"/> state after it (computed once: the sink continues it with the second value).
/// </summary>
internal readonly struct NerPairStart(string prefix, string a)
{
    public string Prefix { get; } = prefix;

    public string A { get; } = a;

    /// <summary>The hash state after prefix + a + "|" (<see cref="NerFeatureHash.Start"/>).</summary>
    public ulong State { get; } = NerFeatureHash.Start(prefix, a);
}

/// <summary>A feature as prefix + value (<see cref="Value"/> null: the prefix alone) with its <see cref="NerFeatureHash"/>.</summary>
internal readonly struct NerFeature(string prefix, string? value)
{
    public string Prefix { get; } = prefix;

    public string? Value { get; } = value;

    public ulong Hash { get; } = value is null ? NerFeatureHash.Of(prefix) : NerFeatureHash.Of(prefix, value);
}

/// <summary>Collects the features as strings, one list per token (training and inspection).</summary>
internal sealed class NerFeatureStrings(int tokens) : NerFeatureSink
{
    private List<string> current = [];

    /// <summary>The features of each token.</summary>
    public List<string>[] Features { get; } = new List<string>[tokens];

    public override void Token(int index) => Features[index] = current = new List<string>(48);

    public override void Add(string feature) => current.Add(feature);

    public override void Add(string prefix, ReadOnlySpan<char> value) => current.Add(string.Concat(prefix, value));

    public override void Add(string prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => current.Add(string.Concat(prefix, a, "|", b));
}

/// <summary>
/// 64-bit FNV-1a hashes of feature strings, computed over the pieces a <see cref="NerFeatureSink"/> receives exactly as
/// over the joined string.
/// </summary>
internal static class NerFeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash of a whole feature string.</summary>
    public static ulong Of(ReadOnlySpan<char> feature) => Append(Offset, feature);

    /// <summary>The hash of prefix + value.</summary>
    public static ulong Of(string prefix, ReadOnlySpan<char> value) => Append(Append(Offset, prefix), value);

    /// <summary>The hash of prefix + a + "|" + b.</summary>
    public static ulong Of(string prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Append(Start(prefix, a), b);

    /// <summary>The state after prefix + a + "|": <c>Continue(Start(prefix, a), b) == Of(prefix, a, b)</c>.</summary>
    public static ulong Start(string prefix, ReadOnlySpan<char> a) => Append(Append(Append(Offset, prefix), a), "|");

    /// <summary>The hash of what <paramref name="state"/> hashed so far followed by <paramref name="text"/>.</summary>
    public static ulong Continue(ulong state, ReadOnlySpan<char> text) => Append(state, text);

    private static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash ^= c;
            hash *= Prime;
        }

        return hash;
    }
}

/// <summary>
/// A feature of a token that its neighbours see too (a remembered name, a document hint): <see cref="Name"/> at the token,
/// <c>-1</c> + name at the next token and <c>+1</c> + name at the previous one, with their hashes computed once (the
/// memory and the hints hand out a few shared instances instead of strings to hash at every token).
/// </summary>
internal sealed class NerTokenFeature(string name)
{
    public string Name { get; } = name;

    /// <summary>The feature at the token itself: the name.</summary>
    public NerFeature AsCurrent { get; } = new(name, null);

    /// <summary>The feature at the next token: <c>-1</c> + name.</summary>
    public NerFeature AsPrevious { get; } = new("-1", name);

    /// <summary>The feature at the previous token: <c>+1</c> + name.</summary>
    public NerFeature AsNext { get; } = new("+1", name);

    public override string ToString() => Name;
}
