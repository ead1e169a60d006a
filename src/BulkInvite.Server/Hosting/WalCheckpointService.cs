using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// Checkpoints SQLite's write-ahead log every few seconds, off the request path. At shutdown SQLite
/// itself checkpoints when the last connection closes.
/// </summary>
internal sealed partial class WalCheckpointService(SqliteDatabase database, StorageOptions options, TimeProvider clock, ILogger<WalCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Checkpoint();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private void Checkpoint()
    {
        try
        {
            database.Checkpoint();
        }
#pragma warning disable CA1031 // A checkpoint that fails (the database is busy) is retried at the next tick.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
