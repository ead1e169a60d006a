using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Copies what SQLite's write-ahead log holds into the database file, off the request path (writers
/// do not: <see cref="SqliteDialect.Open"/>), and empties the log once nothing writes. The server
/// runs it every Storage:CheckpointInterval.
/// </summary>
public sealed class SqliteCheckpoint(SqliteDialect dialect)
{
    /// <summary>
    /// A passive checkpoint first, which never makes a writer wait: it copies as far as readers allow.
    /// Only when it copied the whole log does a truncating one follow, taking the write lock just
    /// long enough to copy what came since and cut the file to zero bytes; it does not wait
    /// (busy_timeout 0): with a writer or a reader busy, the log is emptied at a later run.
    /// Returns whether the log is empty now.
    /// </summary>
    public bool Run()
    {
        using var connection = dialect.Open();
        var passive = connection.QuerySingle<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(PASSIVE)");
        if (passive.Busy != 0 || passive.Checkpointed < passive.Log)
        {
            return false;
        }

        connection.Execute("PRAGMA busy_timeout = 0");
        var truncate = connection.QuerySingle<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE)");
        return truncate.Busy == 0;
    }
}
