using System.Text;

namespace Rasid.Nlp.Times;

/// <summary>
/// Letter folding used to match Arabic word lists written in one spelling against text written in
/// another: أ إ آ ٱ → ا, ى → ي, ة → ه, diacritics and tatweel removed, Arabic-Indic digits → ASCII.
/// A small local helper until the shared normalizer lands.
/// </summary>
internal static class ArabicFold
{
    public static string Fold(ReadOnlySpan<char> text) => CharFolding.Fold<TimeFold>(text);

    /// <summary>The folded string: the same instance when folding changes nothing (most tokens).</summary>
    public static string Fold(string text) => CharFolding.Fold<TimeFold>(text);

    /// <summary>The folded form of one character, or -1 when it is dropped (tatweel, harakat).</summary>
    private readonly struct TimeFold : ICharFold
    {
        public static int Map(char c)
        {
            switch (c)
            {
                case 'أ' or 'إ' or 'آ' or 'ٱ': return 'ا';
                case 'ى': return 'ي';
                case 'ة': return 'ه';
                case '\u0640': return -1; // tatweel
                default:
                    if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670') return -1; // harakat, shadda, sukun
                    if (c >= '\u0660' && c <= '\u0669') return '0' + (c - '\u0660');
                    if (c >= '\u06F0' && c <= '\u06F9') return '0' + (c - '\u06F0');
                    return c;
            }
        }
    }

    /// <summary>Folds every word of a multi-word form.</summary>
    public static string[] FoldWords(string form) =>
        form.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToArray();

    /// <summary>Value of a token made only of digits (any script), or -1.</summary>
    public static int Number(string text) => Number(text.AsSpan());

    /// <inheritdoc cref="Number(string)"/>
    public static int Number(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text.Length > 6) return -1;
        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsDigit(c)) return -1;
            value = value * 10 + (int)char.GetNumericValue(c);
        }

        return value;
    }
}
