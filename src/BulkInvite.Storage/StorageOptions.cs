using Microsoft.Data.Sqlite;

namespace BulkInvite.Storage;

/// <summary>Where BulkInvite keeps its data.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "BulkInvite";
    public const string DefaultConnectionString = "Data Source=data/bulkinvite.db";

    /// <summary>The SQLite connection string (ConnectionStrings:BulkInvite).</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>Where uploaded files are kept; by default an "uploads" folder beside the database file.</summary>
    public string? UploadsPath { get; set; }

    /// <summary>How long a write waits for another writer (SQLite allows one at a time) before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the write-ahead log is copied into the database file.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string DatabasePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    public string ResolvedUploadsPath => Path.GetFullPath(UploadsPath ?? Path.Combine(Path.GetDirectoryName(DatabasePath)!, "uploads"));
}
