using System.CommandLine;

namespace Rasid.Cli;

/// <summary>Options shared by the commands that use the corpus store.</summary>
internal static class StoreOptions
{
    public const string DefaultDb = "rasid.db";

    public static Option<string> Db() => new("--db")
    {
        Description = "The corpus store (SQLite file; created when missing).",
        HelpName = "PATH",
        DefaultValueFactory = _ => DefaultDb,
    };

    /// <summary>For reading commands: the store must exist.</summary>
    public static string Existing(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"no corpus store at '{path}' (run 'rasid ingest' first, or pass --db PATH)");
        return path;
    }
}
