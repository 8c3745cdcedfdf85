using System.Collections.Concurrent;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Feature extraction for the NER tagger: normalized word forms and their clitic-stripped stems in a ±2
/// window, prefixes and suffixes, shape, and lexicon hits (person names, places, actors, nationality
/// adjectives, institutions, titles) of the token and its neighbours. Emission features only: tag
/// transitions are scored separately by the model.
/// </summary>
internal sealed class NerFeatures(EntityLexicon lexicon, WordClusters? wordClusters = null, NerContextCounts? contextCounts = null, WordClusters? secondClusters = null)
{
    private static readonly int[] ClusterPrefixes = [5, 8, 11];

    private readonly WordClusters clusters = wordClusters ?? WordClusters.Default;
    private readonly NerContextCounts context = contextCounts ?? NerContextCounts.Default;
    private readonly WordClusters clusters2 = secondClusters ?? WordClusters.SecondDefault;
    private readonly Dictionary<string, NerClusterFeatures> cluster2Features = BuildSecondClusterFeatures(secondClusters ?? WordClusters.SecondDefault);
    private static readonly NerClusterFeatures NoCluster2 = NerClusterFeatures.Of(["k?"], ["k-1=?"], ["k+1=?"]);
    private static readonly NerClusterFeatures BoundaryCluster2 = NerClusterFeatures.Of([], ["k-1=B"], ["k+1=B"]);

    /// <summary>The second word clustering the features use (<see cref="WordClusters.Empty"/>: no second-cluster features).</summary>
    public WordClusters SecondClusters => clusters2;

    /// <summary>The context counts the features use.</summary>
    public NerContextCounts Context => context;

    // Feature strings per distinct cluster path, built once (no per-token string allocation for cluster features).
    private readonly Dictionary<string, NerClusterFeatures> clusterFeatures = BuildClusterFeatures(wordClusters ?? WordClusters.Default);
    private static readonly NerClusterFeatures NoCluster = NerClusterFeatures.Of(["c?"], ["c-1?"], ["c+1?"]);
    private static readonly NerClusterFeatures BoundaryCluster = Neighbours("B");

    /// <summary>The word clusters the features use.</summary>
    public WordClusters Clusters => clusters;

    /// <summary>Features of every token of a sentence (raw token strings), as strings (training, inspection).</summary>
    public List<string>[] Extract(IReadOnlyList<string> tokens, EntityMemory? memory = null, IReadOnlyList<NerTokenFeature>[]? hints = null)
    {
        var sink = new NerFeatureStrings(tokens.Count);
        Extract(tokens, memory, sink, hints);
        return sink.Features;
    }

    /// <summary>
    /// Features of every token of a sentence, handed to <paramref name="sink"/> in pieces (a prefix and one or two values)
    /// so that decoding can hash them without building strings; the concatenation of the pieces of one call is the
    /// feature string <see cref="Extract(IReadOnlyList{string}, EntityMemory?, IReadOnlyList{NerTokenFeature}[])"/> returns, in the same order.
    /// </summary>
    /// <param name="tokens">The sentence.</param>
    /// <param name="memory">Remembered names (features), or null.</param>
    /// <param name="sink">Receives the features.</param>
    /// <param name="hints">Extra features per token (document hints of the second pass, <see cref="DocumentHints"/>), or null.</param>
    /// <param name="prepared">The sentence's word facts and lexicon matches (<see cref="Prepare"/>), when the caller has them already.</param>
    public void Extract(IReadOnlyList<string> tokens, EntityMemory? memory, NerFeatureSink sink, IReadOnlyList<NerTokenFeature>[]? hints = null, NerSentence? prepared = null)
    {
        var n = tokens.Count;
        var sentence = prepared ?? Prepare(tokens);
        var facts = sentence.Facts;
        var norm = sentence.Norm;
        var keys = sentence.Keys;
        var gaz = LexiconTags(norm, sentence.Matches);
        var mem = (memory ?? EntityMemory.Empty).Features(keys, facts);
        for (var i = 0; i < n; i++)
        {
            var f = facts[i];
            sink.Token(i);
            sink.AddWordBlock(f, WordBlock);
            var prev = i > 0 ? facts[i - 1] : NerWordFacts.Boundary;
            var next = i + 1 < n ? facts[i + 1] : NerWordFacts.Boundary;
            sink.Add(prev.AsPrevious);
            sink.Add((i > 1 ? facts[i - 2] : NerWordFacts.Boundary).AsSecondPrevious);
            sink.Add(next.AsNext);
            sink.Add((i + 2 < n ? facts[i + 2] : NerWordFacts.Boundary).AsSecondNext);
            sink.Add(prev.StemAsPrevious);
            sink.Add(next.StemAsNext);
            sink.Add(prev.AsPairPrevious, f.Norm);
            sink.Add(f.AsPairCurrent, next.Norm);
            sink.Add(prev.SuffixAsPrevious);
            foreach (ref readonly var c in f.Clusters.Word.AsSpan()) sink.Add(c);
            foreach (ref readonly var c in (i > 0 ? prev.Clusters : BoundaryCluster).Previous.AsSpan()) sink.Add(c);
            foreach (ref readonly var c in (i + 1 < n ? next.Clusters : BoundaryCluster).Next.AsSpan()) sink.Add(c);
            if (f.SecondClusters is { } k)
            {
                foreach (ref readonly var c in k.Word.AsSpan()) sink.Add(c);
                foreach (ref readonly var c in (i > 0 ? prev.SecondClusters! : BoundaryCluster2).Previous.AsSpan()) sink.Add(c);
                foreach (ref readonly var c in (i + 1 < n ? next.SecondClusters! : BoundaryCluster2).Next.AsSpan()) sink.Add(c);
            }

            foreach (var g in gaz[i]) sink.Add(g.AsCurrent);
            if (i > 0) foreach (var g in gaz[i - 1]) sink.Add(g.AsPrevious);
            if (i + 1 < n) foreach (var g in gaz[i + 1]) sink.Add(g.AsNext);
            if (i > 0 && gaz[i - 1].Count > 0 && gaz[i].Count > 0) sink.Add(gaz[i - 1][0].AsPairPrevious, gaz[i][0].Name);
            foreach (ref readonly var q in f.Context.AsSpan()) sink.Add(q);
            AddWithNeighbours(sink, mem, i);
            if (hints is not null) AddWithNeighbours(sink, hints, i);
        }
    }

    /// <summary>
    /// The features of a token that depend on the token alone (its form, stem, affixes, shape, length, article, proclitics),
    /// the first features of every token: a sink may remember their summed weights per word (<see cref="NerFeatureSink.AddWordBlock"/>).
    /// </summary>
    private static void WordBlock(NerFeatureSink sink, NerWordFacts f)
    {
        var w = f.Norm;
        var stem = f.Stem;
        sink.Add("b");
        sink.Add("w=", w);
        sink.Add("st=", stem);
        for (var k = 1; k <= 3 && k <= w.Length; k++)
        {
            sink.Add(PrefixNames[k], w.AsSpan(0, k));
            sink.Add(SuffixNames[k], w.AsSpan(w.Length - k));
        }

        if (stem.Length >= 2) sink.Add("ss2=", stem.AsSpan(stem.Length - 2));
        AddShape(sink, f.Token);
        sink.Add(LengthNames[Math.Min(w.Length, 8)]);
        if (w.StartsWith(ArabicForms.Article, StringComparison.Ordinal)) sink.Add("al");
        if (stem.Length != w.Length) sink.Add("pre=", w.AsSpan(0, w.Length - stem.Length));
    }

    /// <summary>
    /// The word facts of a sentence's tokens, their normalized forms and memory keys, and the lexicon matches at each token:
    /// computed once for the features and for whoever else needs them.
    /// </summary>
    internal NerSentence Prepare(IReadOnlyList<string> tokens)
    {
        var n = tokens.Count;
        var facts = new NerWordFacts[n];
        var norm = new string[n];
        var keys = new string[n];
        for (var i = 0; i < n; i++)
        {
            facts[i] = Facts(tokens[i]);
            norm[i] = facts[i].Norm;
            keys[i] = facts[i].Key;
        }

        var matches = new IReadOnlyList<LexMatch>[n];
        for (var i = 0; i < n; i++) matches[i] = facts[i].MayStartPhrase ? lexicon.MatchAt(norm, i) : [];

        return new NerSentence(facts, norm, keys, matches);
    }

    // The facts of the first MaxCachedWords distinct tokens seen, shared by the threads using this NerFeatures, kept for
    // its lifetime: the frequent words of news arrive early, and a cache that never evicts promotes nothing to the old
    // GC generations once full (a rotating cache made gen-1/gen-2 collections 3x as frequent; docs/performance.md).
    // Later new words get facts computed for their sentence only.
    private const int MaxCachedWords = 60_000;
    // Created with room for all of them (plus the few a race between threads may add past the limit), so that it never
    // grows: each growth of a ConcurrentDictionary re-allocates every node and its bucket array (docs/performance.md).
    private readonly ConcurrentDictionary<string, NerWordFacts> cachedFacts = new(Environment.ProcessorCount, MaxCachedWords + MaxCachedWords / 4, StringComparer.Ordinal);
    private int cachedCount;

    /// <summary>
    /// What the features need of a token (normalized form, stem, keys, clusters, context counts, whether a lexicon phrase
    /// can start at it), computed once and remembered for the first <see cref="MaxCachedWords"/> distinct tokens (thread-safe).
    /// </summary>
    internal NerWordFacts Facts(string token)
    {
        if (cachedFacts.TryGetValue(token, out var facts)) return facts;
        facts = NewFacts(token);
        if (Volatile.Read(ref cachedCount) < MaxCachedWords)
        {
            facts.Shared = true;
            if (cachedFacts.TryAdd(token, facts)) Interlocked.Increment(ref cachedCount);
        }

        return facts;
    }

    private NerWordFacts NewFacts(string token)
    {
        var norm = ArabicForms.Normalize(token);
        var stem = ArabicForms.Stem(norm);
        var key = EntityMemory.WordKey(norm);
        var cl = clusters.PathOfToken(norm, stem) is { } path ? clusterFeatures[path] : NoCluster;
        var cl2 = clusters2.Count == 0 ? null : clusters2.PathOfToken(norm, stem) is { } path2 ? cluster2Features[path2] : NoCluster2;
        return new NerWordFacts(token, norm, stem, key, cl, cl2, [.. context.Features(key).Select(q => new NerFeature(q, null))], lexicon.CanStartPhrase(norm));
    }

    /// <summary>
    /// The features of token <paramref name="i"/> in <paramref name="features"/> (one list per token: remembered names, or
    /// document hints, the last features of the token) and those of its neighbours as seen from it.
    /// </summary>
    public static void AddWithNeighbours(NerFeatureSink sink, IReadOnlyList<NerTokenFeature>[] features, int i)
    {
        // Indexed loops: foreach over an IReadOnlyList allocates an enumerator.
        var own = features[i];
        for (var k = 0; k < own.Count; k++) sink.Add(own[k].AsCurrent);
        if (i > 0)
        {
            var previous = features[i - 1];
            for (var k = 0; k < previous.Count; k++) sink.Add(previous[k].AsPrevious);
        }

        if (i + 1 < features.Length)
        {
            var next = features[i + 1];
            for (var k = 0; k < next.Count; k++) sink.Add(next[k].AsNext);
        }
    }

    private static readonly string[] PrefixNames = ["", "p1=", "p2=", "p3="];
    private static readonly string[] SuffixNames = ["", "s1=", "s2=", "s3="];
    private static readonly string[] LengthNames = [.. Enumerable.Range(0, 9).Select(k => "len=" + k)];

    private static Dictionary<string, NerClusterFeatures> BuildClusterFeatures(WordClusters clusters)
    {
        var result = new Dictionary<string, NerClusterFeatures>(StringComparer.Ordinal);
        foreach (var path in clusters.Paths)
        {
            if (result.ContainsKey(path)) continue;
            var word = new List<string>();
            foreach (var len in ClusterPrefixes) if (len <= path.Length) word.Add("c" + len + "=" + path[..len]);
            if (path.Length < ClusterPrefixes[^1]) word.Add("c=" + path);
            var n = Neighbours(path);
            result[path] = new NerClusterFeatures([.. word.Select(x => new NerFeature(x, null))], n.Previous, n.Next);
        }

        return result;
    }

    // Second clustering: 4- and 7-bit prefixes and the full string of the token, full strings of its neighbours.
    private static Dictionary<string, NerClusterFeatures> BuildSecondClusterFeatures(WordClusters clusters)
    {
        var result = new Dictionary<string, NerClusterFeatures>(StringComparer.Ordinal);
        foreach (var path in clusters.Paths)
        {
            if (result.ContainsKey(path)) continue;
            var word = new List<string>();
            foreach (var len in (int[])[4, 7]) if (len < path.Length) word.Add("k" + len + "=" + path[..len]);
            word.Add("kf=" + path);
            result[path] = NerClusterFeatures.Of([.. word], ["k-1=" + path], ["k+1=" + path]);
        }

        return result;
    }

    private static NerClusterFeatures Neighbours(string path)
    {
        var coarse = path.Length > 5 ? path[..5] : path;
        return NerClusterFeatures.Of([], ["c-1=" + coarse, "c-1f=" + path], ["c+1=" + coarse, "c+1f=" + path]);
    }

    private static void AddShape(NerFeatureSink sink, string token)
    {
        var c = token[0];
        if (c >= '\u0600' && c <= '\u06FF') sink.Add("sh=ar");
        else if (char.IsDigit(c)) sink.Add(AllDigits(token) ? "sh=num" : "sh=numx");
        else if (char.IsLetter(c)) sink.Add(char.IsUpper(c) ? "sh=LAT" : "sh=lat");
        else if (token.Length == 1) sink.Add("sh=p", token);
        else sink.Add("sh=punct");
    }

    private static bool AllDigits(string token)
    {
        foreach (var ch in token) if (!char.IsDigit(ch)) return false;
        return true;
    }

    // Shared by every token without lexicon categories; never added to.
    private static readonly List<NerGazTag> NoTags = [];

    /// <summary>Lexicon categories per token, with B/I position of the longest phrase covering it.</summary>
    private static List<NerGazTag>[] LexiconTags(string[] norm, IReadOnlyList<LexMatch>[] matchesAt)
    {
        var tags = new List<NerGazTag>[norm.Length];
        Array.Fill(tags, NoTags);
        // The categories already given at token i (first match wins; a handful at most, so a linear search).
        List<string>? seen = null;
        for (var i = 0; i < norm.Length; i++)
        {
            if (norm[i].Length < 2 || !char.IsLetter(norm[i][0])) continue;
            var matches = matchesAt[i];
            if (matches.Count == 0) continue;
            seen ??= SeenScratch ??= [];
            seen.Clear();
            for (var j = 0; j < matches.Count; j++)
            {
                var m = matches[j];
                var names = NerLexNames.Of(m.Entry);
                var categories = names.Categories;
                for (var c = 0; c < categories.Length; c++)
                {
                    if (Contains(seen, categories[c])) continue;
                    seen.Add(categories[c]);
                    for (var k = 0; k < m.Length; k++)
                    {
                        if (ReferenceEquals(tags[i + k], NoTags)) tags[i + k] = [];
                        tags[i + k].Add(names.Tag(c, k == 0, m.Length > 1));
                    }
                }
            }
        }

        return tags;

        static bool Contains(List<string> seen, string category)
        {
            foreach (var s in seen) if (string.Equals(s, category, StringComparison.Ordinal)) return true;
            return false;
        }
    }

    // The categories seen at one token (LexiconTags), per thread.
    [ThreadStatic]
    private static List<string>? SeenScratch;

    // "B-first", "I-city+", ...: built once per category and position.
    private static readonly ConcurrentDictionary<(string Category, bool Begin, bool Multi), NerGazTag> TagNames = new();

    /// <summary>The gazetteer tag of a category at a position of a phrase (one shared tag per name).</summary>
    internal static NerGazTag TagName(string category, bool begin, bool multi) =>
        TagNames.GetOrAdd((category, begin, multi), static key => new NerGazTag((key.Begin ? "B-" : "I-") + key.Category + (key.Multi ? "+" : "")));

    internal static IEnumerable<string> Categories(LexEntry e)
    {
        if (e.FirstName) yield return "first";
        if (e.LastName) yield return "last";
        if (e.Place is { } p) yield return p.Kind == "country" ? "country" : "city";
        if (e.Actors.Count > 0)
        {
            var a = e.Actors[0];
            yield return a.Source == "petrarch" ? "pet" + (a.Code is { Length: >= 3 } c ? (c.Length == 3 ? "C" : c[3..]) : "") : "act" + a.Type;
        }

        if (e.Nationality is not null) yield return "nat";
        if (e.InstitutionRole is not null) yield return "inst";
        if (e.Titles.Count > 0) yield return "title";
        if (e.AgentRole is not null) yield return "agent";
    }
}

/// <summary>A sentence prepared for the NER features (<see cref="NerFeatures.Prepare"/>).</summary>
/// <param name="Facts">The facts of each token.</param>
/// <param name="Norm">Each token normalized (<see cref="ArabicForms.Normalize(string)"/>).</param>
/// <param name="Keys">Each token's memory key (<see cref="EntityMemory.WordKey"/>).</param>
/// <param name="Matches">The lexicon matches starting at each token (<see cref="EntityLexicon.MatchAt"/>).</param>
internal sealed record NerSentence(NerWordFacts[] Facts, string[] Norm, string[] Keys, IReadOnlyList<LexMatch>[] Matches);

/// <summary>Cluster features of a token as the current word, as the previous word and as the next word (hashes computed once).</summary>
internal sealed record NerClusterFeatures(NerFeature[] Word, NerFeature[] Previous, NerFeature[] Next)
{
    public static NerClusterFeatures Of(string[] word, string[] previous, string[] next) =>
        new([.. word.Select(x => new NerFeature(x, null))], [.. previous.Select(x => new NerFeature(x, null))], [.. next.Select(x => new NerFeature(x, null))]);
}

/// <summary>
/// What the NER features need of one token, computed once per distinct token (<see cref="NerFeatures.Facts"/>): its
/// normalized form, stem and memory key, its cluster and context-count features, and its features as a neighbour of
/// another token, with their hashes. A decoder may also remember here the summed weights of the token's own features
/// (<see cref="Block"/>) and what an entity memory knows of it (<see cref="Remembered"/>). Thread-safe: those two are
/// immutable records replaced whole.
/// </summary>
internal sealed class NerWordFacts
{
    private const string BoundaryForm = "<s>";

    /// <summary>The facts standing for the positions before the first and after the last token.</summary>
    public static readonly NerWordFacts Boundary = new(BoundaryForm, BoundaryForm, BoundaryForm, BoundaryForm, null!, null, [], false, boundary: true) { Shared = true };

    public NerWordFacts(string token, string norm, string stem, string key, NerClusterFeatures clusters, NerClusterFeatures? secondClusters, NerFeature[] context, bool mayStartPhrase, bool boundary = false)
    {
        MayStartPhrase = mayStartPhrase;
        Token = token;
        Norm = norm;
        Stem = stem;
        Key = key;
        Clusters = clusters;
        SecondClusters = secondClusters;
        Context = context;
        AsPrevious = new NerFeature("w-1=", norm);
        AsSecondPrevious = new NerFeature("w-2=", norm);
        AsNext = new NerFeature("w+1=", norm);
        AsSecondNext = new NerFeature("w+2=", norm);
        StemAsPrevious = new NerFeature("st-1=", boundary ? BoundaryForm : stem);
        StemAsNext = new NerFeature("st+1=", boundary ? BoundaryForm : stem);
        SuffixAsPrevious = new NerFeature("s-1=", boundary || norm.Length < 2 ? norm : norm[^2..]);
        AsPairPrevious = new NerPairStart("w-1w=", norm);
        AsPairCurrent = new NerPairStart("ww+1=", norm);
    }

    public string Token { get; }

    public string Norm { get; }

    public string Stem { get; }

    /// <summary>The memory key (<see cref="EntityMemory.WordKey"/>).</summary>
    public string Key { get; }

    public NerClusterFeatures Clusters { get; }

    public NerClusterFeatures? SecondClusters { get; }

    public NerFeature[] Context { get; }

    public NerFeature AsPrevious { get; }

    public NerFeature AsSecondPrevious { get; }

    public NerFeature AsNext { get; }

    public NerFeature AsSecondNext { get; }

    public NerFeature StemAsPrevious { get; }

    public NerFeature StemAsNext { get; }

    public NerFeature SuffixAsPrevious { get; }

    /// <summary>The word as the first of the pair feature (previous word, word): <c>w-1w=</c> + norm + "|".</summary>
    public NerPairStart AsPairPrevious { get; }

    /// <summary>The word as the first of the pair feature (word, next word): <c>ww+1=</c> + norm + "|".</summary>
    public NerPairStart AsPairCurrent { get; }

    /// <summary>Whether a phrase of the features' lexicon can start at this word (<see cref="EntityLexicon.CanStartPhrase"/>).</summary>
    public bool MayStartPhrase { get; }

    private MemoryFacts? remembered;

    /// <summary>What <paramref name="memory"/> knows of this word (<see cref="EntityMemory.Word"/>), remembered.</summary>
    public (NerTokenFeature? WordFeature, bool MayStartPhrase) Remembered(EntityMemory memory)
    {
        var r = remembered;
        if (r is null || !ReferenceEquals(r.Memory, memory))
        {
            var (feature, mayStart) = memory.Word(Key);
            remembered = r = new MemoryFacts(memory, feature, mayStart);
        }

        return (r.WordFeature, r.MayStartPhrase);
    }

    /// <summary>
    /// The summed weights of the token's own features (<see cref="NerFeatures"/>' word block) in one weight table, set
    /// by the decoder that uses that table (replaced whole, never changed).
    /// </summary>
    public WordBlockSums? Block { get; set; }

    /// <summary>
    /// Whether these facts are (about to be) kept in the facts cache, so that remembering sums on them pays off; facts of a
    /// word seen once beyond the cache serve one sentence only.
    /// </summary>
    public bool Shared { get; set; }

    private sealed record MemoryFacts(EntityMemory Memory, NerTokenFeature? WordFeature, bool MayStartPhrase);
}

/// <summary>Summed weights (<paramref name="Sums"/>, never changed) of a word's own features in the weight table <paramref name="Table"/>.</summary>
internal sealed record WordBlockSums(object Table, float[] Sums);

/// <summary>
/// The NER feature names of one lexicon entry, built once per entry (<see cref="LexEntry.NerNames"/>): its categories as token
/// features (<see cref="NerFeatures"/>), in the order the features list them, with the gazetteer tag name of each category
/// at each position of a phrase.
/// </summary>
internal sealed class NerLexNames
{
    // Per category: the tag at [begin single, begin multi, inside single, inside multi].
    private readonly NerGazTag[] tags;

    private NerLexNames(LexEntry e)
    {
        Categories = [.. NerFeatures.Categories(e)];
        tags = new NerGazTag[Categories.Length * 4];
        for (var c = 0; c < Categories.Length; c++)
        {
            tags[c * 4] = NerFeatures.TagName(Categories[c], true, false);
            tags[c * 4 + 1] = NerFeatures.TagName(Categories[c], true, true);
            tags[c * 4 + 2] = NerFeatures.TagName(Categories[c], false, false);
            tags[c * 4 + 3] = NerFeatures.TagName(Categories[c], false, true);
        }
    }

    /// <summary>The entry's categories as token features (first, last, country/city, pet…/act…, nat, inst, title, agent).</summary>
    public string[] Categories { get; }

    /// <summary>The gazetteer tag of category <paramref name="c"/> on a token that begins the phrase or not, of a phrase of one token or more.</summary>
    public NerGazTag Tag(int c, bool begin, bool multi) => tags[c * 4 + (begin ? 0 : 2) + (multi ? 1 : 0)];

    /// <summary>The names of <paramref name="entry"/>, built the first time.</summary>
    public static NerLexNames Of(LexEntry entry) => entry.NerNames ??= new NerLexNames(entry);
}

/// <summary>
/// A gazetteer tag of a token (<c>B-first</c>, <c>I-city+</c>, …: a lexicon category and the token's place in the phrase) with
/// its features as the token's, the previous token's and the next token's tag (hashes computed once per tag).
/// </summary>
internal sealed class NerGazTag(string name)
{
    public string Name { get; } = name;

    /// <summary><c>g=</c> + name.</summary>
    public NerFeature AsCurrent { get; } = new("g=", name);

    /// <summary><c>g-1=</c> + name.</summary>
    public NerFeature AsPrevious { get; } = new("g-1=", name);

    /// <summary><c>g+1=</c> + name.</summary>
    public NerFeature AsNext { get; } = new("g+1=", name);

    /// <summary><c>g-1g=</c> + name + "|", the first half of the pair of the previous token's first tag and the token's.</summary>
    public NerPairStart AsPairPrevious { get; } = new("g-1g=", name);
}
