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
    private static readonly long[] Checkpoints = [1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 50_000, 100_000];

    public static Command Create(CliConsole console)
    {
        var bench = new Command("bench", "Benchmarks (results as markdown).");
        var paths = new Argument<string[]>("PATH") { Description = "Inputs, e.g. ../shared/data/raw/saudinewsnet (the zips are read directly).", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<long?>("--limit") { Description = "Stop after this many new articles.", HelpName = "N" };
        var db = new Option<string?>("--db") { Description = "Store to fill: a new SQLite file or an empty PostgreSQL database (default: a new temporary file, deleted afterwards).", HelpName = "PATH|URL" };
        var workers = new Option<int>("--workers", "-j") { Description = "Analysis threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var ingest = new Command("ingest", "Ingest a corpus into a fresh store and report articles/s and memory at checkpoints (1k, 5k, 10k, 20k ... articles).")
        {
            paths, limit, db, workers,
        };
        ingest.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(limit), parse.GetValue(db), parse.GetValue(workers), console));
        bench.Subcommands.Add(ingest);
        bench.Subcommands.Add(PipelineBenchmark.Create(console));
        return bench;
    }

    private static int Run(string[] paths, long? limit, string? db, int workers, CliConsole console)
    {
        var temporary = db is null;
        db ??= Path.Combine(Path.GetTempPath(), $"rasid-bench-{Guid.NewGuid():N}.db");
        if (!Storage.Postgres.PostgresArticleStore.IsPostgres(db) && File.Exists(db)) throw new UsageException($"'{db}' exists; the benchmark needs a new store");
        var rows = new List<string>();
        var next = 0;
        try
        {
            using var store = ArticleStores.Open(db);
            var pipeline = RasidPipeline.CreateDefault();
            var runner = new IngestRunner(store, pipeline, new MinHasher(), new IngestOptions { Workers = workers, MaxArticles = limit })
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

    private static string Row(long stored, IngestCounters c)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {stored:N0} | {c.Clock.Elapsed.TotalSeconds:F1} | {c.ArticlesPerSecond:F1} | {process.WorkingSet64 / 1048576.0:F0} | {process.PeakWorkingSet64 / 1048576.0:F0} | {GC.GetTotalMemory(false) / 1048576.0:F0} |");
    }
}
