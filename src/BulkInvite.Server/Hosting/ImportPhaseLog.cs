using BulkInvite.Core.Telemetry;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// One Information line per upload, check and apply, with ids, counts and duration: never an
/// address, a name or a file name (which can be personal data too).
/// </summary>
internal sealed partial class ImportPhaseLog(BulkInviteTelemetry telemetry, ILogger<ImportPhaseLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        telemetry.PhaseEnded += Log;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        telemetry.PhaseEnded -= Log;
        return Task.CompletedTask;
    }

    private void Log(ImportPhaseRecord phase)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var milliseconds = (long)phase.Duration.TotalMilliseconds;
        var counts = phase.Counts;
        switch (phase.Outcome)
        {
            case "uploaded":
                var size = counts.GetValueOrDefault("size_bytes");
                LogUploaded(logger, phase.ImportId, phase.OrganizationId, size, milliseconds);
                break;
            case "checked" or "rejected":
                var (total, valid, invalid) = (counts.GetValueOrDefault("rows.total"), counts.GetValueOrDefault("rows.valid"), counts.GetValueOrDefault("rows.invalid"));
                LogChecked(logger, phase.ImportId, phase.OrganizationId, phase.Outcome, total, valid, invalid, milliseconds);
                break;
            case "applied":
                var (invited, skipped, permissions) = (counts.GetValueOrDefault("invited"), counts.GetValueOrDefault("skipped"), counts.GetValueOrDefault("permissions"));
                LogApplied(logger, phase.ImportId, phase.OrganizationId, invited, skipped, permissions, milliseconds);
                break;
            default:
                LogFailed(logger, phase.ImportId, phase.OrganizationId, phase.Phase, milliseconds);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} of {OrganizationId} uploaded: {SizeBytes} bytes in {ElapsedMs} ms")]
    private static partial void LogUploaded(ILogger logger, string importId, string organizationId, long sizeBytes, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} of {OrganizationId} {Outcome}: {TotalRows} rows, {ValidRows} valid, {InvalidRows} invalid, in {ElapsedMs} ms")]
    private static partial void LogChecked(ILogger logger, string importId, string organizationId, string outcome, long totalRows, long validRows, long invalidRows, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} of {OrganizationId} applied: {Invited} invited, {Skipped} skipped, {Permissions} permissions granted, in {ElapsedMs} ms")]
    private static partial void LogApplied(ILogger logger, string importId, string organizationId, long invited, long skipped, long permissions, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} of {OrganizationId}: the {Phase} did not complete ({ElapsedMs} ms); the call's status says why")]
    private static partial void LogFailed(ILogger logger, string importId, string organizationId, string phase, long elapsedMs);
}
