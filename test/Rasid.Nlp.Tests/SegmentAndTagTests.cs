using Rasid.Core;

namespace Rasid.Nlp.Tests;

public sealed class SegmentAndTagTests
{
    private static readonly RasidPipeline Rasid = RasidPipeline.CreateDefault();

    [Fact]
    public void The_default_pipeline_segments_after_tokenizing_and_tags_last()
    {
        var ids = Rasid.Components.Select(c => c.Id).ToArray();
        Assert.Equal("tokens.rules/1", ids[2]);
        Assert.StartsWith("segment.perceptron/", ids[3], StringComparison.Ordinal);
        Assert.StartsWith("tags.perceptron/", ids[4], StringComparison.Ordinal);
        Assert.True(Rasid.Layers.HasFlag(AnnotationLayers.Tags));
    }

    [Fact]
    public void Clitics_become_words_with_offsets_tags_and_lemmas()
    {
        const string text = "وقالت الرئاسة إنها ستعمل بالقرار.";
        var doc = Rasid.Analyze(text);
        var token = doc.Tokens.Single(t => t.Text == "بالقرار");
        Assert.Equal(["ب", "القرار"], token.Words.Select(w => w.Text));
        Assert.Equal(token.Start, token.Words[0].Start);
        Assert.Equal(token.Start + 1, token.Words[1].Start);
        Assert.Equal(token.End, token.Words[1].End);
        Assert.Equal("ADP", token.Words[0].Upos);
        Assert.Equal("NOUN", token.Words[1].Upos);
        Assert.Equal("قرار", token.Words[1].Lemma);
        Assert.Equal("Definite=Def", token.Words[1].Feats);
        var said = doc.Tokens.Single(t => t.Text == "وقالت");
        Assert.Equal(["و", "قالت"], said.Words.Select(w => w.Text));
        Assert.Equal(["PART", "VERB"], said.Words.Select(w => w.Upos)); // PUD's convention for a sentence-initial و (model v5)
        Assert.Equal("قال", said.Words[1].Lemma);
        Assert.All(doc.Tokens.SelectMany(t => t.Words), w => Assert.Equal(w.Text, doc.Slice(w.Range)));
    }

    [Fact]
    public void An_elided_article_is_marked_on_the_host_word()
    {
        var doc = Rasid.Analyze("دعا للحظر.");
        var token = doc.Tokens.Single(t => t.Text == "للحظر");
        Assert.Equal(["ل", "لحظر"], token.Words.Select(w => w.Text));
        Assert.Equal("Definite=Def|ElidedArticle=Yes", token.Words[1].Feats);
        Assert.Equal("حظر", token.Words[1].Lemma);
    }

    [Fact]
    public void Words_that_only_look_like_clitics_stay_whole()
    {
        var doc = Rasid.Analyze("ولد وزير من فلسطين في بلد آخر.");
        Assert.All(doc.Tokens, t => Assert.Single(t.Words));
    }
}
