using Rasid.Nlp.Evaluation;

namespace Rasid.Nlp.Tests;

public sealed class UdScorerTests
{
    private static List<ConlluSentence> Parse(string conllu, string name = "test.conllu") => ConlluReader.Read(new StringReader(conllu), name);

    private static UdMetric Metric(IReadOnlyList<UdMetric> metrics, string name) => metrics.Single(m => m.Name == name);

    // Gold: "وبالقرار صدر ." as a multi-word token و+ب+القرار, then two words.
    private const string Gold =
        "# text = وبالقرار صدر .\n" +
        "1-3\tوبالقرار\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "1\tو\tو\tCCONJ\t_\t_\t0\t_\t_\t_\n" +
        "2\tب\tب\tADP\t_\t_\t0\t_\t_\t_\n" +
        "3\tالقرار\tقرار\tNOUN\t_\tDefinite=Def\t0\t_\t_\t_\n" +
        "4\tصدر\tصدر\tVERB\t_\t_\t0\t_\t_\t_\n" +
        "5\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_\n\n";

    [Fact]
    public void Identical_files_score_100_on_every_metric()
    {
        var gold = Parse(Gold);
        var metrics = UdScorer.Score(gold, gold);
        Assert.All(metrics, m => Assert.Equal(1.0, m.F1));
        Assert.Equal(3, Metric(metrics, "Tokens").GoldTotal);
        Assert.Equal(5, Metric(metrics, "Words").GoldTotal);
    }

    [Fact]
    public void An_unsplit_clitic_token_loses_words_inside_the_multiword_token_only()
    {
        // System: و + بالقرار (the ب not split). Words aligned by LCS of forms inside the token: only "و" matches.
        var system = Parse(
            "1-2\tوبالقرار\t_\t_\t_\t_\t_\t_\t_\t_\n" +
            "1\tو\tو\tCCONJ\t_\t_\t0\t_\t_\t_\n" +
            "2\tبالقرار\tقرار\tNOUN\t_\t_\t0\t_\t_\t_\n" +
            "3\tصدر\tصدر\tNOUN\t_\t_\t0\t_\t_\t_\n" +
            "4\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_\n\n");
        var metrics = UdScorer.Score(Parse(Gold), system);
        Assert.Equal(1.0, Metric(metrics, "Tokens").F1);
        var words = Metric(metrics, "Words");
        Assert.Equal((3, 4, 5), (words.Correct, words.SystemTotal, words.GoldTotal));
        Assert.Equal(2.0 * 3 / 9, words.F1, 10);
        var upos = Metric(metrics, "UPOS");
        Assert.Equal(2, upos.Correct); // و CCONJ and . PUNCT; صدر tagged NOUN is wrong
        Assert.Equal(2.0 / 3, upos.AlignedAccuracy, 10);
    }

    [Fact]
    public void Wrong_token_boundaries_and_a_split_sentence_are_counted_by_character_spans()
    {
        // Gold has one sentence of 3 tokens "ab cd ef"; the system splits "cd" into "c" "d" and ends a sentence after "c".
        var gold = Parse("1\tab\tab\tX\t_\t_\t0\t_\t_\t_\n2\tcd\tcd\tX\t_\t_\t0\t_\t_\t_\n3\tef\tef\tX\t_\t_\t0\t_\t_\t_\n\n");
        var system = Parse("1\tab\tab\tX\t_\t_\t0\t_\t_\t_\n2\tc\tc\tX\t_\t_\t0\t_\t_\t_\n\n1\td\td\tX\t_\t_\t0\t_\t_\t_\n2\tef\tef\tX\t_\t_\t0\t_\t_\t_\n\n");
        var metrics = UdScorer.Score(gold, system);
        var tokens = Metric(metrics, "Tokens");
        Assert.Equal((2, 4, 3), (tokens.Correct, tokens.SystemTotal, tokens.GoldTotal));
        Assert.Equal(4.0 / 7, tokens.F1, 10);
        var sentences = Metric(metrics, "Sentences");
        Assert.Equal((0, 2, 1), (sentences.Correct, sentences.SystemTotal, sentences.GoldTotal));
        Assert.Equal(0.0, sentences.F1);
    }

    [Fact]
    public void Different_characters_are_reported_with_their_position()
    {
        var gold = Parse("1\tab\tab\tX\t_\t_\t0\t_\t_\t_\n\n");
        var system = Parse("1\tax\tax\tX\t_\t_\t0\t_\t_\t_\n\n");
        var ex = Assert.Throws<InvalidOperationException>(() => UdScorer.Score(gold, system));
        Assert.Contains("character 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1\tab\tab\tX\t_\t_\t0\t_\t_\n", "test.conllu:1: expected 10 tab-separated columns, found 9")]
    [InlineData("2\tab\tab\tX\t_\t_\t0\t_\t_\t_\n", "test.conllu:1: word id 2 out of sequence (expected 1)")]
    [InlineData("1\tab\tab\tX\t_\t_\t0\t_\t_\t_\nx\tcd\tcd\tX\t_\t_\t0\t_\t_\t_\n", "test.conllu:2: invalid word id 'x'")]
    [InlineData("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\t_\t_\t0\t_\t_\t_\n\n", "test.conllu:3: multi-word token 1-2 is not followed by all its words")]
    [InlineData("1\tab\tab\tX\t_\t_\t0\t_\t_\t_\n# late comment\n", "test.conllu:2: comment line inside a sentence")]
    [InlineData("1\t\tab\tX\t_\t_\t0\t_\t_\t_\n", "test.conllu:1: FORM is empty")]
    public void Malformed_lines_are_reported_with_file_and_line(string conllu, string message)
    {
        var ex = Assert.Throws<ConlluFormatException>(() => Parse(conllu));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Pud_style_clitic_tokens_merge_into_multiword_tokens_only_between_arabic_letters()
    {
        var pud = Parse(
            "# text = وجمعية \"أوبر\"\n" +
            "1\tو\tوَ\tCCONJ\t_\t_\t2\tcc\t_\tSpaceAfter=No\n" +
            "2\tجمعية\tجمعية\tNOUN\t_\t_\t0\troot\t_\t_\n" +
            "3\t\"\t\"\tPUNCT\t_\t_\t4\tpunct\t_\tSpaceAfter=No\n" +
            "4\tأوبر\tأوبر\tPROPN\t_\t_\t2\tnmod\t_\tSpaceAfter=No\n" +
            "5\t\"\t\"\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n");
        var merged = UdConventions.MergeClitics(pud);
        Assert.Equal(["وجمعية", "\"", "أوبر", "\""], merged[0].Tokens.Select(t => t.Form));
        Assert.Equal(["و", "جمعية"], merged[0].Tokens[0].Words.Select(w => w.Form));
        Assert.Equal(["و", "جمعية", "\"", "أوبر", "\""], UdConventions.WordsAsTokens(merged)[0].Tokens.Select(t => t.Form));
    }

    [Fact]
    public void Raw_text_joins_sentences_of_a_document_and_separates_documents()
    {
        var gold = Parse(
            "# newdoc id = a\n# text = جملة أولى.\n1\tجملة\t_\tX\t_\t_\t0\t_\t_\t_\n\n" +
            "# text = ثانية.\n1\tثانية\t_\tX\t_\t_\t0\t_\t_\t_\n\n" +
            "# newdoc id = b\n# text = ثالثة.\n1\tثالثة\t_\tX\t_\t_\t0\t_\t_\t_\n\n");
        Assert.Equal(["جملة أولى. ثانية.", "ثالثة."], UdEvaluation.RawDocuments(gold, singleParagraph: false));
        Assert.Equal(["جملة أولى. ثانية. ثالثة."], UdEvaluation.RawDocuments(gold, singleParagraph: true));
    }
}
