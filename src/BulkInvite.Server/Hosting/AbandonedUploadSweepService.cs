using BulkInvite.Core.Importing;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// With the retention purge, at start and then every BulkInvite:RetentionSweepInterval: deletes the
/// uploaded bytes no import needs (an upload cut short when its server stopped, once nothing was
/// written to it for BulkInvite:ImportRetention; the file of an applied import that could not be
/// deleted after the apply, or whose server stopped first). On both stores; every server runs it,
/// since a shared store cannot be cleared at startup while another server may be mid-upload. Also
/// deletes, with the rows they staged, the checks while uploading nothing moved for
/// BulkInvite:UploadIdleTimeout whose import was never stored (an upload that failed before its
/// pre-check could clean up, or whose server stopped).
/// </summary>
internal sealed partial class AbandonedUploadSweepService(IUploadStore uploads, IPrecheckStore prechecks, BulkInviteOptions options, TimeProvider clock, ILogger<AbandonedUploadSweepService> logger)
    : PeriodicJobService(options.RetentionSweepInterval, runAtStart: true, clock, logger)
{
    protected override string JobName => "Sweeping abandoned uploads";

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var deleted = await uploads.DeleteAbandonedAsync(Clock.GetUtcNow() - options.ImportRetention, stoppingToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        var prechecksDeleted = await prechecks.DeleteAbandonedAsync(Clock.GetUtcNow() - options.UploadIdleTimeout, stoppingToken);
        if (prechecksDeleted > 0)
        {
            LogPrechecksDeleted(logger, prechecksDeleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} uploaded files no import needs")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} checks while uploading that no import took, with what they staged")]
    private static partial void LogPrechecksDeleted(ILogger logger, int count);
}
