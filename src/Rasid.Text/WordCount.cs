namespace Rasid.Text;

/// <summary>Counting input words the way benchmarks report them: maximal runs of non-whitespace characters.</summary>
public static class WordCount
{
    /// <summary>The number of whitespace-separated words in <paramref name="text"/> (as <c>string.Split(null, RemoveEmptyEntries)</c> counts them, without allocating).</summary>
    public static int Whitespace(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord) words++;
            inWord = !space;
        }

        return words;
    }
}
