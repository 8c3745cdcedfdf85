using System.CommandLine;

namespace Rasid.Cli;

/// <summary>Options shared by the commands that use the corpus store.</summary>
internal static class StoreOptions
{
    public const string DefaultDb = "rasid.db";

    public static Option<string> Db() => new("--db")
    {
        Description = "The corpus store: a SQLite file (created when missing), or PostgreSQL as postgres://user@host:port/db or an Npgsql connection string. Default: $RASID_DB, else rasid.db.",
        HelpName = "PATH|URL",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Storage.ArticleStores.EnvironmentVariable) is { Length: > 0 } env ? env : DefaultDb,
    };

    /// <summary>For reading commands: the store must exist.</summary>
    public static string Existing(string path)
    {
        if (Storage.Postgres.PostgresArticleStore.IsPostgres(path)) return path;
        if (!File.Exists(path)) throw new UsageException($"no corpus store at '{path}' (run 'rasid ingest' first, or pass --db PATH)");
        return path;
    }
}
