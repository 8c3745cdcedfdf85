using System.Data.Common;
using System.Globalization;
using Rasid.Core;

namespace Rasid.Storage;

/// <summary>
/// What differs between the SQL of the SQLite and the PostgreSQL store: the parameter marker and how text is compared
/// byte-wise (SQLite's default collation is already binary; PostgreSQL needs <c>COLLATE "C"</c>).
/// </summary>
internal sealed class SqlDialect
{
    /// <summary>Microsoft.Data.Sqlite: <c>$name</c> parameters, binary text order by default.</summary>
    public static readonly SqlDialect Sqlite = new('$', "");

    /// <summary>Npgsql: <c>@name</c> parameters, byte order requested explicitly.</summary>
    public static readonly SqlDialect Postgres = new('@', " COLLATE \"C\"");

    private SqlDialect(char marker, string binaryCollation)
    {
        Marker = marker;
        Binary = binaryCollation;
    }

    /// <summary>The parameter marker (<c>$</c> or <c>@</c>).</summary>
    public char Marker { get; }

    /// <summary>The collation clause that makes text comparisons byte-wise ("" when that is the default).</summary>
    public string Binary { get; }

    /// <summary>A parameter reference (also its key in the parameter dictionary): <c>$from</c> or <c>@from</c>.</summary>
    public string P(string name) => Marker + name;
}

/// <summary>
/// The queries and row mappings both corpus stores share: their tables and columns are the same, so the filters of
/// <see cref="CorpusFilter"/>, the export rows and the statistics are written once here.
/// </summary>
internal static class LayerQueries
{
    /// <summary>Columns read by <see cref="ReadStored"/>, with <c>d</c> as the documents alias.</summary>
    public const string DocColumns = "d.json, d.cluster, d.content_hash, d.origin, d.pipeline_version, d.version";

    /// <summary>A stored document from a row of <see cref="DocColumns"/>.</summary>
    public static StoredDocument ReadStored(DbDataReader r)
    {
        var document = DocumentJson.Deserialize(SqliteArticleStore.Decompress((byte[])r[0]));
        document.Cluster = r.GetString(1);
        return new StoredDocument(document, r.GetString(2), r.GetString(3), r.GetString(4), Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture));
    }

    /// <summary>The WHERE clause selecting documents by <paramref name="filter"/> (date, actor anywhere, event type).</summary>
    public static string DocumentWhere(CorpusFilter filter, SqlDialect sql, out Dictionary<string, object> parameters)
    {
        parameters = [];
        var where = new List<string> { "1=1" };
        AddDateRange(where, parameters, filter, "d.published", sql);
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            var actor = sql.P("actor");
            where.Add($"""
                (EXISTS (SELECT 1 FROM events e WHERE e.doc_key = d.key AND (e.source_actor {Like(actor)} OR e.target_actor {Like(actor)}))
                 OR EXISTS (SELECT 1 FROM entities n WHERE n.doc_key = d.key AND n.actor {Like(actor)})
                 OR EXISTS (SELECT 1 FROM quotes q WHERE q.doc_key = d.key AND q.speaker_actor {Like(actor)}))
                """);
            parameters[actor] = LikePrefix(filter.Actor);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            where.Add($"EXISTS (SELECT 1 FROM events e WHERE e.doc_key = d.key AND e.type = {sql.P("type")})");
            parameters[sql.P("type")] = filter.Type.ToUpperInvariant();
        }

        return string.Join(" AND ", where);
    }

    /// <summary>The event rows query for <paramref name="filter"/>; map rows with <see cref="ReadEvent"/>.</summary>
    public static string Events(CorpusFilter filter, SqlDialect sql, out Dictionary<string, object> parameters)
    {
        var where = LayerWhere(filter, sql, "COALESCE(e.date, d.published)", ["e.source_actor", "e.target_actor"], "e.type", upperType: true, out parameters);
        return $"""
            SELECT d.id, e.event_id, e.date, e.date_from_article, e.type, e.cameo, e.mode, e.source_actor, e.source_text, e.target_actor,
              e.target_text, e.trigger, e.trigger_start, e.trigger_end, e.negated, e.place_name, e.lat, e.lon, e.country, e.evidence_by,
              e.score, d.published, d.source, d.url, d.cluster
            FROM events e JOIN documents d ON d.key = e.doc_key WHERE {where} ORDER BY e.doc_key, e.ord
            """;
    }

    /// <summary>An event export row from a row of <see cref="Events"/>.</summary>
    public static EventRow ReadEvent(DbDataReader r) => new()
    {
        DocId = r.GetString(0), EventId = r.GetString(0) + "/" + r.GetString(1), Date = Str(r, 2), DateFromArticle = Flag(r, 3),
        EventType = r.GetString(4), Cameo = Str(r, 5), Mode = Str(r, 6), SourceActor = Str(r, 7), SourceText = Str(r, 8),
        TargetActor = Str(r, 9), TargetText = Str(r, 10), Trigger = r.GetString(11), TriggerStart = r.GetInt32(12),
        TriggerEnd = r.GetInt32(13), Negated = Flag(r, 14), PlaceName = Str(r, 15), Lat = Dbl(r, 16), Lon = Dbl(r, 17),
        Country = Str(r, 18), EvidenceBy = Str(r, 19), Score = Dbl(r, 20), Published = Str(r, 21), Source = Str(r, 22),
        Url = Str(r, 23), Cluster = Str(r, 24),
    };

    /// <summary>The entity rows query for <paramref name="filter"/>; map rows with <see cref="ReadEntity"/>.</summary>
    public static string Entities(CorpusFilter filter, SqlDialect sql, out Dictionary<string, object> parameters)
    {
        var where = LayerWhere(filter, sql, "d.published", ["e.actor"], "e.type", upperType: true, out parameters);
        return $"""
            SELECT d.id, e.start, e."end", e.text, e.type, e.actor, e.canonical, e.place_name, e.lat, e.lon, e.country, e.evidence_by,
              e.score, d.published, d.source, d.cluster
            FROM entities e JOIN documents d ON d.key = e.doc_key WHERE {where} ORDER BY e.doc_key, e.ord
            """;
    }

    /// <summary>An entity export row from a row of <see cref="Entities"/>.</summary>
    public static EntityRow ReadEntity(DbDataReader r) => new()
    {
        DocId = r.GetString(0), Start = r.GetInt32(1), End = r.GetInt32(2), Text = r.GetString(3), Type = r.GetString(4),
        Actor = Str(r, 5), Canonical = Str(r, 6), PlaceName = Str(r, 7), Lat = Dbl(r, 8), Lon = Dbl(r, 9), Country = Str(r, 10),
        EvidenceBy = Str(r, 11), Score = Dbl(r, 12), Published = Str(r, 13), Source = Str(r, 14), Cluster = Str(r, 15),
    };

    /// <summary>The quote rows query for <paramref name="filter"/>; map rows with <see cref="ReadQuote"/>.</summary>
    public static string Quotes(CorpusFilter filter, SqlDialect sql, out Dictionary<string, object> parameters)
    {
        var where = LayerWhere(filter, sql, "d.published", ["q.speaker_actor"], "q.kind", upperType: false, out parameters);
        return $"""
            SELECT d.id, q.kind, q.content, q.content_start, q.content_end, q.cue, q.speaker, q.speaker_actor, q.speaker_canonical,
              q.evidence_by, d.published, d.source, d.cluster
            FROM quotes q JOIN documents d ON d.key = q.doc_key WHERE {where} ORDER BY q.doc_key, q.ord
            """;
    }

    /// <summary>A quote export row from a row of <see cref="Quotes"/>.</summary>
    public static QuoteRow ReadQuote(DbDataReader r) => new()
    {
        DocId = r.GetString(0), Kind = r.GetString(1), Content = r.GetString(2), ContentStart = r.GetInt32(3), ContentEnd = r.GetInt32(4),
        Cue = Str(r, 5), Speaker = Str(r, 6), SpeakerActor = Str(r, 7), SpeakerCanonical = Str(r, 8), EvidenceBy = Str(r, 9),
        Published = Str(r, 10), Source = Str(r, 11), Cluster = Str(r, 12),
    };

    /// <summary>Story clusters of at least <paramref name="minSize"/> matching documents, largest first (id, size).</summary>
    public static string Clusters(CorpusFilter filter, int minSize, SqlDialect sql, out Dictionary<string, object> parameters)
    {
        var text = $"""
            SELECT d.cluster, COUNT(*) AS n FROM documents d WHERE {DocumentWhere(filter, sql, out parameters)}
            GROUP BY d.cluster HAVING COUNT(*) >= {sql.P("min")} ORDER BY n DESC, MIN(d.key)
            """;
        parameters[sql.P("min")] = (long)Math.Max(1, minSize);
        return text;
    }

    /// <summary>The members of one story cluster (parameter <c>c</c>), in storage order.</summary>
    public static string ClusterMembers(SqlDialect sql) => $"SELECT id, source, published, title, url FROM documents WHERE cluster = {sql.P("c")} ORDER BY key";

    /// <summary>A story cluster from its id, size and member rows (<see cref="ClusterMembers"/>).</summary>
    public static StoryCluster Cluster(string id, int size, IEnumerable<DbDataReader> memberRows)
    {
        var members = new List<ClusterMember>(size);
        foreach (var m in memberRows) members.Add(new ClusterMember(m.GetString(0), Str(m, 1), Str(m, 2), Str(m, 3), Str(m, 4)));
        return new StoryCluster(id, size, members.FirstOrDefault(x => x.Id == id)?.Title ?? members.FirstOrDefault()?.Title, members);
    }

    /// <summary>The change feed after a sequence number (parameters <c>after</c>, <c>n</c>).</summary>
    public static string Changes(SqlDialect sql) =>
        $"SELECT seq, doc_id, version, op FROM changes WHERE seq > {sql.P("after")} ORDER BY seq LIMIT {sql.P("n")}";

    /// <summary>A change-feed entry from a row of <see cref="Changes"/>.</summary>
    public static DocumentChange ReadChange(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), r.GetString(3));

    /// <summary>Corpus statistics, asking counts and (key, count) pairs through the store's own connection.</summary>
    public static StoreStatistics Statistics(SqlDialect sql, Func<string, long> count, Func<string, List<KeyValuePair<string, long>>> pairs)
    {
        var c = sql.Binary;
        return new StoreStatistics(
            Documents: count("SELECT COUNT(*) FROM documents"),
            Clusters: count("SELECT COUNT(*) FROM (SELECT cluster FROM documents GROUP BY cluster HAVING COUNT(*) > 1) x"),
            ClusteredDocuments: count("SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM documents GROUP BY cluster HAVING COUNT(*) > 1) x"),
            Rejections: count("SELECT COUNT(*) FROM quarantine"),
            Events: count("SELECT COUNT(*) FROM events"),
            Entities: count("SELECT COUNT(*) FROM entities"),
            Quotes: count("SELECT COUNT(*) FROM quotes"),
            Times: count("SELECT COUNT(*) FROM times"),
            EventsByType: pairs($"SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC, type{c}"),
            EventsByActor: pairs($"""
                SELECT actor, COUNT(*) AS n FROM (SELECT source_actor AS actor FROM events WHERE source_actor IS NOT NULL
                  UNION ALL SELECT target_actor FROM events WHERE target_actor IS NOT NULL) x GROUP BY actor ORDER BY n DESC, actor{c}
                """),
            DocumentsByMonth: pairs($"SELECT month, COUNT(*) FROM (SELECT substr(published, 1, 7) AS month FROM documents) x GROUP BY month ORDER BY month{c} NULLS FIRST"),
            EventsByMonth: pairs($"""
                SELECT month, COUNT(*) FROM (SELECT substr(COALESCE(e.date, d.published), 1, 7) AS month FROM events e
                  JOIN documents d ON d.key = e.doc_key) x GROUP BY month ORDER BY month{c} NULLS FIRST
                """),
            PipelineVersions: pairs($"SELECT pipeline_version, COUNT(*) FROM documents GROUP BY pipeline_version ORDER BY pipeline_version{c}"));
    }

    /// <summary>(key, count) pairs from a two-column row, a NULL key shown as "(none)".</summary>
    public static KeyValuePair<string, long> ReadPair(DbDataReader r) =>
        new(r.IsDBNull(0) ? "(none)" : r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture));

    /// <summary>A nullable text column.</summary>
    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A nullable floating-point column.</summary>
    public static double? Dbl(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    /// <summary>A flag stored as an integer (SQLite) or a boolean (PostgreSQL).</summary>
    public static bool Flag(DbDataReader r, int i) => r.GetValue(i) switch
    {
        bool b => b,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0,
    };

    private static string LayerWhere(CorpusFilter filter, SqlDialect sql, string dateColumn, string[] actorColumns, string typeColumn, bool upperType,
        out Dictionary<string, object> parameters)
    {
        parameters = [];
        var where = new List<string> { "1=1" };
        AddDateRange(where, parameters, filter, dateColumn, sql);
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            var actor = sql.P("actor");
            where.Add("(" + string.Join(" OR ", actorColumns.Select(column => $"{column} {Like(actor)}")) + ")");
            parameters[actor] = LikePrefix(filter.Actor);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            where.Add($"{typeColumn} = {sql.P("type")}");
            parameters[sql.P("type")] = upperType ? filter.Type.ToUpperInvariant() : filter.Type.ToLowerInvariant();
        }

        return string.Join(" AND ", where);
    }

    private static void AddDateRange(List<string> where, Dictionary<string, object> parameters, CorpusFilter filter, string column, SqlDialect sql)
    {
        if (filter.From is { } from)
        {
            where.Add($"{column}{sql.Binary} >= {sql.P("from")}");
            parameters[sql.P("from")] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (filter.To is { } to)
        {
            // Dates may be months (2015-09) or days; compare as text (byte order) up to the end of the day.
            where.Add($"{column}{sql.Binary} <= {sql.P("to")}");
            parameters[sql.P("to")] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "~";
        }
    }

    // Actor codes are upper case; '%' and '_' in a user's prefix are matched literally in both databases.
    private static string Like(string parameter) => $"LIKE {parameter} ESCAPE '\\'";

    private static string LikePrefix(string actor) =>
        actor.ToUpperInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
