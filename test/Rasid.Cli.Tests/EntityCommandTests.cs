using Rasid.Testing;

namespace Rasid.Cli.Tests;

public sealed class EntityCommandTests
{
    [Fact]
    public void Eval_ner_scores_a_conll_file_like_conlleval()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "mini.txt");
        File.WriteAllText(path, "وصل O\nالرئيس O\nالمصري O\nحسني B-PERS\nمبارك I-PERS\nالى O\nالقاهرة B-LOC\n. O\n");
        var result = CliRunner.Run("eval", "ner", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("processed 8 tokens with 2 phrases; found: 2 phrases; correct: 2.", result.Out, StringComparison.Ordinal);
        var json = CliRunner.Run("eval", "ner", path, "--json");
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal(1.0, doc.RootElement.GetProperty("micro").GetProperty("f1").GetDouble());
    }

    [Fact]
    public void Eval_ner_reports_a_malformed_line_with_file_and_line_number()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.txt");
        File.WriteAllText(path, "وصل O\nالرئيس\n");
        var result = CliRunner.Run("eval", "ner", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(path + ":2:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--write-dev")]
    [InlineData("--write-self")]
    public void Train_ner_with_an_output_file_in_a_missing_folder_stops_with_one_usage_line_before_training(string option)
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "mini.txt");
        File.WriteAllText(data, "وصل O\nالرئيس O\nحسني B-PERS\nمبارك I-PERS\n. O\n");
        var missing = Path.Combine(dir.Path, "no-such-folder", "out.txt");
        var result = CliRunner.Run("train", "ner", "--data", data, option, missing, "--out", dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} '{missing}': no such folder", result.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "ner.bin")));
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Eval_actors_scores_the_span_gold_per_country_and_role()
    {
        var assault = RepoPaths.SharedData("arabic_event_gsr", "assault_spans.json");
        var result = CliRunner.Run("eval", "actors", assault, "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.True(doc.RootElement.GetProperty("spans").GetInt32() > 500);
        Assert.True(doc.RootElement.GetProperty("by_country").TryGetProperty("USA", out _));
        Assert.True(doc.RootElement.GetProperty("by_role").TryGetProperty("MIL", out _));
    }

    [Fact]
    public void Eval_actors_rejects_a_file_that_is_not_json()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.json");
        File.WriteAllText(path, "not json");
        var result = CliRunner.Run("eval", "actors", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(path + ": not valid JSON", result.Error, StringComparison.Ordinal);
    }
}
