using System.Data.Common;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Testing;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkInvite.Storage.Tests;

/// <summary>
/// A database of the layout before lean staging (SQLite's 0007, PostgreSQL's 0004: staged_users,
/// invitations holding their person's data, invitation_outbox), with what such a server stored,
/// migrated to the current layout: run on both stores, <see cref="SqliteLayoutMigrationTests"/> and
/// <see cref="PostgresLayoutMigrationTests"/>.
/// </summary>
public abstract class LayoutMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>The store on the database, once migrated by <see cref="MigrateAll"/>.</summary>
    protected abstract StoreDialect Dialect { get; }

    /// <summary>DbUp aimed at the database, journaling as the store does.</summary>
    protected abstract UpgradeEngineBuilder DbUpTarget();

    /// <summary>The names of the engine's scripts before lean staging's.</summary>
    protected abstract Func<string, bool> EarlierScripts { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    [Fact]
    public async Task KeepsEveryImportRowDiagnosticInvitationAndEmailAndGoesOnFromThem()
    {
        // Arrange: the earlier layout, holding an applied import whose one invitation was resent
        // and sent, and a checked import not applied yet.
        var earlier = DbUpTarget().WithScriptsEmbeddedInAssembly(typeof(Store).Assembly, EarlierScripts).LogToNowhere().Build().PerformUpgrade();
        Assert.True(earlier.Successful, earlier.Error?.Message);
        using (var connection = Dialect.Open())
        {
            StoreEarlierData(connection);
        }

        // Act
        new Store(Dialect).Migrate(NullLogger.Instance);

        // Assert
        var store = new Store(Dialect);
        var applied = (await store.Imports.FindAsync("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", _ct))!;
        Assert.Equal(ImportState.Applied, applied.State);
        var diagnostic = Assert.Single(await store.Imports.ListRowDiagnosticsAsync(applied.ImportId, null, 10, _ct));
        Assert.Equal((3, Core.Checking.DiagnosticCode.EmailInvalid), (diagnostic.Diagnostic.RowNumber, diagnostic.Diagnostic.Code));
        var old = Assert.Single(await store.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, applied.ImportId), Now, null, 10, _ct));
        Assert.Equal(
            ("ann@example.com", "Ann", "Lee", "tester", applied.ImportId, DeliveryState.Sent, 1),
            (old.Email, old.FirstName, old.LastName, old.Inviter, old.ImportId, old.Delivery.State, old.Delivery.Attempts));
        Assert.Equal(["projects.view"], old.Permissions);
        Assert.Empty(await store.Outbox.ClaimDueAsync(Now.AddDays(1), Now.AddDays(2), 10, _ct));

        var pending = (await store.Imports.FindAsync("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2", _ct))!;
        int invited;
        using (var apply = store.Imports.BeginApply(pending.ImportId))
        {
            invited = apply.InviteValidUsers(["projects.view"], new Core.Invitations.InvitationBatch("tester", TimeSpan.FromDays(7)), Now);
            apply.Complete(apply.Import! with { State = ImportState.Applied, InvitedCount = invited }, TestDatabase.Audit(apply.Import!, Core.Auditing.AuditAction.Applied));
        }

        Assert.Equal(1, invited); // bob; ann has a pending invitation already
        var added = Assert.Single(await store.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, pending.ImportId), Now, null, 10, _ct));
        Assert.Equal(("bob@example.com", "Bob"), (added.Email, added.FirstName));
        Assert.True(added.InvitationId > old.InvitationId);
        var everyone = await store.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, null, 10, _ct);
        Assert.Equal(["bob@example.com", "ann@example.com"], everyone.Select(i => i.Email)); // the migrated one after the applies'
        var afterBob = await store.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, added.InvitationId, 10, _ct);
        Assert.Equal([old.InvitationId], afterBob.Select(i => i.InvitationId));
        var claimed = Assert.Single(await store.Outbox.ClaimDueAsync(Now, Now.AddMinutes(5), 10, _ct));
        Assert.Equal((added.InvitationId, 1), (claimed.InvitationId, claimed.Sequence));
        var another = TestDatabase.NewImport(); // its key comes after the migrated ones
        await store.Imports.AddAsync(another, TestDatabase.Audit(another), _ct);
        Assert.NotNull(await store.Imports.FindAsync(another.ImportId, _ct));
    }

    /// <summary>What a server of the earlier layout stored, written with its statements.</summary>
    private static void StoreEarlierData(DbConnection connection)
    {
        const string imports =
            "INSERT INTO imports (import_id, organization_id, file_name, format, size_bytes, sha256, state, total_rows, valid_rows, invalid_rows, " +
            "invited_count, skipped_count, permissions, create_time, update_time) VALUES " +
            "('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', 'acme', 'a.csv', 1, 10, 'x', 4, 2, 1, 1, 1, 0, '[\"projects.view\"]', 1800000000000, 1800000000000), " +
            "('b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', 'acme', 'b.csv', 1, 10, 'x', 2, 2, 2, 0, 0, 0, '[]', 1800000000000, 1800000000000)";
        connection.Execute(imports);
        connection.Execute(
            "INSERT INTO staged_users (import_id, row_number, normalized_email, email, first_name, last_name, description, is_valid) VALUES " +
            "('b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', 2, 'ann@example.com', 'ann@example.com', 'Ann', 'Lee', NULL, TRUE), " +
            "('b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', 3, 'bob@example.com', 'bob@example.com', 'Bob', 'Ray', 'Sales', TRUE)");
        connection.Execute(
            "INSERT INTO diagnostics (import_id, row_number, column_name, code, severity, message, value) VALUES " +
            $"('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', 3, 'Email', {(int)Core.Checking.DiagnosticCode.EmailInvalid}, 2, 'bad', 'x')");
        var invitationId = connection.ExecuteScalar<long>(
            "INSERT INTO invitations (organization_id, import_id, email, normalized_email, first_name, last_name, description, permissions, status, " +
            "inviter, create_time, expire_time, update_time) VALUES ('acme', 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', 'ann@example.com', 'ann@example.com', " +
            "'Ann', 'Lee', NULL, '[\"projects.view\"]', 'pending', 'tester', 1800000000000, 1800600000000, 1800000000000) RETURNING invitation_id");
        connection.Execute(
            "INSERT INTO invitation_outbox (invitation_id, state, attempts, create_time, next_attempt_time) VALUES " +
            "(@invitationId, 'cancelled', 0, 1800000000000, 1800000000000)", new { invitationId });
        connection.Execute(
            "INSERT INTO invitation_outbox (invitation_id, state, attempts, create_time, next_attempt_time, sent_time) VALUES " +
            "(@invitationId, 'sent', 1, 1800000001000, 1800000001000, 1800000002000)", new { invitationId });
    }
}

public sealed class SqliteLayoutMigrationTests : LayoutMigrationTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkinvite-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDialect _dialect;

    public SqliteLayoutMigrationTests()
    {
        Directory.CreateDirectory(_folder);
        _dialect = new SqliteDialect(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "bulkinvite.db")}" });
    }

    protected override StoreDialect Dialect => _dialect;

    protected override Func<string, bool> EarlierScripts =>
        name => name.StartsWith("BulkInvite.Storage.Migrations.", StringComparison.Ordinal)
            && string.CompareOrdinal(name, "BulkInvite.Storage.Migrations.0007") < 0;

    protected override UpgradeEngineBuilder DbUpTarget() =>
        DeployChanges.To.SqliteDatabase($"Data Source={Path.Combine(_folder, "bulkinvite.db")};Foreign Keys=True").JournalToSqliteTable("schema_versions");

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class PostgresLayoutMigrationTests : LayoutMigrationTests
{
    private readonly PostgresCluster _cluster;
    private readonly string _name = PostgresCluster.NewDatabaseName();
    private readonly string _connectionString;
    private readonly PostgresDialect _dialect;

    public PostgresLayoutMigrationTests(PostgresCluster cluster)
    {
        _cluster = cluster;
        _connectionString = cluster.CreateDatabase(_name, migrated: false);
        _dialect = new PostgresDialect(_connectionString);
    }

    protected override StoreDialect Dialect => _dialect;

    protected override Func<string, bool> EarlierScripts =>
        name => name.StartsWith("BulkInvite.Storage.Postgres.Migrations.", StringComparison.Ordinal)
            && string.CompareOrdinal(name, "BulkInvite.Storage.Postgres.Migrations.0004") < 0;

    protected override UpgradeEngineBuilder DbUpTarget() =>
        DeployChanges.To.PostgresqlDatabase(_connectionString).JournalToPostgresqlTable(null, "schema_versions");

    protected override void Dispose(bool disposing)
    {
        _dialect.Dispose();
        _cluster.DropDatabase(_name);
    }
}
