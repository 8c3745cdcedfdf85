using Rasid.Storage.Postgres;

namespace Rasid.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL URL or connection string, or a SQLite file.</summary>
public static class ArticleStores
{
    /// <summary>Environment variable holding the default store (<c>postgres://user@host:port/db</c>, a connection string or a file).</summary>
    public const string EnvironmentVariable = "RASID_DB";

    /// <summary>Opens (creating and migrating when needed) the store named by <paramref name="db"/>.</summary>
    public static IArticleStore Open(string db, DedupOptions? dedup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        return PostgresArticleStore.IsPostgres(db) ? PostgresArticleStore.Open(db, dedup) : SqliteArticleStore.Open(db, dedup);
    }

    /// <summary>Where a store is, for messages (a file path, or a URL without password).</summary>
    public static string Describe(IArticleStore store) => store switch
    {
        SqliteArticleStore s => s.Path,
        PostgresArticleStore p => p.Description,
        _ => store.GetType().Name,
    };
}
