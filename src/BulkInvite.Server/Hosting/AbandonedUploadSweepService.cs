using BulkInvite.Core.Importing;
using BulkInvite.Storage.Postgres;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// With the retention purge, at start and then every BulkInvite:RetentionSweepInterval: deletes the
/// uploaded bytes no import needs (an upload cut short when its server stopped, once nothing was
/// written to it for BulkInvite:ImportRetention; the file of an applied import whose server stopped
/// before deleting it). Every server runs it; a shared store cannot be cleared at startup, since
/// another server may be in the middle of an upload.
/// </summary>
internal sealed partial class AbandonedUploadSweepService(PostgresUploadStore uploads, BulkInviteOptions options, TimeProvider clock, ILogger<AbandonedUploadSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RetentionSweepInterval, clock);
        try
        {
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            var deleted = await uploads.DeleteAbandonedAsync(clock.GetUtcNow() - options.ImportRetention, stoppingToken);
            if (deleted > 0)
            {
                LogDeleted(logger, deleted);
            }
        }
#pragma warning disable CA1031 // A failed sweep is logged and retried at the next tick; it must not stop the server.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} uploaded files no import needs")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping abandoned uploads failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
