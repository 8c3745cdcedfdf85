namespace Rasid.Nlp.Training;

/// <summary>Which of the UPOS relabellings of <see cref="ConventionMap.Apply(IReadOnlyList{IReadOnlyList{TrainingToken}}, out int, TagConventionKinds)"/> are applied.</summary>
[Flags]
public enum TagConventionKinds
{
    /// <summary>No UPOS is relabelled (lemmas only).</summary>
    None = 0,

    /// <summary>A form's one UPOS in the target (غير PART).</summary>
    Form = 1,

    /// <summary>An ambiguous form's UPOS after or before a given UPOS (sentence-initial و PART).</summary>
    Context = 2,

    /// <summary>Adjacent name words (الأمم المتحدة PROPN PROPN).</summary>
    Pairs = 4,

    /// <summary>All three.</summary>
    All = Form | Context | Pairs,
}

/// <summary>
/// Annotation conventions learned from a small in-domain treebank (the target: PUD training sentences) and applied to
/// a larger one annotated differently (the source: PADT), so that the tagger learns one output convention.
/// Three kinds of relabelling, each learned only from the target sentences it is given:
/// <list type="bullet">
/// <item>a word form seen at least <c>minCount</c> times in the target with one UPOS in at least <c>minShare</c> of its
/// uses takes that UPOS everywhere in the source (PUD: غير PART, عام ADV, بينما ADP);</item>
/// <item>two adjacent words that the target tags as part of a name (PROPN, NOUN or ADJ with at least one PROPN, the pair always tagged alike)
/// take the target's tags wherever the source has the same two forms (PUD: الأمم المتحدة PROPN PROPN, PADT NOUN ADJ);</item>
/// <item>with <c>context</c>, a form that is ambiguous in the target (no rule above) but seen at least <c>minCount</c>
/// times after one UPOS (or first in its sentence), or before one UPOS (or last), with one UPOS in at least
/// <c>minShare</c> of those uses takes that UPOS in the same context in the source, looked up after the source's
/// previous tag first, then before its next tag (PUD: a sentence-initial و is PART, PADT: CCONJ; كان before a verb is
/// AUX; عام after a preposition is NOUN, at the start of a sentence ADV);</item>
/// <item>the lemma of a form and UPOS seen at least <c>minCount</c> times in the target with one lemma in at least
/// <c>minShare</c> of its uses replaces the source's lemma (PUD: ذلك → ذ`لك).</item>
/// </list>
/// </summary>
public sealed class ConventionMap
{
    private readonly Dictionary<string, string> _tags;
    private readonly Dictionary<(string, string), (string, string)> _pairs;
    private readonly Dictionary<string, string> _lemmas;
    private readonly Dictionary<string, string> _context;

    private ConventionMap(Dictionary<string, string> tags, Dictionary<(string, string), (string, string)> pairs, Dictionary<string, string> lemmas, Dictionary<string, string> context)
    {
        _tags = tags;
        _context = context;
        _pairs = pairs;
        _lemmas = lemmas;
    }

    /// <summary>Number of forms with a learned UPOS.</summary>
    public int TagRules => _tags.Count;

    /// <summary>Number of learned name pairs.</summary>
    public int PairRules => _pairs.Count;

    /// <summary>Number of learned tags of a form after or before a UPOS.</summary>
    public int ContextRules => _context.Count;

    /// <summary>Number of learned (form, UPOS) lemmas.</summary>
    public int LemmaRules => _lemmas.Count;

    /// <summary>Learns the conventions of <paramref name="target"/>.</summary>
    /// <param name="target">Sentences annotated in the wanted convention.</param>
    /// <param name="minCount">Uses a form (or form and UPOS) needs before its UPOS (lemma) is taken as a convention.</param>
    /// <param name="minShare">Share of those uses that must agree.</param>
    /// <param name="context">Also learn the UPOS of ambiguous forms after and before a given UPOS.</param>
    public static ConventionMap Learn(IReadOnlyList<IReadOnlyList<TrainingToken>> target, int minCount = 3, double minShare = 0.9, bool context = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tagCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lemmaCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var pairCounts = new Dictionary<(string, string), Dictionary<(string, string), int>>();
        var contextCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sentence in target)
        {
            var words = sentence.SelectMany(t => t.Words).ToArray();
            for (var i = 0; i < words.Length; i++)
            {
                var w = words[i];
                if (w.Upos == TrainingCorpus.Unknown) continue;
                Count(tagCounts, w.TaggerForm, w.Upos);
                if (context)
                {
                    Count(contextCounts, AfterKey(i > 0 ? words[i - 1].Upos : null, w.TaggerForm), w.Upos);
                    Count(contextCounts, BeforeKey(i + 1 < words.Length ? words[i + 1].Upos : null, w.TaggerForm), w.Upos);
                }

                if (w.Lemma is not ("" or "_")) Count(lemmaCounts, w.TaggerForm + "\t" + w.Upos, w.Lemma);
                if (i + 1 < words.Length && words[i + 1].Upos != TrainingCorpus.Unknown)
                {
                    var key = (w.TaggerForm, words[i + 1].TaggerForm);
                    if (!pairCounts.TryGetValue(key, out var d)) pairCounts[key] = d = [];
                    var tags = (w.Upos, words[i + 1].Upos);
                    d[tags] = d.GetValueOrDefault(tags) + 1;
                }
            }
        }

        var formTags = Majorities(tagCounts, minCount, minShare);
        var lemmas = Majorities(lemmaCounts, minCount, minShare);
        var pairs = new Dictionary<(string, string), (string, string)>();
        foreach (var (key, d) in pairCounts)
        {
            if (d.Count != 1) continue;
            var tags = d.Keys.Single();
            if ((tags.Item1 == "PROPN" || tags.Item2 == "PROPN") && NameWord(tags.Item1) && NameWord(tags.Item2)) pairs[key] = tags;
        }

        // Context rules only for forms without a rule of their own: they split what the form rule could not decide.
        var contextTags = Majorities(contextCounts, minCount, minShare)
            .Where(kv => !formTags.ContainsKey(kv.Key[(kv.Key.IndexOf('\t', StringComparison.Ordinal) + 1)..]))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new ConventionMap(formTags, pairs, lemmas, contextTags);

        static bool NameWord(string upos) => upos is "PROPN" or "NOUN" or "ADJ";

        static void Count(Dictionary<string, Dictionary<string, int>> table, string key, string value)
        {
            if (!table.TryGetValue(key, out var d)) table[key] = d = new Dictionary<string, int>(StringComparer.Ordinal);
            d[value] = d.GetValueOrDefault(value) + 1;
        }
    }

    /// <summary>The context key of a form after a UPOS (null: first in its sentence).</summary>
    private static string AfterKey(string? previous, string form) => "<" + (previous ?? "^") + "\t" + form;

    /// <summary>The context key of a form before a UPOS (null: last in its sentence).</summary>
    private static string BeforeKey(string? next, string form) => ">" + (next ?? "$") + "\t" + form;

    private static Dictionary<string, string> Majorities(Dictionary<string, Dictionary<string, int>> counts, int minCount, double minShare)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, d) in counts)
        {
            var total = d.Values.Sum();
            if (total < minCount) continue;
            var best = d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
            if (best.Value >= minShare * total) result[key] = best.Key;
        }

        return result;
    }

    /// <summary>
    /// <paramref name="source"/> relabelled to the learned conventions (a new list; the input is not changed).
    /// <paramref name="changed"/> counts the words whose UPOS or lemma changed. <paramref name="tagRules"/> false: relabel
    /// the lemmas only (looked up with the source's own UPOS), not the UPOS.
    /// </summary>
    public List<IReadOnlyList<TrainingToken>> Apply(IReadOnlyList<IReadOnlyList<TrainingToken>> source, out int changed, bool tagRules = true) =>
        Apply(source, out changed, tagRules ? TagConventionKinds.All : TagConventionKinds.None);

    /// <summary>
    /// <paramref name="source"/> relabelled to the learned conventions (a new list; the input is not changed), with only
    /// the UPOS relabellings of <paramref name="kinds"/> (lemmas always). <paramref name="changed"/> counts the words
    /// whose UPOS or lemma changed.
    /// </summary>
    public List<IReadOnlyList<TrainingToken>> Apply(IReadOnlyList<IReadOnlyList<TrainingToken>> source, out int changed, TagConventionKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = new List<IReadOnlyList<TrainingToken>>(source.Count);
        changed = 0;
        foreach (var sentence in source)
        {
            var words = sentence.SelectMany(t => t.Words).ToArray();
            var tags = words.Select(w => w.Upos).ToArray();
            for (var i = 0; i < words.Length && kinds.HasFlag(TagConventionKinds.Form); i++)
            {
                if (tags[i] != TrainingCorpus.Unknown && _tags.TryGetValue(words[i].TaggerForm, out var tag)) tags[i] = tag;
            }

            if (_context.Count > 0 && kinds.HasFlag(TagConventionKinds.Context))
            {
                // Contexts are the source's tags (after the form rules), not the ones being changed.
                var before = tags.ToArray();
                for (var i = 0; i < words.Length; i++)
                {
                    if (before[i] == TrainingCorpus.Unknown) continue;
                    var form = words[i].TaggerForm;
                    if (_context.TryGetValue(AfterKey(i > 0 ? before[i - 1] : null, form), out var tag)
                        || _context.TryGetValue(BeforeKey(i + 1 < words.Length ? before[i + 1] : null, form), out tag))
                    {
                        tags[i] = tag;
                    }
                }
            }

            for (var i = 0; i + 1 < words.Length && kinds.HasFlag(TagConventionKinds.Pairs); i++)
            {
                if (_pairs.TryGetValue((words[i].TaggerForm, words[i + 1].TaggerForm), out var pair))
                {
                    tags[i] = pair.Item1;
                    tags[i + 1] = pair.Item2;
                }
            }

            var tokens = new List<TrainingToken>(sentence.Count);
            var k = 0;
            foreach (var token in sentence)
            {
                var newWords = new TrainingWord[token.Words.Count];
                for (var j = 0; j < newWords.Length; j++, k++)
                {
                    var w = token.Words[j];
                    var lemma = _lemmas.TryGetValue(w.TaggerForm + "\t" + tags[k], out var l) ? l : w.Lemma;
                    if (tags[k] != w.Upos || lemma != w.Lemma) changed++;
                    newWords[j] = w with { Upos = tags[k], Lemma = lemma };
                }

                tokens.Add(token with { Words = newWords });
            }

            result.Add(tokens);
        }

        return result;
    }
}
