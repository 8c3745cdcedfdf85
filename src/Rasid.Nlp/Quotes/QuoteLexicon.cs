using Rasid.Nlp.Times;

namespace Rasid.Nlp.Quotes;

/// <summary>Reporting cues and helper word lists (Quotes/cues-ar.tsv), folded for matching.</summary>
internal sealed class QuoteLexicon
{
    private readonly Dictionary<string, string> _verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _participles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _lists = new(StringComparer.Ordinal);

    public QuoteLexicon(IEnumerable<string[]> rows, string version)
    {
        Version = version;
        foreach (var row in rows)
        {
            if (row.Length < 3) throw new FormatException($"cues lexicon: bad row '{string.Join("\t", row)}'");
            var forms = row[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => ArabicFold.Fold(f.Replace('_', ' ')));
            switch (row[0])
            {
                case "verb":
                    foreach (var f in forms) _verbs[f] = row[1];
                    break;
                case "participle":
                    foreach (var f in forms) _participles[f] = row[1];
                    break;
                default:
                    if (!_lists.TryGetValue(row[0], out var set)) _lists[row[0]] = set = new(StringComparer.Ordinal);
                    set.UnionWith(forms);
                    break;
            }
        }
    }

    public string Version { get; }

    public static QuoteLexicon Default { get; } = Load();

    private static QuoteLexicon Load()
    {
        var rows = LexiconFile.Read("Rasid.Nlp.Quotes.cues-ar.tsv", out var version);
        return new QuoteLexicon(rows, version);
    }

    /// <summary>The cue's lemma and whether it is a continuation participle, for a folded token (و/ف stripped).</summary>
    public (string Lemma, bool Participle)? Cue(string fold)
    {
        foreach (var f in WithoutConjunction(fold))
        {
            if (_verbs.TryGetValue(f, out var lemma)) return (lemma, false);
            if (_participles.TryGetValue(f, out lemma)) return (lemma, true);
        }

        return null;
    }

    public bool In(string list, string fold) => _lists.TryGetValue(list, out var set) && set.Contains(fold);

    /// <summary>The token as is, then without a leading و or ف.</summary>
    public static IEnumerable<string> WithoutConjunction(string fold)
    {
        yield return fold;
        if (fold.Length > 2 && fold[0] is 'و' or 'ف') yield return fold[1..];
    }
}
