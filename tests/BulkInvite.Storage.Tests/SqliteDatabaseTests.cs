using Dapper;

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

        db.Database.Migrate();

        using var connection = db.Database.Open();
        var scripts = connection.Query<string>("SELECT ScriptName FROM schema_versions").ToList();
        Assert.Single(scripts, s => s.EndsWith("0001_create_imports.sql", StringComparison.Ordinal));
        Assert.Equal(scripts.Count, scripts.Distinct().Count());
    }

    [Fact]
    public void UsesWriteAheadLoggingAndEnforcesForeignKeys()
    {
        using var db = new SqliteTestDatabase();

        using var connection = db.Database.Open();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("PRAGMA foreign_keys"));
        Assert.Equal(30_000L, connection.ExecuteScalar<long>("PRAGMA busy_timeout"));
    }
}
