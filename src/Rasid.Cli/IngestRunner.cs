using Rasid.Text;
using System.Diagnostics;
using System.Threading.Channels;
using Rasid.Core;
using Rasid.Ingest;
using Rasid.Nlp;
using Rasid.Storage;

namespace Rasid.Cli;

/// <summary>Options of an ingest run.</summary>
internal sealed record IngestOptions
{
    public int Workers { get; init; } = Environment.ProcessorCount;
    public int BatchSize { get; init; } = 64;
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public InputLimits Limits { get; init; } = new();
    /// <summary>Stop after this many new articles have been read (benchmarks); null reads everything.</summary>
    public long? MaxArticles { get; init; }
    /// <summary>
    /// Read the inputs this many times (scaling benchmarks beyond the size of a corpus): in pass k &gt; 1 every article
    /// is read again as a new one, with a line "[k]" before its text and "#k" after its id, so it is analysed and
    /// stored in full (a near-duplicate of its first-pass copy, clustered with it).
    /// </summary>
    public int Passes { get; init; } = 1;
}

/// <summary>Live counters of an ingest run (read by the progress display; written with Interlocked).</summary>
internal sealed class IngestCounters
{
    public long Read;
    public long AlreadyStored;
    public long Stored;
    public long NearDuplicates;
    public long Rejected;
    /// <summary>Input words (whitespace-separated) of the analysed articles, to report words per article.</summary>
    public long Words;
    /// <summary>Articles analysed (the denominator of words per article).</summary>
    public long Analysed;
    public long BytesDone;
    public long BytesTotal;
    /// <summary>
    /// Stopwatch ticks the analysis workers spent waiting for an article (the reader behind), summed over workers, from
    /// each worker's first article to the end of the input (the wait for the first one is <see cref="FirstArticleTicks"/>).
    /// </summary>
    public long StarvedTicks;
    /// <summary>Clock ticks (<see cref="Clock"/>) at which the first article reached a worker; 0 before.</summary>
    public long FirstArticleTicks;
    /// <summary>Stopwatch ticks the analysis workers spent waiting for room in the writer's queue (the writer behind).</summary>
    public long BlockedTicks;
    public readonly Stopwatch Clock = Stopwatch.StartNew();

    public double ArticlesPerSecond => Interlocked.Read(ref Stored) / Math.Max(0.001, Clock.Elapsed.TotalSeconds);
}

/// <summary>
/// Streaming ingest: one producer reads inputs (skipping articles whose content hash is stored), N workers
/// analyse them in parallel, one writer stores batches in transactions. Bounded channels between the stages
/// keep memory flat whatever the corpus size. Cancelling stops the producer; what was read is still analysed and
/// committed, so an interrupted run loses nothing and a rerun stores nothing twice (the content hash is unique).
/// </summary>
internal sealed class IngestRunner(IArticleStore store, RasidPipeline pipeline, MinHasher hasher, IngestOptions options)
{
    private readonly CorpusReader _reader = new(options.Limits);

    /// <summary>Version written on every stored row: the library version and the components with their versions.</summary>
    public static string PipelineVersion(RasidPipeline pipeline) =>
        $"rasid/{RasidPipeline.Version} " + string.Join(",", pipeline.Components.Select(c => c.Id));

    /// <summary>Rejections kept in memory for the summary (all of them go to the quarantine).</summary>
    public const int MaxKeptRejections = 1000;

    public IngestCounters Counters { get; } = new();

    /// <summary>Rejections of this run, in the order found (also stored in the quarantine).</summary>
    public List<InputRejection> Rejections { get; } = [];

    /// <summary>Called after each committed batch (checkpoints for benchmarks).</summary>
    public Action<IngestCounters>? AfterBatch { get; init; }

    /// <summary>The copy of an article read in pass <paramref name="pass"/> (see <see cref="IngestOptions.Passes"/>).</summary>
    internal static RawArticle Copy(RawArticle article, int pass) => article with
    {
        Origin = $"{article.Origin}#{pass}",
        Text = $"[{pass}]\n{article.Text}",
        Info = article.Info with { Id = article.Info.Id is null ? null : $"{article.Info.Id}#{pass}" },
    };

    public void Run(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            try
            {
                Counters.BytesTotal += File.Exists(file) ? new FileInfo(file).Length : 0;
            }
            catch (IOException)
            {
                // Counted as zero; the reader reports the file.
            }
        }

        var workers = Math.Max(1, options.Workers);
        // Deep enough that the workers keep busy while the producer waits on its input or the store.
        var work = Channel.CreateBounded<RawArticle>(new BoundedChannelOptions(workers * 32) { SingleWriter = true });
        var results = Channel.CreateBounded<object>(new BoundedChannelOptions(workers * 8 + options.BatchSize) { SingleReader = true });
        var version = PipelineVersion(pipeline);

        var producer = Task.Run(async () =>
        {
            try
            {
                long accepted = 0;
                for (var pass = 1; pass <= Math.Max(1, options.Passes); pass++)
                foreach (var file in files)
                {
                    if (cancellationToken.IsCancellationRequested || (options.MaxArticles is { } cap && accepted >= cap)) break;
                    foreach (var read in _reader.ReadFile(file))
                    {
                        if (pass > 1 && read.Article is null) continue; // rejections are reported once
                        var item = pass == 1 ? read : new InputItem(Copy(read.Article!, pass));
                        if (cancellationToken.IsCancellationRequested) break;
                        if (item.Rejection is { } rejection)
                        {
                            await results.Writer.WriteAsync(rejection, CancellationToken.None).ConfigureAwait(false);
                            continue;
                        }

                        var article = item.Article!;
                        Interlocked.Increment(ref Counters.Read);
                        if (store.Contains(Hash(article)))
                        {
                            Interlocked.Increment(ref Counters.AlreadyStored);
                            continue;
                        }

                        await work.Writer.WriteAsync(article, CancellationToken.None).ConfigureAwait(false);
                        if (options.MaxArticles is { } max && ++accepted >= max) break;
                    }

                    if (pass == 1) Interlocked.Add(ref Counters.BytesDone, File.Exists(file) ? new FileInfo(file).Length : 0);
                }
            }
            finally
            {
                work.Writer.Complete();
            }
        }, CancellationToken.None);

        var analysers = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var started = false;
            while (true)
            {
                if (!work.Reader.TryRead(out var article))
                {
                    var waitedFrom = Stopwatch.GetTimestamp();
                    var more = await work.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false);
                    if (!more) break;
                    if (started) Interlocked.Add(ref Counters.StarvedTicks, Stopwatch.GetTimestamp() - waitedFrom);
                    continue;
                }

                if (!started)
                {
                    started = true;
                    Interlocked.CompareExchange(ref Counters.FirstArticleTicks, Math.Max(1, Counters.Clock.ElapsedTicks), 0);
                }

                object result;
                try
                {
                    var document = pipeline.Analyze(article.Text, article.Info);
                    Interlocked.Add(ref Counters.Words, WordCount.Whitespace(article.Text));
                    Interlocked.Increment(ref Counters.Analysed);
                    // The JSON + gzip of the stored form is made here, in parallel, not by the single writer; the record
                    // then carries no tokens while it waits for the writer.
                    result = new ArticleRecord(document, Hash(article), article.Origin, version, hasher.Sign(article.Text)).ForStore();
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                {
                    result = new InputRejection(article.Origin, $"analysis failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
                }

                if (!results.Writer.TryWrite(result))
                {
                    var waitedFrom = Stopwatch.GetTimestamp();
                    await results.Writer.WriteAsync(result, CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Add(ref Counters.BlockedTicks, Stopwatch.GetTimestamp() - waitedFrom);
                }
            }
        }, CancellationToken.None)).ToArray();

        var closer = Task.Run(async () =>
        {
            try
            {
                await producer.ConfigureAwait(false);
                await Task.WhenAll(analysers).ConfigureAwait(false);
            }
            finally
            {
                results.Writer.Complete();
            }
        }, CancellationToken.None);

        WriteBatches(results.Reader);
        closer.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Waits for <paramref name="task"/> without spinning (Task.Wait spins first: the writer waits hundreds of times a
    /// second, and the spinning took CPU from the analysis workers on a 2-core machine) and without a kernel event per
    /// wait (a task's AsyncWaitHandle is one, closed later by the finalizer thread): a slim event set by the task's
    /// continuation. It is not disposed, as the continuation may set it after a timed-out wait; it holds no handle.
    /// </summary>
    private static bool Block(Task task, TimeSpan timeout)
    {
        if (task.IsCompleted) return true;
        var signal = new ManualResetEventSlim(false, spinCount: 1);
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(signal.Set);
        return signal.Wait(timeout);
    }

    private void WriteBatches(ChannelReader<object> reader)
    {
        var articles = new List<ArticleRecord>(options.BatchSize);
        var rejections = new List<QuarantineRecord>();
        var since = Stopwatch.StartNew();

        void Flush()
        {
            if (articles.Count == 0 && rejections.Count == 0) return;
            var result = store.Write(articles, rejections);
            Interlocked.Add(ref Counters.Stored, result.Added);
            Interlocked.Add(ref Counters.AlreadyStored, result.Skipped);
            Interlocked.Add(ref Counters.NearDuplicates, result.NearDuplicates);
            articles.Clear();
            rejections.Clear();
            since.Restart();
            AfterBatch?.Invoke(Counters);
        }

        while (true)
        {
            var wait = reader.WaitToReadAsync().AsTask();
            if (!Block(wait, options.MaxBatchDelay))
            {
                Flush();
                Block(wait, Timeout.InfiniteTimeSpan);
            }

            if (!wait.Result) break;
            while (reader.TryRead(out var item))
            {
                switch (item)
                {
                    case ArticleRecord record:
                        articles.Add(record);
                        break;
                    case InputRejection rejection:
                        if (Rejections.Count < MaxKeptRejections) Rejections.Add(rejection);
                        Interlocked.Increment(ref Counters.Rejected);
                        rejections.Add(new QuarantineRecord(rejection.Origin, rejection.Reason));
                        break;
                }

                if (articles.Count >= options.BatchSize || since.Elapsed >= options.MaxBatchDelay) Flush();
            }
        }

        Flush();
    }

    private static string Hash(RawArticle article) => ContentHashes.Of(article.Text, article.Info.Url, article.Info.Title);
}
