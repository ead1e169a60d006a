using BulkInvite.Core.Invitations;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// Runs the invitation email dispatcher: at start, whenever an email is queued (the outbox signal),
/// and at least every Email:PollInterval, so retries fall due without a wake-up.
/// </summary>
internal sealed partial class InvitationDispatchService(InvitationDispatcher dispatcher, OutboxSignal signal, EmailOptions options, ILogger<InvitationDispatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = await DispatchAsync(stoppingToken);
                if (result.Sent + result.Failed < options.BatchSize)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation emails: {Sent} sent, {Failed} attempts failed (retried later)")]
    private static partial void LogDispatched(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invitation email dispatch failed; it runs again at the next poll")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
