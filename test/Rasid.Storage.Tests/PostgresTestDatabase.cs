using Npgsql;

namespace Rasid.Storage.Tests;

/// <summary>
/// A fresh PostgreSQL database for one test, created on the server named by <c>RASID_TEST_PG</c> (an Npgsql connection
/// string; .ci/services.sh starts a loopback server and sets it) and dropped on dispose. Skips the test with the reason
/// when the variable is unset or the server does not answer.
/// </summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "RASID_TEST_PG";

    private static readonly Lazy<string?> Unavailable = new(Probe);
    private readonly string _admin;

    public PostgresTestDatabase()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);
        _admin = Environment.GetEnvironmentVariable(Variable)!;
        Name = "rasid_t_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {Name} ENCODING 'UTF8' TEMPLATE template0", connection);
        command.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>The admin connection string (for tests that also need the server-level view).</summary>
    public static string? Admin => Environment.GetEnvironmentVariable(Variable);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server went away (a fault test): the database is dropped with the server's data folder in CI.
        }
    }

    private static string? Probe()
    {
        var cs = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(cs)) return $"{Variable} is not set (an Npgsql connection string to a PostgreSQL server for tests; .ci/services.sh starts one and sets it).";
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Timeout = 5 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            return $"the PostgreSQL server in {Variable} does not answer: {ex.Message}";
        }
    }
}
