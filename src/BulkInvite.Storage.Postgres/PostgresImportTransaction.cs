using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
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
    /// <summary>
    /// No command timeout: a statement's work grows with the file (up to BulkInvite:MaxRows), and the
    /// row lock waits for whatever check or apply of the import holds it, as SQLite's writer queue does.
    /// </summary>
    protected const int Unlimited = 0;

    protected static readonly TimeSpan UnlimitedTime = TimeSpan.Zero;

    protected PostgresImportTransaction(NpgsqlConnection connection, string importId)
    {
        Connection = connection;
        ImportId = importId;
        try
        {
            Transaction = connection.BeginTransaction();
            Import = connection.QuerySingleOrDefault<ImportRow>(
                $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @importId FOR UPDATE", new { importId }, Transaction, Unlimited)?.ToRecord();
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

    protected string OrganizationId => Import?.OrganizationId ?? throw new InvalidOperationException("The import does not exist.");

    /// <summary>Records the audit entry made from the import as stored, commits, and returns the import.</summary>
    protected ImportRecord Commit(Func<ImportRecord, AuditEvent> audit)
    {
        var stored = Connection.QuerySingle<ImportRow>(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @ImportId", new { ImportId }, Transaction, Unlimited).ToRecord();
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
