using Rasid.Core;
using Rasid.Ingest;
using Rasid.Testing;

namespace Rasid.Ingest.Tests;

public sealed class InputReaderTests
{
    private static readonly InputReader Reader = new();
    private static readonly ArticleInfo NoInfo = new();

    [Fact]
    public void A_text_file_becomes_one_article_named_after_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("story.txt", "نص الخبر");
        var item = Assert.Single(Reader.Read(path, new ArticleInfo { Published = new DateOnly(2015, 9, 30) }));
        Assert.Equal("نص الخبر", item.Article!.Text);
        Assert.Equal("story", item.Article.Info.Id);
        Assert.Equal(new DateOnly(2015, 9, 30), item.Article.Info.Published);
    }

    [Fact]
    public void Missing_files_and_directories_are_rejected_with_a_reason()
    {
        using var dir = new TempDirectory();
        Assert.Equal("no such file", Assert.Single(Reader.Read(dir.File("nope.txt"), NoInfo)).Rejection!.Reason);
        Assert.Equal("is a directory, not a file", Assert.Single(Reader.Read(dir.Path, NoInfo)).Rejection!.Reason);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_not_truncated()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("big.txt", new string('ب', 600));
        var item = Assert.Single(new InputReader(new InputLimits { MaxFileBytes = 1000 }).Read(path, NoInfo));
        Assert.StartsWith("file too large", item.Rejection!.Reason);
    }

    [Fact]
    public void Jsonl_records_become_articles_and_bad_lines_are_rejected_with_their_line_number()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("batch.jsonl", string.Join('\n',
            "{\"id\":\"a1\",\"text\":\"نص أول\",\"date\":\"2015-09-30\",\"title\":\"عنوان\",\"url\":\"https://x.org/1\"}",
            "{\"text\": \"نص ثان\", \"published\": \"2015-10-01T08:00:00Z\"}",
            "{not json",
            "",
            "{\"id\":\"a4\"}",
            "{\"text\":\"نص\",\"date\":\"2015-02-30\"}",
            "[1,2]",
            "{\"text\":\"نص\",\"title\":{\"x\":1}}"));
        var items = Reader.Read(path, NoInfo).ToList();
        Assert.Equal(7, items.Count);
        Assert.Equal("a1", items[0].Article!.Info.Id);
        Assert.Equal(new DateOnly(2015, 9, 30), items[0].Article!.Info.Published);
        Assert.Equal("عنوان", items[0].Article!.Info.Title);
        Assert.Equal(new DateOnly(2015, 10, 1), items[1].Article!.Info.Published);
        Assert.Equal("batch-2", items[1].Article!.Info.Id);
        Assert.Equal($"{path}:3", items[2].Rejection!.Origin);
        Assert.StartsWith("malformed JSON", items[2].Rejection!.Reason);
        Assert.Equal("no \"text\" field", items[3].Rejection!.Reason);
        Assert.Equal($"{path}:5", items[3].Rejection!.Origin);
        Assert.Equal("invalid date '2015-02-30' (expected YYYY-MM-DD)", items[4].Rejection!.Reason);
        Assert.Equal("not a JSON object", items[5].Rejection!.Reason);
        Assert.Contains("expected a string", items[6].Rejection!.Reason);
    }

    [Fact]
    public void An_empty_jsonl_file_is_rejected()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("empty.jsonl", "\n\n");
        Assert.Equal("empty file (no JSON records)", Assert.Single(Reader.Read(path, NoInfo)).Rejection!.Reason);
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        using var stdin = new MemoryStream("نص من الدخل القياسي"u8.ToArray());
        var item = Assert.Single(Reader.Read("-", NoInfo, stdin));
        Assert.Equal("نص من الدخل القياسي", item.Article!.Text);
        Assert.Equal("-", item.Article.Origin);
    }

    [Theory]
    [InlineData("2015-09-30", 2015, 9, 30)]
    [InlineData("2015-09-30T23:10:00+03:00", 2015, 9, 30)]
    [InlineData("2015-09-30 12:00:00", 2015, 9, 30)]
    public void Dates_are_parsed_from_iso_forms(string text, int y, int m, int d)
    {
        Assert.True(DateParser.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("2015-13-01")]
    [InlineData("30/09/2015")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Invalid_dates_are_refused(string text) => Assert.False(DateParser.TryParse(text, out _));
}
