namespace Rasid.Nlp.Entities;

/// <summary>
/// Feature extraction for the NER tagger: normalized word forms and their clitic-stripped stems in a ±2
/// window, prefixes and suffixes, shape, and lexicon hits (person names, places, actors, nationality
/// adjectives, institutions, titles) of the token and its neighbours. Emission features only: tag
/// transitions are scored separately by the model.
/// </summary>
internal sealed class NerFeatures(EntityLexicon lexicon, WordClusters? wordClusters = null, NerContextCounts? contextCounts = null, WordClusters? secondClusters = null)
{
    private const string Boundary = "<s>";
    private static readonly int[] ClusterPrefixes = [5, 8, 11];

    private readonly WordClusters clusters = wordClusters ?? WordClusters.Default;
    private readonly NerContextCounts context = contextCounts ?? NerContextCounts.Default;
    private readonly WordClusters clusters2 = secondClusters ?? WordClusters.SecondDefault;
    private readonly Dictionary<string, ClusterFeatureSet> cluster2Features = BuildSecondClusterFeatures(secondClusters ?? WordClusters.SecondDefault);
    private static readonly ClusterFeatureSet NoCluster2 = new(["k?"], ["k-1=?"], ["k+1=?"]);
    private static readonly ClusterFeatureSet BoundaryCluster2 = new([], ["k-1=B"], ["k+1=B"]);

    /// <summary>The second word clustering the features use (<see cref="WordClusters.Empty"/>: no second-cluster features).</summary>
    public WordClusters SecondClusters => clusters2;

    /// <summary>The context counts the features use.</summary>
    public NerContextCounts Context => context;

    // Feature strings per distinct cluster path, built once (no per-token string allocation for cluster features).
    private readonly Dictionary<string, ClusterFeatureSet> clusterFeatures = BuildClusterFeatures(wordClusters ?? WordClusters.Default);
    private static readonly ClusterFeatureSet NoCluster = new(["c?"], ["c-1?"], ["c+1?"]);
    private static readonly ClusterFeatureSet BoundaryCluster = Neighbours("B");

    /// <summary>The word clusters the features use.</summary>
    public WordClusters Clusters => clusters;

    /// <summary>Features of every token of a sentence (raw token strings), as strings (training, inspection).</summary>
    public List<string>[] Extract(IReadOnlyList<string> tokens, EntityMemory? memory = null, IReadOnlyList<string>[]? hints = null)
    {
        var sink = new NerFeatureStrings(tokens.Count);
        Extract(tokens, memory, sink, hints);
        return sink.Features;
    }

    /// <summary>
    /// Features of every token of a sentence, handed to <paramref name="sink"/> in pieces (a prefix and one or two values)
    /// so that decoding can hash them without building strings; the concatenation of the pieces of one call is the
    /// feature string <see cref="Extract(IReadOnlyList{string}, EntityMemory?, IReadOnlyList{string}[])"/> returns, in the same order.
    /// </summary>
    /// <param name="tokens">The sentence.</param>
    /// <param name="memory">Remembered names (features), or null.</param>
    /// <param name="sink">Receives the features.</param>
    /// <param name="hints">Extra features per token (document hints of the second pass, <see cref="DocumentHints"/>), or null.</param>
    public void Extract(IReadOnlyList<string> tokens, EntityMemory? memory, NerFeatureSink sink, IReadOnlyList<string>[]? hints = null)
    {
        var n = tokens.Count;
        var norm = new string[n];
        var stem = new string[n];
        for (var i = 0; i < n; i++)
        {
            norm[i] = ArabicForms.Normalize(tokens[i]);
            stem[i] = ArabicForms.Stem(norm[i]);
        }

        var gaz = LexiconTags(norm);
        var cl = new ClusterFeatureSet[n];
        for (var i = 0; i < n; i++) cl[i] = clusters.PathOfToken(norm[i], stem[i]) is { } path ? clusterFeatures[path] : NoCluster;
        ClusterFeatureSet[]? cl2 = null;
        if (clusters2.Count > 0)
        {
            cl2 = new ClusterFeatureSet[n];
            for (var i = 0; i < n; i++) cl2[i] = clusters2.PathOfToken(norm[i], stem[i]) is { } path ? cluster2Features[path] : NoCluster2;
        }

        var keys = new string[n];
        for (var i = 0; i < n; i++) keys[i] = EntityMemory.WordKey(norm[i]);
        var mem = (memory ?? EntityMemory.Empty).Features(keys);
        for (var i = 0; i < n; i++)
        {
            sink.Token(i);
            sink.Add("b");
            var w = norm[i];
            sink.Add("w=", w);
            sink.Add("st=", stem[i]);
            for (var k = 1; k <= 3 && k <= w.Length; k++)
            {
                sink.Add(PrefixNames[k], w.AsSpan(0, k));
                sink.Add(SuffixNames[k], w.AsSpan(w.Length - k));
            }

            if (stem[i].Length >= 2) sink.Add("ss2=", stem[i].AsSpan(stem[i].Length - 2));
            AddShape(sink, tokens[i]);
            sink.Add(LengthNames[Math.Min(w.Length, 8)]);
            if (w.StartsWith(ArabicForms.Article, StringComparison.Ordinal)) sink.Add("al");
            if (stem[i].Length != w.Length) sink.Add("pre=", w.AsSpan(0, w.Length - stem[i].Length));
            var wm1 = i > 0 ? norm[i - 1] : Boundary;
            var wm2 = i > 1 ? norm[i - 2] : Boundary;
            var wp1 = i + 1 < n ? norm[i + 1] : Boundary;
            var wp2 = i + 2 < n ? norm[i + 2] : Boundary;
            sink.Add("w-1=", wm1);
            sink.Add("w-2=", wm2);
            sink.Add("w+1=", wp1);
            sink.Add("w+2=", wp2);
            sink.Add("st-1=", i > 0 ? stem[i - 1] : Boundary);
            sink.Add("st+1=", i + 1 < n ? stem[i + 1] : Boundary);
            sink.Add("w-1w=", wm1, w);
            sink.Add("ww+1=", w, wp1);
            sink.Add("s-1=", i > 0 ? Suffix(norm[i - 1]) : Boundary);
            foreach (var c in cl[i].Word) sink.Add(c);
            foreach (var c in (i > 0 ? cl[i - 1] : BoundaryCluster).Previous) sink.Add(c);
            foreach (var c in (i + 1 < n ? cl[i + 1] : BoundaryCluster).Next) sink.Add(c);
            if (cl2 is not null)
            {
                foreach (var c in cl2[i].Word) sink.Add(c);
                foreach (var c in (i > 0 ? cl2[i - 1] : BoundaryCluster2).Previous) sink.Add(c);
                foreach (var c in (i + 1 < n ? cl2[i + 1] : BoundaryCluster2).Next) sink.Add(c);
            }

            foreach (var g in gaz[i]) sink.Add("g=", g);
            if (i > 0) foreach (var g in gaz[i - 1]) sink.Add("g-1=", g);
            if (i + 1 < n) foreach (var g in gaz[i + 1]) sink.Add("g+1=", g);
            if (i > 0 && gaz[i - 1].Count > 0 && gaz[i].Count > 0) sink.Add("g-1g=", gaz[i - 1][0], gaz[i][0]);
            foreach (var q in context.Features(keys[i])) sink.Add(q);
            foreach (var m in mem[i]) sink.Add(m);
            if (i > 0) foreach (var m in mem[i - 1]) sink.Add("-1", m);
            if (i + 1 < n) foreach (var m in mem[i + 1]) sink.Add("+1", m);
            if (hints is not null) AddHints(sink, hints, i);
        }
    }

    /// <summary>The document hints of token <paramref name="i"/> and of its neighbours: the last features of the token.</summary>
    public static void AddHints(NerFeatureSink sink, IReadOnlyList<string>[] hints, int i)
    {
        foreach (var h in hints[i]) sink.Add(h);
        if (i > 0) foreach (var h in hints[i - 1]) sink.Add("-1", h);
        if (i + 1 < hints.Length) foreach (var h in hints[i + 1]) sink.Add("+1", h);
    }

    private static readonly string[] PrefixNames = ["", "p1=", "p2=", "p3="];
    private static readonly string[] SuffixNames = ["", "s1=", "s2=", "s3="];
    private static readonly string[] LengthNames = [.. Enumerable.Range(0, 9).Select(k => "len=" + k)];

    /// <summary>Cluster features of a token as the current word, as the previous word and as the next word.</summary>
    private sealed record ClusterFeatureSet(string[] Word, string[] Previous, string[] Next);

    private static Dictionary<string, ClusterFeatureSet> BuildClusterFeatures(WordClusters clusters)
    {
        var result = new Dictionary<string, ClusterFeatureSet>(StringComparer.Ordinal);
        foreach (var path in clusters.Paths)
        {
            if (result.ContainsKey(path)) continue;
            var word = new List<string>();
            foreach (var len in ClusterPrefixes) if (len <= path.Length) word.Add("c" + len + "=" + path[..len]);
            if (path.Length < ClusterPrefixes[^1]) word.Add("c=" + path);
            var n = Neighbours(path);
            result[path] = new ClusterFeatureSet([.. word], n.Previous, n.Next);
        }

        return result;
    }

    // Second clustering: 4- and 7-bit prefixes and the full string of the token, full strings of its neighbours.
    private static Dictionary<string, ClusterFeatureSet> BuildSecondClusterFeatures(WordClusters clusters)
    {
        var result = new Dictionary<string, ClusterFeatureSet>(StringComparer.Ordinal);
        foreach (var path in clusters.Paths)
        {
            if (result.ContainsKey(path)) continue;
            var word = new List<string>();
            foreach (var len in (int[])[4, 7]) if (len < path.Length) word.Add("k" + len + "=" + path[..len]);
            word.Add("kf=" + path);
            result[path] = new ClusterFeatureSet([.. word], ["k-1=" + path], ["k+1=" + path]);
        }

        return result;
    }

    private static ClusterFeatureSet Neighbours(string path)
    {
        var coarse = path.Length > 5 ? path[..5] : path;
        return new ClusterFeatureSet([], ["c-1=" + coarse, "c-1f=" + path], ["c+1=" + coarse, "c+1f=" + path]);
    }

    private static ReadOnlySpan<char> Suffix(string s) => s.Length >= 2 ? s.AsSpan(s.Length - 2) : s;

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
    private static readonly List<string> NoTags = [];

    /// <summary>Lexicon categories per token, with B/I position of the longest phrase covering it.</summary>
    private List<string>[] LexiconTags(string[] norm)
    {
        var tags = new List<string>[norm.Length];
        Array.Fill(tags, NoTags);
        for (var i = 0; i < norm.Length; i++)
        {
            if (norm[i].Length < 2 || !char.IsLetter(norm[i][0])) continue;
            var matches = lexicon.MatchAt(norm, i);
            if (matches.Count == 0) continue;
            var seen = new HashSet<string>();
            foreach (var m in matches)
            {
                foreach (var cat in Categories(m.Entry))
                {
                    if (!seen.Add(cat)) continue;
                    for (var k = 0; k < m.Length; k++)
                    {
                        if (ReferenceEquals(tags[i + k], NoTags)) tags[i + k] = [];
                        tags[i + k].Add((k == 0 ? "B-" : "I-") + cat + (m.Length > 1 ? "+" : ""));
                    }
                }
            }
        }

        return tags;
    }

    private static IEnumerable<string> Categories(LexEntry e)
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
