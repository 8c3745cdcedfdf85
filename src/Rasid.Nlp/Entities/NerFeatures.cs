namespace Rasid.Nlp.Entities;

/// <summary>
/// Feature extraction for the NER tagger: normalized word forms and their clitic-stripped stems in a ±2
/// window, prefixes and suffixes, shape, and lexicon hits (person names, places, actors, nationality
/// adjectives, institutions, titles) of the token and its neighbours. Emission features only: tag
/// transitions are scored separately by the model.
/// </summary>
internal sealed class NerFeatures(EntityLexicon lexicon, WordClusters? wordClusters = null)
{
    private const string Boundary = "<s>";
    private static readonly int[] ClusterPrefixes = [5, 8, 11];

    private readonly WordClusters clusters = wordClusters ?? WordClusters.Default;

    // Feature strings per distinct cluster path, built once (no per-token string allocation for cluster features).
    private readonly Dictionary<string, ClusterFeatureSet> clusterFeatures = BuildClusterFeatures(wordClusters ?? WordClusters.Default);
    private static readonly ClusterFeatureSet NoCluster = new(["c?"], ["c-1?"], ["c+1?"]);
    private static readonly ClusterFeatureSet BoundaryCluster = Neighbours("B");

    /// <summary>The word clusters the features use.</summary>
    public WordClusters Clusters => clusters;

    /// <summary>Features of every token of a sentence (raw token strings).</summary>
    public List<string>[] Extract(IReadOnlyList<string> tokens, EntityMemory? memory = null)
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
        var mem = (memory ?? EntityMemory.Empty).Features(norm.Select(EntityMemory.WordKey).ToArray());
        var result = new List<string>[n];
        for (var i = 0; i < n; i++)
        {
            var f = new List<string>(48) { "b" };
            var w = norm[i];
            f.Add("w=" + w);
            f.Add("st=" + stem[i]);
            for (var k = 1; k <= 3 && k <= w.Length; k++)
            {
                f.Add("p" + k + "=" + w[..k]);
                f.Add("s" + k + "=" + w[^k..]);
            }

            if (stem[i].Length >= 2) f.Add("ss2=" + stem[i][^2..]);
            f.Add("sh=" + Shape(tokens[i]));
            f.Add("len=" + Math.Min(w.Length, 8));
            if (w.StartsWith(ArabicForms.Article, StringComparison.Ordinal)) f.Add("al");
            if (stem[i].Length != w.Length) f.Add("pre=" + w[..^stem[i].Length]);
            var wm1 = i > 0 ? norm[i - 1] : Boundary;
            var wm2 = i > 1 ? norm[i - 2] : Boundary;
            var wp1 = i + 1 < n ? norm[i + 1] : Boundary;
            var wp2 = i + 2 < n ? norm[i + 2] : Boundary;
            f.Add("w-1=" + wm1);
            f.Add("w-2=" + wm2);
            f.Add("w+1=" + wp1);
            f.Add("w+2=" + wp2);
            f.Add("st-1=" + (i > 0 ? stem[i - 1] : Boundary));
            f.Add("st+1=" + (i + 1 < n ? stem[i + 1] : Boundary));
            f.Add("w-1w=" + wm1 + "|" + w);
            f.Add("ww+1=" + w + "|" + wp1);
            f.Add("s-1=" + (i > 0 ? Suffix(norm[i - 1]) : Boundary));
            f.AddRange(cl[i].Word);
            f.AddRange((i > 0 ? cl[i - 1] : BoundaryCluster).Previous);
            f.AddRange((i + 1 < n ? cl[i + 1] : BoundaryCluster).Next);
            foreach (var g in gaz[i]) f.Add("g=" + g);
            if (i > 0) foreach (var g in gaz[i - 1]) f.Add("g-1=" + g);
            if (i + 1 < n) foreach (var g in gaz[i + 1]) f.Add("g+1=" + g);
            if (i > 0 && gaz[i - 1].Count > 0 && gaz[i].Count > 0) f.Add("g-1g=" + gaz[i - 1][0] + "|" + gaz[i][0]);
            foreach (var m in mem[i]) f.Add(m);
            if (i > 0) foreach (var m in mem[i - 1]) f.Add("-1" + m);
            if (i + 1 < n) foreach (var m in mem[i + 1]) f.Add("+1" + m);
            result[i] = f;
        }

        return result;
    }

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

    private static ClusterFeatureSet Neighbours(string path)
    {
        var coarse = path.Length > 5 ? path[..5] : path;
        return new ClusterFeatureSet([], ["c-1=" + coarse, "c-1f=" + path], ["c+1=" + coarse, "c+1f=" + path]);
    }

    private static string Suffix(string s) => s.Length >= 2 ? s[^2..] : s;

    private static string Shape(string token)
    {
        var c = token[0];
        if (c >= '\u0600' && c <= '\u06FF') return "ar";
        if (char.IsDigit(c)) return token.All(char.IsDigit) ? "num" : "numx";
        if (char.IsLetter(c)) return char.IsUpper(c) ? "LAT" : "lat";
        return token.Length == 1 ? "p" + c : "punct";
    }

    /// <summary>Lexicon categories per token, with B/I position of the longest phrase covering it.</summary>
    private List<string>[] LexiconTags(string[] norm)
    {
        var tags = new List<string>[norm.Length];
        for (var i = 0; i < norm.Length; i++) tags[i] = [];
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
                    for (var k = 0; k < m.Length; k++) tags[i + k].Add((k == 0 ? "B-" : "I-") + cat + (m.Length > 1 ? "+" : ""));
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
