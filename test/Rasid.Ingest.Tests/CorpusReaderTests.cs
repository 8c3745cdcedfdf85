using System.IO.Compression;
using System.Text;
using Rasid.Ingest;
using Rasid.Testing;

namespace Rasid.Ingest.Tests;

public sealed class CorpusReaderTests
{
    private const string Story = "أعلنت هيئة الطيران المدني اليوم تشغيل رحلات جديدة بين الرياض وعمّان اعتبارا من الشهر المقبل لتلبية الطلب المتزايد.";

    [Fact]
    public void Html_extraction_keeps_the_article_and_drops_menus_share_buttons_and_related_links()
    {
        const string Html = """
            <html><head><meta property="og:title" content="رحلات جديدة إلى عمّان"><meta name="author" content="محرر الأخبار">
            <meta property="article:published_time" content="2015-09-30T09:00:00+03:00"></head>
            <body><nav><a>الرئيسية</a></nav><div class="share-bar">شارك</div>
            <div itemprop="articleBody"><p>أعلنت هيئة الطيران المدني اليوم تشغيل رحلات جديدة بين الرياض وعمّان.</p><p>وتبدأ الرحلات الشهر المقبل.</p>
            <div class="related-posts"><p>خبر آخر لا علاقة له بالموضوع</p></div></div>
            <footer>حقوق النشر</footer></body></html>
            """;
        var page = HtmlArticleExtractor.Extract(Html);
        Assert.Equal("أعلنت هيئة الطيران المدني اليوم تشغيل رحلات جديدة بين الرياض وعمّان.\n\nوتبدأ الرحلات الشهر المقبل.", page.Text);
        Assert.Equal("رحلات جديدة إلى عمّان", page.Title);
        Assert.Equal("محرر الأخبار", page.Author);
        Assert.Equal(new DateOnly(2015, 9, 30), page.Published);
    }

    [Fact]
    public void Html_declared_as_windows_1256_is_decoded_with_that_code_page()
    {
        var html = "<html><head><meta charset=\"windows-1256\"><title>خبر</title></head><body><p>" + Story + "</p></body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(html);
        Assert.Contains(Story, TextDecoder.DecodeMarkup(bytes, "page.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_of_json_arrays_yields_one_article_per_record_with_its_entry_and_index()
    {
        using var dir = new TempDirectory();
        var path = dir.File("day.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("2015-07-21.json").Open(), new UTF8Encoding(false));
            writer.Write($$"""[{"source":"spa","url":"http://x/1","date_extracted":"2015-07-21 02:51:32","title":"عنوان","content":"{{Story}}"},{"source":"spa","content":""}]""");
        }

        var items = new CorpusReader().ReadFile(path).ToList();
        Assert.Equal(2, items.Count);
        var article = items[0].Article!;
        Assert.Equal(path + "!2015-07-21.json#1", article.Origin);
        Assert.Equal(("2015-07-21-1", "spa", new DateOnly(2015, 7, 21)), (article.Info.Id, article.Info.Source, article.Info.Published!.Value));
        Assert.Equal(path + "!2015-07-21.json#2", items[1].Rejection!.Origin);
    }

    [Theory]
    [InlineData("[{\"content\":\"x\"} {\"content\":\"y\"}]", "malformed JSON: ")]
    [InlineData("[{\"content\":\"x\"}] trailing", "malformed JSON: ")]
    [InlineData("[{\"content\":\"x\"}", "malformed JSON: ")]
    [InlineData("   \n ", "malformed JSON: ")]
    [InlineData("[]", "empty JSON array")]
    public void A_malformed_or_empty_json_file_is_one_rejection_naming_the_file(string json, string reason)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("day.json", json);
        var item = Assert.Single(new CorpusReader().ReadFile(path));
        Assert.Equal(path, item.Rejection!.Origin);
        Assert.StartsWith(reason, item.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_records_are_read_as_each_record_alone_would_be_read_and_a_bad_record_does_not_stop_the_rest()
    {
        using var dir = new TempDirectory();
        // A trailing comma is allowed in the file's array but not inside a record (as a JSONL line); a bare string
        // is not a record; a single object at the root is one record; \u escapes and numbers as strings are kept.
        var path = dir.Write("day.json", $$"""
            [ {"id":"a","content":"{{Story}}","date":"2015-07-21"},
              {"content":"{{Story}}","title":"x",},
              "نص",
              {"content":"أ{{Story}}","title":12.50},
            ]
            """);
        var items = new CorpusReader().ReadFile(path).ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal(("a", new DateOnly(2015, 7, 21)), (items[0].Article!.Info.Id, items[0].Article!.Info.Published!.Value));
        Assert.Equal((path + "#2", "malformed JSON: "), (items[1].Rejection!.Origin, items[1].Rejection!.Reason[..16]));
        Assert.Equal((path + "#3", "not a JSON object"), (items[2].Rejection!.Origin, items[2].Rejection!.Reason));
        Assert.Equal(("day-4", "12.50", "أ" + Story), (items[3].Article!.Info.Id, items[3].Article!.Info.Title, items[3].Article!.Text));
        var single = dir.Write("one.json", $$"""  {"content":"{{Story}}"}  """);
        Assert.Equal("one-1", Assert.Single(new CorpusReader().ReadFile(single)).Article!.Info.Id);
    }

    [Fact]
    public void A_gzipped_jsonl_file_is_streamed_line_by_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("wire.jsonl.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes($$"""{"id":"a","text":"{{Story}}"}""" + "\nnot json\n"));
        }

        var items = new CorpusReader().ReadFile(path).ToList();
        Assert.Equal("a", items[0].Article!.Info.Id);
        Assert.Equal(path + ":2", items[1].Rejection!.Origin);
    }

    [Fact]
    public void Text_without_arabic_letters_is_rejected_but_mixed_arabic_and_latin_is_kept()
    {
        using var dir = new TempDirectory();
        var english = dir.Write("en.txt", "Only English text here, nothing else to see in this file at all.");
        var mixed = dir.Write("mixed.txt", "قالت شركة Apple اليوم إن مبيعات iPhone ارتفعت في الربع الثاني من العام.");
        Assert.StartsWith("no Arabic text", Assert.Single(new CorpusReader().ReadFile(english)).Rejection!.Reason, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(new CorpusReader().ReadFile(mixed)).Article);
    }

    [Fact]
    public void A_malformed_feed_is_one_rejection_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.rss", "<?xml version=\"1.0\"?><rss><channel><item><title>خبر");
        var rejection = Assert.Single(new CorpusReader().ReadFile(path)).Rejection!;
        Assert.Equal(path, rejection.Origin);
        Assert.StartsWith("malformed RSS/Atom feed", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_read_recursively_in_name_order_skipping_hidden_entries()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "b"));
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        dir.Write("z.txt", Story);
        dir.Write(Path.Combine("b", "a.txt"), Story);
        dir.Write(Path.Combine(".git", "x.txt"), Story);
        dir.Write(".hidden.txt", Story);
        var files = CorpusReader.ExpandPaths([dir.Path]).Select(f => Path.GetRelativePath(dir.Path, f)).ToList();
        Assert.Equal(["z.txt", Path.Combine("b", "a.txt")], files);
    }
}
