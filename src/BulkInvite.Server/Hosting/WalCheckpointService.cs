using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// Checkpoints SQLite's write-ahead log every Storage:CheckpointInterval, off the request path, and
/// empties the file once nothing writes (<see cref="SqliteCheckpoint"/>). At shutdown SQLite itself
/// checkpoints when the last connection closes.
/// </summary>
internal sealed class WalCheckpointService(SqliteCheckpoint checkpoint, StorageOptions options, TimeProvider clock, ILogger<WalCheckpointService> logger)
    : PeriodicJobService(options.CheckpointInterval, runAtStart: false, clock, logger)
{
    protected override string JobName => "WAL checkpoint";

    // A checkpoint that fails (the database is busy) is simply retried at the next tick.
    protected override LogLevel FailureLevel => LogLevel.Warning;

    protected override Task RunOnceAsync(CancellationToken stoppingToken)
    {
        checkpoint.Run();
        return Task.CompletedTask;
    }
}
