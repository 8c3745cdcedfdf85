using System.Globalization;
using Rasid.Ingest;
using Rasid.Storage;
using Rasid.Storage.Postgres;

namespace Rasid.Cli;

/// <summary><c>rasid ingest PATH... --enqueue --db postgres://...</c>: raw articles into the PostgreSQL work queue.</summary>
internal static class EnqueueCommand
{
    private const int Batch = 500;

    public static int Run(IArticleStore store, IReadOnlyList<string> files, long maxBytes, bool quiet, CliConsole console, CancellationToken token)
    {
        if (store is not PostgresArticleStore postgres)
        {
            throw new UsageException("--enqueue needs a PostgreSQL store (--db postgres://user@host:port/db or $RASID_DB): the work queue lives there");
        }

        var reader = new CorpusReader(new InputLimits { MaxFileBytes = maxBytes });
        var queue = postgres.Queue;
        var pending = new List<QueuedArticle>(Batch);
        var rejections = new List<QuarantineRecord>();
        long read = 0, added = 0, rejected = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        void Flush()
        {
            added += queue.Enqueue(pending);
            if (rejections.Count > 0) postgres.Write([], rejections);
            pending.Clear();
            rejections.Clear();
        }

        foreach (var file in files)
        {
            foreach (var item in reader.ReadFile(file))
            {
                if (token.IsCancellationRequested) break;
                if (item.Rejection is { } rejection)
                {
                    rejected++;
                    if (rejected <= 20) console.Error.WriteLine($"rasid: {rejection}");
                    rejections.Add(new QuarantineRecord(rejection.Origin, rejection.Reason));
                    continue;
                }

                var a = item.Article!;
                read++;
                pending.Add(new QueuedArticle(a.Origin, ContentHashes.Of(a.Text, a.Info.Url, a.Info.Title), a.Text, a.Info));
                if (pending.Count >= Batch) Flush();
            }
        }

        Flush();
        if (!quiet && rejected > 20) console.Error.WriteLine($"rasid: ... and {rejected - 20:N0} more rejected inputs");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest --enqueue: {added:N0} articles queued, {read - added:N0} already queued or stored, {rejected:N0} inputs rejected (quarantined), {clock.Elapsed.TotalSeconds:F1} s → {postgres.Description}"));
        if (token.IsCancellationRequested) return 130;
        return rejected > 0 ? ExitCodes.SomeInputsRejected : ExitCodes.Ok;
    }
}
