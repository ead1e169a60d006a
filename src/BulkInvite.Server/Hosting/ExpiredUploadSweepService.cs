using BulkInvite.Core.Importing;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// At start and then every BulkInvite:UploadIdleTimeout: deletes the resumable uploads that received
/// nothing for the idle timeout, with their bytes (a part file on SQLite, chunk rows on PostgreSQL),
/// and forgets finished uploads whose import is gone or older than BulkInvite:ImportRetention. An
/// expired upload is NOT_FOUND and frees its slot from the moment it expires, whether or not this has
/// run; the sweep frees its disk. Its own job rather than a step of the abandoned-upload sweep, whose
/// interval (BulkInvite:RetentionSweepInterval, an hour) would leave expired bytes on disk for that
/// long. Every server runs it; on PostgreSQL they share the work safely.
/// </summary>
internal sealed partial class ExpiredUploadSweepService(IResumableUploadStore uploads, BulkInviteOptions options, TimeProvider clock, ILogger<ExpiredUploadSweepService> logger)
    : PeriodicJobService(options.UploadIdleTimeout, runAtStart: true, clock, logger)
{
    protected override string JobName => "Sweeping expired resumable uploads";

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var now = Clock.GetUtcNow();
        var deleted = await uploads.DeleteExpiredAsync(now - options.UploadIdleTimeout, now - options.ImportRetention, stoppingToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} resumable uploads that sent nothing for the idle timeout")]
    private static partial void LogDeleted(ILogger logger, int count);
}
