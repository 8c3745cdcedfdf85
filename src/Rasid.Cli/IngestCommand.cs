using System.CommandLine;
using System.Globalization;
using Rasid.Ingest;
using Rasid.Nlp;
using Rasid.Storage;
using Spectre.Console;

namespace Rasid.Cli;

/// <summary><c>rasid ingest PATH... [--db PATH] [--workers N] [--max-bytes N]</c>.</summary>
internal static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders (read recursively): .txt, .html, .rss/.atom/.xml feeds, .jsonl, .json, .gz, .zip.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreOptions.Db();
        var workers = new Option<int>("--workers", "-j")
        {
            Description = "Analysis threads (default: number of cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Largest input file accepted, in bytes (larger ones are quarantined). Default 32 MiB.",
            DefaultValueFactory = _ => new InputLimits().MaxFileBytes,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display or log lines, only the summary." };
        var index = new Option<string?>("--index")
        {
            Description = "Also bring this search index (a folder, created when missing) up to date with the store after ingesting: new and re-analysed documents are (re)indexed.",
            HelpName = "DIR",
        };
        var enqueue = new Option<bool>("--enqueue") { Description = "PostgreSQL only: store the raw articles in the work queue for 'rasid work' processes instead of analysing them here." };
        var command = new Command("ingest", "Read, analyse and store articles in the corpus store: idempotent, resumable, with story clusters and a quarantine of rejected inputs.")
        {
            paths, db, workers, maxBytes, quiet, enqueue, index,
        };
        command.SetAction(parse => Execute(parse.GetValue(paths) ?? [], parse.GetValue(db)!, parse.GetValue(workers), parse.GetValue(maxBytes), parse.GetValue(quiet), parse.GetValue(enqueue), parse.GetValue(index), console));
        return command;
    }

    private static int Execute(string[] paths, string db, int workers, long maxBytes, bool quiet, bool enqueue, string? indexPath, CliConsole console)
    {
        if (workers < 1) throw new UsageException("--workers must be at least 1");
        if (maxBytes < 1) throw new UsageException("--max-bytes must be positive");
        var files = CorpusReader.ExpandPaths(paths).ToList();
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancel.IsCancellationRequested) return; // a second Ctrl-C ends the process
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var store = ArticleStores.Open(db);
            if (enqueue) return EnqueueCommand.Run(store, files, maxBytes, quiet, console, cancel.Token);
            var pipeline = PipelineLoader.CreateDefault();
            var runner = new IngestRunner(store, pipeline, new MinHasher(), new IngestOptions
            {
                Workers = workers,
                Limits = new InputLimits { MaxFileBytes = maxBytes },
            });

            if (!quiet && IsTerminal(console)) RunWithProgressBar(runner, files, cancel.Token);
            else RunWithLogLines(runner, files, quiet, console, cancel.Token);

            var code = Summarise(runner, store, console, cancel.IsCancellationRequested);
            if (indexPath is not null && !cancel.IsCancellationRequested)
            {
                using var search = Search.SearchIndex.Open(indexPath);
                var report = search.Sync(new StoreCatalog(store));
                console.Error.WriteLine($"rasid: index {indexPath}: {report.Added} added, {report.Updated} re-indexed, {report.Deleted} removed, {report.Unchanged} unchanged");
            }

            return code;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static bool IsTerminal(CliConsole console) =>
        ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static void RunWithProgressBar(IngestRunner runner, List<string> files, CancellationToken token)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: Math.Max(1, runner.Counters.BytesTotal));
                var work = Task.Run(() => runner.Run(files, token), CancellationToken.None);
                while (!work.Wait(250, CancellationToken.None))
                {
                    Update(task, runner.Counters);
                }

                Update(task, runner.Counters);
                task.Value = task.MaxValue;
                work.GetAwaiter().GetResult();
            });
    }

    private static void Update(ProgressTask task, IngestCounters c)
    {
        if (c.BytesTotal > 0 && task.MaxValue != c.BytesTotal) task.MaxValue = c.BytesTotal;
        task.Value = Math.Min(task.MaxValue, Interlocked.Read(ref c.BytesDone));
        task.Description = Markup.Escape(Line(c));
    }

    private static void RunWithLogLines(IngestRunner runner, List<string> files, bool quiet, CliConsole console, CancellationToken token)
    {
        var work = Task.Run(() => runner.Run(files, token), CancellationToken.None);
        while (!work.Wait(TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            if (!quiet) console.Error.WriteLine("ingest: " + Line(runner.Counters));
        }

        work.GetAwaiter().GetResult();
    }

    internal static string Line(IngestCounters c)
    {
        var share = c.BytesTotal == 0 ? 0 : 100.0 * Interlocked.Read(ref c.BytesDone) / c.BytesTotal;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Interlocked.Read(ref c.Stored):N0} stored · {Interlocked.Read(ref c.AlreadyStored):N0} already stored · {Interlocked.Read(ref c.Rejected):N0} rejected · {c.ArticlesPerSecond:F1} articles/s · {share:F0}% of input read");
    }

    private static int Summarise(IngestRunner runner, IArticleStore store, CliConsole console, bool cancelled)
    {
        var c = runner.Counters;
        const int Shown = 20;
        foreach (var rejection in runner.Rejections.Take(Shown)) console.Error.WriteLine($"rasid: {rejection}");
        if (c.Rejected > Shown) console.Error.WriteLine($"rasid: ... and {c.Rejected - Shown:N0} more rejected inputs (all listed by 'rasid export quarantine --db {ArticleStores.Describe(store)}')");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {c.Stored:N0} new documents stored ({c.NearDuplicates:N0} joined an existing story cluster), {c.AlreadyStored:N0} already stored, {c.Rejected:N0} inputs rejected (quarantined), {c.Clock.Elapsed.TotalSeconds:F1} s, {c.ArticlesPerSecond:F1} articles/s → {ArticleStores.Describe(store)}"));
        if (cancelled)
        {
            console.Error.WriteLine("rasid: ingest interrupted; everything read so far is stored. Run the same command again to resume.");
            return 130;
        }

        return c.Rejected > 0 ? ExitCodes.SomeInputsRejected : ExitCodes.Ok;
    }
}
