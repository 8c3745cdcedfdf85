using Rasid.Storage.Postgres;
using Rasid.Testing;

namespace Rasid.Storage.Tests;

/// <summary>The store contract on the embedded SQLite store.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override int LatestSchema => Migrations.Latest;

    protected override string NewLocation()
    {
        var dir = new TempDirectory();
        Cleanup(dir);
        return dir.File("rasid.db");
    }

    protected override IArticleStore Open(string location) => SqliteArticleStore.Open(location);
}

/// <summary>The store contract on the PostgreSQL store: each test gets its own database (skips without RASID_TEST_PG).</summary>
public sealed class PostgresStoreContractTests : StoreContractTests
{
    protected override int LatestSchema => PostgresMigrations.Latest;

    protected override string NewLocation()
    {
        var db = new PostgresTestDatabase();
        Cleanup(db);
        return db.ConnectionString;
    }

    protected override IArticleStore Open(string location) => PostgresArticleStore.Open(location);
}
