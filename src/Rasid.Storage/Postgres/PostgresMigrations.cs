using Npgsql;

namespace Rasid.Storage.Postgres;

/// <summary>
/// Versioned schema migrations of the PostgreSQL store, applied in order on open under an advisory lock (so several
/// workers starting at once migrate once). Applied versions are recorded in <c>rasid_schema</c>. Add a migration by
/// appending to <see cref="All"/>; never edit an applied one.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Advisory lock key taken while migrating (arbitrary, fixed).</summary>
    private const long MigrationLock = 0x5241_5349_4401;

    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> All =
    [
        (1, "documents, layers, story clusters (LSH), quarantine, change feed, full-text search", """
            -- Arabic search normalisation (alef variants, ta marbuta, alef maqsura, tatweel, harakat): the same function
            -- builds the stored tsvector and the query, so both sides agree.
            CREATE OR REPLACE FUNCTION rasid_normalize(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
              SELECT translate(regexp_replace(t, '[ً-ْـٰ]', '', 'g'), 'أإآٱةى', 'ااااهي')
            $f$;
            CREATE TABLE documents(
              key bigserial PRIMARY KEY,
              id text NOT NULL UNIQUE,
              content_hash text NOT NULL UNIQUE,
              origin text NOT NULL,
              source text, url text, title text, published text,
              cluster text NOT NULL,
              pipeline_version text NOT NULL,
              version integer NOT NULL DEFAULT 1,
              ingested_at timestamptz NOT NULL,
              updated_at timestamptz NOT NULL,
              text_length integer NOT NULL,
              shingles integer,
              minhash bytea,
              json bytea NOT NULL,
              tsv tsvector);
            CREATE INDEX documents_cluster ON documents(cluster);
            CREATE INDEX documents_published ON documents(published);
            CREATE INDEX documents_pipeline ON documents(pipeline_version);
            CREATE INDEX documents_tsv ON documents USING gin(tsv);
            CREATE TABLE lsh(band_key bigint NOT NULL, doc_key bigint NOT NULL, PRIMARY KEY(band_key, doc_key));
            CREATE TABLE entities(doc_key bigint NOT NULL, ord integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
              text text NOT NULL, type text NOT NULL, actor text, canonical text, place_name text, lat double precision,
              lon double precision, country text, evidence_by text, score double precision, PRIMARY KEY(doc_key, ord));
            CREATE INDEX entities_actor ON entities(actor text_pattern_ops);
            CREATE INDEX entities_type ON entities(type);
            CREATE INDEX entities_place ON entities(country, place_name);
            CREATE TABLE quotes(doc_key bigint NOT NULL, ord integer NOT NULL, kind text NOT NULL, content_start integer NOT NULL,
              content_end integer NOT NULL, content text NOT NULL, cue text, speaker text, speaker_actor text, speaker_canonical text,
              evidence_by text, PRIMARY KEY(doc_key, ord));
            CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor text_pattern_ops);
            CREATE TABLE times(doc_key bigint NOT NULL, ord integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
              text text NOT NULL, value text, kind text NOT NULL, evidence_by text, PRIMARY KEY(doc_key, ord));
            CREATE TABLE events(doc_key bigint NOT NULL, ord integer NOT NULL, event_id text NOT NULL, type text NOT NULL, cameo text,
              mode text, source_actor text, source_text text, target_actor text, target_text text, trigger text NOT NULL,
              trigger_start integer NOT NULL, trigger_end integer NOT NULL, date text, date_from_article boolean NOT NULL,
              negated boolean NOT NULL, place_name text, lat double precision, lon double precision, country text, evidence_by text,
              score double precision, PRIMARY KEY(doc_key, ord));
            CREATE INDEX events_type ON events(type);
            CREATE INDEX events_date ON events(date);
            CREATE INDEX events_source_actor ON events(source_actor text_pattern_ops);
            CREATE INDEX events_target_actor ON events(target_actor text_pattern_ops);
            CREATE INDEX events_place ON events(country, place_name);
            CREATE TABLE quarantine(key bigserial PRIMARY KEY, origin text NOT NULL, reason text NOT NULL, first_seen timestamptz NOT NULL,
              last_seen timestamptz NOT NULL, times integer NOT NULL DEFAULT 1, UNIQUE(origin, reason));
            CREATE TABLE changes(seq bigserial PRIMARY KEY, doc_key bigint NOT NULL, doc_id text NOT NULL,
              version integer NOT NULL, op text NOT NULL, at timestamptz NOT NULL);
            CREATE TABLE store_info(key text PRIMARY KEY, value text NOT NULL);
            """),
        (2, "work queue: raw articles claimed by workers with leases, attempts and a quarantine after repeated failures", """
            CREATE TABLE work_queue(
              id bigserial PRIMARY KEY,
              content_hash text NOT NULL UNIQUE,
              origin text NOT NULL,
              article jsonb NOT NULL,
              state text NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'done', 'failed')),
              attempts integer NOT NULL DEFAULT 0,
              claimed_by text,
              lease_until timestamptz,
              last_error text,
              enqueued_at timestamptz NOT NULL DEFAULT now(),
              done_at timestamptz);
            CREATE INDEX work_queue_ready ON work_queue(id) WHERE state = 'ready';
            CREATE TABLE work_log(queue_id bigint NOT NULL, worker text NOT NULL, at timestamptz NOT NULL DEFAULT now(), outcome text NOT NULL);
            """),
    ];

    /// <summary>The newest schema version.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>Applies every migration above the database's version in one transaction (PostgreSQL DDL is transactional).</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer Rasid.</exception>
    public static int Apply(NpgsqlConnection connection)
    {
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, tx, "CREATE TABLE IF NOT EXISTS rasid_schema(version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM rasid_schema", connection, tx))
        {
            var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (current > Latest) throw new InvalidOperationException($"the store has schema version {current}, newer than this Rasid supports ({Latest}); upgrade Rasid");
            foreach (var (version, description, sql) in All)
            {
                if (version <= current) continue;
                Execute(connection, tx, sql);
                using var record = new NpgsqlCommand("INSERT INTO rasid_schema(version, description) VALUES (@v, @d)", connection, tx);
                record.Parameters.AddWithValue("v", version);
                record.Parameters.AddWithValue("d", description);
                record.ExecuteNonQuery();
                current = version;
            }

            tx.Commit();
            return current;
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, tx);
        command.ExecuteNonQuery();
    }
}
