using Microsoft.Data.Sqlite;

namespace Rasid.Storage;

/// <summary>
/// Versioned schema migrations of the SQLite store, applied in order on open (the applied version is kept in
/// <c>PRAGMA user_version</c>). Add a migration by appending to <see cref="All"/>; never edit an applied one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> All =
    [
        (1, "documents, layers, story clusters (LSH), quarantine, change feed", """
            CREATE TABLE documents(
              key INTEGER PRIMARY KEY,
              id TEXT NOT NULL UNIQUE,
              content_hash TEXT NOT NULL UNIQUE,
              origin TEXT NOT NULL,
              source TEXT, url TEXT, title TEXT, published TEXT,
              cluster TEXT NOT NULL,
              pipeline_version TEXT NOT NULL,
              version INTEGER NOT NULL DEFAULT 1,
              ingested_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              text_length INTEGER NOT NULL,
              shingles INTEGER,
              minhash BLOB,
              json BLOB NOT NULL);
            CREATE INDEX documents_cluster ON documents(cluster);
            CREATE INDEX documents_published ON documents(published);
            CREATE INDEX documents_pipeline ON documents(pipeline_version);
            CREATE TABLE lsh(band_key INTEGER NOT NULL, doc_key INTEGER NOT NULL, PRIMARY KEY(band_key, doc_key)) WITHOUT ROWID;
            CREATE TABLE entities(doc_key INTEGER NOT NULL, ord INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
              text TEXT NOT NULL, type TEXT NOT NULL, actor TEXT, canonical TEXT, place_name TEXT, lat REAL, lon REAL, country TEXT,
              evidence_by TEXT, score REAL, PRIMARY KEY(doc_key, ord)) WITHOUT ROWID;
            CREATE INDEX entities_actor ON entities(actor);
            CREATE INDEX entities_type ON entities(type);
            CREATE TABLE quotes(doc_key INTEGER NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL, content_start INTEGER NOT NULL,
              content_end INTEGER NOT NULL, content TEXT NOT NULL, cue TEXT, speaker TEXT, speaker_actor TEXT, speaker_canonical TEXT,
              evidence_by TEXT, PRIMARY KEY(doc_key, ord)) WITHOUT ROWID;
            CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor);
            CREATE TABLE times(doc_key INTEGER NOT NULL, ord INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
              text TEXT NOT NULL, value TEXT, kind TEXT NOT NULL, evidence_by TEXT, PRIMARY KEY(doc_key, ord)) WITHOUT ROWID;
            CREATE TABLE events(doc_key INTEGER NOT NULL, ord INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, cameo TEXT,
              mode TEXT, source_actor TEXT, source_text TEXT, target_actor TEXT, target_text TEXT, trigger TEXT NOT NULL,
              trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, date TEXT, date_from_article INTEGER NOT NULL,
              negated INTEGER NOT NULL, place_name TEXT, lat REAL, lon REAL, country TEXT, evidence_by TEXT, score REAL,
              PRIMARY KEY(doc_key, ord)) WITHOUT ROWID;
            CREATE INDEX events_type ON events(type);
            CREATE INDEX events_date ON events(date);
            CREATE INDEX events_source_actor ON events(source_actor);
            CREATE INDEX events_target_actor ON events(target_actor);
            CREATE TABLE quarantine(key INTEGER PRIMARY KEY, origin TEXT NOT NULL, reason TEXT NOT NULL, first_seen TEXT NOT NULL,
              last_seen TEXT NOT NULL, times INTEGER NOT NULL DEFAULT 1, UNIQUE(origin, reason));
            CREATE TABLE changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_key INTEGER NOT NULL, doc_id TEXT NOT NULL,
              version INTEGER NOT NULL, op TEXT NOT NULL, at TEXT NOT NULL);
            CREATE TABLE store_info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """),
    ];

    /// <summary>The newest schema version.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>Applies every migration above the database's version, each in its own transaction.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer Rasid.</exception>
    public static int Apply(SqliteConnection connection)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Latest) throw new InvalidOperationException($"the store has schema version {current}, newer than this Rasid supports ({Latest}); upgrade Rasid");
        foreach (var (version, _, sql) in All)
        {
            if (version <= current) continue;
            using var tx = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = tx;
                command.CommandText = sql + $"\nPRAGMA user_version = {version};";
                command.ExecuteNonQuery();
            }

            tx.Commit();
            current = version;
        }

        return current;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
