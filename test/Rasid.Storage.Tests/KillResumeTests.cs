using System.Diagnostics;
using System.Text;
using Rasid.Storage;
using Rasid.Testing;

namespace Rasid.Storage.Tests;

/// <summary>kill -9 in the middle of <c>rasid ingest</c>, then resume: every article stored exactly once.</summary>
public sealed class KillResumeTests
{
    private static readonly string[] Subjects = ["وزير الخارجية", "رئيس الوزراء", "المتحدث باسم الحكومة", "أمير المنطقة", "وزير الاقتصاد", "قائد الشرطة", "رئيس البلدية", "مدير الجامعة"];
    private static readonly string[] Verbs = ["أعلن", "أكد", "نفى", "بحث", "افتتح", "زار", "استقبل", "دعا"];
    private static readonly string[] Topics = ["مشروعا جديدا للطاقة", "خطة لتطوير الطرق", "اتفاقية تعاون تجاري", "برنامجا لدعم الشباب", "حملة للتوعية الصحية", "مبادرة لحماية البيئة", "معرضا للكتاب", "مؤتمرا للاستثمار"];
    private static readonly string[] Places = ["الرياض", "جدة", "الدمام", "مكة", "المدينة", "أبها", "تبوك", "حائل"];
    private static readonly string[] Digits = ["صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"];

    /// <summary>A distinct generated article: the number spelled out in words makes each text (and its shingles) unique.</summary>
    internal static string Article(int n)
    {
        var number = string.Join(" ", n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => Digits[c - '0']));
        var b = new StringBuilder();
        for (var s = 0; s < 4; s++)
        {
            var k = n * 7 + s * 13;
            b.Append($"{Verbs[k % 8]} {Subjects[(k / 8) % 8]} في {Places[(k / 64) % 8]} {Topics[(n + s) % 8]} رقم {number} الفقرة {Digits[s]}. ");
        }

        return b.ToString().Trim();
    }

    [SkippableFact]
    public void An_ingest_killed_mid_run_resumes_and_stores_every_article_exactly_once()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "rasid.dll");
        Skip.IfNot(File.Exists(cli), "rasid.dll is not beside the tests");
        const int Count = 3000;
        using var dir = new TempDirectory();
        var input = dir.File("generated.jsonl");
        using (var writer = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < Count; i++)
            {
                writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id = $"gen-{i}", published = "2015-09-30", text = Article(i) }));
            }
        }

        var db = dir.File("rasid.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "ingest", input, "--db", db, "--workers", "2", "--quiet" }) start.ArgumentList.Add(arg);
        using (var child = Process.Start(start)!)
        {
            child.OutputDataReceived += (_, _) => { };
            child.ErrorDataReceived += (_, _) => { };
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            long stored = 0;
            while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                Thread.Sleep(100);
                stored = TryCount(db);
                if (stored >= 200) break;
            }

            Assert.False(child.HasExited, $"the child finished before it could be killed (stored {stored})");
            child.Kill(entireProcessTree: true); // SIGKILL: no chance to flush or clean up
            child.WaitForExit();
        }

        var before = TryCount(db);
        Assert.InRange(before, 1, Count - 1);

        var resumed = CliRunner.Run("ingest", input, "--db", db, "--workers", "2");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"{Count - before:N0} new documents stored", resumed.Out);

        using var store = SqliteArticleStore.Open(db);
        var ids = store.Documents(CorpusFilter.All).Select(d => d.Document.Id).ToList();
        Assert.Equal(Count, ids.Count);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"gen-{i}").Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(Count, store.Changes(0, Count * 2).Count);
    }

    private static long TryCount(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            return CorpusIngestTests.CountDocuments(db);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet
        }
    }
}
