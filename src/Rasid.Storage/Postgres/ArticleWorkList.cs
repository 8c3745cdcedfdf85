using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Rasid.Core;

namespace Rasid.Storage.Postgres;

/// <summary>
/// The PostgreSQL work queue: raw articles waiting for analysis (<c>rasid ingest --enqueue</c>), claimed in batches by
/// workers on any machine (<c>rasid work</c>) with <c>SELECT … FOR UPDATE SKIP LOCKED</c> and a lease. A worker commits
/// the analysed documents and the completion of its claim in one transaction, so an article is stored exactly once;
/// a crashed worker's lease expires and its articles are claimed again; an article claimed more than
/// <c>maxAttempts</c> times (it keeps killing or failing its workers) goes to the quarantine instead.
/// </summary>
public sealed class ArticleWorkList
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly PostgresArticleStore _store;

    internal ArticleWorkList(PostgresArticleStore store) => _store = store;

    /// <summary>Adds articles not queued yet (by content hash); returns how many were added.</summary>
    public int Enqueue(IReadOnlyList<QueuedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0) return 0;
        using var connection = _store.Open();
        using var tx = connection.BeginTransaction();
        using var command = PostgresArticleStore.Command(tx, """
            INSERT INTO work_queue(content_hash, origin, article)
            SELECT h, o, a::jsonb FROM unnest(@h, @o, @a) AS x(h, o, a)
            WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.content_hash = x.h)
            ON CONFLICT (content_hash) DO NOTHING
            """);
        command.Parameters.AddWithValue("h", articles.Select(a => a.ContentHash).ToArray());
        command.Parameters.AddWithValue("o", articles.Select(a => a.Origin).ToArray());
        command.Parameters.AddWithValue("a", articles.Select(a => JsonSerializer.Serialize(Payload.Of(a), Json)).ToArray());
        var added = command.ExecuteNonQuery();
        tx.Commit();
        return added;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> ready articles whose lease is free or expired, for <paramref name="lease"/>;
    /// each claim counts as an attempt.
    /// </summary>
    public IReadOnlyList<QueuedArticle> Claim(string worker, int limit, TimeSpan lease)
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand("""
            UPDATE work_queue w SET claimed_by = @w, lease_until = now() + @lease, attempts = w.attempts + 1
            WHERE w.id IN (SELECT id FROM work_queue WHERE state = 'ready' AND (lease_until IS NULL OR lease_until < now())
                           ORDER BY id LIMIT @n FOR UPDATE SKIP LOCKED)
            RETURNING w.id, w.content_hash, w.origin, w.article::text, w.attempts
            """, connection);
        command.Parameters.AddWithValue("w", worker);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("n", limit);
        var list = new List<QueuedArticle>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var payload = JsonSerializer.Deserialize<Payload>(r.GetString(3), Json)!;
            list.Add(payload.ToArticle(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(4)));
        }

        list.Sort((a, b) => a.QueueId.CompareTo(b.QueueId));
        return list;
    }

    /// <summary>
    /// In one transaction: stores the analysed articles of claims this worker still holds, marks those claims done and
    /// quarantines the failures (see <see cref="QueueFailure"/>). Claims taken over by another worker after the lease
    /// expired are left alone. Returns what was stored and how many claims were completed.
    /// </summary>
    public (StoreWriteResult Stored, int Completed) Complete(string worker, IReadOnlyList<(long QueueId, ArticleRecord Record)> analysed,
        IReadOnlyList<QueueFailure> failures, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(analysed);
        ArgumentNullException.ThrowIfNull(failures);
        using var connection = _store.Open();
        using var tx = connection.BeginTransaction();
        var ids = analysed.Select(a => a.QueueId).Concat(failures.Select(f => f.QueueId)).ToArray();
        var held = new HashSet<long>();
        using (var own = PostgresArticleStore.Command(tx, "SELECT id FROM work_queue WHERE id = ANY(@ids) AND state = 'ready' AND claimed_by = @w ORDER BY id FOR UPDATE"))
        {
            own.Parameters.AddWithValue("ids", ids);
            own.Parameters.AddWithValue("w", worker);
            using var r = own.ExecuteReader();
            while (r.Read()) held.Add(r.GetInt64(0));
        }

        var records = analysed.Where(a => held.Contains(a.QueueId)).Select(a => a.Record).ToList();
        var quarantined = failures.Where(f => held.Contains(f.QueueId) && f.Attempts >= maxAttempts).ToList();
        var retried = failures.Where(f => held.Contains(f.QueueId) && f.Attempts < maxAttempts).ToList();
        var stored = _store.WriteIn(tx, records,
            quarantined.Select(f => new QuarantineRecord(f.Origin, $"analysis failed {f.Attempts} times: {f.Reason}")).ToList());

        var done = analysed.Where(a => held.Contains(a.QueueId)).Select(a => a.QueueId).ToArray();
        Update(tx, "UPDATE work_queue SET state = 'done', done_at = now(), lease_until = NULL WHERE id = ANY(@ids)", done, null);
        Update(tx, "UPDATE work_queue SET state = 'failed', done_at = now(), lease_until = NULL, last_error = r.e FROM unnest(@ids, @errors) AS r(i, e) WHERE id = r.i",
            quarantined.Select(f => f.QueueId).ToArray(), quarantined.Select(f => f.Reason).ToArray());
        Update(tx, "UPDATE work_queue SET claimed_by = NULL, lease_until = NULL, last_error = r.e FROM unnest(@ids, @errors) AS r(i, e) WHERE id = r.i",
            retried.Select(f => f.QueueId).ToArray(), retried.Select(f => f.Reason).ToArray());
        using (var log = PostgresArticleStore.Command(tx, "INSERT INTO work_log(queue_id, worker, outcome) SELECT unnest(@ids), @w, unnest(@o)"))
        {
            var logged = done.Select(i => (i, "done")).Concat(quarantined.Select(f => (f.QueueId, "quarantined"))).Concat(retried.Select(f => (f.QueueId, "retry"))).ToList();
            log.Parameters.AddWithValue("ids", logged.Select(x => x.Item1).ToArray());
            log.Parameters.AddWithValue("w", worker);
            log.Parameters.AddWithValue("o", logged.Select(x => x.Item2).ToArray());
            log.ExecuteNonQuery();
        }

        tx.Commit();
        return (stored, done.Length + quarantined.Count);
    }

    /// <summary>
    /// Quarantines claimed articles that were claimed more than <paramref name="maxAttempts"/> times without completing
    /// (each attempt ended by a crash or an expired lease): they are not analysed again.
    /// </summary>
    public int QuarantineExhausted(string worker, IReadOnlyList<QueuedArticle> claimed, int maxAttempts)
    {
        var poison = claimed.Where(a => a.Attempts > maxAttempts).ToList();
        if (poison.Count == 0) return 0;
        var failures = poison.Select(a => new QueueFailure(a.QueueId, a.Origin, "the worker stopped (crash or lease expiry) on every attempt", a.Attempts)).ToList();
        return Complete(worker, [], failures, maxAttempts).Completed;
    }

    /// <summary>Queue counts by state, and the claims currently leased.</summary>
    public QueueCounts Counts()
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand("""
            SELECT COUNT(*) FILTER (WHERE state = 'ready'), COUNT(*) FILTER (WHERE state = 'done'), COUNT(*) FILTER (WHERE state = 'failed'),
                   COUNT(*) FILTER (WHERE state = 'ready' AND lease_until > now())
            FROM work_queue
            """, connection);
        using var r = command.ExecuteReader();
        r.Read();
        return new QueueCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
    }

    private static void Update(NpgsqlTransaction tx, string sql, long[] ids, string[]? errors)
    {
        if (ids.Length == 0) return;
        using var command = PostgresArticleStore.Command(tx, sql);
        command.Parameters.AddWithValue("ids", ids);
        if (errors is not null) command.Parameters.AddWithValue("errors", errors);
        command.ExecuteNonQuery();
    }

    private sealed record Payload(string Text, string? Id, string? Source, string? Url, string? Title, string? Published, string Language)
    {
        public static Payload Of(QueuedArticle a) => new(a.Text, a.Info.Id, a.Info.Source, a.Info.Url, a.Info.Title,
            a.Info.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Info.Language);

        public QueuedArticle ToArticle(long queueId, string hash, string origin, int attempts) => new(origin, hash, Text, new ArticleInfo
        {
            Id = Id, Source = Source, Url = Url, Title = Title, Language = Language,
            Published = Published is null ? null : DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        })
        { QueueId = queueId, Attempts = attempts };
    }
}

/// <summary>A raw article in the work queue.</summary>
/// <param name="Origin">Where it was read.</param>
/// <param name="ContentHash">Its identity (<see cref="ContentHashes.Of"/>).</param>
/// <param name="Text">The article text.</param>
/// <param name="Info">Its metadata.</param>
public sealed record QueuedArticle(string Origin, string ContentHash, string Text, ArticleInfo Info)
{
    /// <summary>Queue row id (0 before it is queued).</summary>
    public long QueueId { get; init; }

    /// <summary>How many times it has been claimed, this claim included.</summary>
    public int Attempts { get; init; }
}

/// <summary>An article whose analysis failed in this attempt.</summary>
/// <param name="QueueId">Queue row id.</param>
/// <param name="Origin">Where it was read.</param>
/// <param name="Reason">The error.</param>
/// <param name="Attempts">Attempts so far (this one included).</param>
public sealed record QueueFailure(long QueueId, string Origin, string Reason, int Attempts);

/// <summary>Queue counts.</summary>
/// <param name="Ready">Waiting or claimed, not finished.</param>
/// <param name="Done">Analysed and stored.</param>
/// <param name="Failed">Quarantined after repeated failures.</param>
/// <param name="Leased">Ready articles under a live lease (being analysed).</param>
public sealed record QueueCounts(long Ready, long Done, long Failed, long Leased);
