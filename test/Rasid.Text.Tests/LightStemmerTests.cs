using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class LightStemmerTests
{
    private static string Stem(string word) => LightStemmer.Instance.Stem(Normalizer.Search.Normalize(word).Text);

    [Theory]
    [InlineData("الكتاب", "كتاب")]
    [InlineData("والكتاب", "كتاب")]
    [InlineData("بالكتاب", "كتاب")]
    [InlineData("كالكتاب", "كتاب")]
    [InlineData("فالكتاب", "كتاب")]
    [InlineData("للكتاب", "كتاب")]
    [InlineData("وكتاب", "كتاب")]
    public void Stemmer_removes_one_light10_prefix(string word, string expected) => Assert.Equal(expected, Stem(word));

    [Theory]
    [InlineData("كتابها", "كتاب")]
    [InlineData("معلمان", "معلم")]
    [InlineData("معلمات", "معلم")]
    [InlineData("معلمون", "معلم")]
    [InlineData("معلمين", "معلم")]
    [InlineData("كتابه", "كتاب")]
    [InlineData("مدرسة", "مدرس")]
    [InlineData("كتابي", "كتاب")]
    public void Stemmer_removes_light10_suffixes(string word, string expected) => Assert.Equal(expected, Stem(word));

    [Fact]
    public void Stemmer_removes_a_prefix_and_stacked_suffixes() => Assert.Equal("اقتصاد", Stem("والاقتصادية"));

    [Theory]
    [InlineData("وطن")]
    [InlineData("ولد")]
    [InlineData("بال")]
    [InlineData("كان")]
    [InlineData("هي")]
    [InlineData("في")]
    [InlineData("و")]
    [InlineData("")]
    public void Stemmer_leaves_short_words_untouched(string word) => Assert.Equal(Normalizer.Search.Normalize(word).Text, Stem(word));

    [Fact]
    public void Stemmer_does_not_remove_the_article_when_less_than_two_letters_remain() => Assert.Equal("الم", Stem("الم"));

    [Fact]
    public void Stemmer_does_not_remove_waw_when_less_than_three_letters_remain() => Assert.Equal("وصل", Stem("وصل"));

    [Fact]
    public void Stemmer_leaves_latin_words_and_numbers_untouched()
    {
        Assert.Equal("Reuters", LightStemmer.Instance.Stem("Reuters"));
        Assert.Equal("2015", LightStemmer.Instance.Stem("2015"));
    }

    [Fact]
    public void Stem_range_points_into_the_word() => Assert.Equal(TextRange.FromBounds(3, 7), LightStemmer.Instance.StemRange("والمعلمين"));

    [Fact]
    public void Stemmer_has_a_versioned_id() => Assert.Equal("stem.light10/1", LightStemmer.Instance.Id);
}

public sealed class StopWordsTests
{
    [Theory]
    [InlineData("في")]
    [InlineData("الذي")]
    [InlineData("هذه")]
    [InlineData("إلى")]
    public void Stop_words_contain_function_words_after_search_normalization(string word) =>
        Assert.True(StopWords.Arabic.Contains(Normalizer.Search.Normalize(word).Text));

    [Theory]
    [InlineData("قال")]
    [InlineData("اليوم")]
    [InlineData("أمس")]
    public void Stop_words_contain_reporting_and_time_words_so_they_are_for_search_only(string word) =>
        Assert.True(StopWords.Arabic.Contains(Normalizer.Search.Normalize(word).Text));

    [Theory]
    [InlineData("الرئيس")]
    [InlineData("غزة")]
    [InlineData("انفجار")]
    public void Stop_words_do_not_contain_content_words(string word) =>
        Assert.False(StopWords.Arabic.Contains(Normalizer.Search.Normalize(word).Text));

    [Fact]
    public void Stop_words_have_a_version_and_hundreds_of_entries()
    {
        Assert.Equal("stopwords.ar/1", StopWords.Arabic.Id);
        Assert.InRange(StopWords.Arabic.Words.Count, 500, 800);
    }
}
