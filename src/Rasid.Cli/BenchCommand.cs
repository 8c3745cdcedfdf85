using System.Runtime;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Rasid.Ingest;
using Rasid.Nlp;
using Rasid.Storage;

namespace Rasid.Cli;

/// <summary><c>rasid bench ingest PATH... [--limit N] [--db PATH] [--workers N]</c>: throughput and memory of ingest.</summary>
internal static class BenchCommand
{
    private static readonly long[] Checkpoints = [1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 40_000, 50_000, 60_000, 100_000];

    public static Command Create(CliConsole console)
    {
        var bench = new Command("bench", "Benchmarks (results as markdown).");
        var paths = new Argument<string[]>("PATH") { Description = "Inputs, e.g. ../shared/data/raw/saudinewsnet (the zips are read directly).", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<long?>("--limit") { Description = "Stop after this many new articles.", HelpName = "N" };
        var db = new Option<string?>("--db") { Description = "Store to fill: a new SQLite file or an empty PostgreSQL database (default: a new temporary file, deleted afterwards).", HelpName = "PATH|URL" };
        var workers = new Option<int>("--workers", "-j") { Description = "Analysis threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var compare = new Option<bool>("--compare-workers") { Description = "Run the same ingest twice into new temporary stores, with 1 analysis thread and with --workers threads, and print the ratio." };
        var passes = new Option<int>("--passes") { Description = "Read the inputs N times, to measure beyond the corpus size: in pass k > 1 every article is stored again as a new one (a line \"[k]\" before its text, \"#k\" after its id): analysed in full, clustered as a near-duplicate of its first copy.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var ingest = new Command("ingest", "Ingest a corpus into a fresh store and report articles/s and memory at checkpoints (1k, 5k, 10k, 20k ... articles).")
        {
            paths, limit, db, workers, compare, passes,
        };
        ingest.SetAction(parse => parse.GetValue(compare)
            ? CompareWorkers(parse.GetValue(paths) ?? [], parse.GetValue(limit), parse.GetValue(workers), console)
            : Run(parse.GetValue(paths) ?? [], parse.GetValue(limit), parse.GetValue(db), parse.GetValue(workers), parse.GetValue(passes), console));
        bench.Subcommands.Add(ingest);
        bench.Subcommands.Add(PipelineBenchmark.Create(console));
        return bench;
    }

    private static int Run(string[] paths, long? limit, string? db, int workers, int passes, CliConsole console)
    {
        if (passes < 1) throw new UsageException("--passes must be at least 1");
        var temporary = db is null;
        db ??= Path.Combine(Path.GetTempPath(), $"rasid-bench-{Guid.NewGuid():N}.db");
        if (!Storage.Postgres.PostgresArticleStore.IsPostgres(db) && File.Exists(db)) throw new UsageException($"'{db}' exists; the benchmark needs a new store");
        var rows = new List<string>();
        var next = 0;
        try
        {
            using var store = ArticleStores.Open(db);
            var loading = Stopwatch.StartNew();
            var pipeline = PipelineLoader.CreateDefault();
            loading.Stop();
            var runner = new IngestRunner(store, pipeline, new MinHasher(), new IngestOptions { Workers = workers, MaxArticles = limit, Passes = passes })
            {
                AfterBatch = c =>
                {
                    var stored = Interlocked.Read(ref c.Stored);
                    while (next < Checkpoints.Length && stored >= Checkpoints[next])
                    {
                        rows.Add(Row(stored, c));
                        next++;
                    }
                },
            };
            var files = CorpusReader.ExpandPaths(paths).ToList();
            runner.Run(files, CancellationToken.None);
            rows.Add(Row(runner.Counters.Stored, runner.Counters) + " (end)");
            var o = console.Out;
            o.WriteLine($"pipeline: {IngestRunner.PipelineVersion(pipeline)}");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, workers {workers}"));
            o.WriteLine(WordsLine(runner.Counters));
            o.WriteLine(ProcessLine(runner.Counters));
            o.WriteLine(WaitsLine(runner.Counters, workers, loading.Elapsed));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {runner.Counters.Stored:N0}, near-duplicates {runner.Counters.NearDuplicates:N0}, rejected {runner.Counters.Rejected:N0}, store {(File.Exists(db) ? (new FileInfo(db).Length / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB" : ArticleStores.Describe(store))}"));
            o.WriteLine();
            o.WriteLine("| articles stored | elapsed (s) | articles/s (cumulative) | RSS now (MiB) | peak RSS so far (MiB) | managed heap (MiB) |");
            o.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows) o.WriteLine(row);
        }
        finally
        {
            if (temporary)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    if (File.Exists(db + suffix)) File.Delete(db + suffix);
                }
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>CPU time of the process against the wall clock, and garbage collections with their pause time.</summary>
    private static string ProcessLine(IngestCounters c)
    {
        var wall = Math.Max(0.001, c.Clock.Elapsed.TotalSeconds);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var pause = GC.GetTotalPauseDuration().TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"process: CPU {cpu:F1} s in {wall:F1} s ({cpu / wall:F2} cores busy); GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {pause:F1} s ({100 * pause / wall:F1}% of the time), {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
    }

    /// <summary>
    /// The model loading before the clock started, when the first article reached the workers, and where the workers were
    /// idle afterwards (waiting for the reader, or for room in the writer's queue) as a share of their time.
    /// </summary>
    internal static string WaitsLine(IngestCounters c, int workers, TimeSpan loading)
    {
        var wall = Math.Max(0.001, c.Clock.Elapsed.TotalSeconds);
        var starved = Interlocked.Read(ref c.StarvedTicks) / (double)Stopwatch.Frequency;
        var blocked = Interlocked.Read(ref c.BlockedTicks) / (double)Stopwatch.Frequency;
        var capacity = wall * Math.Max(1, workers);
        var first = Interlocked.Read(ref c.FirstArticleTicks) / (double)Stopwatch.Frequency;
        return string.Create(CultureInfo.InvariantCulture,
            $"waits: models loaded in {loading.TotalSeconds:F1} s before the clock started; first article analysed from {first:F1} s; then the analysis workers waited {starved:F1} s for input ({100 * starved / capacity:F1}% of their time) and {blocked:F1} s for the writer ({100 * blocked / capacity:F1}%)");
    }

    /// <summary>Words per article of the run and the throughput in 400-word-article equivalents (words/s ÷ 400).</summary>
    private static string WordsLine(IngestCounters c)
    {
        var analysed = Math.Max(1, Interlocked.Read(ref c.Analysed));
        var words = Interlocked.Read(ref c.Words);
        var seconds = Math.Max(0.001, c.Clock.Elapsed.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"words: {words:N0} input words, {(double)words / analysed:F0} words/article; {words / seconds:N0} words/s = {words / seconds / 400:F1} articles/s at 400 words/article");
    }

    /// <summary><c>--compare-workers</c>: the same articles ingested with 1 and with N analysis threads, one after the other.</summary>
    private static int CompareWorkers(string[] paths, long? limit, int workers, CliConsole console)
    {
        var o = console.Out;
        var counts = workers > 1 ? new[] { 1, workers } : [1];
        var rates = new List<double>();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        o.WriteLine();
        o.WriteLine("| workers | articles stored | elapsed (s) | articles/s | words/article | articles/s at 400 words | RSS after (MiB) | load average before |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var n in counts)
        {
            var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
            var db = Path.Combine(Path.GetTempPath(), $"rasid-bench-{Guid.NewGuid():N}.db");
            try
            {
                using var store = ArticleStores.Open(db);
                var runner = new IngestRunner(store, PipelineLoader.CreateDefault(), new MinHasher(), new IngestOptions { Workers = n, MaxArticles = limit });
                runner.Run(CorpusReader.ExpandPaths(paths).ToList(), CancellationToken.None);
                var c = runner.Counters;
                var seconds = c.Clock.Elapsed.TotalSeconds;
                var perArticle = (double)c.Words / Math.Max(1, c.Analysed);
                rates.Add(c.ArticlesPerSecond);
                using var process = Process.GetCurrentProcess();
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {c.Stored:N0} | {seconds:F1} | {c.ArticlesPerSecond:F1} | {perArticle:F0} | {c.Words / seconds / 400:F1} | {process.WorkingSet64 / 1048576.0:F0} | {load} |"));
            }
            finally
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    if (File.Exists(db + suffix)) File.Delete(db + suffix);
                }
            }
        }

        if (rates.Count == 2) o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{workers} workers / 1 worker = {rates[1] / rates[0]:F2}"));
        return ExitCodes.Ok;
    }

    private static string Row(long stored, IngestCounters c)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {stored:N0} | {c.Clock.Elapsed.TotalSeconds:F1} | {c.ArticlesPerSecond:F1} | {process.WorkingSet64 / 1048576.0:F0} | {process.PeakWorkingSet64 / 1048576.0:F0} | {GC.GetTotalMemory(false) / 1048576.0:F0} |");
    }
}
