using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Tagging;
using Rasid.Testing;

namespace Rasid.Nlp.Tests;

public sealed class UdEvaluationTests
{
    private static UdEvaluationResult Evaluate(UdEvaluationOptions options)
    {
        var gold = ConlluReader.ReadFile(RepoPaths.SharedData("ud", "ar_pud-ud-test.conllu"));
        return UdEvaluation.Run(gold, RasidPipeline.CreateDefault(), PerceptronTagger.Default, options);
    }

    private static double F1(UdEvaluationResult result, string name) => result.Metrics.Single(m => m.Name == name).F1;

    [SkippableFact]
    public void On_pud_surface_tokens_reach_99_and_segmented_words_98_5_from_raw_text()
    {
        var merged = Evaluate(new UdEvaluationOptions { Convention = UdTokenConvention.MergedClitics });
        Assert.True(F1(merged, "Tokens") >= 0.99, $"Tokens F1 {F1(merged, "Tokens"):P2}");
        Assert.True(F1(merged, "Sentences") >= 0.99, $"Sentences F1 {F1(merged, "Sentences"):P2}");
        Assert.True(F1(merged, "Words") >= 0.985, $"Words F1 {F1(merged, "Words"):P2}");
        Assert.Equal(0, merged.RemovedCharacters);
    }

    [SkippableFact]
    public void On_pud_in_its_own_convention_clitic_tokens_reach_98_5()
    {
        var words = Evaluate(new UdEvaluationOptions());
        Assert.Equal(UdTokenConvention.WordsAsTokens, words.Convention);
        Assert.True(F1(words, "Tokens") >= 0.985, $"Tokens F1 {F1(words, "Tokens"):P2}");
    }

    [SkippableFact]
    public void With_gold_tokens_the_padt_tagger_gets_over_86_percent_upos_and_lemmas_on_pud()
    {
        var result = Evaluate(new UdEvaluationOptions { GoldTokens = true });
        Assert.Equal(1.0, F1(result, "Words"));
        Assert.True(F1(result, "UPOS") >= 0.86, $"UPOS {F1(result, "UPOS"):P2}");
        Assert.True(F1(result, "Lemmas") >= 0.86, $"Lemmas {F1(result, "Lemmas"):P2}");
    }
}
