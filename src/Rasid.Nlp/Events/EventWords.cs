using System.Collections.Frozen;
using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>
/// Closed classes of function words of the event coder and detector (negation particles, relative pronouns,
/// prepositions, complementizers…), read once from the built-in <c>data/events/function_words.tsv</c>: folded one-word
/// forms, looked up as whole tokens. Immutable and thread-safe.
/// </summary>
internal static class EventWords
{
    private const string ResourceName = "Rasid.Nlp.data.events.function_words.tsv";
    private static readonly Lazy<(FrozenDictionary<string, FrozenSet<string>> Classes, string Version)> Loaded =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Negation particles and verbs of the detector's "neg" feature (لم لن لا ما ليس عدم دون غير نفي نفت).</summary>
    public static FrozenSet<string> DetectorNegation { get; } = Class("detector_negation");

    /// <summary>Relative pronouns of the detector's "rel" feature (الذي التي الذين).</summary>
    public static FrozenSet<string> DetectorRelative { get; } = Class("detector_relative");

    /// <summary>Negation particles right before a trigger (لم لن لا ما ليس عدم دون بدون غير).</summary>
    public static FrozenSet<string> Negation { get; } = Class("negation");

    /// <summary>Denial verbs earlier in the sentence (نفي نفت ينفي تنفي نفوا نافيا ونفي ونفت).</summary>
    public static FrozenSet<string> Denial { get; } = Class("denial");

    /// <summary>Complementizers with a pronoun (انه انها انهم بانه … وانهم).</summary>
    public static FrozenSet<string> PronounComplementizer { get; } = Class("pronoun_complementizer");

    /// <summary>Prepositions (في الي علي من عن مع ضد …).</summary>
    public static FrozenSet<string> Preposition { get; } = Class("preposition");

    /// <summary>Complementizers before the subject of a following verb (ان بان وان).</summary>
    public static FrozenSet<string> SubjectComplementizer { get; } = Class("subject_complementizer");

    /// <summary>Words that open a clause before an agent phrase (ان بان وان انه لان).</summary>
    public static FrozenSet<string> ClauseOpener { get; } = Class("clause_opener");

    /// <summary>Time adverbs skipped before a quantifier (امس اليوم).</summary>
    public static FrozenSet<string> SkipBeforeQuantifier { get; } = Class("skip_before_quantifier");

    /// <summary>Words skipped before a number (امس اول من اليوم).</summary>
    public static FrozenSet<string> SkipBeforeNumber { get; } = Class("skip_before_number");

    /// <summary>Words heading a consequence clause (مما ما).</summary>
    public static FrozenSet<string> ConsequenceOpener { get; } = Class("consequence_opener");

    /// <summary>Prepositions before a masdar governed by an earlier light verb (في من علي).</summary>
    public static FrozenSet<string> MasdarGovernor { get; } = Class("masdar_governor");

    /// <summary>Conjunctions after a bare past verb without object (بعدما عندما بينما اثناء خلال).</summary>
    public static FrozenSet<string> TemporalConjunction { get; } = Class("temporal_conjunction");

    /// <summary>The noun before an organisation under which the actor database codes its members (عناصر).</summary>
    public static FrozenSet<string> OrganisationMember { get; } = Class("organisation_member");

    /// <summary>The file's version (<c># version: N</c>).</summary>
    public static string Version => Loaded.Value.Version;

    /// <summary>The forms of class <paramref name="cls"/>; throws when the file has no such class.</summary>
    public static FrozenSet<string> Class(string cls) =>
        Loaded.Value.Classes.TryGetValue(cls, out var set) ? set : throw new InvalidOperationException($"data/events/function_words.tsv: no class '{cls}'");

    private static (FrozenDictionary<string, FrozenSet<string>>, string) Load()
    {
        using var stream = typeof(EventWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"event data 'function_words.tsv' is missing from {typeof(EventWords).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new VersionedLineReader(reader);
        var classes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (n, line) in lines.Lines().Skip(1)) // the first content line is the column header
        {
            var cols = line.Split('\t');
            if (cols.Length != 2) throw new FormatException($"function_words.tsv line {n}: expected class and forms separated by a tab");
            if (!classes.TryGetValue(cols[0].Trim(), out var set)) classes[cols[0].Trim()] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var form in cols[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) set.Add(ArabicFold.Fold(form));
        }

        var version = lines.Version;
        return (classes.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal), version);
    }
}
