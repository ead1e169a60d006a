using System.Data.Common;
using BulkInvite.Storage.Rows;
using Dapper;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace BulkInvite.Storage;

/// <summary>
/// PostgreSQL: one database that any number of servers share, transactions running at once. A
/// write transaction is a normal one whose reads lock the rows they need (FOR UPDATE), so two
/// servers changing one import or one invitation take turns as SQLite's single writer makes them.
/// The database itself must exist; the migrations create everything in it.
/// </summary>
public sealed class PostgresDialect : StoreDialect
{
    // Any fixed number: the session lock that lets one server at a time migrate a shared database.
    private const long MigrationLockKey = 0x42_49_4D_49_47_52_41_54; // "BIMIGRAT"

    private readonly string _connectionString;

    public PostgresDialect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The connection pool of this server process.</summary>
    internal NpgsqlDataSource DataSource { get; }

    public override DbConnection Open() => DataSource.OpenConnection();

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => await DataSource.OpenConnectionAsync(cancellationToken);

    internal override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    internal override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    internal override string RowLock => "FOR UPDATE OF i";

    // Servers starting uploads of one organization at once count them one after the other; the
    // lock's key is the organization's, so other organizations do not wait.
    internal override string? LockUploadsOfOrganization => "SELECT pg_advisory_xact_lock(hashtextextended('bulkinvite.uploads/' || @organizationId, 0))";

    /// <summary>
    /// None: a statement's work grows with the file (up to BulkInvite:MaxRows), and a row lock waits
    /// for whatever check or apply of the import holds it, as SQLite's writer queue does.
    /// </summary>
    internal override string InList(string parameter) => $"= ANY({parameter})";

    internal override int? GrowingWorkTimeout => 0;

    internal override long NextImportKey(DbConnection connection, DbTransaction? transaction) =>
        connection.ExecuteScalar<long>("SELECT nextval('import_keys')", transaction: transaction);

    internal override IBulkSink OpenBulkSink(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
        new PostgresBinaryCopy((NpgsqlConnection)connection, table, columns);

    // One statement invites and queues the emails (each invitation's row carries its email).
    // Another import applied at the same moment, on this server or another, may insert the same
    // addresses: the partial unique index makes one of the two inserts wait for the other's commit
    // and then skip the address (ON CONFLICT … DO NOTHING). Inserting in the index's key order means
    // two such applies take their index entries in one order, so neither can wait for the other in
    // a cycle.
    internal override int InviteAndQueue(DbConnection connection, DbTransaction transaction, object parameters) =>
        connection.Execute(
            "INSERT INTO invitations (invitation_id, organization_id, normalized_email, status, create_time, expire_time, update_time, " +
            "emails, delivery_state, next_attempt_time) " +
            "SELECT @ApplyKey * 4294967296 + s.row_number, @organizationId, s.normalized_email, 'pending', @now, @expireTime, @now, 1, 'queued', @now " +
            "FROM import_rows s " +
            "WHERE s.import_key = @ImportKey AND s.is_valid " +
            "AND NOT EXISTS (SELECT 1 FROM members b WHERE b.organization_id = @organizationId AND b.normalized_email = s.normalized_email) " +
            "ORDER BY s.normalized_email " +
            "ON CONFLICT (organization_id, normalized_email) WHERE status = 'pending' DO NOTHING",
            parameters,
            transaction,
            GrowingWorkTimeout);

    // The rows just copied in are not in the table's statistics yet, and the invitations an apply
    // just made may not be either: each staged row probes the index (LATERAL … LIMIT 1), a plan
    // whose cost grows with the file whatever the planner believes about the tables.
    internal override string AlreadyInvitedWarnings =>
        "INSERT INTO diagnostics (import_key, row_number, column_name, code, severity, message, value) " +
        "SELECT s.import_key, s.row_number, @Column, @Code, @Severity, @message, s.email " +
        "FROM import_rows s CROSS JOIN LATERAL (SELECT 1 FROM invitations i " +
        "WHERE i.organization_id = @OrganizationId AND i.normalized_email = s.normalized_email AND i.status = 'pending' AND i.expire_time > @now " +
        "LIMIT 1) pending " +
        "WHERE s.import_key = @ImportKey AND s.is_valid ORDER BY s.row_number";

    internal override string AlreadyMemberWarnings =>
        "INSERT INTO diagnostics (import_key, row_number, column_name, code, severity, message, value) " +
        "SELECT s.import_key, s.row_number, @Column, @Code, @Severity, @message, s.email " +
        "FROM import_rows s CROSS JOIN LATERAL (SELECT 1 FROM members b " +
        "WHERE b.organization_id = @OrganizationId AND b.normalized_email = s.normalized_email LIMIT 1) member " +
        "WHERE s.import_key = @ImportKey AND s.is_valid ORDER BY s.row_number";

    // Rows another dispatcher is claiming are skipped, not waited for: the dispatchers of several
    // servers claiming at once each get other emails, never the same one. The claim's own attempt
    // count and sequence are returned by the UPDATE: the query around it sees the rows as before it.
    internal override async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DbConnection connection, object parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            "WITH claimed AS (" +
            "UPDATE invitations c SET delivery_attempts = c.delivery_attempts + 1, next_attempt_time = @claimedUntil " +
            "FROM (SELECT invitation_id FROM invitations WHERE delivery_state = 'queued' AND next_attempt_time <= @now " +
            "ORDER BY next_attempt_time, invitation_id LIMIT @limit FOR UPDATE SKIP LOCKED) due " +
            "WHERE c.invitation_id = due.invitation_id " +
            "RETURNING c.invitation_id, c.emails, c.delivery_attempts) " +
            $"SELECT c.invitation_id, c.emails AS sequence, c.delivery_attempts AS attempts, {OutboxRow.Columns} " +
            $"FROM claimed c JOIN invitations i ON i.invitation_id = c.invitation_id {InvitationPerson.Joins}ORDER BY c.invitation_id",
            parameters, cancellationToken: cancellationToken))).ToList();

    internal override string? DeleteStoredFile => "DELETE FROM uploads WHERE import_id = @importId";

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    internal override UpgradeEngineBuilder MigrationTarget() =>
        DeployChanges.To.PostgresqlDatabase(_connectionString).JournalToPostgresqlTable(null, "schema_versions");

    internal override string MigrationScriptPrefix => "BulkInvite.Storage.Postgres.Migrations.";

    internal override IDisposable PrepareMigration() => new MigrationLock(DataSource.OpenConnection());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A session advisory lock, held on its own connection until disposed.</summary>
    private sealed class MigrationLock : IDisposable
    {
        private readonly NpgsqlConnection _connection;

        public MigrationLock(NpgsqlConnection connection)
        {
            _connection = connection;
            try
            {
                _connection.Execute("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey });
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            try
            {
                _connection.Execute("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
            }
            finally
            {
                _connection.Dispose();
            }
        }
    }
}
