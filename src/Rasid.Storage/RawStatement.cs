using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rasid.Storage;

/// <summary>
/// A prepared SQLite statement on a <see cref="SqliteConnection"/>'s own handle, bound by position (<c>?1</c>,
/// <c>?2</c>…) through SQLitePCL.raw, the layer Microsoft.Data.Sqlite itself calls. The store's writer inserts tens of
/// rows per document; Microsoft.Data.Sqlite looks every parameter up by name and converts it to UTF-8 on each
/// execution, which cost more than SQLite's own insert. Used only on the writer connection, inside its transactions.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <summary>Prepares <paramref name="sql"/> (one statement) on <paramref name="connection"/>, which must be open.</summary>
    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds an integer (null: SQL NULL).</summary>
    public void Bind(int index, long? value) => Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>Binds a real number (null: SQL NULL).</summary>
    public void Bind(int index, double? value) => Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>Binds text, passed as UTF-16 for SQLite to convert (null: SQL NULL).</summary>
    public void Bind(int index, string? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));

    /// <summary>Binds a blob (null: SQL NULL).</summary>
    public void Bind(int index, byte[]? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_blob(_statement, index, value.AsSpan()));

    /// <summary>Runs the statement to its end (an INSERT or UPDATE) and resets it for the next row.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
    }
}
