using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkInvite.Storage.Tests;

public class SqliteDatabaseTests
{
    [Fact]
    public void CreatesTheDatabaseFileAndItsFolderOnFirstStart()
    {
        using var db = new SqliteTestDatabase();

        Assert.True(File.Exists(db.Options.DatabasePath));
    }

    [Fact]
    public void RecordsEachMigrationOnceAndMigratingAgainChangesNothing()
    {
        using var db = new SqliteTestDatabase();

        db.Store.Migrate(NullLogger.Instance);

        using var connection = db.Open();
        var scripts = connection.Query<string>("SELECT ScriptName FROM schema_versions ORDER BY ScriptName").ToList();
        // The names the SQLite storage project recorded before the stores were merged (a database it
        // migrated finds every script recorded and runs none again), then the scripts added since.
        Assert.Equal(
            [
                "BulkInvite.Storage.Migrations.0001_create_imports.sql",
                "BulkInvite.Storage.Migrations.0002_audit_trail.sql",
                "BulkInvite.Storage.Migrations.0003_invitation_lifecycle.sql",
                "BulkInvite.Storage.Migrations.0004_staged_users_in_row_order.sql",
                "BulkInvite.Storage.Migrations.0005_tokens_made_when_sent.sql",
                "BulkInvite.Storage.Migrations.0006_resumable_uploads.sql",
                "BulkInvite.Storage.Migrations.0007_lean_staging.sql",
                "BulkInvite.Storage.Migrations.0008_invitations_read_their_import_row.sql",
                "BulkInvite.Storage.Migrations.0009_delivery_in_the_invitation_row.sql",
                "BulkInvite.Storage.Migrations.0010_what_each_invitation_says.sql",
                "BulkInvite.Storage.Migrations.0011_fixable_rows_and_counts.sql",
                "BulkInvite.Storage.Migrations.0012_invitations_listed_through_their_applies.sql",
                "BulkInvite.Storage.Migrations.0013_prechecks.sql",
            ],
            scripts);
    }

    [Fact]
    public void UsesWriteAheadLoggingAndEnforcesForeignKeys()
    {
        using var db = new SqliteTestDatabase();

        using var connection = db.Open();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("PRAGMA foreign_keys"));
        Assert.Equal(30_000L, connection.ExecuteScalar<long>("PRAGMA busy_timeout"));
    }
}
