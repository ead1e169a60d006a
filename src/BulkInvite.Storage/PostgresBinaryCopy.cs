using Npgsql;
using NpgsqlTypes;

namespace BulkInvite.Storage;

/// <summary>
/// Appends rows to one table by binary COPY, one COPY per batch, in the connection's current
/// transaction. Each value is written as the column's type: text, integer, bigint or boolean.
/// </summary>
internal sealed class PostgresBinaryCopy(NpgsqlConnection connection, string table, IReadOnlyList<string> columns) : IBulkSink
{
    private readonly string _copy = $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";
    private readonly object?[] _values = new object?[columns.Count];

    public void Insert<T>(IReadOnlyList<T> items, Action<T, object?[]> fill)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        using var copy = connection.BeginBinaryImport(_copy);
        copy.Timeout = TimeSpan.Zero; // the batch's work grows with the file, as the check's statements' do
        foreach (var item in items)
        {
            fill(item, _values);
            copy.StartRow();
            foreach (var value in _values)
            {
                Write(copy, value);
            }
        }

        copy.Complete();
    }

    public void Dispose()
    {
    }

    private static void Write(NpgsqlBinaryImporter copy, object? value)
    {
        switch (value)
        {
            case null:
                copy.WriteNull();
                break;
            case string text:
                copy.Write(text, NpgsqlDbType.Text);
                break;
            case int number:
                copy.Write(number, NpgsqlDbType.Integer);
                break;
            case long number:
                copy.Write(number, NpgsqlDbType.Bigint);
                break;
            case bool flag:
                copy.Write(flag, NpgsqlDbType.Boolean);
                break;
            default:
                throw new ArgumentException($"Cannot copy a {value.GetType().Name}.", nameof(value));
        }
    }
}
