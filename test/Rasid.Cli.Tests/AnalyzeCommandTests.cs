using System.Text;
using System.Text.Json;
using Rasid.Core;
using Rasid.Testing;

namespace Rasid.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public void Analyzing_the_sample_prints_the_golden_json()
    {
        var result = CliRunner.Run("analyze", RepoPaths.SampleStory, "--date", "2015-09-30");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        CliRunner.AssertGolden("sample.json", result.Out);
        var doc = DocumentJson.Deserialize(result.Out);
        Assert.Equal(new DateOnly(2015, 9, 30), doc.Published);
        Assert.Equal(File.ReadAllText(RepoPaths.SampleStory), doc.Text);
        Assert.Equal(11, doc.Sentences.Count);
    }

    [Fact]
    public void Text_format_prints_the_golden_summary()
    {
        var result = CliRunner.Run("analyze", RepoPaths.SampleStory, "--date", "2015-09-30", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        CliRunner.AssertGolden("sample.txt", result.Out.Replace(RepoPaths.Root, "<repo>"));
    }

    [Fact]
    public void Jsonl_input_gives_one_document_per_line_and_reports_bad_lines()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("in.jsonl", "{\"id\":\"x1\",\"text\":\"قال الوزير.\",\"date\":\"2015-09-30\"}\n{broken\n{\"id\":\"x3\",\"text\":\"نص آخر\"}\n");
        var result = CliRunner.Run("analyze", path);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("x1", DocumentJson.Deserialize(lines[0]).Id);
        Assert.Equal("x3", DocumentJson.Deserialize(lines[1]).Id);
        Assert.Contains($"rasid: {path}:2: malformed JSON", result.Error);
        Assert.Contains("2 documents analysed, 1 input rejected", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Several_text_files_give_a_json_array()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.txt", "الخبر الأول.");
        var b = dir.Write("b.txt", "الخبر الثاني.");
        var result = CliRunner.Run("analyze", a, b);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("a", json.RootElement[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Standard_input_is_analysed_for_a_dash()
    {
        var result = CliRunner.RunWithInput("ورحب مصدر امني في دمشق بالقرار.", "analyze", "-", "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ورحب مصدر امني في دمشق بالقرار.", DocumentJson.Deserialize(result.Out.Trim()).Text);
    }

    [Fact]
    public void Bad_inputs_get_one_line_each_and_the_rest_of_the_batch_continues()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("good.txt", "نص سليم.");
        var empty = dir.Write("empty.txt", "");
        var binary = dir.Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        var cp1256 = dir.Write("cp1256.txt", CodePage1256("قال الرئيس ان الحكومة ستجتمع."));
        var utf16 = dir.Write("utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("نص بترميز UTF-16.")]);
        var missing = dir.File("missing.txt");
        var result = CliRunner.Run("analyze", good, empty, binary, dir.Path, missing, cp1256, utf16, "--format", "jsonl");

        Assert.Equal(1, result.ExitCode);
        var docs = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(DocumentJson.Deserialize).ToList();
        Assert.Equal(["نص سليم.", "قال الرئيس ان الحكومة ستجتمع.", "نص بترميز UTF-16."], docs.Select(d => d.Text));
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                $"rasid: {empty}: empty file",
                $"rasid: {binary}: binary file (PNG image), not text",
                $"rasid: {dir.Path}: is a directory, not a file",
                $"rasid: {missing}: no such file",
                "rasid: 3 documents analysed, 4 inputs rejected",
            ],
            errors);
    }

    [Theory]
    [InlineData("2015-13-45")]
    [InlineData("30/09/2015")]
    [InlineData("tomorrow")]
    public void An_invalid_date_is_a_usage_error(string date)
    {
        var result = CliRunner.Run("analyze", RepoPaths.SampleStory, "--date", date);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith($"rasid: invalid --date '{date}'", result.Error);
    }

    [Fact]
    public void Unknown_options_formats_and_missing_files_are_usage_errors()
    {
        Assert.Equal(2, CliRunner.Run("analyze").ExitCode);
        Assert.Equal(2, CliRunner.Run("analyze", RepoPaths.SampleStory, "--format", "xml").ExitCode);
        Assert.Equal(2, CliRunner.Run("analyze", RepoPaths.SampleStory, "--bogus").ExitCode);
        Assert.Equal(2, CliRunner.Run("frobnicate").ExitCode);
    }

    [Fact]
    public void Help_and_version_are_available()
    {
        var help = CliRunner.Run("analyze", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--date", help.Out);
        Assert.Contains("--format", help.Out);
        var rootHelp = CliRunner.Run("--help");
        Assert.Contains("analyze", rootHelp.Out);
        var version = CliRunner.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);
    }

    private static byte[] CodePage1256(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256).GetBytes(text);
    }
}
