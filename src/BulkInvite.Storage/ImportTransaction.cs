using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// One write transaction on one import, which it reads first (locking its row on PostgreSQL): a
/// check or an apply of the same import, on any server, waits for it and then reads what it stored.
/// </summary>
internal abstract class ImportTransaction(StoreDialect dialect, DbConnection connection, string importId)
    : WriteTransaction(dialect, connection)
{
    public ImportRecord? Import { get; private set; }

    protected string ImportId { get; } = importId;

    /// <summary>The key the import's rows and diagnostics carry.</summary>
    protected long ImportKey { get; private set; }

    protected string OrganizationId => Import?.OrganizationId ?? throw new InvalidOperationException("The import does not exist.");

    protected override void Load()
    {
        var row = Connection.QuerySingleOrDefault<ImportRow>(
            $"SELECT {ImportRow.KeyedColumns} FROM imports i WHERE i.import_id = @ImportId AND i.delete_time IS NULL {Dialect.RowLock}",
            new { ImportId }, Transaction, Dialect.GrowingWorkTimeout);
        Import = row?.ToRecord();
        ImportKey = row?.ImportKey ?? 0;
    }

    /// <summary>Records the audit entry made from the import as stored, commits, and returns the import.</summary>
    protected ImportRecord Commit(Func<ImportRecord, AuditEvent> audit)
    {
        var stored = Connection.QuerySingle<ImportRow>(
            $"SELECT {ImportRow.Columns} FROM imports WHERE import_id = @ImportId", new { ImportId }, Transaction, Dialect.GrowingWorkTimeout).ToRecord();
        AuditLog.Record(Connection, Transaction, audit(stored));
        Transaction.Commit();
        return stored;
    }
}
