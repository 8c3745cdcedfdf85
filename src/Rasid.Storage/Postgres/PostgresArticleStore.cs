using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Rasid.Core;

namespace Rasid.Storage.Postgres;

/// <summary>
/// The server corpus store: the same contract and tables as <see cref="SqliteArticleStore"/> on PostgreSQL, for several
/// processes (and machines) writing at once. Documents are kept as gzip-compressed <c>rasid.document/1</c> JSON plus
/// relational layer tables with indexes for the usual queries (event type, actor, date, place), MinHash/LSH story
/// clusters, a full-text <c>tsvector</c> over Arabic-normalised text (GIN index, see <see cref="Search"/>), the
/// quarantine, the change feed and a work queue (<see cref="ArticleWorkList"/>).
/// </summary>
/// <remarks>
/// Writers serialise on a transaction-level advisory lock: story-cluster assignment, id de-duplication and the change
/// feed's commit order stay exactly as in SQLite. Analysis (the expensive part) runs outside the lock, in parallel.
/// Connections come from an Npgsql pool; after a server restart, broken connections are dropped and the next call
/// opens a fresh one.
/// </remarks>
public sealed class PostgresArticleStore : IArticleStore
{
    private const int MaxCandidates = 256;

    /// <summary>Advisory lock key serialising document writes (arbitrary, fixed).</summary>
    internal const long WriteLock = 0x5241_5349_4402;

    private readonly NpgsqlDataSource _source;
    private readonly MinHasher _hasher;
    private bool _disposed;

    private PostgresArticleStore(string connectionString, DedupOptions? dedup)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        _source = NpgsqlDataSource.Create(builder);
        _hasher = new MinHasher(dedup);
        using var connection = _source.OpenConnection();
        SchemaVersion = PostgresMigrations.Apply(connection);
        using var info = new NpgsqlCommand("INSERT INTO store_info(key, value) VALUES ('dedup', @v) ON CONFLICT DO NOTHING", connection);
        info.Parameters.AddWithValue("v", _hasher.Version);
        info.ExecuteNonQuery();
    }

    /// <summary>Opens (migrating when needed) the store in the database named by <paramref name="connection"/>.</summary>
    /// <param name="connection">A <c>postgres://user[:password]@host[:port]/db</c> URL or an Npgsql connection string.</param>
    /// <param name="dedup">Near-duplicate options (the defaults are the measured ones).</param>
    public static PostgresArticleStore Open(string connection, DedupOptions? dedup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        return new PostgresArticleStore(ToConnectionString(connection), dedup);
    }

    /// <summary>True when <paramref name="db"/> names a PostgreSQL database (URL or connection string) rather than a file.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        (db.Contains('=', StringComparison.Ordinal) && db.Contains("host", StringComparison.OrdinalIgnoreCase));

    /// <summary>Turns a <c>postgres://user:password@host:port/db?param=value</c> URL into an Npgsql connection string (others pass through).</summary>
    public static string ToConnectionString(string db)
    {
        if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)) return db;
        var uri = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) builder.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length == 2) builder.Password = Uri.UnescapeDataString(user[1]);
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0) builder.Database = Uri.UnescapeDataString(database);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        return builder.ConnectionString;
    }

    /// <summary>Where the store is, for messages (no password).</summary>
    public string Description { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>The hasher whose signatures this store compares.</summary>
    public MinHasher Hasher => _hasher;

    /// <summary>The work queue kept in the same database.</summary>
    public ArticleWorkList Queue => new(this);

    internal NpgsqlDataSource Source => _source;

    private static SqlDialect Dialect => SqlDialect.Postgres;

    /// <inheritdoc />
    public bool Contains(string contentHash)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM documents WHERE content_hash = @h", connection);
        command.Parameters.AddWithValue("h", contentHash);
        return command.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public StoreWriteResult Write(IReadOnlyList<ArticleRecord> articles, IReadOnlyList<QuarantineRecord> rejections)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(rejections);
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        var result = WriteIn(tx, articles, rejections);
        tx.Commit();
        return result;
    }

    /// <summary>Stores a batch inside the caller's transaction (the work queue commits it with the claim completion).</summary>
    internal StoreWriteResult WriteIn(NpgsqlTransaction tx, IReadOnlyList<ArticleRecord> articles, IReadOnlyList<QuarantineRecord> rejections)
    {
        var now = DateTimeOffset.UtcNow;
        int added = 0, skipped = 0, joined = 0;
        Execute(tx, $"SELECT pg_advisory_xact_lock({WriteLock})");
        // One round trip for the identities already stored, then per new article one for its cluster candidates and
        // one batch for the document, its bands, layers and change (the new key is read back with currval).
        var storedHashes = new HashSet<string>(StringComparer.Ordinal);
        var takenIds = new HashSet<string>(StringComparer.Ordinal);
        using (var known = Command(tx, "SELECT content_hash, id FROM documents WHERE content_hash = ANY(@h) OR id = ANY(@i)"))
        {
            known.Parameters.AddWithValue("h", articles.Select(a => a.ContentHash).ToArray());
            known.Parameters.AddWithValue("i", articles.Select(a => a.Document.Id).ToArray());
            using var r = known.ExecuteReader();
            while (r.Read())
            {
                storedHashes.Add(r.GetString(0));
                takenIds.Add(r.GetString(1));
            }
        }

        foreach (var article in articles)
        {
            if (!storedHashes.Add(article.ContentHash))
            {
                skipped++;
                continue;
            }

            var document = article.Document;
            var id = document.Id;
            if (takenIds.Contains(id)) id = $"{id}~{article.ContentHash[..10]}";
            takenIds.Add(id);
            var bandKeys = article.Signature is null ? null : _hasher.BandKeys(article.Signature);
            var cluster = bandKeys is null ? null : FindCluster(tx, article.Signature!, bandKeys);
            if (cluster is not null) joined++;
            cluster ??= id;

            using var batch = new NpgsqlBatch(tx.Connection, tx);
            batch.BatchCommands.Add(InsertDocument(article, id, cluster, now));
            if (bandKeys is not null)
            {
                var insert = new NpgsqlBatchCommand($"INSERT INTO lsh(band_key, doc_key) SELECT unnest(@b), {NewKey} ON CONFLICT DO NOTHING");
                insert.Parameters.AddWithValue("b", bandKeys);
                batch.BatchCommands.Add(insert);
            }

            AddLayers(batch, null, document);
            AddChange(batch, null, id, 1, "add", now);
            batch.ExecuteNonQuery();
            added++;
        }

        foreach (var rejection in rejections)
        {
            using var command = Command(tx, """
                INSERT INTO quarantine(origin, reason, first_seen, last_seen) VALUES (@o, @r, @t, @t)
                ON CONFLICT(origin, reason) DO UPDATE SET last_seen = excluded.last_seen, times = quarantine.times + 1
                """);
            command.Parameters.AddWithValue("o", rejection.Origin);
            command.Parameters.AddWithValue("r", rejection.Reason);
            command.Parameters.AddWithValue("t", now);
            command.ExecuteNonQuery();
        }

        return new StoreWriteResult(added, skipped, joined);
    }

    /// <inheritdoc />
    public int Replace(IReadOnlyList<ArticleRecord> reanalysed)
    {
        ArgumentNullException.ThrowIfNull(reanalysed);
        var now = DateTimeOffset.UtcNow;
        var replaced = 0;
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        Execute(tx, $"SELECT pg_advisory_xact_lock({WriteLock})");
        foreach (var article in reanalysed)
        {
            long key;
            string id;
            int version;
            using (var find = Command(tx, "SELECT key, id, version FROM documents WHERE content_hash = @h FOR UPDATE"))
            {
                find.Parameters.AddWithValue("h", article.ContentHash);
                using var reader = find.ExecuteReader();
                if (!reader.Read()) continue;
                key = reader.GetInt64(0);
                id = reader.GetString(1);
                version = reader.GetInt32(2) + 1;
            }

            using var batch = new NpgsqlBatch(connection, tx);
            foreach (var table in new[] { "entities", "quotes", "times", "events" })
            {
                var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE doc_key = @k");
                delete.Parameters.AddWithValue("k", key);
                batch.BatchCommands.Add(delete);
            }

            var update = new NpgsqlBatchCommand("""
                UPDATE documents SET json = @j, pipeline_version = @p, version = @v, updated_at = @t,
                  tsv = to_tsvector('simple', rasid_normalize(@text)) WHERE key = @k
                """);
            update.Parameters.AddWithValue("j", article.StoredJsonFor(id));
            update.Parameters.AddWithValue("p", article.PipelineVersion);
            update.Parameters.AddWithValue("v", version);
            update.Parameters.AddWithValue("t", now);
            update.Parameters.AddWithValue("text", SearchText(article.Document));
            update.Parameters.AddWithValue("k", key);
            batch.BatchCommands.Add(update);
            AddLayers(batch, key, article.Document);
            AddChange(batch, key, id, version, "update", now);
            batch.ExecuteNonQuery();
            replaced++;
        }

        tx.Commit();
        return replaced;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredDocument> Stale(string pipelineVersion, int limit)
    {
        var list = new List<StoredDocument>();
        foreach (var r in Query($"SELECT {LayerQueries.DocColumns} FROM documents d WHERE pipeline_version <> @p ORDER BY key LIMIT @n",
                     new() { ["p"] = pipelineVersion, ["n"] = limit }))
        {
            list.Add(LayerQueries.ReadStored(r));
        }

        return list;
    }

    /// <inheritdoc />
    public Document? GetDocument(string id)
    {
        foreach (var r in Query($"SELECT {LayerQueries.DocColumns} FROM documents d WHERE id = @id", new() { ["id"] = id })) return LayerQueries.ReadStored(r).Document;
        return null;
    }

    /// <inheritdoc />
    public IEnumerable<StoredDocument> Documents(CorpusFilter filter)
    {
        foreach (var reader in Query($"SELECT {LayerQueries.DocColumns} FROM documents d WHERE {LayerQueries.DocumentWhere(filter, Dialect, out var p)} ORDER BY d.key", p))
        {
            yield return LayerQueries.ReadStored(reader);
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> DocumentJsonLines(CorpusFilter filter)
    {
        foreach (var reader in Query($"SELECT d.json, d.cluster FROM documents d WHERE {LayerQueries.DocumentWhere(filter, Dialect, out var p)} ORDER BY d.key", p))
        {
            yield return SqliteArticleStore.SpliceCluster(SqliteArticleStore.Decompress((byte[])reader[0]), reader.GetString(1));
        }
    }

    /// <summary>
    /// Full-text search in PostgreSQL (the alternative to the Lucene index): documents whose normalised text contains
    /// every word of <paramref name="query"/>, best first (<c>ts_rank</c>), as (id, title, rank).
    /// </summary>
    public IReadOnlyList<(string Id, string? Title, double Rank)> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        var list = new List<(string, string?, double)>();
        foreach (var r in Query("""
                     SELECT d.id, d.title, ts_rank(d.tsv, q) AS rank FROM documents d, plainto_tsquery('simple', rasid_normalize(@q)) q
                     WHERE d.tsv @@ q ORDER BY rank DESC, d.key LIMIT @n
                     """, new() { ["q"] = query, ["n"] = limit }))
        {
            list.Add((r.GetString(0), LayerQueries.Str(r, 1), r.GetFloat(2)));
        }

        return list;
    }

    /// <inheritdoc />
    public IEnumerable<EventRow> Events(CorpusFilter filter)
    {
        foreach (var r in Query(LayerQueries.Events(filter, Dialect, out var p), p)) yield return LayerQueries.ReadEvent(r);
    }

    /// <inheritdoc />
    public IEnumerable<EntityRow> Entities(CorpusFilter filter)
    {
        foreach (var r in Query(LayerQueries.Entities(filter, Dialect, out var p), p)) yield return LayerQueries.ReadEntity(r);
    }

    /// <inheritdoc />
    public IEnumerable<QuoteRow> Quotes(CorpusFilter filter)
    {
        foreach (var r in Query(LayerQueries.Quotes(filter, Dialect, out var p), p)) yield return LayerQueries.ReadQuote(r);
    }

    /// <inheritdoc />
    public IEnumerable<StoryCluster> Clusters(CorpusFilter filter, int minSize)
    {
        foreach (var r in Query(LayerQueries.Clusters(filter, minSize, Dialect, out var p), p))
        {
            var id = r.GetString(0);
            var size = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
            yield return LayerQueries.Cluster(id, size, Query(LayerQueries.ClusterMembers(Dialect), new() { [Dialect.P("c")] = id }));
        }
    }

    /// <inheritdoc />
    public IEnumerable<QuarantineRecord> Quarantine()
    {
        foreach (var r in Query("SELECT origin, reason, first_seen FROM quarantine ORDER BY key", []))
        {
            yield return new QuarantineRecord(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2));
        }
    }

    /// <inheritdoc />
    public StoreStatistics Statistics()
    {
        using var c = Open();
        long Count(string sql)
        {
            using var command = new NpgsqlCommand(sql, c);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        List<KeyValuePair<string, long>> Pairs(string sql)
        {
            var list = new List<KeyValuePair<string, long>>();
            using var command = new NpgsqlCommand(sql, c);
            using var r = command.ExecuteReader();
            while (r.Read()) list.Add(LayerQueries.ReadPair(r));
            return list;
        }

        return LayerQueries.Statistics(Dialect, Count, Pairs);
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentChange> Changes(long afterSequence, int limit)
    {
        var list = new List<DocumentChange>();
        foreach (var r in Query(LayerQueries.Changes(Dialect), new() { [Dialect.P("after")] = afterSequence, [Dialect.P("n")] = (long)limit }))
        {
            list.Add(LayerQueries.ReadChange(r));
        }

        return list;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _source.Dispose();
    }

    // ---- writing ----

    private string? FindCluster(NpgsqlTransaction tx, MinHashSignature signature, long[] bandKeys)
    {
        var candidates = new List<(long Key, byte[] MinHash, int Shingles, string Cluster)>();
        using (var command = Command(tx, """
                   SELECT d.key, d.minhash, d.shingles, d.cluster FROM documents d
                   WHERE d.key IN (SELECT l.doc_key FROM unnest(@b) AS b(k) CROSS JOIN LATERAL (SELECT doc_key FROM lsh WHERE band_key = b.k LIMIT 64) l)
                     AND d.minhash IS NOT NULL
                   ORDER BY d.key LIMIT @max
                   """))
        {
            command.Parameters.AddWithValue("b", bandKeys);
            command.Parameters.AddWithValue("max", MaxCandidates);
            using var reader = command.ExecuteReader();
            while (reader.Read()) candidates.Add((reader.GetInt64(0), (byte[])reader[1], reader.GetInt32(2), reader.GetString(3)));
        }

        string? best = null;
        var bestScore = -1.0;
        var bestKey = long.MaxValue;
        foreach (var (key, minhash, shingles, cluster) in candidates)
        {
            var score = signature.Containment(MinHashSignature.FromBytes(minhash, shingles));
            // Ties go to the oldest document, so cluster choice does not depend on candidate order.
            if (score >= _hasher.Options.Threshold && (score > bestScore || (score == bestScore && key < bestKey)))
            {
                best = cluster;
                bestScore = score;
                bestKey = key;
            }
        }

        return best;
    }

    /// <summary>The key of the document just inserted in this session.</summary>
    private const string NewKey = "currval('documents_key_seq')";

    private static NpgsqlBatchCommand InsertDocument(ArticleRecord article, string id, string cluster, DateTimeOffset now)
    {
        var d = article.Document;
        var command = BatchCommand("""
            INSERT INTO documents(id, content_hash, origin, source, url, title, published, cluster, pipeline_version, version,
              ingested_at, updated_at, text_length, shingles, minhash, json, tsv)
            VALUES (@id, @h, @o, @s, @u, @t, @p, @c, @pv, 1, @now, @now, @len, @sh, @mh, @j, to_tsvector('simple', rasid_normalize(@text)))
            """, ("id", id), ("h", article.ContentHash), ("o", article.Origin), ("s", d.Source), ("u", d.Url), ("t", d.Title),
            ("p", d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("c", cluster), ("pv", article.PipelineVersion),
            ("now", now), ("len", d.Text.Length), ("sh", article.Signature?.ShingleCount), ("mh", article.Signature?.ToBytes()),
            ("j", article.StoredJsonFor(id)), ("text", SearchText(d)));
        command.Parameters["sh"].NpgsqlDbType = NpgsqlDbType.Integer;
        command.Parameters["mh"].NpgsqlDbType = NpgsqlDbType.Bytea;
        return command;
    }

    private static string SearchText(Document d) => string.IsNullOrEmpty(d.Title) ? d.Text : d.Title + "\n" + d.Text;

    private static void AddLayers(NpgsqlBatch batch, long? key, Document d)
    {
        for (var i = 0; i < d.Entities.Count; i++)
        {
            var e = d.Entities[i];
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO entities(doc_key, ord, start, "end", text, type, actor, canonical, place_name, lat, lon, country, evidence_by, score)
                VALUES (@k, @o, @s, @e, @t, @ty, @a, @ca, @pn, @la, @lo, @co, @eb, @sc)
                """, ("k", key), ("o", i), ("s", e.Start), ("e", e.End), ("t", e.Text), ("ty", e.Type), ("a", e.Actor),
                ("ca", e.Canonical), ("pn", e.Place?.Name), ("la", e.Place?.Lat), ("lo", e.Place?.Lon), ("co", e.Place?.Country),
                ("eb", e.Evidence?.By), ("sc", e.Evidence?.Score)));
        }

        for (var i = 0; i < d.Quotes.Count; i++)
        {
            var q = d.Quotes[i];
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO quotes(doc_key, ord, kind, content_start, content_end, content, cue, speaker, speaker_actor, speaker_canonical, evidence_by)
                VALUES (@k, @o, @kind, @cs, @ce, @c, @cue, @sp, @sa, @sc, @eb)
                """, ("k", key), ("o", i), ("kind", q.Kind == QuoteKind.Direct ? "direct" : "indirect"), ("cs", q.Content.Start),
                ("ce", q.Content.End), ("c", q.Content.Text), ("cue", q.Cue?.Text), ("sp", q.Speaker?.Text), ("sa", q.SpeakerActor),
                ("sc", q.SpeakerCanonical), ("eb", q.Evidence?.By)));
        }

        for (var i = 0; i < d.Times.Count; i++)
        {
            var t = d.Times[i];
            batch.BatchCommands.Add(BatchCommand("""INSERT INTO times(doc_key, ord, start, "end", text, value, kind, evidence_by) VALUES (@k, @o, @s, @e, @t, @v, @kind, @eb)""",
                ("k", key), ("o", i), ("s", t.Start), ("e", t.End), ("t", t.Text), ("v", t.Value), ("kind", t.Kind), ("eb", t.Evidence?.By)));
        }

        for (var i = 0; i < d.Events.Count; i++)
        {
            var e = d.Events[i];
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO events(doc_key, ord, event_id, type, cameo, mode, source_actor, source_text, target_actor, target_text, trigger,
                  trigger_start, trigger_end, date, date_from_article, negated, place_name, lat, lon, country, evidence_by, score)
                VALUES (@k, @o, @id, @ty, @ca, @mo, @sa, @st, @ta, @tt, @tr, @ts, @te, @da, @df, @ne, @pn, @la, @lo, @co, @eb, @sc)
                """, ("k", key), ("o", i), ("id", string.IsNullOrEmpty(e.Id) ? $"e{i + 1}" : e.Id), ("ty", e.Type), ("ca", e.Cameo),
                ("mo", e.Mode), ("sa", e.Source?.Actor), ("st", e.Source?.Text), ("ta", e.Target?.Actor), ("tt", e.Target?.Text),
                ("tr", e.Trigger.Text), ("ts", e.Trigger.Start), ("te", e.Trigger.End), ("da", e.Date), ("df", e.DateFromArticle),
                ("ne", e.Negated), ("pn", e.Place?.Name), ("la", e.Place?.Lat), ("lo", e.Place?.Lon), ("co", e.Place?.Country),
                ("eb", e.Evidence?.By), ("sc", e.Evidence?.Score)));
        }
    }

    private static void AddChange(NpgsqlBatch batch, long? key, string id, int version, string op, DateTimeOffset now) =>
        batch.BatchCommands.Add(BatchCommand("INSERT INTO changes(doc_key, doc_id, version, op, at) VALUES (@k, @id, @v, @op, @t)",
            ("k", key), ("id", id), ("v", version), ("op", op), ("t", now)));

    // ---- reading ----

    /// <summary>Streams rows of a query on its own pooled connection.</summary>
    private IEnumerable<NpgsqlDataReader> Query(string sql, Dictionary<string, object> parameters)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return reader;
    }

    internal NpgsqlConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _source.OpenConnection();
    }

    // ---- helpers ----

    internal static void Execute(NpgsqlTransaction tx, string sql)
    {
        using var command = Command(tx, sql);
        command.ExecuteNonQuery();
    }

    internal static NpgsqlCommand Command(NpgsqlTransaction tx, string sql) => new(sql, tx.Connection, tx);

    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] values)
    {
        // A null document key (@k) means the document inserted earlier in the same batch.
        var newKey = values.Any(v => v.Name == "k" && v.Value is null);
        var command = new NpgsqlBatchCommand(newKey ? sql.Replace("@k,", NewKey + ",", StringComparison.Ordinal) : sql);
        foreach (var (name, value) in values)
        {
            if (!(newKey && name == "k")) command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static void Bind(NpgsqlCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) command.Parameters.Add(Parameter(name, value));
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        // An untyped NULL: the server takes the column type.
        null => new NpgsqlParameter(name, DBNull.Value),
        _ => new NpgsqlParameter(name, value),
    };
}
