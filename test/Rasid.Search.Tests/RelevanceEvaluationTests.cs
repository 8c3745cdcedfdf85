using Rasid.Search.Evaluation;
using Rasid.Testing;

namespace Rasid.Search.Tests;

public sealed class RelevanceEvaluationTests
{
    private static readonly HashSet<string> Relevant = ["a", "c"];

    [Fact]
    public void Average_precision_rewards_relevant_hits_ranked_first()
    {
        Assert.Equal(1.0, RelevanceEvaluation.AveragePrecision(["a", "c", "b"], Relevant), 6);
        Assert.Equal(((1.0 / 2) + (2.0 / 3)) / 2, RelevanceEvaluation.AveragePrecision(["b", "a", "c"], Relevant), 6);
        Assert.Equal(0.5, RelevanceEvaluation.AveragePrecision(["a", "b"], Relevant), 6); // c never retrieved
    }

    [Fact]
    public void Ndcg_and_precision_at_k_use_binary_gains()
    {
        Assert.Equal(1.0, RelevanceEvaluation.NdcgAt(10, ["c", "a"], Relevant), 6);
        var expected = (1 / Math.Log2(3)) / (1 + (1 / Math.Log2(3)));
        Assert.Equal(expected, RelevanceEvaluation.NdcgAt(10, ["b", "a"], Relevant), 6);
        Assert.Equal(0.2, RelevanceEvaluation.PrecisionAt(10, ["b", "a", "c"], Relevant), 6);
    }

    [Fact]
    public void The_shipped_relevance_set_has_at_least_30_judged_queries()
    {
        var queries = RelevanceEvaluation.LoadPadtQueries();
        Assert.True(queries.Count >= 30);
        Assert.All(queries, q => Assert.NotEmpty(q.Relevant));
        Assert.Equal(queries.Count, queries.Select(q => q.Id).Distinct().Count());
    }

    [SkippableFact]
    public void Every_judged_sentence_exists_and_both_analyzers_rank_well_on_the_padt_set()
    {
        var path = RepoPaths.SharedData("raw", "padt-afp-2000-sentences.xml");
        var documents = RelevanceEvaluation.ReadPadtSentences(path);
        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var queries = RelevanceEvaluation.LoadPadtQueries();
        Assert.All(queries.SelectMany(q => q.Relevant), id => Assert.Contains(id, ids));
        foreach (var (name, factory) in RelevanceEvaluation.Analyzers)
        {
            using var index = RelevanceEvaluation.BuildIndex(documents, factory);
            var scores = RelevanceEvaluation.Score(name, index, queries);
            Assert.InRange(scores.Map, 0.7, 1.0);
        }
    }
}
