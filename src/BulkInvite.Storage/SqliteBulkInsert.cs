using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BulkInvite.Storage;

/// <summary>
/// Inserts many rows into one table through one prepared statement, bound and stepped with SQLite's
/// own API (SQLitePCLRaw, which Microsoft.Data.Sqlite is built on). Measured on a million staged rows:
/// about 2 s this way against about 10 s through SqliteCommand, whose per-execution parameter binding
/// (a lookup by name for every parameter) dominated the check. Runs in the connection's current
/// transaction, like any other command on it.
/// </summary>
internal sealed class SqliteBulkInsert : IBulkSink
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly object?[] _values;
    private byte[] _text = ArrayPool<byte>.Shared.Rent(1024);

    public SqliteBulkInsert(SqliteConnection connection, string table, IReadOnlyList<string> columns)
    {
        _connection = connection;
        _values = new object?[columns.Count];
        var placeholders = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => "?" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Check(raw.sqlite3_prepare_v2(Database, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({placeholders})", out _statement));
    }

    private sqlite3 Database => _connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

    public void Insert<T>(IReadOnlyList<T> items, Action<T, object?[]> fill)
    {
        foreach (var item in items)
        {
            fill(item, _values);
            for (var i = 0; i < _values.Length; i++)
            {
                Bind(i + 1, _values[i]);
            }

            var step = raw.sqlite3_step(_statement);
            if (step != raw.SQLITE_DONE)
            {
                var message = raw.sqlite3_errmsg(Database).utf8_to_string();
                raw.sqlite3_reset(_statement);
                throw new SqliteException(message, step);
            }

            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose()
    {
        raw.sqlite3_finalize(_statement);
        ArrayPool<byte>.Shared.Return(_text);
    }

    private void Bind(int index, object? value)
    {
        var result = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => BindText(index, text),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name}.", nameof(value)),
        };
        Check(result);
    }

    // SQLite copies the bytes (SQLITE_TRANSIENT), so one buffer serves every value.
    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > _text.Length)
        {
            ArrayPool<byte>.Shared.Return(_text);
            _text = ArrayPool<byte>.Shared.Rent(length);
        }

        var written = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written));
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(Database).utf8_to_string(), result);
        }
    }
}
