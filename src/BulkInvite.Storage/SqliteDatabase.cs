using System.Globalization;
using DbUp;
using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>Opens connections to the SQLite database and brings its schema up to date.</summary>
public sealed class SqliteDatabase(StorageOptions options)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(options.ConnectionString)
    {
        ForeignKeys = true,
        Pooling = true,
    }.ToString();

    /// <summary>An open connection with the per-connection settings applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;");
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Copies what the write-ahead log holds into the database file, as far as readers allow. Writers
    /// do not do it themselves (wal_autocheckpoint is off): a large check would otherwise pay for
    /// copying every page it wrote before its caller gets an answer. The server runs this every few
    /// seconds; SQLite checkpoints by itself when the last connection closes.
    /// </summary>
    public void Checkpoint()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Creates the database file and its folder when missing, switches it to write-ahead logging
    /// (readers never wait for the writer), and applies the embedded migrations not yet recorded.
    /// </summary>
    public void Migrate()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        var result = DeployChanges.To
            .SqliteDatabase(_connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqliteDatabase).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .JournalToSqliteTable("schema_versions")
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migrating the database failed at {result.ErrorScript?.Name}.", result.Error);
        }
    }
}
