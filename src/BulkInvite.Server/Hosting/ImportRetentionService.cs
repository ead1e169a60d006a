using BulkInvite.Core.Importing;

namespace BulkInvite.Server.Hosting;

/// <summary>Runs the retention purge at start and then every BulkInvite:RetentionSweepInterval.</summary>
internal sealed partial class ImportRetentionService(ImportRetention retention, BulkInviteOptions options, TimeProvider clock, ILogger<ImportRetentionService> logger)
    : PeriodicJobService(options.RetentionSweepInterval, runAtStart: true, clock, logger)
{
    protected override string JobName => "Retention purge";

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var purged = await retention.PurgeExpiredAsync(stoppingToken);
        if (purged > 0)
        {
            LogPurged(logger, purged);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge deleted {Count} imports never applied")]
    private static partial void LogPurged(ILogger logger, int count);
}
