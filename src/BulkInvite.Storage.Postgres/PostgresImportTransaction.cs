using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using Dapper;
using Npgsql;

namespace BulkInvite.Storage.Postgres;

/// <summary>
/// One transaction on one import that first locks the import's row (SELECT … FOR UPDATE): a check
/// or an apply of the same import on any server waits for it, then reads what it stored, so
/// concurrent calls take turns as SQLite's single writer makes them. Disposed without a commit, it
/// rolls back.
/// </summary>
internal abstract class PostgresImportTransaction : IDisposable
{
    protected PostgresImportTransaction(NpgsqlConnection connection, string importId)
    {
        Connection = connection;
        ImportId = importId;
        try
        {
            Transaction = connection.BeginTransaction();
            Import = connection.QuerySingleOrDefault<ImportRow>(
                $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @importId FOR UPDATE", new { importId }, Transaction)?.ToRecord();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public ImportRecord? Import { get; }

    protected NpgsqlConnection Connection { get; }

    protected NpgsqlTransaction Transaction { get; }

    protected string ImportId { get; }

    /// <summary>Records the audit entry made from the import as stored, commits, and returns the import.</summary>
    protected ImportRecord Commit(Func<ImportRecord, AuditEvent> audit)
    {
        var stored = Connection.QuerySingle<ImportRow>(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @ImportId", new { ImportId }, Transaction).ToRecord();
        PostgresAuditLog.Insert(Connection, Transaction, audit(stored));
        Transaction.Commit();
        return stored;
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
