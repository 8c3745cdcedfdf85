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
}
