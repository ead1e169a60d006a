using BulkInvite.Core.Importing;

namespace BulkInvite.Server.Hosting;

/// <summary>Hosts <see cref="AppliedImportCleanup"/> for the life of the server.</summary>
internal sealed partial class AppliedImportCleanupService(AppliedImportCleanup cleanup, ILogger<AppliedImportCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await cleanup.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed cleanup is logged; the retention sweep deletes what it left.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping the staged rows of an applied import failed; the retention sweep will")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
