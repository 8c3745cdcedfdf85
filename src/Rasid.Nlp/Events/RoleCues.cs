namespace Rasid.Nlp.Events;

/// <summary>
/// Word classes from <c>data/events/role_cues.tsv</c> that guide source/target assignment: light verbs (قام بـ),
/// verbs introducing the agent of a nominal event (شنه، نفذته), passive agent markers (على يد، برصاص), locative nouns
/// (شمال، مدينة), quantifiers before a partitive من, auxiliaries and relative pronouns, and attacker roles.
/// </summary>
internal sealed class RoleCues
{
    private readonly Dictionary<string, List<string[]>> _classes;
    // The one-word forms of each class as a set, looked up by span (no substring per prefix).
    private readonly Dictionary<string, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> _words;

    public RoleCues(Dictionary<string, List<string[]>> classes)
    {
        _classes = classes;
        _words = new Dictionary<string, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>>(StringComparer.Ordinal);
        foreach (var (cls, forms) in classes)
        {
            var set = new HashSet<string>(forms.Where(f => f.Length == 1).Select(f => f[0]), StringComparer.Ordinal);
            _words[cls] = set.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>No cues (knowledge folders without role_cues.tsv).</summary>
    public static RoleCues Empty { get; } = new([]);

    /// <summary>True when the token (after an optional و/ف) is a one-word form of <paramref name="cls"/>.</summary>
    public bool Is(string cls, ViewToken token)
    {
        if (!token.IsWord || !_words.TryGetValue(cls, out var words)) return false;
        var f = token.Folded.AsSpan();
        return words.Contains(f) || (f.Length > 3 && f[0] is '\u0648' or '\u0641' && words.Contains(f[1..])); // و ف
    }

    /// <summary>
    /// True when the token (after an optional و/ف) is an imperfect ي/ت + a one-word form of <paramref name="cls"/> (session 11:
    /// يشن، تنفذه as the imperfect of the perfect forms شن، نفذه).
    /// </summary>
    public bool IsImperfectOf(string cls, ViewToken token)
    {
        if (!token.IsWord || !_words.TryGetValue(cls, out var words)) return false;
        var f = token.Folded.AsSpan();
        if (f.Length > 3 && f[0] is '\u0648' or '\u0641') f = f[1..]; // و ف
        return f.Length >= 3 && f[0] is '\u064A' or '\u062A' && words.Contains(f[1..]); // ي ت
    }

    /// <summary>
    /// True when the token, after stripping و/ف, ب/ل/ك and ال (or nothing), is a one-word form of <paramref name="cls"/> (بشمال،
    /// والمدينة). For forms of two or more letters this includes every token <see cref="Is"/> accepts.
    /// </summary>
    public bool IsStripped(string cls, ViewToken token)
    {
        if (!token.IsWord || !_words.TryGetValue(cls, out var words)) return false;
        var f = token.Folded;
        foreach (var prefix in StripPrefixes)
        {
            if (!f.StartsWith(prefix, StringComparison.Ordinal) || f.Length - prefix.Length < 2) continue;
            if (words.Contains(f.AsSpan(prefix.Length))) return true;
        }

        return false;
    }

    private static readonly string[] StripPrefixes = BuildPrefixes();

    private static string[] BuildPrefixes()
    {
        var list = new List<string>();
        foreach (var c in new[] { "", "\u0648", "\u0641" })
        {
            foreach (var p in new[] { "", "\u0628", "\u0644", "\u0643" })
            {
                list.Add(c + p);
                list.Add(c + p + "\u0627\u0644");
            }

            list.Add(c + "\u0644\u0644");
        }

        return [.. list];
    }

    /// <summary>The forms of class <paramref name="cls"/> (each a sequence of folded words), or none.</summary>
    public IReadOnlyList<string[]> Forms(string cls) => _classes.TryGetValue(cls, out var forms) ? forms : [];

    /// <summary>True when <paramref name="code"/> is listed in class <paramref name="cls"/> (attacker roles).</summary>
    public bool HasValue(string cls, string code) =>
        _classes.TryGetValue(cls, out var forms) && forms.Any(f => f.Length == 1 && f[0] == code);

    /// <summary>The last token of a form of <paramref name="cls"/> starting at token <paramref name="k"/>, or -1.</summary>
    public int MatchAt(string cls, IReadOnlyList<ViewToken> tokens, int k)
    {
        if (!_classes.TryGetValue(cls, out var forms)) return -1;
        var best = -1;
        foreach (var form in forms)
        {
            var j = k;
            var ok = true;
            for (var w = 0; w < form.Length && ok; w++, j++)
            {
                while (j < tokens.Count && !tokens[j].IsWord && w > 0) j++;
                if (j >= tokens.Count || !tokens[j].IsWord) { ok = false; break; }
                var f = tokens[j].Folded;
                var bare = w == 0 && f.Length > 3 && f[0] is '\u0648' or '\u0641' ? f[1..] : f;
                ok = f == form[w] || bare == form[w];
            }

            if (ok && j - 1 > best) best = j - 1;
        }

        return best;
    }
}
