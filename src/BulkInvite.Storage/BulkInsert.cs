using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>
/// Inserts many rows into one table through prepared multi-row INSERT statements (64 rows each, then
/// one statement for the rest), which costs far less per row than one statement per row.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private const int RowsPerStatement = 64;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly SqliteCommand _full;
    private readonly object?[] _values;

    public BulkInsert(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _values = new object?[columns.Length];
        _full = Prepare(RowsPerStatement);
    }

    /// <summary>Inserts the items; <paramref name="fill"/> writes one item's column values.</summary>
    public void Insert<T>(IReadOnlyList<T> items, Action<T, object?[]> fill)
    {
        var index = 0;
        for (; index + RowsPerStatement <= items.Count; index += RowsPerStatement)
        {
            Run(_full, items, index, RowsPerStatement, fill);
        }

        if (index < items.Count)
        {
            using var rest = Prepare(items.Count - index);
            Run(rest, items, index, items.Count - index, fill);
        }
    }

    public void Dispose() => _full.Dispose();

    private void Run<T>(SqliteCommand command, IReadOnlyList<T> items, int start, int count, Action<T, object?[]> fill)
    {
        var parameter = 0;
        for (var i = start; i < start + count; i++)
        {
            fill(items[i], _values);
            foreach (var value in _values)
            {
                command.Parameters[parameter++].Value = value ?? DBNull.Value;
            }
        }

        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var tuples = new string[rows];
        for (var row = 0; row < rows; row++)
        {
            var names = new string[_columns.Length];
            for (var column = 0; column < _columns.Length; column++)
            {
                names[column] = $"$p{row}_{column}";
                command.Parameters.Add(new SqliteParameter { ParameterName = names[column] });
            }

            tuples[row] = "(" + string.Join(", ", names) + ")";
        }

        command.CommandText = $"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES {string.Join(", ", tuples)}";
        command.Prepare();
        return command;
    }
}
