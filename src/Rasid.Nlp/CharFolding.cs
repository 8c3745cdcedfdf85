namespace Rasid.Nlp;

/// <summary>A per-character folding rule for <see cref="CharFolding"/>.</summary>
internal interface ICharFold
{
    /// <summary>The folded form of <paramref name="c"/>, or -1 to drop the character.</summary>
    static abstract int Map(char c);
}

/// <summary>
/// Folds a string character by character with a rule (<see cref="ICharFold"/>), allocation-free when nothing changes:
/// the same string instance comes back, otherwise one stack-buffered rewrite. Shared by the entity, time and event
/// word matchers, whose rules differ (which letters fold, what is dropped) but whose scaffolding is the same.
/// </summary>
internal static class CharFolding
{
    /// <summary>The folded string: the same instance when folding changes nothing (most words).</summary>
    public static string Fold<TFold>(string text) where TFold : ICharFold
    {
        var first = FirstChange<TFold>(text);
        return first < 0 ? text : Rewrite<TFold>(text, first);
    }

    /// <summary>The folded form of a span as a new string.</summary>
    public static string Fold<TFold>(ReadOnlySpan<char> text) where TFold : ICharFold
    {
        var first = FirstChange<TFold>(text);
        return first < 0 ? new string(text) : Rewrite<TFold>(text, first);
    }

    /// <summary>Index of the first character the rule drops or changes, or -1.</summary>
    private static int FirstChange<TFold>(ReadOnlySpan<char> text) where TFold : ICharFold
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (TFold.Map(text[i]) != text[i]) return i;
        }

        return -1;
    }

    private static string Rewrite<TFold>(ReadOnlySpan<char> text, int first) where TFold : ICharFold
    {
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
        text[..first].CopyTo(buffer);
        var n = first;
        for (var i = first; i < text.Length; i++)
        {
            var m = TFold.Map(text[i]);
            if (m >= 0) buffer[n++] = (char)m;
        }

        var result = new string(buffer[..n]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }
}
