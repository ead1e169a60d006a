using System.Data.Common;
using BulkInvite.Storage.Rows;
using DbUp.Builder;

namespace BulkInvite.Storage;

/// <summary>
/// What differs between the engines the store runs on, and nothing else: the repositories and
/// transactions are written once over it. <see cref="SqliteDialect"/> and
/// <see cref="PostgresDialect"/> are the whole list; a statement both engines run alike is not here.
/// Parameters that may be NULL are cast in the shared SQL (CAST(@x AS TEXT)), which both engines
/// read alike, so typed NULLs are not a difference.
/// </summary>
public abstract class StoreDialect : IDisposable
{
    /// <summary>An open connection with the engine's per-connection settings.</summary>
    public abstract DbConnection Open();

    /// <inheritdoc cref="Open"/>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for the email dispatcher's writes, which go on without a pause while emails go
    /// out and may pay for housekeeping no caller waits for.
    /// </summary>
    internal virtual ValueTask<DbConnection> OpenForBackgroundWritesAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// Begins a transaction that writes and must not see what it read change before it commits:
    /// SQLite takes its one write lock at once; PostgreSQL runs a normal transaction whose reads lock
    /// the rows they need (<see cref="RowLock"/>).
    /// </summary>
    internal abstract DbTransaction BeginWrite(DbConnection connection);

    /// <inheritdoc cref="BeginWrite"/>
    internal abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a SELECT inside a write transaction whose table to lock is aliased i: the rows read stay
    /// locked until the transaction ends (PostgreSQL), or nothing (SQLite's writer holds the whole
    /// database already).
    /// </summary>
    internal abstract string RowLock { get; }

    /// <summary>
    /// Makes the write transaction the only one counting and starting the organization's resumable
    /// uploads until it ends (PostgreSQL: a transaction-scoped advisory lock, parameter
    /// @organizationId); null when the writer already is the only one (SQLite).
    /// </summary>
    internal abstract string? LockUploadsOfOrganization { get; }

    /// <summary>
    /// Ends a condition on a column with "is one of the list parameter": SQLite's IN @list (Dapper
    /// expands the list into one parameter per value), PostgreSQL's = ANY(@list) (Npgsql sends the
    /// list as one array, which IN cannot take). The parameter must be an array.
    /// </summary>
    internal abstract string InList(string parameter);

    /// <summary>The command timeout, in seconds, of a statement whose work grows with the file; null for the driver's default.</summary>
    internal abstract int? GrowingWorkTimeout { get; }

    /// <summary>
    /// Hands out a new import key, inside the transaction when one is given: SQLite counts in
    /// import_key_sequence (under its write lock), PostgreSQL takes the next value of import_keys.
    /// </summary>
    internal abstract long NextImportKey(DbConnection connection, DbTransaction? transaction);

    /// <summary>Appends many rows to one table inside the transaction, the fastest way the engine has.</summary>
    internal abstract IBulkSink OpenBulkSink(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns);

    /// <summary>
    /// Invites every valid row of the import whose address is not a member's and has no pending
    /// invitation, with the id <see cref="Rows.InvitationPerson.IdOf"/>(@ApplyKey, row number), and
    /// queues one email for each; returns how many. Parameters: @ImportKey, @ApplyKey,
    /// @organizationId, @now, @expireTime.
    /// </summary>
    internal abstract int InviteAndQueue(DbConnection connection, DbTransaction transaction, object parameters);

    /// <summary>
    /// Adds an ALREADY_INVITED diagnostic to every valid row of the import whose address has an
    /// unexpired pending invitation. Parameters: @ImportKey, @OrganizationId, @Column, @Code, @Severity, @message, @now.
    /// </summary>
    internal abstract string AlreadyInvitedWarnings { get; }

    /// <summary>
    /// Adds an ALREADY_MEMBER diagnostic to every valid row of the import whose address is a member's.
    /// Parameters: @ImportKey, @OrganizationId, @Column, @Code, @Severity, @message.
    /// </summary>
    internal abstract string AlreadyMemberWarnings { get; }

    /// <summary>
    /// Claims up to @limit queued emails due at @now (one more attempt each, not due again before
    /// @claimedUntil) so that no other dispatcher takes them, and returns them with their invitations.
    /// </summary>
    internal abstract Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DbConnection connection, object parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes, in the transaction that deletes an import, its uploaded file when the database
    /// holds it (PostgreSQL); null when the file lives outside it (SQLite's folder). Parameter: @importId.
    /// </summary>
    internal abstract string? DeleteStoredFile { get; }

    /// <summary>Whether the error is a unique index refusing a row.</summary>
    internal abstract bool IsUniqueViolation(Exception exception);

    /// <summary>DbUp's target: the engine, its connection and the schema_versions journal.</summary>
    internal abstract UpgradeEngineBuilder MigrationTarget();

    /// <summary>The start of the names of this engine's embedded migration scripts, as schema_versions records them.</summary>
    internal abstract string MigrationScriptPrefix { get; }

    /// <summary>
    /// Readies the database for migrating and holds what must be held meanwhile: SQLite creates the
    /// file's folder and turns on write-ahead logging; PostgreSQL takes a lock so that servers
    /// starting together migrate one at a time.
    /// </summary>
    internal abstract IDisposable PrepareMigration();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
