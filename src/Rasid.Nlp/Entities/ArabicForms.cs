using System.Text;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Small Arabic normalization and proclitic-stripping helpers for entity features and dictionary keys.
/// Internal to the entity area until the shared Normalizer (text core) replaces it.
/// </summary>
internal static class ArabicForms
{
    private const char Alef = '\u0627';            // ا
    private const char AlefHamzaAbove = '\u0623';  // أ
    private const char AlefHamzaBelow = '\u0625';  // إ
    private const char AlefMadda = '\u0622';       // آ
    private const char AlefWasla = '\u0671';       // ٱ
    private const char TehMarbuta = '\u0629';      // ة
    private const char Heh = '\u0647';             // ه
    private const char AlefMaksura = '\u0649';     // ى
    private const char Yeh = '\u064A';             // ي
    private const char FarsiYeh = '\u06CC';        // ی
    private const char Keheh = '\u06A9';           // ک
    private const char Kaf = '\u0643';             // ك
    private const char Tatweel = '\u0640';         // ـ
    private const char Waw = '\u0648';             // و
    private const char Feh = '\u0641';             // ف
    private const char Beh = '\u0628';             // ب
    private const char Lam = '\u0644';             // ل

    /// <summary>The definite article ال.</summary>
    public const string Article = "\u0627\u0644";

    /// <summary>
    /// Normalized form: diacritics and tatweel removed, أ إ آ ٱ → ا, ة → ه, ى → ي, Persian ی ک → ي ك,
    /// digits → 0. Other characters are kept.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> s) => CharFolding.Fold<NormalizeFold>(s);

    /// <summary>
    /// <see cref="Normalize(ReadOnlySpan{char})"/> of a string: the same instance when nothing changes (most words),
    /// so normalizing allocates only for words with diacritics, hamza forms, ة/ى or digits.
    /// </summary>
    public static string Normalize(string s) => CharFolding.Fold<NormalizeFold>(s);

    /// <summary>
    /// <see cref="Normalize(ReadOnlySpan{char})"/> written into <paramref name="target"/> (at least as long as
    /// <paramref name="s"/>), without allocating; returns the normalized length.
    /// </summary>
    public static int NormalizeInto(ReadOnlySpan<char> s, Span<char> target)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!Dropped(c)) target[n++] = Map(c);
        }

        return n;
    }

    private static bool Dropped(char c) => (c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == Tatweel;

    private static char Map(char c) => c switch
    {
        AlefHamzaAbove or AlefHamzaBelow or AlefMadda or AlefWasla => Alef,
        TehMarbuta => Heh,
        AlefMaksura or FarsiYeh => Yeh,
        Keheh => Kaf,
        _ when char.IsDigit(c) => '0',
        _ => c,
    };

    private readonly struct NormalizeFold : ICharFold
    {
        public static int Map(char c) => Dropped(c) ? -1 : ArabicForms.Map(c);
    }

    /// <summary>
    /// Length (in characters of the normalized form) of the proclitics و/ف, then ب/ل/ك, at the start of a
    /// normalized word, leaving at least <paramref name="minStem"/> letters. ال is not included (see
    /// <see cref="StripArticle(string)"/>); ل + ال written لل counts the ل only.
    /// </summary>
    public static int ConjPrepLength(string normalized, int minStem = 2) => ConjPrepLength(normalized.AsSpan(), minStem);

    /// <inheritdoc cref="ConjPrepLength(string, int)"/>
    public static int ConjPrepLength(ReadOnlySpan<char> normalized, int minStem = 2)
    {
        var i = 0;
        if (normalized.Length - i > minStem && (normalized[i] == Waw || normalized[i] == Feh)) i++;
        if (normalized.Length - i > minStem && (normalized[i] == Beh || normalized[i] == Lam || normalized[i] == Kaf)) i++;
        return i;
    }

    /// <summary>Whether a normalized or folded word starts with the article ال, alone or after و (الحكومة، والشرطة).</summary>
    public static bool IsDefinite(string word) =>
        word.StartsWith(Article, StringComparison.Ordinal) || word.StartsWith("\u0648\u0627\u0644", StringComparison.Ordinal); // وال

    /// <summary>The word without a leading ال (or the ال of لل after a stripped ل).</summary>
    public static string StripArticle(string normalized)
    {
        if (normalized.Length > 3 && normalized.StartsWith(Article, StringComparison.Ordinal)) return normalized[2..];
        return normalized;
    }

    /// <summary><see cref="StripArticle(string)"/> on a span (no copy).</summary>
    public static ReadOnlySpan<char> StripArticle(ReadOnlySpan<char> normalized) =>
        normalized.Length > 3 && normalized.StartsWith(Article, StringComparison.Ordinal) ? normalized[2..] : normalized;

    /// <summary>Candidate stems of a normalized word: itself, without ال, without و/ف/ب/ل/ك (+ال).</summary>
    public static IEnumerable<(int PrefixLength, string Stem)> Candidates(string normalized)
    {
        Span<int> prefixes = stackalloc int[MaxCandidates];
        var n = CandidatePrefixes(normalized, prefixes);
        var result = new (int, string)[n];
        for (var i = 0; i < n; i++) result[i] = (prefixes[i], normalized[prefixes[i]..]);
        return result;
    }

    /// <summary>Most candidates <see cref="CandidatePrefixes"/> writes.</summary>
    public const int MaxCandidates = 6;

    /// <summary>
    /// The prefix lengths of <see cref="Candidates"/>, in the same order, written to <paramref name="prefixes"/>
    /// (at least <see cref="MaxCandidates"/> long); each candidate stem is <c>normalized[prefix..]</c>. Returns the count.
    /// </summary>
    public static int CandidatePrefixes(ReadOnlySpan<char> normalized, Span<int> prefixes)
    {
        var n = 0;
        prefixes[n++] = 0;
        if (normalized.Length > 3 && normalized.StartsWith(Article, StringComparison.Ordinal)) prefixes[n++] = 2;
        // Prefix lengths 1 and 2 (و/ف then ب/ل/ك).
        var conjPrep = ConjPrepLength(normalized);
        for (var p = 1; p <= 2 && p < normalized.Length - 2; p++)
        {
            if (p > conjPrep) break;
            var rest = normalized[p..];
            prefixes[n++] = p;
            if (rest.Length > 3 && rest.StartsWith(Article, StringComparison.Ordinal)) prefixes[n++] = p + 2;
            else if (rest.Length > 2 && normalized[p - 1] == Lam && rest[0] == Lam) prefixes[n++] = p + 1; // لل → ل+ال
        }

        return n;
    }

    /// <summary>Fully stripped stem: proclitics and ال removed (for features).</summary>
    public static string Stem(string normalized)
    {
        var stem = Stem(normalized.AsSpan());
        return stem.Length == normalized.Length ? normalized : new string(stem);
    }

    /// <summary><see cref="Stem(string)"/> on a span: a slice of <paramref name="normalized"/>.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> normalized)
    {
        var p = ConjPrepLength(normalized, 3);
        var rest = normalized[p..];
        if (p > 0 && normalized[p - 1] == Lam && rest.Length > 3 && rest[0] == Lam && rest[1] != Lam) return rest[1..]; // لل
        return StripArticle(rest);
    }

    /// <summary>A dictionary matching key: stem without ال and without a final ه (from ة).</summary>
    public static string Key(string normalized)
    {
        var key = Key(normalized.AsSpan());
        return key.Length == normalized.Length ? normalized : new string(key);
    }

    /// <summary><see cref="Key(string)"/> on a span: a slice of <paramref name="normalized"/>.</summary>
    public static ReadOnlySpan<char> Key(ReadOnlySpan<char> normalized)
    {
        var k = StripArticle(normalized);
        if (k.Length > 3 && k[^1] == Heh) k = k[..^1];
        return k;
    }

    /// <summary>
    /// Maps a position in a normalized word back to the original token (diacritics and tatweel are dropped by
    /// <see cref="Normalize(string)"/>): the original offset of the <paramref name="normalizedIndex"/>-th kept character.
    /// </summary>
    public static int OriginalOffset(ReadOnlySpan<char> original, int normalizedIndex)
    {
        var kept = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if ((c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == Tatweel) continue;
            if (kept == normalizedIndex) return i;
            kept++;
        }

        return original.Length;
    }
}
