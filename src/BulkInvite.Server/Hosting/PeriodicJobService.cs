namespace BulkInvite.Server.Hosting;

/// <summary>
/// Runs a job every interval of the server's clock, and once at start when asked. A failed run is
/// logged and tried again at the next tick: housekeeping must never stop the server.
/// </summary>
internal abstract partial class PeriodicJobService(TimeSpan interval, bool runAtStart, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The server's clock, which the interval is measured on.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>What the job is, for the log: "Retention purge".</summary>
    protected abstract string JobName { get; }

    /// <summary>How loud a failed run is.</summary>
    protected virtual LogLevel FailureLevel => LogLevel.Error;

    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            if (runAtStart)
            {
                await RunAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
#pragma warning disable CA1031 // A failed run is logged and retried at the next tick; it must not stop the server.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(logger, FailureLevel, JobName, e);
        }
    }

    [LoggerMessage(Message = "{Job} failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, LogLevel level, string job, Exception exception);
}
