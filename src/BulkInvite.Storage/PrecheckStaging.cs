using System.Data;
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
/// Rows and diagnostics go in through the dialect's bulk sink, as the check at CheckImport stores them.
/// </summary>
internal sealed class PrecheckStaging : IPrecheckStaging
{
    /// <summary>Rows staged in one transaction at most: each holds SQLite's writer for a fraction of a second.</summary>
    public const int CommitRows = 25_000;

    private static readonly string[] RowColumns =
        ["import_key", "row_number", "email", "first_name", "last_name", "description", "normalized_email", "is_valid"];

    private static readonly string[] DiagnosticColumns = ["import_key", "row_number", "column_name", "code", "severity", "message", "value"];

    private readonly StoreDialect _dialect;
    private readonly DbConnection _connection;
    private readonly TimeProvider _clock;
    private DbTransaction? _transaction;
    private IBulkSink? _stageUsers;
    private IBulkSink? _addDiagnostics;
    private DbCommand? _stagedEmailAt;
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
        var command = _stagedEmailAt!;
        command.Parameters[1].Value = rowNumber;
        return command.ExecuteScalar() as string;
    }

    public void Stage(IReadOnlyList<StagedUser> users)
    {
        Begin();
        _stageUsers!.Insert(users, (user, values) =>
        {
            values[0] = ImportKey;
            values[1] = user.RowNumber;
            values[2] = user.Email;
            values[3] = user.FirstName;
            values[4] = user.LastName;
            values[5] = user.Description;
            values[6] = user.NormalizedEmail;
            values[7] = user.IsValid;
        });
        _pendingRows += users.Count;
    }

    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        Begin();
        _addDiagnostics!.Insert(diagnostics, (d, values) =>
        {
            values[0] = ImportKey;
            values[1] = d.RowNumber;
            values[2] = d.Column;
            values[3] = (int)d.Code;
            values[4] = (int)d.Severity;
            values[5] = d.Message;
            values[6] = d.Value;
        });
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
            DeleteStaged(_connection, transaction, _dialect, ImportKey);
        }

        transaction.Commit();
    }

    /// <summary>Deletes the rows and diagnostics staged under a key, inside the caller's transaction.</summary>
    internal static void DeleteStaged(DbConnection connection, DbTransaction transaction, StoreDialect dialect, long importKey)
    {
        connection.Execute("DELETE FROM import_rows WHERE import_key = @importKey", new { importKey }, transaction, dialect.GrowingWorkTimeout);
        connection.Execute("DELETE FROM diagnostics WHERE import_key = @importKey", new { importKey }, transaction, dialect.GrowingWorkTimeout);
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

        _stageUsers = _dialect.OpenBulkSink(_connection, _transaction, "import_rows", RowColumns);
        _addDiagnostics = _dialect.OpenBulkSink(_connection, _transaction, "diagnostics", DiagnosticColumns);
        // Prepared once a transaction: the check asks for every duplicate it finds.
        _stagedEmailAt = _connection.CreateCommand();
        _stagedEmailAt.Transaction = _transaction;
        _stagedEmailAt.CommandText = "SELECT normalized_email FROM import_rows WHERE import_key = @import_key AND row_number = @row_number";
        AddParameter(_stagedEmailAt, "import_key", DbType.Int64, ImportKey);
        AddParameter(_stagedEmailAt, "row_number", DbType.Int32, 0);
        _stagedEmailAt.Prepare();
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
        _stageUsers?.Dispose();
        _addDiagnostics?.Dispose();
        _stagedEmailAt?.Dispose();
        _transaction?.Dispose();
        (_stageUsers, _addDiagnostics, _stagedEmailAt, _transaction) = (null, null, null, null);
        _pendingRows = 0;
    }

    private static void AddParameter(DbCommand command, string name, DbType type, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
