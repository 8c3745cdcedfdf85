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
        var first = FirstChange(text);
        return first < 0 ? new string(text) : Rewrite(text, first);
    }

    /// <summary>The folded string: the same instance when folding changes nothing (most tokens).</summary>
    public static string Fold(string text)
    {
        var first = FirstChange(text);
        return first < 0 ? text : Rewrite(text, first);
    }

    /// <summary>The folded form of one character, or '\0' when it is dropped (tatweel, harakat).</summary>
    private static char Map(char c)
    {
        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ': return 'ا';
            case 'ى': return 'ي';
            case 'ة': return 'ه';
            case '\u0640': return '\0'; // tatweel
            default:
                if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670') return '\0'; // harakat, shadda, sukun
                if (c >= '\u0660' && c <= '\u0669') return (char)('0' + (c - '\u0660'));
                if (c >= '\u06F0' && c <= '\u06F9') return (char)('0' + (c - '\u06F0'));
                return c;
        }
    }

    private static int FirstChange(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Map(text[i]) != text[i]) return i;
        }

        return -1;
    }

    private static string Rewrite(ReadOnlySpan<char> text, int first)
    {
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
        text[..first].CopyTo(buffer);
        var n = first;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') { buffer[n++] = c; continue; } // kept as in the original
            var m = Map(c);
            if (m != '\0') buffer[n++] = m;
        }

        var result = new string(buffer[..n]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
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
