using System.Diagnostics;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// Runs the invitation email dispatcher: at start, whenever an email is queued (the outbox signal),
/// and at least every Email:PollInterval, so retries fall due without a wake-up. Each batch is a
/// Debug line; at Information one summary every <see cref="SummaryInterval"/> while sending, and
/// one when the queue is drained: a handful of lines for 100,000 emails, not 2,000.
/// </summary>
internal sealed partial class InvitationDispatchService(
    InvitationDispatcher dispatcher, OutboxSignal signal, EmailOptions options, StoreStatistics statistics, ILogger<InvitationDispatchService> logger)
    : BackgroundService
{
    public static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(30);

    private long _windowStart;
    private int _sent;
    private int _failed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = await DispatchAsync(stoppingToken);
                var drained = result.Sent + result.Failed < options.BatchSize;
                await SummarizeAsync(result, drained, stoppingToken);
                if (drained)
                {
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping; claimed emails not acknowledged fall due again after their claim.
        }
    }

    private async Task<InvitationDispatcher.Result> DispatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await dispatcher.DispatchDueAsync(stoppingToken);
            if (result.Sent > 0 || result.Failed > 0)
            {
                LogDispatched(logger, result.Sent, result.Failed);
            }

            return result;
        }
#pragma warning disable CA1031 // A failed dispatch (the database busy, say) is logged and retried at the next poll; it must not stop the server.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
            return new InvitationDispatcher.Result(0, 0);
        }
    }

    /// <summary>Adds a batch to the window, and logs the window once it is SummaryInterval old or the queue is drained.</summary>
    private async Task SummarizeAsync(InvitationDispatcher.Result result, bool drained, CancellationToken stoppingToken)
    {
        if (result.Sent + result.Failed > 0)
        {
            if (_sent + _failed == 0)
            {
                _windowStart = Stopwatch.GetTimestamp();
            }

            _sent += result.Sent;
            _failed += result.Failed;
        }

        var elapsed = Stopwatch.GetElapsedTime(_windowStart);
        if (_sent + _failed == 0 || (!drained && elapsed < SummaryInterval))
        {
            return;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var seconds = Math.Max(1, (long)Math.Round(elapsed.TotalSeconds));
            var queued = await QueuedAsync(stoppingToken);
            LogSummary(logger, _sent, _failed, seconds, queued);
        }

        (_sent, _failed) = (0, 0);
    }

    /// <summary>Emails still queued (due later, retrying), read fresh; -1 when the store does not answer.</summary>
    private async Task<long> QueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            return (await statistics.ReadAsync(stoppingToken, maxAge: TimeSpan.Zero)).OutboxQueued;
        }
#pragma warning disable CA1031 // The summary goes out without the count rather than not at all.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
            return -1;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invitation emails: {Sent} sent, {Failed} attempts failed (retried later)")]
    private static partial void LogDispatched(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Sent} invitation emails ({Failed} failed attempts, retried later) in the last {Seconds} s; {Queued} queued")]
    private static partial void LogSummary(ILogger logger, int sent, int failed, long seconds, long queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invitation email dispatch failed; it runs again at the next poll")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
