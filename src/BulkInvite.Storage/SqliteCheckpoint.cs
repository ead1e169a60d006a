using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Copies what SQLite's write-ahead log holds into the database file, as far as readers allow.
/// Writers do not do it themselves (<see cref="SqliteDialect.Open"/>); the server runs this every
/// Storage:CheckpointInterval, and SQLite checkpoints by itself when the last connection closes.
/// </summary>
public sealed class SqliteCheckpoint(SqliteDialect dialect)
{
    public void Run()
    {
        using var connection = dialect.Open();
        connection.Execute("PRAGMA wal_checkpoint(PASSIVE)");
    }
}
