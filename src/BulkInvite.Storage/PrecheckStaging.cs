using System.Data.Common;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// What a check while uploading stages, on a connection of its own, in short write transactions:
/// each begins by reading (and, on PostgreSQL, locking) the pre-check's row in prechecks, and throws
/// <see cref="PrecheckTakenOverException"/> when it is gone; it commits every
/// <see cref="CommitRows"/> rows, and whenever the check's writer is about to wait for the upload
/// (<see cref="Drained"/>), so SQLite's one writer is never held while a slow client sends.
/// Rows and diagnostics go in through <see cref="StagedRows"/>, as the check at CheckImport stores them.
/// </summary>
internal sealed class PrecheckStaging : IPrecheckStaging
{
    /// <summary>Rows staged in one transaction at most: each holds SQLite's writer for a fraction of a second.</summary>
    public const int CommitRows = 25_000;

    private readonly StoreDialect _dialect;
    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;
    private DbTransaction? _transaction;
    private StagedRows? _staged;
    private int _pendingRows;

    private PrecheckStaging(StoreDialect dialect, DbConnection connection, TimeProvider clock, long importKey)
    {
        _dialect = dialect;
        _connection = connection;
        _clock = clock;
        ImportKey = importKey;
    }

    public long ImportKey { get; }

    /// <summary>Reserves the import's key and records the pre-check, in one short transaction.</summary>
    public static PrecheckStaging Begin(StoreDialect dialect, TimeProvider clock, string importId, DateTimeOffset now)
    {
        var connection = dialect.Open();
        try
        {
            using var transaction = dialect.BeginWrite(connection);
            var importKey = dialect.NextImportKey(connection, transaction);
            connection.Execute(
                "INSERT INTO prechecks (import_id, import_key, state, start_time, update_time) VALUES (@importId, @importKey, @running, @now, @now)",
                new { importId, importKey, running = PrecheckRow.Running, now = now.ToUnixTimeMilliseconds() },
                transaction);
            transaction.Commit();
            return new PrecheckStaging(dialect, connection, clock, importKey);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public string? StagedEmailAt(int rowNumber)
    {
        Begin();
        return _staged!.StagedEmailAt(rowNumber);
    }

    public void Stage(IReadOnlyList<StagedUser> users)
    {
        Begin();
        _staged!.Stage(users);
        _pendingRows += users.Count;
    }

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        Begin();
        _staged!.AddDiagnostics(diagnostics);
        if (_pendingRows >= CommitRows)
        {
            Commit(); // after a batch's diagnostics, so a batch is committed whole
        }
    }

    public void Drained()
    {
        if (_transaction is not null)
        {
            Commit();
        }
    }

    public void Finish(CheckResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        Begin();
        _connection.Execute(
            "UPDATE prechecks SET state = @complete, total_rows = @TotalRows, valid_rows = @ValidRows, invalid_rows = @InvalidRows, " +
            "column_mappings = @columns, update_time = @now WHERE import_key = @ImportKey",
            new
            {
                complete = PrecheckRow.Complete,
                result.TotalRows,
                result.ValidRows,
                result.InvalidRows,
                columns = ColumnMappingsJson.Serialize(result.Columns),
                now = now.ToUnixTimeMilliseconds(),
                ImportKey,
            },
            _transaction);
        Commit();
    }

    public void Discard()
    {
        EndTransaction(); // rolls back what was not committed
        using var transaction = _dialect.BeginWrite(_connection);
        var owned = _connection.Execute("DELETE FROM prechecks WHERE import_key = @ImportKey", new { ImportKey }, transaction) > 0;
        if (owned)
        {
            StagedRows.Delete(_connection, transaction, _dialect, ImportKey);
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        EndTransaction();
        _connection.Dispose();
    }

    /// <summary>Begins the next transaction unless one is open: the pre-check must still be wanted.</summary>
    private void Begin()
    {
        if (_transaction is not null)
        {
            return;
        }

        _transaction = _dialect.BeginWrite(_connection);
        var wanted = _connection.ExecuteScalar<long?>(
            $"SELECT i.import_key FROM prechecks i WHERE i.import_key = @ImportKey {_dialect.RowLock}", new { ImportKey }, _transaction);
        if (wanted is null)
        {
            EndTransaction();
            throw new PrecheckTakenOverException();
        }

        _staged = new StagedRows(_dialect, _connection, _transaction, ImportKey);
    }

    private void Commit()
    {
        _connection.Execute(
            "UPDATE prechecks SET update_time = @now WHERE import_key = @ImportKey",
            new { now = _clock.GetUtcNow().ToUnixTimeMilliseconds(), ImportKey },
            _transaction);
        _transaction!.Commit();
        EndTransaction();
    }

    private void EndTransaction()
    {
        _staged?.Dispose();
        _transaction?.Dispose();
        (_staged, _transaction) = (null, null);
        _pendingRows = 0;
    }
}
