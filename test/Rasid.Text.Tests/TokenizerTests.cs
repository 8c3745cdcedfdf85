using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class TokenizerTests
{
    private static readonly Tokenizer Tokenizer = new();

    private static (string Text, TokenKind Kind)[] Tokens(string text) =>
        Tokenizer.Tokenize(text).Select(t => (t.Range.Slice(text), t.Kind)).ToArray();

    [Fact]
    public void Arabic_words_and_arabic_punctuation_are_separate_tokens()
    {
        Assert.Equal(
            [("في", TokenKind.Word), ("سوريا", TokenKind.Word), ("،", TokenKind.Punctuation), ("لكنها", TokenKind.Word), ("؟", TokenKind.Punctuation)],
            Tokens("في سوريا، لكنها؟"));
    }

    [Fact]
    public void Diacritics_and_tatweel_stay_inside_the_word()
    {
        Assert.Equal([("الإِرهاب", TokenKind.Word), ("كـبير", TokenKind.Word)], Tokens("الإِرهاب كـبير"));
    }

    [Fact]
    public void A_tatweel_at_a_word_edge_is_a_dash_token_of_its_own()
    {
        Assert.Equal([("فقط", TokenKind.Word), ("ـ", TokenKind.Punctuation), ("ـ", TokenKind.Punctuation), ("لا", TokenKind.Word)], Tokens("فقطـ ـلا"));
        Assert.Equal([("العالم", TokenKind.Word), ("ـ", TokenKind.Punctuation), ("ـ", TokenKind.Punctuation), ("وبالتالي", TokenKind.Word)], Tokens("العالمـ ـوبالتالي"));
        Assert.Equal([("كـبير", TokenKind.Word)], Tokens("كـبير"));
    }

    [Theory]
    [InlineData("2011")]
    [InlineData("3.5")]
    [InlineData("1,000,000")]
    [InlineData("٣٫٥")]
    [InlineData("١٬٠٠٠")]
    [InlineData("۱۲۳")]
    public void Numbers_with_separators_are_one_token(string number) =>
        Assert.Equal([(number, TokenKind.Number)], Tokens(number));

    [Fact]
    public void Urls_emails_hashtags_mentions_and_emoji_are_recognised()
    {
        Assert.Equal(
            [
                ("https://www.afp.com/ar/news", TokenKind.Url), ("info@example.org", TokenKind.Email),
                ("#سوريا", TokenKind.Hashtag), ("@AFP", TokenKind.AtMention), ("👍🏽", TokenKind.Emoji),
            ],
            Tokens("https://www.afp.com/ar/news info@example.org #سوريا @AFP 👍🏽"));
    }

    [Fact]
    public void Latin_words_and_brackets_are_tokens()
    {
        Assert.Equal(
            [("(", TokenKind.Punctuation), ("مع", TokenKind.Word), ("Facebook", TokenKind.Latin), (")", TokenKind.Punctuation)],
            Tokens("(مع Facebook)"));
    }

    [Fact]
    public void Zero_width_and_bidi_controls_between_words_are_skipped()
    {
        Assert.Equal([("نص", TokenKind.Word), ("آخر", TokenKind.Word)], Tokens("\u200Fنص\u200B \u202Bآخر\u202C"));
    }

    [Fact]
    public void Tokens_of_a_range_stay_inside_it()
    {
        const string text = "أولا ثانيا ثالثا";
        var output = new List<TokenSpan>();
        Tokenizer.Tokenize(text, TextRange.FromBounds(5, 10), output);
        Assert.Equal("ثانيا", Assert.Single(output).Range.Slice(text));
    }
}
