using Microsoft.Extensions.Logging.Abstractions;
using Dapper;
using Npgsql;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests.Postgres;

public sealed class PostgresDatabaseTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _name = PostgresCluster.NewDatabaseName();

    public void Dispose() => cluster.DropDatabase(_name);

    [Fact]
    public void RecordsEachMigrationOnceAndMigratingAgainChangesNothing()
    {
        using var dialect = new PostgresDialect(cluster.CreateDatabase(_name, migrated: false));
        var store = new Store(dialect);

        store.Migrate(NullLogger.Instance);
        store.Migrate(NullLogger.Instance);

        using var connection = dialect.Open();
        var scripts = connection.Query<string>("SELECT scriptname FROM schema_versions ORDER BY scriptname").ToList();
        // The names the PostgreSQL storage project recorded before the stores were merged, then the scripts added since.
        Assert.Equal(
            [
                "BulkInvite.Storage.Postgres.Migrations.0001_create_schema.sql",
                "BulkInvite.Storage.Postgres.Migrations.0002_uploads_in_the_database.sql",
                "BulkInvite.Storage.Postgres.Migrations.0003_resumable_uploads.sql",
                "BulkInvite.Storage.Postgres.Migrations.0004_lean_staging.sql",
                "BulkInvite.Storage.Postgres.Migrations.0005_invitations_read_their_import_row.sql",
                "BulkInvite.Storage.Postgres.Migrations.0006_delivery_in_the_invitation_row.sql",
                "BulkInvite.Storage.Postgres.Migrations.0007_what_each_invitation_says.sql",
                "BulkInvite.Storage.Postgres.Migrations.0008_fixable_rows_and_counts.sql",
                "BulkInvite.Storage.Postgres.Migrations.0009_invitations_listed_through_their_applies.sql",
                "BulkInvite.Storage.Postgres.Migrations.0010_prechecks.sql",
            ],
            scripts);
    }

    [Fact]
    public async Task ServersStartingTogetherOnAnEmptyDatabaseMigrateItOnce()
    {
        var connectionString = cluster.CreateDatabase(_name, migrated: false);
        var dialects = Enumerable.Range(0, 4).Select(_ => new PostgresDialect(connectionString)).ToList();

        await Task.WhenAll(dialects.Select(d => Task.Run(() => new Store(d).Migrate(NullLogger.Instance), TestContext.Current.CancellationToken)));

        using var connection = dialects[0].Open();
        Assert.Equal(10, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_versions"));
        dialects.ForEach(d => d.Dispose());
    }

    [Fact]
    public void ComparesAddressesByteByByteWhateverTheDatabaseCollation()
    {
        using var dialect = new PostgresDialect(cluster.CreateDatabase(_name));
        using var connection = dialect.Open();

        var collations = connection.Query<string>(
            "SELECT collation_name FROM information_schema.columns WHERE table_name IN ('invitations', 'members', 'import_rows') AND column_name = 'normalized_email'");

        Assert.Equal(["C", "C", "C"], collations);
    }

    [Fact]
    public void RefusesAConnectionStringWithoutADatabaseServer() =>
        Assert.ThrowsAny<NpgsqlException>(() => new Store(new PostgresDialect("Host=127.0.0.1;Port=1;Timeout=2")).Migrate(NullLogger.Instance));
}
