using Rasid.Nlp;
using Rasid.Storage;
using Rasid.Testing;

namespace Rasid.Cli.Tests;

/// <summary>The ingest runner over several files: limits, passes, cancellation, the counters of the benchmark, the parallel model loading.</summary>
public sealed class IngestRunnerTests
{
    private static readonly string[] Stories =
    [
        "قال الرئيس السوري بشار الأسد اليوم إن روسيا سترسل قوات إلى سوريا لدعم الجيش.",
        "وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق أمس في زيارة رسمية تستمر يومين.",
        "طالبت دمشق موسكو بالدعم الجوي في الحرب الطويلة ضد الجماعات المسلحة في الشمال.",
        "افتتح أمير منطقة الرياض معرض الكتاب الدولي بمشاركة أكثر من خمسمائة دار نشر عربية.",
        "أعلنت وزارة التعليم بدء العام الدراسي الجديد في جميع المدارس الحكومية والأهلية.",
    ];

    private static readonly Lazy<RasidPipeline> Pipeline = new(RasidPipeline.CreateDefault);

    /// <summary>Writes the stories as JSONL files of <paramref name="perFile"/> lines each.</summary>
    private static List<string> Files(TempDirectory dir, int perFile)
    {
        var files = new List<string>();
        for (var f = 0; f * perFile < Stories.Length; f++)
        {
            var lines = Stories.Skip(f * perFile).Take(perFile)
                .Select((text, i) => $"{{\"id\":\"s{f}-{i}\",\"text\":\"{text}\",\"date\":\"2015-09-30\"}}");
            files.Add(dir.Write($"day{f}.jsonl", string.Join('\n', lines) + "\n"));
        }

        return files;
    }

    [Fact]
    public void A_limit_stores_exactly_that_many_articles_of_several_files()
    {
        using var dir = new TempDirectory();
        var files = Files(dir, 2);
        using var store = SqliteArticleStore.Open(dir.File("limit.db"));
        var runner = new IngestRunner(store, Pipeline.Value, new MinHasher(), new IngestOptions { Workers = 2, MaxArticles = 3 });

        runner.Run(files, CancellationToken.None);

        Assert.Equal(3, runner.Counters.Read);
        Assert.Equal(3, runner.Counters.Stored);
        Assert.Equal(3, store.Documents(CorpusFilter.All).Count());
    }

    [Fact]
    public void A_whole_run_stores_every_article_of_every_file_once_and_counts_every_file_as_done()
    {
        using var dir = new TempDirectory();
        var files = Files(dir, 2);
        using var store = SqliteArticleStore.Open(dir.File("all.db"));
        var runner = new IngestRunner(store, Pipeline.Value, new MinHasher(), new IngestOptions { Workers = 2, Passes = 2 });

        runner.Run(files, CancellationToken.None);

        Assert.Equal(10, runner.Counters.Stored); // 5 stories, twice (the second pass stores each again as a copy)
        Assert.Equal(runner.Counters.BytesTotal, runner.Counters.BytesDone);
        var ids = store.Documents(CorpusFilter.All).Select(s => s.Document.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["s0-0", "s0-0#2", "s0-1", "s0-1#2", "s1-0", "s1-0#2", "s1-1", "s1-1#2", "s2-0", "s2-0#2"], ids);
        var waits = BenchCommand.WaitsLine(runner.Counters, 2, TimeSpan.FromSeconds(1.5));
        Assert.StartsWith("waits: models loaded in 1.5 s before the clock started; first article analysed from ", waits, StringComparison.Ordinal);
        Assert.True(runner.Counters.FirstArticleTicks > 0);
        Assert.Contains("s for the writer (", waits, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_cancelled_before_it_starts_stores_nothing_and_a_rerun_stores_everything_once()
    {
        using var dir = new TempDirectory();
        var files = Files(dir, 1);
        using var store = SqliteArticleStore.Open(dir.File("cancel.db"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var runner = new IngestRunner(store, Pipeline.Value, new MinHasher(), new IngestOptions { Workers = 2 });

        runner.Run(files, cancelled.Token);

        Assert.Equal(0, runner.Counters.Stored);
        var again = new IngestRunner(store, Pipeline.Value, new MinHasher(), new IngestOptions { Workers = 2 });
        again.Run(files, CancellationToken.None);
        Assert.Equal(5, again.Counters.Stored);
        Assert.Equal(5, store.Documents(CorpusFilter.All).Count());
    }

    [Fact]
    public void Loading_the_models_in_parallel_gives_the_same_pipeline_and_the_same_analysis()
    {
        const string text = "قال وزير الخارجية السعودي عادل الجبير في الرياض أمس إن المملكة تدعم الحل السياسي في اليمن.";
        var info = new Rasid.Core.ArticleInfo { Id = "p", Published = new DateOnly(2015, 7, 21) };

        var parallel = PipelineLoader.CreateDefault();
        var serial = RasidPipeline.CreateDefault();

        Assert.Equal(serial.Components.Select(c => c.Id), parallel.Components.Select(c => c.Id));
        var document = parallel.Analyze(text, info);
        Assert.Equal(Rasid.Core.DocumentJson.Serialize(serial.Analyze(text, info)), Rasid.Core.DocumentJson.Serialize(document));
        Assert.Contains(document.Entities, e => text[e.Start..e.End] == "عادل الجبير" && e.Type == "PER");
    }
}
