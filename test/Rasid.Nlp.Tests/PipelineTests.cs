using Rasid.Core;
using Rasid.Nlp;
using Rasid.Testing;

namespace Rasid.Nlp.Tests;

public sealed class PipelineTests
{
    private static readonly RasidPipeline Rasid = RasidPipeline.CreateDefault();
    private static readonly string Sample = File.ReadAllText(RepoPaths.SampleStory);

    [Fact]
    public void The_sample_story_has_one_sentence_per_paragraph_and_the_ad_line_in_none()
    {
        var doc = Rasid.Analyze(Sample, new ArticleInfo { Published = new DateOnly(2015, 9, 30) });
        Assert.Equal(11, doc.Sentences.Count);
        var ad = Assert.Single(doc.Removed);
        Assert.Equal("Ad", doc.Slice(ad.Range));
        Assert.Equal("advert", ad.Reason);
        Assert.DoesNotContain(doc.Sentences, s => s.Range.Overlaps(ad.Range));
        Assert.DoesNotContain(doc.Tokens, t => t.Range.Overlaps(ad.Range));
        Assert.StartsWith("اكدت الرئاسة السورية", doc.Slice(doc.Sentences[0].Range));
        Assert.EndsWith("بوتين.", doc.Slice(doc.Sentences[0].Range));
        Assert.EndsWith("تنظيم الدولة الاسلامية.", doc.Slice(doc.Sentences[^1].Range));
        Assert.Equal(new DateOnly(2015, 9, 30), doc.Published);
    }

    [Fact]
    public void Every_token_and_word_is_the_exact_substring_of_the_original()
    {
        var doc = Rasid.Analyze(Sample);
        Assert.True(doc.Tokens.Count > 300);
        foreach (var token in doc.Tokens)
        {
            Assert.Equal(Sample.Substring(token.Start, token.End - token.Start), token.Text);
            foreach (var word in token.Words) Assert.Equal(Sample.Substring(word.Start, word.End - word.Start), word.Text);
        }

        Assert.Empty(DocumentValidator.Validate(doc));
    }

    [Fact]
    public void The_first_tokens_of_the_sample_have_known_offsets()
    {
        var doc = Rasid.Analyze(Sample);
        Assert.Equal((0, 4, "اكدت"), (doc.Tokens[0].Start, doc.Tokens[0].End, doc.Tokens[0].Text));
        Assert.Equal((5, 12, "الرئاسة"), (doc.Tokens[1].Start, doc.Tokens[1].End, doc.Tokens[1].Text));
        Assert.Equal(TokenKind.Punctuation, doc.Tokens.First(t => t.Text == ".").Kind);
    }

    [Fact]
    public void The_pipeline_records_each_component_that_ran()
    {
        var doc = Rasid.Analyze("نص قصير.");
        Assert.Equal(Rasid.Components.Select(c => c.Id), doc.Pipeline);
        Assert.Contains("tokens.rules/1", doc.Pipeline);
    }

    [Fact]
    public void Empty_text_gives_an_empty_document()
    {
        var doc = Rasid.Analyze("");
        Assert.Empty(doc.Sentences);
        Assert.Empty(doc.Tokens);
    }

    [Fact]
    public void A_component_whose_requirements_come_later_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RasidPipeline([Rasid.Components[2], Rasid.Components[0]]));
        Assert.Contains("requires", ex.Message);
    }

    [Fact]
    public void One_pipeline_analyses_many_documents_concurrently_with_the_same_results()
    {
        var expected = DocumentJson.Serialize(Rasid.Analyze(Sample));
        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = DocumentJson.Serialize(Rasid.Analyze(Sample)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Cancellation_stops_the_analysis()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Rasid.Analyze(Sample, null, cts.Token));
    }
}
