using Rasid.Storage;
using Rasid.Testing;

namespace Rasid.Storage.Tests;

public sealed class DedupEvaluationTests
{
    [Fact]
    public void Recipes_edit_the_text_deterministically()
    {
        const string Text = "الفقرة الأولى من الخبر.\nالفقرة الثانية من الخبر.\nالفقرة الثالثة من الخبر.";
        Assert.Equal("الفقرة الثالثة من الخبر.\n\nالفقرة الثانية من الخبر.\n\nالفقرة الأولى من الخبر.", DedupEvaluation.ApplyRecipe(Text, "reorder", "x"));
        Assert.Equal("الفقرة الأولى من", DedupEvaluation.ApplyRecipe(Text, "truncate:0.25", "x"));
        Assert.Equal(DedupEvaluation.ApplyRecipe(Text, "edit:0.3", "p1"), DedupEvaluation.ApplyRecipe(Text, "edit:0.3", "p1"));
        Assert.Contains("الاولى", DedupEvaluation.ApplyRecipe(Text, "spelling", "x"), StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => DedupEvaluation.ApplyRecipe(Text, "shuffle", "x"));
    }

    [SkippableFact]
    public void The_default_threshold_detects_wire_copies_in_the_labelled_saudinewsnet_pairs()
    {
        var snn = RepoPaths.SharedData("raw", "saudinewsnet");
        var pairs = DedupEvaluation.ReadPairs(RepoPaths.InRepo("data", "dedup", "pairs.tsv"));
        var measured = new DedupEvaluation(new MinHasher(), snn).Measure(pairs);
        var score = DedupEvaluation.Score(measured, DedupOptions.Default.Threshold);
        // Figures reported in docs/corpus.md: P 0.972, R 0.896 at 0.5.
        Assert.True(score.Precision >= 0.95, $"precision {score.Precision:F3}");
        Assert.True(score.Recall >= 0.85, $"recall {score.Recall:F3}");
    }
}
