using System.Collections.Frozen;

namespace Rasid.Nlp.Times;

/// <summary>
/// Word classes of the time rules tested by set membership (plural units, approximators, vague counts, Hijri marks),
/// read once from the embedded <c>Times/time-words-ar.tsv</c> and folded. Immutable and thread-safe.
/// </summary>
internal static class TimeWords
{
    private static readonly Lazy<(IReadOnlyList<string[]> Rows, string Version)> Loaded = new(() =>
    {
        var rows = LexiconFile.Read("Rasid.Nlp.Times.time-words-ar.tsv", out var version);
        foreach (var r in rows)
        {
            if (r.Length != 2) throw new FormatException($"time-words-ar.tsv: row '{string.Join("\t", r)}' is not class<TAB>word");
        }

        return (rows, version);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Plural calendar units (ايام اسابيع اشهر …): a period of them needs no count.</summary>
    public static FrozenSet<string> PluralUnit { get; } = Class("plural_unit");

    /// <summary>Words before a count that keep it (نحو حوالي قرابه).</summary>
    public static FrozenSet<string> Approximator { get; } = Class("approximator");

    /// <summary>Words instead of a count (عده بضعه بضع).</summary>
    public static FrozenSet<string> VagueCount { get; } = Class("vague_count");

    /// <summary>Marks after a year that make it Hijri (ه هجري هجريه للهجره).</summary>
    public static FrozenSet<string> HijriMark { get; } = Class("hijri_mark");

    /// <summary>The file's version (<c># version: N</c>).</summary>
    public static string Version => Loaded.Value.Version;

    /// <summary>The folded words of class <paramref name="cls"/>; throws when the file has none.</summary>
    public static FrozenSet<string> Class(string cls)
    {
        var words = Loaded.Value.Rows.Where(r => r[0] == cls).Select(r => ArabicFold.Fold(r[1].Trim())).ToFrozenSet(StringComparer.Ordinal);
        return words.Count > 0 ? words : throw new InvalidOperationException($"time-words-ar.tsv: no words of class '{cls}'");
    }
}
