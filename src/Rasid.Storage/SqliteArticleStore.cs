using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using Rasid.Core;

namespace Rasid.Storage;

/// <summary>
/// The embedded corpus store: one SQLite file (default <c>rasid.db</c>) in WAL mode. Documents are kept as
/// gzip-compressed <c>rasid.document/1</c> JSON plus relational tables for entities, quotes, times and events
/// (for filters and exports), MinHash signatures and LSH band keys for story clusters, the quarantine of
/// rejected inputs and a change feed. Thread-safe: writes are serialised; each streamed read opens its own
/// connection.
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    private const int MaxCandidates = 256;
    private readonly SqliteConnection _connection;
    private readonly string _connectionString;
    private readonly MinHasher _hasher;
    private readonly Lock _gate = new();
    private readonly Lock _lookupGate = new();
    private SqliteConnection? _lookup;
    private SqliteCommand? _containsCommand;
    private bool _disposed;

    // Prepared statements of the writer connection, reused across articles and batches (used under _gate only).
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> _raw = new(StringComparer.Ordinal);

    private SqliteArticleStore(string path, DedupOptions? dedup)
    {
        Path = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        _hasher = new MinHasher(dedup);
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        Execute(_connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA busy_timeout=10000;");
        SchemaVersion = Migrations.Apply(_connection);
        Execute(_connection, $"INSERT OR IGNORE INTO store_info(key, value) VALUES ('dedup', '{_hasher.Version}')");
    }

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="dedup">Near-duplicate options (the defaults are the measured ones).</param>
    public static SqliteArticleStore Open(string path, DedupOptions? dedup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteArticleStore(path, dedup);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>The hasher whose signatures this store compares (compute <see cref="ArticleRecord.Signature"/> with it).</summary>
    public MinHasher Hasher => _hasher;

    private static SqlDialect Dialect => SqlDialect.Sqlite;

    /// <inheritdoc />
    public bool Contains(string contentHash)
    {
        // A separate read connection (WAL: readers do not wait for the writer), so the ingest producer keeps
        // feeding the analysis workers while a batch is being written. It sees committed documents, as before.
        lock (_lookupGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_containsCommand is null)
            {
                _lookup = OpenReader();
                _containsCommand = _lookup.CreateCommand();
                _containsCommand.CommandText = "SELECT 1 FROM documents WHERE content_hash = $h";
                _containsCommand.Parameters.Add("$h", SqliteType.Text);
                _containsCommand.Prepare();
            }

            _containsCommand.Parameters[0].Value = contentHash;
            return _containsCommand.ExecuteScalar() is not null;
        }
    }

    /// <inheritdoc />
    public StoreWriteResult Write(IReadOnlyList<ArticleRecord> articles, IReadOnlyList<QuarantineRecord> rejections)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(rejections);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now();
            int added = 0, skipped = 0, joined = 0;
            using var tx = _connection.BeginTransaction();
            foreach (var article in articles)
            {
                if (Exists(tx, "SELECT 1 FROM documents WHERE content_hash = $v", article.ContentHash))
                {
                    skipped++;
                    continue;
                }

                var document = article.Document;
                var id = document.Id;
                if (Exists(tx, "SELECT 1 FROM documents WHERE id = $v", id)) id = $"{id}~{article.ContentHash[..10]}";
                var bandKeys = article.Signature is null ? null : _hasher.BandKeys(article.Signature);
                var cluster = bandKeys is null ? null : FindCluster(tx, article.Signature!, bandKeys);
                if (cluster is not null) joined++;
                cluster ??= id;

                var key = InsertDocument(article, id, cluster, now);
                if (bandKeys is not null) InsertBands(key, bandKeys);
                InsertLayers(key, document);
                InsertChange(key, id, 1, "add", now);
                added++;
            }

            foreach (var rejection in rejections)
            {
                using var command = Command(tx, """
                    INSERT INTO quarantine(origin, reason, first_seen, last_seen) VALUES ($o, $r, $t, $t)
                    ON CONFLICT(origin, reason) DO UPDATE SET last_seen = excluded.last_seen, times = times + 1
                    """);
                command.Parameters.AddWithValue("$o", rejection.Origin);
                command.Parameters.AddWithValue("$r", rejection.Reason);
                command.Parameters.AddWithValue("$t", now);
                command.ExecuteNonQuery();
            }

            tx.Commit();
            return new StoreWriteResult(added, skipped, joined);
        }
    }

    /// <inheritdoc />
    public int Replace(IReadOnlyList<ArticleRecord> reanalysed)
    {
        ArgumentNullException.ThrowIfNull(reanalysed);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now();
            var replaced = 0;
            using var tx = _connection.BeginTransaction();
            foreach (var article in reanalysed)
            {
                long key;
                string id;
                int version;
                using (var find = Command(tx, "SELECT key, id, version FROM documents WHERE content_hash = $h"))
                {
                    find.Parameters.AddWithValue("$h", article.ContentHash);
                    using var reader = find.ExecuteReader();
                    if (!reader.Read()) continue;
                    key = reader.GetInt64(0);
                    id = reader.GetString(1);
                    version = reader.GetInt32(2) + 1;
                }

                foreach (var table in new[] { "entities", "quotes", "times", "events" })
                {
                    using var delete = Command(tx, $"DELETE FROM {table} WHERE doc_key = $k");
                    delete.Parameters.AddWithValue("$k", key);
                    delete.ExecuteNonQuery();
                }

                using (var update = Command(tx, "UPDATE documents SET json = $j, pipeline_version = $p, version = $v, updated_at = $t WHERE key = $k"))
                {
                    update.Parameters.AddWithValue("$j", article.StoredJsonFor(id));
                    update.Parameters.AddWithValue("$p", article.PipelineVersion);
                    update.Parameters.AddWithValue("$v", version);
                    update.Parameters.AddWithValue("$t", now);
                    update.Parameters.AddWithValue("$k", key);
                    update.ExecuteNonQuery();
                }

                InsertLayers(key, article.Document);
                InsertChange(key, id, version, "update", now);
                replaced++;
            }

            tx.Commit();
            return replaced;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredDocument> Stale(string pipelineVersion, int limit)
    {
        var list = new List<StoredDocument>();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {LayerQueries.DocColumns} FROM documents d WHERE pipeline_version <> $p ORDER BY key LIMIT $n";
        command.Parameters.AddWithValue("$p", pipelineVersion);
        command.Parameters.AddWithValue("$n", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(LayerQueries.ReadStored(reader));
        return list;
    }

    /// <inheritdoc />
    public Document? GetDocument(string id)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {LayerQueries.DocColumns} FROM documents d WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? LayerQueries.ReadStored(reader).Document : null;
    }

    /// <inheritdoc />
    public IEnumerable<StoredDocument> Documents(CorpusFilter filter)
    {
        foreach (var reader in Query($"SELECT {LayerQueries.DocColumns} FROM documents d WHERE {LayerQueries.DocumentWhere(filter, Dialect, out var p)} ORDER BY d.key", p))
        {
            yield return LayerQueries.ReadStored(reader);
        }
    }

    /// <summary>
    /// Documents matching the filter as <c>rasid.document/1</c> JSON lines (cluster set), without re-parsing:
    /// the fast path of <c>rasid export documents</c>.
    /// </summary>
    public IEnumerable<string> DocumentJsonLines(CorpusFilter filter)
    {
        foreach (var reader in Query($"SELECT d.json, d.cluster FROM documents d WHERE {LayerQueries.DocumentWhere(filter, Dialect, out var p)} ORDER BY d.key", p))
        {
            yield return SpliceCluster(Decompress((byte[])reader[0]), reader.GetString(1));
        }
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
        using var connection = OpenReader();
        foreach (var r in Query(LayerQueries.Clusters(filter, minSize, Dialect, out var p), p))
        {
            var id = r.GetString(0);
            var size = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
            yield return LayerQueries.Cluster(id, size, Rows(connection, LayerQueries.ClusterMembers(Dialect), new() { [Dialect.P("c")] = id }));
        }
    }

    /// <inheritdoc />
    public IEnumerable<QuarantineRecord> Quarantine()
    {
        foreach (var r in Query("SELECT origin, reason, first_seen FROM quarantine ORDER BY key", []))
        {
            yield return new QuarantineRecord(r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture));
        }
    }

    /// <inheritdoc />
    public StoreStatistics Statistics()
    {
        using var c = OpenReader();
        long Count(string sql) => Convert.ToInt64(ScalarOn(c, sql), CultureInfo.InvariantCulture);

        List<KeyValuePair<string, long>> Pairs(string sql)
        {
            var list = new List<KeyValuePair<string, long>>();
            using var command = c.CreateCommand();
            command.CommandText = sql;
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
        lock (_gate)
        {
            if (_disposed) return;
            lock (_lookupGate)
            {
                _disposed = true;
                _containsCommand?.Dispose();
                _lookup?.Dispose();
            }

            try
            {
                Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            }
            catch (SqliteException)
            {
                // A reader still open keeps the WAL; it is checkpointed next time.
            }

            foreach (var statement in _statements.Values) statement.Dispose();
            foreach (var statement in _raw.Values) statement.Dispose();
            _connection.Dispose();
        }
    }

    // ---- writing ----

    private string? FindCluster(SqliteTransaction tx, MinHashSignature signature, long[] bandKeys)
    {
        var candidates = new HashSet<long>();
        {
            var command = Statement(tx, "SELECT doc_key FROM lsh WHERE band_key = $k LIMIT 64");
            var parameter = Parameter(command, "$k", SqliteType.Integer);
            foreach (var key in bandKeys)
            {
                parameter.Value = key;
                using var reader = command.ExecuteReader();
                while (reader.Read() && candidates.Count < MaxCandidates) candidates.Add(reader.GetInt64(0));
            }
        }

        string? best = null;
        var bestScore = -1.0;
        var bestKey = long.MaxValue;
        {
            var command = Statement(tx, "SELECT minhash, shingles, cluster FROM documents WHERE key = $k");
            var parameter = Parameter(command, "$k", SqliteType.Integer);
            foreach (var candidate in candidates)
            {
                parameter.Value = candidate;
                using var reader = command.ExecuteReader();
                if (!reader.Read() || reader.IsDBNull(0)) continue;
                var other = MinHashSignature.FromBytes((byte[])reader[0], reader.GetInt32(1));
                var score = signature.Containment(other);
                // Ties go to the oldest document, so cluster choice does not depend on hash-set order.
                if (score >= _hasher.Options.Threshold && (score > bestScore || (score == bestScore && candidate < bestKey)))
                {
                    best = reader.GetString(2);
                    bestScore = score;
                    bestKey = candidate;
                }
            }
        }

        return best;
    }

    private long InsertDocument(ArticleRecord article, string id, string cluster, string now)
    {
        var d = article.Document;
        var insert = Raw("""
            INSERT INTO documents(id, content_hash, origin, source, url, title, published, cluster, pipeline_version, version,
              ingested_at, updated_at, text_length, shingles, minhash, json)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10, ?11, ?12, ?13, ?14)
            """);
        insert.Bind(1, id);
        insert.Bind(2, article.ContentHash);
        insert.Bind(3, article.Origin);
        insert.Bind(4, d.Source);
        insert.Bind(5, d.Url);
        insert.Bind(6, d.Title);
        insert.Bind(7, d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        insert.Bind(8, cluster);
        insert.Bind(9, article.PipelineVersion);
        insert.Bind(10, now);
        insert.Bind(11, d.Text.Length);
        insert.Bind(12, article.Signature?.ShingleCount);
        insert.Bind(13, article.Signature?.ToBytes());
        insert.Bind(14, article.StoredJsonFor(id));
        insert.Execute();
        return SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    private void InsertBands(long key, long[] bandKeys)
    {
        var insert = Raw("INSERT OR IGNORE INTO lsh(band_key, doc_key) VALUES (?1, ?2)");
        insert.Bind(2, key);
        foreach (var band in bandKeys)
        {
            insert.Bind(1, band);
            insert.Execute();
        }
    }

    private void InsertLayers(long key, Document d)
    {
        if (d.Entities.Count > 0)
        {
            var insert = Raw("""
                INSERT INTO entities(doc_key, ord, start, "end", text, type, actor, canonical, place_name, lat, lon, country, evidence_by, score)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                """);
            insert.Bind(1, key);
            for (var i = 0; i < d.Entities.Count; i++)
            {
                var e = d.Entities[i];
                insert.Bind(2, i);
                insert.Bind(3, e.Start);
                insert.Bind(4, e.End);
                insert.Bind(5, e.Text);
                insert.Bind(6, e.Type);
                insert.Bind(7, e.Actor);
                insert.Bind(8, e.Canonical);
                insert.Bind(9, e.Place?.Name);
                insert.Bind(10, e.Place?.Lat);
                insert.Bind(11, e.Place?.Lon);
                insert.Bind(12, e.Place?.Country);
                insert.Bind(13, e.Evidence?.By);
                insert.Bind(14, e.Evidence?.Score);
                insert.Execute();
            }
        }

        if (d.Quotes.Count > 0)
        {
            var insert = Raw("""
                INSERT INTO quotes(doc_key, ord, kind, content_start, content_end, content, cue, speaker, speaker_actor, speaker_canonical, evidence_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """);
            insert.Bind(1, key);
            for (var i = 0; i < d.Quotes.Count; i++)
            {
                var q = d.Quotes[i];
                insert.Bind(2, i);
                insert.Bind(3, q.Kind == QuoteKind.Direct ? "direct" : "indirect");
                insert.Bind(4, q.Content.Start);
                insert.Bind(5, q.Content.End);
                insert.Bind(6, q.Content.Text);
                insert.Bind(7, q.Cue?.Text);
                insert.Bind(8, q.Speaker?.Text);
                insert.Bind(9, q.SpeakerActor);
                insert.Bind(10, q.SpeakerCanonical);
                insert.Bind(11, q.Evidence?.By);
                insert.Execute();
            }
        }

        if (d.Times.Count > 0)
        {
            var insert = Raw("""INSERT INTO times(doc_key, ord, start, "end", text, value, kind, evidence_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""");
            insert.Bind(1, key);
            for (var i = 0; i < d.Times.Count; i++)
            {
                var t = d.Times[i];
                insert.Bind(2, i);
                insert.Bind(3, t.Start);
                insert.Bind(4, t.End);
                insert.Bind(5, t.Text);
                insert.Bind(6, t.Value);
                insert.Bind(7, t.Kind);
                insert.Bind(8, t.Evidence?.By);
                insert.Execute();
            }
        }

        if (d.Events.Count > 0)
        {
            var insert = Raw("""
                INSERT INTO events(doc_key, ord, event_id, type, cameo, mode, source_actor, source_text, target_actor, target_text, trigger,
                  trigger_start, trigger_end, date, date_from_article, negated, place_name, lat, lon, country, evidence_by, score)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
                """);
            insert.Bind(1, key);
            for (var i = 0; i < d.Events.Count; i++)
            {
                var e = d.Events[i];
                insert.Bind(2, i);
                insert.Bind(3, string.IsNullOrEmpty(e.Id) ? $"e{i + 1}" : e.Id);
                insert.Bind(4, e.Type);
                insert.Bind(5, e.Cameo);
                insert.Bind(6, e.Mode);
                insert.Bind(7, e.Source?.Actor);
                insert.Bind(8, e.Source?.Text);
                insert.Bind(9, e.Target?.Actor);
                insert.Bind(10, e.Target?.Text);
                insert.Bind(11, e.Trigger.Text);
                insert.Bind(12, e.Trigger.Start);
                insert.Bind(13, e.Trigger.End);
                insert.Bind(14, e.Date);
                insert.Bind(15, e.DateFromArticle ? 1 : 0);
                insert.Bind(16, e.Negated ? 1 : 0);
                insert.Bind(17, e.Place?.Name);
                insert.Bind(18, e.Place?.Lat);
                insert.Bind(19, e.Place?.Lon);
                insert.Bind(20, e.Place?.Country);
                insert.Bind(21, e.Evidence?.By);
                insert.Bind(22, e.Evidence?.Score);
                insert.Execute();
            }
        }
    }

    private void InsertChange(long key, string id, int version, string op, string now)
    {
        var insert = Raw("INSERT INTO changes(doc_key, doc_id, version, op, at) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.Bind(1, key);
        insert.Bind(2, id);
        insert.Bind(3, version);
        insert.Bind(4, op);
        insert.Bind(5, now);
        insert.Execute();
    }

    // ---- reading ----

    /// <summary>Streams rows of a query on a fresh read connection (WAL readers never block the writer).</summary>
    private IEnumerable<SqliteDataReader> Query(string sql, Dictionary<string, object> parameters)
    {
        using var connection = OpenReader();
        foreach (var r in Rows(connection, sql, parameters)) yield return r;
    }

    private static IEnumerable<SqliteDataReader> Rows(SqliteConnection connection, string sql, Dictionary<string, object> parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return reader;
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=10000;");
        return connection;
    }

    // ---- helpers ----

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private bool Exists(SqliteTransaction tx, string sql, string value)
    {
        var command = Statement(tx, sql);
        Parameter(command, "$v", SqliteType.Text).Value = value;
        return command.ExecuteScalar() is not null;
    }

    private static SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    /// <summary>The writer connection's prepared command for <paramref name="sql"/>, enlisted in <paramref name="tx"/> (not to be disposed by the caller).</summary>
    private SqliteCommand Statement(SqliteTransaction tx, string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = Command(tx, sql);
            _statements[sql] = command;
        }

        command.Transaction = tx;
        return command;
    }

    /// <summary>The writer connection's raw prepared statement for <paramref name="sql"/> (bound by position; used under the write lock).</summary>
    private RawStatement Raw(string sql)
    {
        if (!_raw.TryGetValue(sql, out var statement)) _raw[sql] = statement = new RawStatement(_connection, sql);
        return statement;
    }

    /// <summary>The parameter <paramref name="name"/> of a cached command, added on first use.</summary>
    private static SqliteParameter Parameter(SqliteCommand command, string name, SqliteType type) =>
        command.Parameters.Contains(name) ? command.Parameters[name] : command.Parameters.Add(name, type);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? ScalarOn(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>gzip of the document JSON with a null cluster (the cluster column is authoritative and spliced in on read).</summary>
    internal static byte[] Compress(Document document)
    {
        var cluster = document.Cluster;
        document.Cluster = null;
        try
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                DocumentJson.Serialize(gzip, document);
            }

            return buffer.ToArray();
        }
        finally
        {
            document.Cluster = cluster;
        }
    }

    internal static string Decompress(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Sets the top-level <c>cluster</c> of stored JSON (written as <c>"cluster":null</c>, before <c>text</c>).</summary>
    internal static string SpliceCluster(string json, string cluster)
    {
        const string Null = "\"cluster\":null";
        var at = json.IndexOf(Null, StringComparison.Ordinal);
        if (at < 0) return json;
        var encoded = System.Text.Json.JsonSerializer.Serialize(cluster, DocumentJson.Options);
        return string.Concat(json.AsSpan(0, at), "\"cluster\":", encoded, json.AsSpan(at + Null.Length));
    }
}
