using BulkInvite.Storage.Postgres;
using Dapper;
using Npgsql;

namespace BulkInvite.Storage.Tests.Postgres;

public sealed class PostgresDatabaseTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _name = PostgresCluster.NewDatabaseName();

    public void Dispose() => cluster.DropDatabase(_name);

    [Fact]
    public void RecordsEachMigrationOnceAndMigratingAgainChangesNothing()
    {
        using var database = new PostgresDatabase(cluster.CreateDatabase(_name, migrated: false));

        database.Migrate();
        database.Migrate();

        using var connection = database.Open();
        var scripts = connection.Query<string>("SELECT scriptname FROM schema_versions").ToList();
        Assert.Single(scripts, s => s.EndsWith("0001_create_schema.sql", StringComparison.Ordinal));
        Assert.Single(scripts, s => s.EndsWith("0002_uploads_in_the_database.sql", StringComparison.Ordinal));
        Assert.Equal(scripts.Count, scripts.Distinct().Count());
    }

    [Fact]
    public async Task ServersStartingTogetherOnAnEmptyDatabaseMigrateItOnce()
    {
        var connectionString = cluster.CreateDatabase(_name, migrated: false);
        var databases = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(connectionString)).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(d.Migrate, TestContext.Current.CancellationToken)));

        using var connection = databases[0].Open();
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_versions"));
        databases.ForEach(d => d.Dispose());
    }

    [Fact]
    public void ComparesAddressesByteByByteWhateverTheDatabaseCollation()
    {
        using var database = new PostgresDatabase(cluster.CreateDatabase(_name));
        using var connection = database.Open();

        var collations = connection.Query<string>(
            "SELECT collation_name FROM information_schema.columns WHERE table_name IN ('invitations', 'members', 'staged_users') AND column_name = 'normalized_email'");

        Assert.Equal(["C", "C", "C"], collations);
    }

    [Fact]
    public void RefusesAConnectionStringWithoutADatabaseServer() =>
        Assert.ThrowsAny<NpgsqlException>(() => new PostgresDatabase("Host=127.0.0.1;Port=1;Timeout=2").Migrate());
}
