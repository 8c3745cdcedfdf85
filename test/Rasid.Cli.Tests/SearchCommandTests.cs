using Rasid.Testing;

namespace Rasid.Cli.Tests;

public sealed class SearchCommandTests
{
    private static string WriteCorpus(TempDirectory dir)
    {
        var input = Path.Combine(dir.Path, "in.jsonl");
        File.WriteAllLines(input,
        [
            "{\"id\":\"eg\",\"date\":\"2015-10-02\",\"title\":\"مظاهرة في القاهرة\",\"text\":\"تظاهر آلاف الطلاب في القاهرة احتجاجاً على ارتفاع الأسعار.\"}",
            "{\"id\":\"lb\",\"date\":\"2015-10-01\",\"title\":\"مساعدات إلى لبنان\",\"text\":\"أعلنت الأمم المتحدة إرسال مساعدات إنسانية إلى لبنان.\"}",
        ]);
        var docs = Path.Combine(dir.Path, "docs.jsonl");
        var analysed = CliRunner.Run("analyze", input);
        Assert.Equal(0, analysed.ExitCode);
        File.WriteAllText(docs, analysed.Out);
        return docs;
    }

    [Fact]
    public void Search_finds_a_word_typed_without_its_hamza_and_marks_the_match()
    {
        using var dir = new TempDirectory();
        var docs = WriteCorpus(dir);
        var result = CliRunner.Run("search", "الاسعار", "--docs", docs, "--kind", "document");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1 hit\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("[الأسعار]", result.Out, StringComparison.Ordinal);
        Assert.Contains(" eg ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_builds_a_folder_that_search_reads_with_date_filters()
    {
        using var dir = new TempDirectory();
        var docs = WriteCorpus(dir);
        var index = Path.Combine(dir.Path, "idx");
        var built = CliRunner.Run("index", "--docs", docs, "--index", index);
        Assert.Equal(0, built.ExitCode);
        Assert.Contains("indexed 2 documents", built.Out, StringComparison.Ordinal);
        var result = CliRunner.Run("search", "", "--index", index, "--from", "2015-10-02", "--to", "2015-10-31", "--kind", "document");
        Assert.StartsWith("1 hit\n", result.Out, StringComparison.Ordinal);
        Assert.Contains(" eg ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_queries_dates_and_the_missing_store_are_usage_errors()
    {
        using var dir = new TempDirectory();
        var docs = WriteCorpus(dir);
        var unbalanced = CliRunner.Run("search", "\"القاهرة", "--docs", docs);
        Assert.Equal(2, unbalanced.ExitCode);
        Assert.Contains("cannot read the query", unbalanced.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("search", "x", "--docs", docs, "--from", "2015-02-30").ExitCode);
        var db = CliRunner.Run("search", "x", "--db", "corpus.db");
        Assert.Equal(2, db.ExitCode);
        Assert.Contains("corpus store", db.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("search", "x", "--docs", Path.Combine(dir.Path, "missing.jsonl")).ExitCode);
    }

    [SkippableFact]
    public void Eval_search_prints_map_ndcg_and_precision_for_both_analyzers()
    {
        var data = Path.GetDirectoryName(Path.GetDirectoryName(RepoPaths.SharedData("raw", "padt-afp-2000-sentences.xml")))!;
        var result = CliRunner.Run("eval", "search", "--data", data);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MAP", result.Out, StringComparison.Ordinal);
        Assert.Contains("lucene ArabicAnalyzer", result.Out, StringComparison.Ordinal);
        Assert.Contains("rasid RasidArabicAnalyzer", result.Out, StringComparison.Ordinal);
    }
}
