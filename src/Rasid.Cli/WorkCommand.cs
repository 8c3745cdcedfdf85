using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using Rasid.Nlp;
using Rasid.Storage;
using Rasid.Storage.Postgres;

namespace Rasid.Cli;

/// <summary>
/// <c>rasid work [--db postgres://...] [--workers N] [--batch N] [--lease SECONDS] [--max-attempts K] [--follow]</c>:
/// analyses articles from the PostgreSQL work queue until it is empty (or forever with <c>--follow</c>). Run it in as
/// many processes on as many machines as wanted; each thread is one worker with its own claims.
/// </summary>
internal static class WorkCommand
{
    public static Command Create(CliConsole console)
    {
        var db = StoreOptions.Db();
        var workers = new Option<int>("--workers", "-j") { Description = "Worker threads in this process (default: number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Articles claimed at once by a worker (default 16).", DefaultValueFactory = _ => 16 };
        var lease = new Option<int>("--lease") { Description = "Seconds a claim is held; a crashed worker's claims are retried after it (default 60).", DefaultValueFactory = _ => 60 };
        var maxAttempts = new Option<int>("--max-attempts") { Description = "An article that fails (or kills its worker) this many times goes to the quarantine (default 3).", DefaultValueFactory = _ => 3 };
        var follow = new Option<bool>("--follow") { Description = "Keep waiting for new articles when the queue is empty." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only the summary line." };
        var command = new Command("work", "Analyse articles queued by 'rasid ingest --enqueue' (PostgreSQL): claims batches with SKIP LOCKED leases, commits results and the claim together, survives worker crashes and server restarts.")
        {
            db, workers, batch, lease, maxAttempts, follow, quiet,
        };
        command.SetAction(parse => Execute(parse.GetValue(db)!, new WorkOptions(parse.GetValue(workers), parse.GetValue(batch), TimeSpan.FromSeconds(parse.GetValue(lease)),
            parse.GetValue(maxAttempts), parse.GetValue(follow), parse.GetValue(quiet)), console));
        return command;
    }

    internal sealed record WorkOptions(int Workers, int Batch, TimeSpan Lease, int MaxAttempts, bool Follow, bool Quiet);

    private static int Execute(string db, WorkOptions options, CliConsole console)
    {
        if (options.Workers < 1 || options.Batch < 1 || options.MaxAttempts < 1 || options.Lease <= TimeSpan.Zero)
        {
            throw new UsageException("--workers, --batch, --lease and --max-attempts must be positive");
        }

        if (!PostgresArticleStore.IsPostgres(db)) throw new UsageException("rasid work needs a PostgreSQL store (--db postgres://user@host:port/db or $RASID_DB)");
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var store = OpenWithRetry(db, console, cancel.Token);
            if (store is null) return 130;
            using (store)
            {
                var pipeline = PipelineLoader.CreateDefault();
                var counters = new WorkCounters();
                var prefix = $"{Environment.MachineName}:{Environment.ProcessId}";
                var threads = Enumerable.Range(0, options.Workers)
                    .Select(i => Task.Factory.StartNew(() => RunWorker($"{prefix}:{i}", store, pipeline, options, counters, console, cancel.Token),
                        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                    .ToArray();
                while (!Task.WaitAll(threads, TimeSpan.FromSeconds(5)))
                {
                    if (!options.Quiet) console.Error.WriteLine(counters.Line());
                }

                console.Out.WriteLine("work: " + counters.Line());
                return cancel.IsCancellationRequested ? 130 : ExitCodes.Ok;
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private sealed class WorkCounters
    {
        public long Stored;
        public long Quarantined;
        public long Retries;
        public long Reconnects;
        public readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"{Interlocked.Read(ref Stored):N0} stored, {Interlocked.Read(ref Quarantined):N0} quarantined, {Interlocked.Read(ref Retries):N0} failed attempts, {Interlocked.Read(ref Reconnects):N0} database errors survived, {Clock.Elapsed.TotalSeconds:F1} s, {Interlocked.Read(ref Stored) / Math.Max(0.001, Clock.Elapsed.TotalSeconds):F1} articles/s");
    }

    private static PostgresArticleStore? OpenWithRetry(string db, CliConsole console, CancellationToken token)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return PostgresArticleStore.Open(db);
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < 20 && !token.IsCancellationRequested)
            {
                console.Error.WriteLine($"rasid: work: database not reachable ({ex.Message.ReplaceLineEndings(" ")}); retrying");
                Thread.Sleep(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private static void RunWorker(string worker, PostgresArticleStore store, RasidPipeline pipeline, WorkOptions options, WorkCounters counters,
        CliConsole console, CancellationToken token)
    {
        var queue = store.Queue;
        var hasher = new Storage.MinHasher();
        var version = IngestRunner.PipelineVersion(pipeline);
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!token.IsCancellationRequested)
        {
            try
            {
                var claimed = queue.Claim(worker, options.Batch, options.Lease);
                if (claimed.Count == 0)
                {
                    if (!options.Follow && queue.Counts().Ready == 0) return;
                    Thread.Sleep(500);
                    continue;
                }

                var exhausted = queue.QuarantineExhausted(worker, claimed, options.MaxAttempts);
                Interlocked.Add(ref counters.Quarantined, exhausted);
                var analysed = new List<(long, ArticleRecord)>();
                var failures = new List<QueueFailure>();
                foreach (var article in claimed.Where(a => a.Attempts <= options.MaxAttempts))
                {
                    try
                    {
                        var document = pipeline.Analyze(article.Text, article.Info, CancellationToken.None);
                        analysed.Add((article.QueueId, new ArticleRecord(document, article.ContentHash, article.Origin, version, hasher.Sign(article.Text)).ForStore()));
                    }
                    catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                    {
                        failures.Add(new QueueFailure(article.QueueId, article.Origin, $"{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}", article.Attempts));
                    }
                }

                var (stored, _) = queue.Complete(worker, analysed, failures, options.MaxAttempts);
                Interlocked.Add(ref counters.Stored, stored.Added);
                Interlocked.Add(ref counters.Retries, failures.Count);
                Interlocked.Add(ref counters.Quarantined, failures.Count(f => f.Attempts >= options.MaxAttempts));
                backoff = TimeSpan.FromMilliseconds(200);
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                // Server restart or network blip: the transaction rolled back, our claims expire and are retried.
                Interlocked.Increment(ref counters.Reconnects);
                if (!options.Quiet) console.Error.WriteLine($"rasid: work: {worker}: database error ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}); reconnecting in {backoff.TotalSeconds:F1} s");
                Thread.Sleep(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState == "40001" || pg.SqlState == "40P01",
        NpgsqlException => true,
        SocketException or IOException or TimeoutException => true,
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
