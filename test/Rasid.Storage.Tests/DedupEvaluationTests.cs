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

    [Fact]
    public void Boilerplate_and_replacement_words_come_from_the_versioned_edits_file()
    {
        // The exact lines the labelled "boilerplate" pairs were built with (data/dedup/edits.tsv v1).
        Assert.Equal(
            "الرياض - واس\nشارك الخبر: فيسبوك تويتر واتساب\n\nنص الخبر\n\nاقرأ أيضا: أخبار متعلقة بالموضوع نفسه\nتابعونا على تويتر للمزيد من الأخبار العاجلة\nجميع الحقوق محفوظة للصحيفة ٢٠١٥",
            DedupEvaluation.ApplyRecipe("نص الخبر", "boilerplate", "x"));
        Assert.Equal(10, DedupEvaluation.EditClass("replacement").Count);
        Assert.Equal("كما", DedupEvaluation.EditClass("replacement")[0]); // order matters: picked by a seeded index
        Assert.Equal("المملكة", DedupEvaluation.EditClass("replacement")[^1]);
        Assert.Throws<InvalidOperationException>(() => DedupEvaluation.EditClass("no_such_class"));
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
