using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using Rasid.Cli;
using Rasid.Storage;
using Rasid.Testing;

namespace Rasid.Storage.Tests;

/// <summary>End-to-end: <c>rasid ingest</c> of a folder of mixed inputs into a real SQLite file, then exports.</summary>
public sealed class CorpusIngestTests
{
    private const string Windows1256Story = "أعلنت وزارة التعليم اليوم بدء العام الدراسي الجديد في جميع المدارس الحكومية والأهلية بمشاركة أكثر من خمسة ملايين طالب وطالبة.";
    private const string GzipStory = "وصل وفد اقتصادي رفيع إلى القاهرة اليوم لبحث فرص الاستثمار المشترك في قطاعات الطاقة والنقل والسياحة مع المسؤولين المصريين.";

    private static string FixtureCorpus => RepoPaths.InRepo("test", "Rasid.Storage.Tests", "Fixtures", "corpus");

    /// <summary>Copies the committed fixtures and adds the generated ones: Windows-1256 text, .gz, empty, binary, too large.</summary>
    private static string MixedCorpus(TempDirectory dir)
    {
        var root = Path.Combine(dir.Path, "corpus");
        foreach (var file in Directory.GetFiles(FixtureCorpus, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith("README.md", StringComparison.Ordinal)) continue;
            var target = Path.Combine(root, Path.GetRelativePath(FixtureCorpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var generated = Path.Combine(root, "generated");
        Directory.CreateDirectory(generated);
        File.WriteAllBytes(Path.Combine(generated, "cp1256.txt"), CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(Windows1256Story));
        using (var gz = new GZipStream(File.Create(Path.Combine(generated, "story.txt.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(GzipStory));
        }

        File.WriteAllBytes(Path.Combine(generated, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(generated, "image.bin"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3]);
        File.WriteAllText(Path.Combine(generated, "huge.txt"), string.Concat(Enumerable.Repeat("خبر طويل جدا ", 6000)));
        return root;
    }

    [Fact]
    public void Ingesting_a_mixed_folder_stores_every_good_article_and_quarantines_each_bad_input()
    {
        using var dir = new TempDirectory();
        var corpus = MixedCorpus(dir);
        var db = dir.File("rasid.db");

        var run = CliRunner.Run("ingest", corpus, "--db", db, "--workers", "2", "--max-bytes", "50000");

        Assert.Equal(1, run.ExitCode); // some inputs were rejected
        Assert.Contains("9 new documents stored", run.Out);
        Assert.Contains("5 inputs rejected", run.Out);
        using var store = SqliteArticleStore.Open(db);
        var docs = store.Documents(CorpusFilter.All).Select(s => s.Document).ToList();
        Assert.Equal(9, docs.Count);

        var page = Assert.Single(docs, d => d.Id == "article-jsonld");
        Assert.Equal("وزير الخارجية يبحث في عمّان الأزمة الإقليمية", page.Title);
        Assert.Equal(new DateOnly(2015, 9, 30), page.Published);
        Assert.Equal("https://news.example/2015/09/30/minister-amman", page.Url);
        Assert.StartsWith("بحث وزير الخارجية اليوم الأربعاء", page.Text);
        foreach (var boilerplate in new[] { "الرئيسية", "إعلان", "شارك على فيسبوك", "اقرأ أيضا", "هدنة إنسانية", "جميع الحقوق" })
        {
            Assert.DoesNotContain(boilerplate, page.Text);
        }

        var divPage = Assert.Single(docs, d => d.Id == "div-layout-meta");
        Assert.Equal("ارتفاع أسعار النفط في الأسواق العالمية", divPage.Title);
        Assert.Equal(new DateOnly(2015, 8, 2), divPage.Published);
        Assert.Equal("صحيفة الاقتصاد", divPage.Source);
        Assert.StartsWith("ارتفعت أسعار النفط", divPage.Text);
        Assert.DoesNotContain("الأكثر قراءة", divPage.Text);
        Assert.DoesNotContain("تراجع الذهب", divPage.Text);
        Assert.DoesNotContain("تعليق", divPage.Text);
        Assert.DoesNotContain("واتساب", divPage.Text);

        Assert.Contains(docs, d => d.Title == "افتتاح معرض الكتاب الدولي" && d.Published == new DateOnly(2015, 9, 29) && d.Url == "https://agency.example/news/1");
        Assert.Contains(docs, d => d.Title == "هطول أمطار غزيرة على المناطق الجنوبية");
        Assert.Contains(docs, d => d.Title == "إطلاق حملة وطنية للتطعيم" && d.Text.StartsWith("أطلقت وزارة الصحة", StringComparison.Ordinal));
        Assert.Contains(docs, d => d.Id == "jsonl-text-1" && d.Published == new DateOnly(2015, 9, 28));
        Assert.Contains(docs, d => d.Id == "jsonl-html-1" && d.Text.StartsWith("افتتح أمير المنطقة", StringComparison.Ordinal) && d.Published == new DateOnly(2015, 9, 29));
        Assert.Contains(docs, d => d.Text == Windows1256Story);
        Assert.Contains(docs, d => d.Text == GzipStory);
        Assert.All(docs, d => Assert.NotEmpty(d.Sentences));
        Assert.All(docs, d => Assert.Equal(d.Id, d.Cluster)); // all different stories: each its own cluster

        var quarantine = store.Quarantine().ToList();
        Assert.Equal(5, quarantine.Count);
        Assert.Contains(quarantine, q => q.Origin.EndsWith("records.jsonl:2", StringComparison.Ordinal) && q.Reason.StartsWith("malformed JSON", StringComparison.Ordinal));
        Assert.Contains(quarantine, q => q.Origin.EndsWith("records.jsonl:4", StringComparison.Ordinal) && q.Reason.StartsWith("no Arabic text", StringComparison.Ordinal));
        Assert.Contains(quarantine, q => q.Origin.EndsWith("empty.txt", StringComparison.Ordinal) && q.Reason == "empty file");
        Assert.Contains(quarantine, q => q.Origin.EndsWith("image.bin", StringComparison.Ordinal) && q.Reason.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(quarantine, q => q.Origin.EndsWith("huge.txt", StringComparison.Ordinal) && q.Reason.StartsWith("file too large", StringComparison.Ordinal));
        Assert.Contains("records.jsonl:2: malformed JSON", run.Error);
    }

    [Fact]
    public void Ingesting_the_same_inputs_again_adds_nothing()
    {
        using var dir = new TempDirectory();
        var corpus = MixedCorpus(dir);
        var db = dir.File("rasid.db");
        CliRunner.Run("ingest", corpus, "--db", db, "--max-bytes", "50000");

        var again = CliRunner.Run("ingest", corpus, "--db", db, "--max-bytes", "50000");

        Assert.Contains("0 new documents stored", again.Out);
        Assert.Contains("9 already stored", again.Out);
        using var store = SqliteArticleStore.Open(db);
        Assert.Equal(9, store.Statistics().Documents);
        Assert.Equal(5, store.Quarantine().Count());
        Assert.Equal(9, store.Changes(0, 100).Count);
    }

    [Fact]
    public void Exported_csv_has_the_documented_columns_and_arabic_text_and_an_optional_excel_bom()
    {
        using var dir = new TempDirectory();
        var db = dir.File("rasid.db");
        CliRunner.Run("ingest", MixedCorpus(dir), "--db", db, "--max-bytes", "50000");
        var csvPath = dir.File("documents.csv");

        var export = CliRunner.Run("export", "documents", "--format", "csv", "--db", db, "--out", csvPath, "--excel-bom");

        Assert.Equal(0, export.ExitCode);
        var bytes = File.ReadAllBytes(csvPath);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("doc_id,published,source,title,url,cluster,origin,pipeline_version,sentences,tokens,entities,quotes,times,events,text", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("article-jsonld,2015-09-30,موقع الأخبار,وزير الخارجية يبحث في عمّان الأزمة الإقليمية,https://news.example/2015/09/30/minister-amman,article-jsonld,", StringComparison.Ordinal));

        var quarantine = CliRunner.Run("export", "quarantine", "--format", "csv", "--db", db);
        var rows = quarantine.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("origin,reason,first_seen", rows[0]);
        Assert.Equal(6, rows.Length);
        Assert.Contains(rows, r => r.Contains("records.jsonl:2,\"malformed JSON", StringComparison.Ordinal) || r.Contains("records.jsonl:2,malformed JSON", StringComparison.Ordinal));

        var events = CliRunner.Run("export", "events", "--format", "csv", "--db", db);
        var eventLines = events.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", TableExport.Columns<EventRow>()), eventLines[0]);
        Assert.All(eventLines.Skip(1), l => Assert.Matches("^[^,]+/ev-[0-9a-f]{12},[^,]+,", l)); // event_id (document id/event id), doc_id

        var jsonl = CliRunner.Run("export", "documents", "--db", db, "--from", "2015-09-30", "--to", "2015-09-30");
        var exported = jsonl.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Rasid.Core.DocumentJson.Deserialize).ToList();
        Assert.NotEmpty(exported);
        Assert.All(exported, d => Assert.Equal(new DateOnly(2015, 9, 30), d.Published));
        Assert.All(exported, d => Assert.Equal(d.Id, d.Cluster));
    }

    [Fact]
    public void Commands_that_read_the_store_say_so_when_it_is_missing()
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run("stats", "--db", dir.File("nope.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no corpus store at", run.Error);
    }

    internal static long CountDocuments(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents";
        return (long)command.ExecuteScalar()!;
    }
}
