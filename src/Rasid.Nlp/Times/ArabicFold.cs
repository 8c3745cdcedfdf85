using System.Text;

namespace Rasid.Nlp.Times;

/// <summary>
/// Letter folding used to match Arabic word lists written in one spelling against text written in
/// another: أ إ آ ٱ → ا, ى → ي, ة → ه, diacritics and tatweel removed, Arabic-Indic digits → ASCII.
/// A small local helper until the shared normalizer lands.
/// </summary>
internal static class ArabicFold
{
    public static string Fold(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case 'أ' or 'إ' or 'آ' or 'ٱ': sb.Append('ا'); break;
                case 'ى': sb.Append('ي'); break;
                case 'ة': sb.Append('ه'); break;
                case '\u0640': break; // tatweel
                default:
                    if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670') break; // harakat, shadda, sukun
                    if (c >= '\u0660' && c <= '\u0669') { sb.Append((char)('0' + (c - '\u0660'))); break; }
                    if (c >= '\u06F0' && c <= '\u06F9') { sb.Append((char)('0' + (c - '\u06F0'))); break; }
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    public static string Fold(string text) => Fold(text.AsSpan());

    /// <summary>Folds every word of a multi-word form.</summary>
    public static string[] FoldWords(string form) =>
        form.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToArray();

    /// <summary>Value of a token made only of digits (any script), or -1.</summary>
    public static int Number(string text)
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
