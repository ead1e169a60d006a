using System.Data.Common;
using System.Globalization;
using BulkInvite.Storage.Rows;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>
/// SQLite: one database file in write-ahead-log mode, one writer at a time. A write transaction
/// takes the write lock when it begins (BEGIN IMMEDIATE), so what it read cannot change before it
/// commits, and needs no row locks.
/// </summary>
public sealed class SqliteDialect(StorageOptions options) : StoreDialect
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY, SQLite's extended result codes.
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    private readonly string _connectionString = new SqliteConnectionStringBuilder(options.ConnectionString)
    {
        ForeignKeys = true,
        Pooling = true,
    }.ToString();

    public StorageOptions Options => options;

    /// <summary>
    /// Every connection waits up to Storage:BusyTimeout for the writer, and never checkpoints the
    /// write-ahead log itself (wal_autocheckpoint = 0): a large check would otherwise pay for copying
    /// every page it wrote before its caller gets an answer. The log is checkpointed off the request
    /// path (<see cref="SqliteCheckpoint"/>), and cut back to Storage:WalCheckpointBytes whenever it
    /// starts over (journal_size_limit).
    /// </summary>
    public override DbConnection Open() => Open(autoCheckpointPages: 0);

    public override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Open());

    /// <summary>
    /// The dispatcher writes a token and an acknowledgement for every email, one after the other, so
    /// the periodic checkpoint never finds the log copied to its end (new frames arrive while it
    /// copies) and the log never starts over: 2 GB after 100,000 emails. Its connections copy the log
    /// themselves once it passes Storage:WalCheckpointBytes, right after their commit (a passive
    /// checkpoint, which no writer waits for); the next write then starts the log over.
    /// </summary>
    internal override ValueTask<DbConnection> OpenForBackgroundWritesAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbConnection>(Open(autoCheckpointPages: options.WalCheckpointPages));

    internal override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    internal override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BeginWrite(connection));

    internal override string RowLock => "";

    internal override string? LockUploadsOfOrganization => null;

    internal override string InList(string parameter) => "IN " + parameter;

    internal override int? GrowingWorkTimeout => null;

    internal override long NextImportKey(DbConnection connection, DbTransaction? transaction) =>
        connection.ExecuteScalar<long>("UPDATE import_key_sequence SET last_key = last_key + 1 RETURNING last_key", transaction: transaction);

    internal override IBulkSink OpenBulkSink(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
        new SqliteBulkInsert((SqliteConnection)connection, table, columns);

    // Rows are read in row order, so the invitations' ids (apply key × 2^32 + row number) are written
    // in order too; the partial unique index skips addresses that already have a pending
    // invitation. Each invitation's row carries its queued email.
    internal override int InviteAndQueue(DbConnection connection, DbTransaction transaction, object parameters) =>
        connection.Execute(
            "INSERT INTO invitations (invitation_id, organization_id, normalized_email, status, create_time, expire_time, update_time, " +
            "emails, delivery_state, next_attempt_time) " +
            "SELECT @ApplyKey * 4294967296 + s.row_number, @organizationId, s.normalized_email, 'pending', @now, @expireTime, @now, 1, 'queued', @now " +
            "FROM import_rows s " +
            "WHERE s.import_key = @ImportKey AND s.is_valid = 1 " +
            "AND NOT EXISTS (SELECT 1 FROM members b WHERE b.organization_id = @organizationId AND b.normalized_email = s.normalized_email) " +
            "ON CONFLICT DO NOTHING",
            parameters,
            transaction);

    internal override string AlreadyInvitedWarnings =>
        "INSERT INTO diagnostics (import_key, row_number, column_name, code, severity, message, value) " +
        "SELECT s.import_key, s.row_number, @Column, @Code, @Severity, @message, s.email " +
        "FROM import_rows s JOIN invitations i ON i.organization_id = @OrganizationId AND i.normalized_email = s.normalized_email " +
        "AND i.status = 'pending' AND i.expire_time > @now " +
        "WHERE s.import_key = @ImportKey AND s.is_valid = 1";

    internal override string AlreadyMemberWarnings =>
        "INSERT INTO diagnostics (import_key, row_number, column_name, code, severity, message, value) " +
        "SELECT s.import_key, s.row_number, @Column, @Code, @Severity, @message, s.email " +
        "FROM import_rows s JOIN members b ON b.organization_id = @OrganizationId AND b.normalized_email = s.normalized_email " +
        "WHERE s.import_key = @ImportKey AND s.is_valid = 1";

    // The write lock keeps any other dispatcher out until the claim commits.
    internal override async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DbConnection connection, object parameters, CancellationToken cancellationToken)
    {
        await using var transaction = BeginWrite(connection);
        var claimed = (await connection.QueryAsync<long>(new CommandDefinition(
            "UPDATE invitations SET delivery_attempts = delivery_attempts + 1, next_attempt_time = @claimedUntil WHERE invitation_id IN (" +
            "SELECT invitation_id FROM invitations WHERE delivery_state = 'queued' AND next_attempt_time <= @now " +
            "ORDER BY next_attempt_time, invitation_id LIMIT @limit) RETURNING invitation_id",
            parameters, transaction, cancellationToken: cancellationToken))).ToList();
        if (claimed.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            $"SELECT i.invitation_id, i.emails AS sequence, i.delivery_attempts AS attempts, {OutboxRow.Columns} FROM invitations i {InvitationPerson.Joins}" +
            "WHERE i.invitation_id IN @claimed ORDER BY i.invitation_id",
            new { claimed }, transaction, cancellationToken: cancellationToken))).ToList();
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    internal override string? DeleteStoredFile => null;

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraint or PrimaryKeyConstraint };

    internal override UpgradeEngineBuilder MigrationTarget() =>
        DeployChanges.To.SqliteDatabase(_connectionString).JournalToSqliteTable("schema_versions");

    internal override string MigrationScriptPrefix => "BulkInvite.Storage.Migrations.";

    internal override IDisposable PrepareMigration()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL");
        return new Nothing();
    }

    private SqliteConnection Open(int autoCheckpointPages)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; " +
            $"PRAGMA wal_autocheckpoint = {autoCheckpointPages}; PRAGMA journal_size_limit = {options.WalCheckpointBytes};");
        command.ExecuteNonQuery();
        return connection;
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
