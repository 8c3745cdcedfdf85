namespace Rasid.Nlp.Events;

/// <summary>
/// Matching forms of Arabic words for the event lexicons: diacritics and tatweel removed, alef variants folded
/// to bare alef, ى→ي, ة→ه, ؤ→و, ئ→ي; and the candidate stems of a word after stripping clitics and inflection.
/// Only used to compare words; offsets always come from the original tokens.
/// </summary>
internal static class ArabicFold
{
    private const char Alef = '\u0627';           // ا
    private const char AlefMadda = '\u0622';      // آ
    private const char AlefHamzaAbove = '\u0623'; // أ
    private const char AlefHamzaBelow = '\u0625'; // إ
    private const char AlefWasla = '\u0671';      // ٱ
    private const char AlefMaksura = '\u0649';    // ى
    private const char Yeh = '\u064A';            // ي
    private const char TehMarbuta = '\u0629';     // ة
    private const char Heh = '\u0647';            // ه
    private const char WawHamza = '\u0624';       // ؤ
    private const char Waw = '\u0648';            // و
    private const char YehHamza = '\u0626';       // ئ
    private const char FarsiYeh = '\u06CC';       // ی
    private const char Keheh = '\u06A9';          // ک

    /// <summary>The folded form of <paramref name="text"/>; non-letters other than spaces are dropped.</summary>
    public static string Fold(ReadOnlySpan<char> text) => CharFolding.Fold<EventFold>(text);

    /// <summary>The folded form of a string: the same instance when folding changes nothing (most words).</summary>
    public static string Fold(string text) => CharFolding.Fold<EventFold>(text);

    /// <summary>The folded form of one character, or -1 when it is dropped.</summary>
    private readonly struct EventFold : ICharFold
    {
        public static int Map(char c)
        {
            switch (c)
            {
                case AlefMadda or AlefHamzaAbove or AlefHamzaBelow or AlefWasla: return Alef;
                case AlefMaksura or FarsiYeh or YehHamza: return Yeh;
                case TehMarbuta: return Heh;
                case WawHamza: return Waw;
                case Keheh: return '\u0643';
                case ' ': return ' ';
                default:
                    if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') return -1; // harakat, superscript alef, tatweel
                    return char.IsLetterOrDigit(c) ? c : -1;
            }
        }
    }

    // Proclitic sequences, longest first: conjunction (و ف) + preposition/particle (ب ل ك س) + article (ال).
    private static readonly string[] Proclitics = BuildProclitics();

    private static readonly string[] VerbPrefixes = ["\u064A", "\u062A", "\u0646", "\u0627"]; // ي ت ن ا

    private static readonly string[] Suffixes =
    [
        "\u0648\u0646", "\u064A\u0646", "\u0627\u0646", "\u0627\u062A", "\u0648\u0627", "\u062A\u0627", "\u062A\u0645", // ون ين ان ات وا تا تم
        "\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0627", "\u0647\u0646", "\u0643\u0645", "\u0646\u0627", "\u0646\u064A", // هما هم ها هن كم نا ني
        "\u0647", "\u062A", "\u064A", "\u0643", "\u0627", // ه ت ي ك ا
    ];

    private static string[] BuildProclitics()
    {
        string[] conj = ["", "\u0648", "\u0641"];                 // و ف
        string[] prep = ["", "\u0628", "\u0644", "\u0643", "\u0633"]; // ب ل ك س
        string[] art = ["", "\u0627\u0644"];                      // ال
        var list = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in conj)
        {
            foreach (var p in prep)
            {
                foreach (var a in art) list.Add(c + p + a);
            }

            list.Add(c + "\u0644\u0644"); // لل = ل + ال
        }

        return [.. list.OrderByDescending(s => s.Length)];
    }

    /// <summary>
    /// A sound masculine plural of a folded word (متظاهرون، المسلحين): the suffix ون or ين after a word of at least
    /// <paramref name="minLength"/> letters in all.
    /// </summary>
    public static bool IsSoundMasculinePlural(string folded, int minLength) =>
        folded.Length >= minLength && (folded.EndsWith("\u0648\u0646", StringComparison.Ordinal) || folded.EndsWith("\u064A\u0646", StringComparison.Ordinal)); // ون ين

    /// <summary>The proclitic sequences recognised by <see cref="Candidates"/> (و، ف، ب، ل، ك، س، ال، لل and combinations).</summary>
    public static IReadOnlyList<string> ProcliticForms => Proclitics;

    /// <summary>
    /// Candidate stems of a folded word: every split into proclitics + stem (+ suffix), stems of at least two letters.
    /// Each candidate says which proclitic was removed and whether an imperfect-verb prefix was removed.
    /// </summary>
    // Candidates per folded form: news vocabulary repeats, and each computation makes a dozen substrings. Bounded: forms
    // past the cap are computed each time (the first ones seen are the frequent ones).
    private const int MemoCapacity = 50_000;
    // Created big enough never to grow (a table grows when one of its locks' share of the entries passes buckets ÷ locks;
    // 65,537 buckets leave a 30% margin over the cap): each growth re-allocates every node and the bucket array while the
    // workers fill the memo at the start of an ingest.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StemCandidate[]> Memo =
        new(Environment.ProcessorCount, 65_537, StringComparer.Ordinal);
    private static int memoCount;

    /// <summary>The candidate stems of a folded word (shared array: do not modify).</summary>
    public static StemCandidate[] Candidates(string folded)
    {
        if (Memo.TryGetValue(folded, out var known)) return known;
        var computed = Compute(folded);
        // A counter of our own: ConcurrentDictionary.Count takes every lock of the table (contention between workers).
        if (Volatile.Read(ref memoCount) < MemoCapacity && Memo.TryAdd(folded, computed)) Interlocked.Increment(ref memoCount);
        return computed;
    }

    private static StemCandidate[] Compute(string folded)
    {
        var result = new List<StemCandidate>(16);
        foreach (var pro in Proclitics)
        {
            if (!folded.StartsWith(pro, StringComparison.Ordinal) || folded.Length - pro.Length < 2) continue;
            var rest = folded[pro.Length..];
            AddWithSuffixes(result, rest, pro, false);
            foreach (var vp in VerbPrefixes)
            {
                if (rest.Length - vp.Length >= 3 && rest.StartsWith(vp, StringComparison.Ordinal) && !pro.EndsWith("\u0627\u0644", StringComparison.Ordinal) && !pro.EndsWith("\u0644\u0644", StringComparison.Ordinal))
                {
                    AddWithSuffixes(result, rest[vp.Length..], pro, true);
                }
            }
        }

        return [.. result];
    }

    private static void AddWithSuffixes(List<StemCandidate> result, string stem, string pro, bool imperfect)
    {
        Add(result, stem, pro, imperfect);
        foreach (var suffix in Suffixes)
        {
            if (stem.Length - suffix.Length >= 2 && stem.EndsWith(suffix, StringComparison.Ordinal)) Add(result, stem[..^suffix.Length], pro, imperfect);
        }
    }

    /// <summary>Adds a candidate unless the same (stem, proclitic, imperfect) is already there; the list is short, a scan is cheaper than a set.</summary>
    private static void Add(List<StemCandidate> result, string stem, string pro, bool imperfect)
    {
        foreach (var c in result)
        {
            if (c.ImperfectPrefix == imperfect && c.Stem.Length == stem.Length && string.Equals(c.Proclitic, pro, StringComparison.Ordinal) && string.Equals(c.Stem, stem, StringComparison.Ordinal)) return;
        }

        result.Add(new StemCandidate(stem, pro, imperfect));
    }
}

/// <summary>A stem of a word with the proclitics removed before it.</summary>
/// <param name="Stem">The folded stem.</param>
/// <param name="Proclitic">The removed proclitic sequence (empty when none).</param>
/// <param name="ImperfectPrefix">True when an imperfect-verb prefix (ي ت ن ا) was removed too.</param>
internal readonly record struct StemCandidate(string Stem, string Proclitic, bool ImperfectPrefix);
