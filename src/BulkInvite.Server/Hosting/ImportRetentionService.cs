using BulkInvite.Core.Importing;

namespace BulkInvite.Server.Hosting;

/// <summary>Runs the retention purge at start and then every BulkInvite:RetentionSweepInterval.</summary>
internal sealed partial class ImportRetentionService(ImportRetention retention, BulkInviteOptions options, TimeProvider clock, ILogger<ImportRetentionService> logger)
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
            var purged = await retention.PurgeExpiredAsync(stoppingToken);
            if (purged > 0)
            {
                LogPurged(logger, purged);
            }
        }
#pragma warning disable CA1031 // A failed sweep is logged and retried at the next tick; it must not stop the server.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge deleted {Count} imports never applied")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
