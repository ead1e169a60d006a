using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>Where BulkInvite keeps its data: the "Storage" section, and ConnectionStrings:BulkInvite.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "BulkInvite";
    public const string DefaultConnectionString = "Data Source=data/bulkinvite.db";

    /// <summary>"sqlite" (the default: one file, one server process) or "postgres" (one database, any number of servers).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The connection string (ConnectionStrings:BulkInvite); on SQLite, the database file by default.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>SQLite: where uploaded files are kept; by default an "uploads" folder beside the database file.</summary>
    public string? UploadsPath { get; set; }

    /// <summary>SQLite: how long a write waits for another writer (SQLite allows one at a time) before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>SQLite: how often the write-ahead log is copied into the database file, and emptied when nothing writes.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// SQLite: how large the write-ahead log may grow from the email dispatcher's writes before they
    /// copy it into the database file, and the size the log file is cut back to when it starts over.
    /// </summary>
    public long WalCheckpointBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary><see cref="WalCheckpointBytes"/> in pages of SQLite's default size (4 KiB), at least one.</summary>
    public int WalCheckpointPages => (int)Math.Clamp(WalCheckpointBytes / 4096, 1, int.MaxValue);

    /// <summary>The engine <see cref="Provider"/> names.</summary>
    public StorageProvider Engine => Provider.Trim().ToUpperInvariant() switch
    {
        "" or "SQLITE" => StorageProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" => StorageProvider.Postgres,
        _ => throw new InvalidOperationException(Problem()),
    };

    public string DatabasePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    public string ResolvedUploadsPath => Path.GetFullPath(UploadsPath ?? Path.Combine(Path.GetDirectoryName(DatabasePath)!, "uploads"));

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem()
    {
        if (Provider.Trim().ToUpperInvariant() is not ("" or "SQLITE" or "POSTGRES" or "POSTGRESQL"))
        {
            return $"Storage:Provider is \"{Provider}\"; it must be \"sqlite\" or \"postgres\".";
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return $"Set ConnectionStrings:{ConnectionStringName} to the database (SQLite: Data Source=…; PostgreSQL: Host=…;Database=…;Username=…;Password=…).";
        }

        if (BusyTimeout <= TimeSpan.Zero || CheckpointInterval <= TimeSpan.Zero || WalCheckpointBytes <= 0)
        {
            return "Storage:BusyTimeout, Storage:CheckpointInterval and Storage:WalCheckpointBytes must be positive.";
        }

        return null;
    }
}
