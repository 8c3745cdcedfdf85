using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class SentenceSplitterTests
{
    private static readonly SentenceSplitter Splitter = new();

    private static string[] Split(string text) =>
        Splitter.Split(text, [new TextRange(0, text.Length)]).Select(r => r.Slice(text)).ToArray();

    [Fact]
    public void Arabic_and_latin_terminators_end_sentences()
    {
        Assert.Equal(["قال الوزير ذلك.", "هل توافق؟", "نعم!"], Split("قال الوزير ذلك. هل توافق؟ نعم!"));
    }

    [Fact]
    public void Closing_quotes_stay_with_the_sentence_they_end()
    {
        Assert.Equal(["وقال \"انتهى الأمر.\"", "ثم غادر."], Split("وقال \"انتهى الأمر.\" ثم غادر."));
        Assert.Equal(["قال «نعم.»", "وغادر."], Split("قال «نعم.» وغادر."));
    }

    [Theory]
    [InlineData("ارتفع المؤشر 3.5 بالمئة اليوم.")]
    [InlineData("نقلت وكالة أ.ف.ب الخبر.")]
    [InlineData("قال د. محمد إن الوضع خطير.")]
    [InlineData("زار الموقع www.example.com أمس.")]
    public void Numbers_abbreviations_and_addresses_do_not_end_sentences(string text) =>
        Assert.Single(Split(text));

    [Fact]
    public void An_era_marker_after_a_year_can_end_a_sentence()
    {
        Assert.Equal(["ولد عام 1950 م.", "ثم انتقل."], Split("ولد عام 1950 م. ثم انتقل."));
    }

    [Fact]
    public void Ellipsis_and_repeated_marks_end_one_sentence()
    {
        Assert.Equal(["انتظر...", "ثم ماذا؟!"], Split("انتظر... ثم ماذا؟!"));
    }

    [Fact]
    public void Empty_and_whitespace_paragraphs_give_no_sentences()
    {
        Assert.Empty(Split(""));
        Assert.Empty(Split("   "));
    }
}
