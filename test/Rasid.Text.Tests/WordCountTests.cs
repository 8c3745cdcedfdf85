namespace Rasid.Text.Tests;

public sealed class WordCountTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("قال الرئيس", 2)]
    [InlineData("  قال\u00A0الرئيس\nالسوري  أمس ", 4)]
    [InlineData("و«قال»،", 1)]
    public void Whitespace_words_are_counted_as_split_on_whitespace_counts_them(string text, int expected)
    {
        Assert.Equal(expected, WordCount.Whitespace(text));
        Assert.Equal(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, WordCount.Whitespace(text));
    }
}
