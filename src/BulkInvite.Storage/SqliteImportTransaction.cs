using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>
/// One IMMEDIATE transaction on one import: it takes SQLite's write lock at the start (waiting up
/// to the busy timeout for another writer), so what it reads cannot change before it commits.
/// Disposed without a commit, it rolls back.
/// </summary>
internal abstract class SqliteImportTransaction : IDisposable
{
    protected SqliteImportTransaction(SqliteConnection connection, string importId)
    {
        Connection = connection;
        ImportId = importId;
        try
        {
            Transaction = connection.BeginTransaction(deferred: false);
            Import = connection.QuerySingleOrDefault<ImportRow>(
                $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @importId", new { importId }, Transaction)?.ToRecord();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public ImportRecord? Import { get; }

    protected SqliteConnection Connection { get; }

    protected SqliteTransaction Transaction { get; }

    protected string ImportId { get; }

    /// <summary>Records the audit entry made from the import as stored, commits, and returns the import.</summary>
    protected ImportRecord Commit(Func<ImportRecord, AuditEvent> audit)
    {
        var stored = Connection.QuerySingle<ImportRow>(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @ImportId", new { ImportId }, Transaction).ToRecord();
        SqliteAuditLog.Insert(Connection, Transaction, audit(stored));
        Transaction.Commit();
        return stored;
    }

    /// <summary>A statement prepared once in this transaction, to run for many rows.</summary>
    protected SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    protected static void Run(SqliteCommand command, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Transaction.Dispose(); // rolls back unless committed
            Connection.Dispose();
        }
    }
}
