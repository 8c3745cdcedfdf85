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
    public static string Normalize(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if ((c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == Tatweel) continue;
            sb.Append(c switch
            {
                AlefHamzaAbove or AlefHamzaBelow or AlefMadda or AlefWasla => Alef,
                TehMarbuta => Heh,
                AlefMaksura or FarsiYeh => Yeh,
                Keheh => Kaf,
                _ when char.IsDigit(c) => '0',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// Length (in characters of the normalized form) of the proclitics و/ف, then ب/ل/ك, at the start of a
    /// normalized word, leaving at least <paramref name="minStem"/> letters. ال is not included (see
    /// <see cref="StripArticle"/>); ل + ال written لل counts the ل only.
    /// </summary>
    public static int ConjPrepLength(string normalized, int minStem = 2)
    {
        var i = 0;
        if (normalized.Length - i > minStem && (normalized[i] == Waw || normalized[i] == Feh)) i++;
        if (normalized.Length - i > minStem && (normalized[i] == Beh || normalized[i] == Lam || normalized[i] == Kaf)) i++;
        return i;
    }

    /// <summary>The word without a leading ال (or the ال of لل after a stripped ل).</summary>
    public static string StripArticle(string normalized)
    {
        if (normalized.Length > 3 && normalized.StartsWith(Article, StringComparison.Ordinal)) return normalized[2..];
        return normalized;
    }

    /// <summary>Candidate stems of a normalized word: itself, without ال, without و/ف/ب/ل/ك (+ال).</summary>
    public static IEnumerable<(int PrefixLength, string Stem)> Candidates(string normalized)
    {
        yield return (0, normalized);
        var noArticle = StripArticle(normalized);
        if (noArticle.Length != normalized.Length) yield return (2, noArticle);
        // Prefix lengths 1 and 2 (و/ف then ب/ل/ك).
        for (var p = 1; p <= 2 && p < normalized.Length - 2; p++)
        {
            if (p > ConjPrepLength(normalized)) break;
            var rest = normalized[p..];
            yield return (p, rest);
            if (rest.Length > 3 && rest.StartsWith(Article, StringComparison.Ordinal)) yield return (p + 2, rest[2..]);
            else if (rest.Length > 2 && normalized[p - 1] == Lam && rest[0] == Lam) yield return (p + 1, rest[1..]); // لل → ل+ال
        }
    }

    /// <summary>Fully stripped stem: proclitics and ال removed (for features).</summary>
    public static string Stem(string normalized)
    {
        var p = ConjPrepLength(normalized, 3);
        var rest = normalized[p..];
        if (p > 0 && normalized[p - 1] == Lam && rest.Length > 3 && rest[0] == Lam && rest[1] != Lam) return rest[1..]; // لل
        return StripArticle(rest);
    }

    /// <summary>A dictionary matching key: stem without ال and without a final ه (from ة).</summary>
    public static string Key(string normalized)
    {
        var k = StripArticle(normalized);
        if (k.Length > 3 && k[^1] == Heh) k = k[..^1];
        return k;
    }

    /// <summary>
    /// Maps a position in a normalized word back to the original token (diacritics and tatweel are dropped by
    /// <see cref="Normalize"/>): the original offset of the <paramref name="normalizedIndex"/>-th kept character.
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
