using Rasid.Testing;

namespace Rasid.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Comparing_workers_ingests_the_same_articles_with_one_and_two_threads_and_reports_words_per_article()
    {
        using var dir = new TempDirectory();
        // Three articles of 10, 9 and 8 words.
        var path = dir.Write("in.jsonl",
            "{\"id\":\"a\",\"text\":\"قال الرئيس السوري بشار الأسد اليوم إن روسيا سترسل قوات.\",\"date\":\"2015-09-30\"}\n" +
            "{\"id\":\"b\",\"text\":\"وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق أمس.\",\"date\":\"2015-09-30\"}\n" +
            "{\"id\":\"c\",\"text\":\"طالبت دمشق موسكو بالدعم الجوي في الحرب الطويلة.\",\"date\":\"2015-09-30\"}\n");
        var result = CliRunner.Run("bench", "ingest", path, "--compare-workers", "--workers", "2");
        Assert.Equal(0, result.ExitCode);
        var rows = result.Out.Split('\n').Where(l => l.StartsWith("| 1 |", StringComparison.Ordinal) || l.StartsWith("| 2 |", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal("3", cells[2]);  // articles stored
            Assert.Equal("9", cells[5]);  // words/article: 27 words / 3 articles
        }

        Assert.Contains("2 workers / 1 worker = ", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_store_every_article_again_as_a_near_duplicate_so_a_run_can_exceed_the_corpus()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("in.jsonl",
            "{\"id\":\"a\",\"text\":\"قال الرئيس السوري بشار الأسد اليوم إن روسيا سترسل قوات إلى سوريا لدعم الجيش.\",\"date\":\"2015-09-30\"}\n" +
            "{\"id\":\"b\",\"text\":\"وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق أمس في زيارة رسمية تستمر يومين.\",\"date\":\"2015-09-30\"}\n");
        var result = CliRunner.Run("bench", "ingest", path, "--passes", "3", "--workers", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("stored 6, near-duplicates 4, rejected 0", result.Out, StringComparison.Ordinal);
        Assert.Contains("GC gen0/1/2", result.Out, StringComparison.Ordinal);

        var zero = CliRunner.Run("bench", "ingest", path, "--passes", "0");
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--passes must be at least 1", zero.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_of_a_later_pass_has_its_own_id_origin_and_text()
    {
        var article = new Rasid.Ingest.RawArticle("in.jsonl:1", "نص الخبر", new Rasid.Core.ArticleInfo { Id = "a" });
        var copy = IngestRunner.Copy(article, 2);
        Assert.Equal("a#2", copy.Info.Id);
        Assert.Equal("in.jsonl:1#2", copy.Origin);
        Assert.Equal("[2]\nنص الخبر", copy.Text);
    }
}
