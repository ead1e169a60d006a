using DbUp;
using Npgsql;

namespace BulkInvite.Storage.Postgres;

/// <summary>
/// Opens connections to the PostgreSQL database (one pool per server process) and brings its schema
/// up to date. The database itself must exist; the migrations create everything in it.
/// </summary>
public sealed class PostgresDatabase : IDisposable, IAsyncDisposable
{
    // Any fixed number: the session lock that lets one server at a time migrate a shared database.
    private const long MigrationLockKey = 0x42_49_4D_49_47_52_41_54; // "BIMIGRAT"

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;

    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>An open connection from the pool.</summary>
    public NpgsqlConnection Open() => _dataSource.OpenConnection();

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Applies the embedded migrations not yet recorded in schema_versions. Several servers starting
    /// at once on one database take turns (a session advisory lock), so each script runs once.
    /// </summary>
    public void Migrate()
    {
        using var connection = Open();
        using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", MigrationLockKey);
            command.ExecuteNonQuery();
        }

        try
        {
            var result = DeployChanges.To
                .PostgresqlDatabase(_connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(PostgresDatabase).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
                .JournalToPostgresqlTable(null, "schema_versions")
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"Migrating the database failed at {result.ErrorScript?.Name}.", result.Error);
            }
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            unlock.ExecuteNonQuery();
        }
    }

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
