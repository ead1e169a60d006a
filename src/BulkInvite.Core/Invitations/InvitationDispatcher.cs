using BulkInvite.Core.Telemetry;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// Sends the due invitation emails of the outbox: claim, send, then acknowledge each one. Sending
/// before acknowledging makes delivery at least once (a crash between the two sends that email
/// again once its claim runs out); an acknowledged email is never claimed again. A failed attempt
/// is retried after a delay that doubles each time, until <see cref="EmailOptions.MaxAttempts"/>.
/// </summary>
public sealed class InvitationDispatcher(IInvitationOutbox outbox, IMailTransport transport, InvitationMailComposer composer, EmailOptions options, TimeProvider clock, BulkInviteTelemetry telemetry)
{
    /// <summary>Outcome of one dispatch: how many emails went out and how many attempts failed.</summary>
    public sealed record Result(int Sent, int Failed);

    public async Task<Result> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await outbox.ClaimDueAsync(now, now + options.ClaimDuration, options.BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return new Result(0, 0);
        }

        IMailSession session;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the transport throws is the reason of a failed attempt, recorded and retried.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            foreach (var message in due)
            {
                await FailAsync(message, e, FailureReason.Transport, cancellationToken);
            }

            return new Result(0, due.Count);
        }

        var sent = 0;
        await using (session)
        {
            foreach (var message in due)
            {
                var step = FailureReason.Store;
                try
                {
                    var token = AcceptToken.New();
                    await outbox.IssueTokenAsync(message.InvitationId, token.Hash, clock.GetUtcNow(), cancellationToken);
                    step = FailureReason.Message;
                    await session.SendAsync(composer.Compose(message, token.Value), cancellationToken);
                }
#pragma warning disable CA1031 // As above: one email's failure is recorded, the others still go.
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    await FailAsync(message, e, step, cancellationToken);
                    continue;
                }

                // Not cancellable: the email is out, and its acknowledgement is what stops a second copy.
                await outbox.MarkSentAsync(message, clock.GetUtcNow(), CancellationToken.None);
                telemetry.EmailSent();
                sent++;
            }
        }

        return new Result(sent, due.Count - sent);
    }

    private Task FailAsync(OutboxMessage message, Exception error, string reason, CancellationToken cancellationToken)
    {
        telemetry.EmailFailed(reason);
        var next = message.Attempts >= options.MaxAttempts ? (DateTimeOffset?)null : clock.GetUtcNow() + options.RetryDelay(message.Attempts);
        return outbox.MarkFailedAsync(message, Describe(error), next, cancellationToken);
    }

    /// <summary>The error as an admin can read it: the innermost message, without a stack trace.</summary>
    private static string Describe(Exception error)
    {
        var message = error.GetBaseException().Message;
        return message.Length <= 500 ? message : message[..500];
    }

    /// <summary>The reason classes of failed attempts, for the emails-failed counter: where it failed, not the error text.</summary>
    private static class FailureReason
    {
        /// <summary>No session with the mail server (connection, TLS, authentication).</summary>
        public const string Transport = "transport";

        /// <summary>The mail server refused or lost this message.</summary>
        public const string Message = "message";

        /// <summary>The accept token could not be stored before sending.</summary>
        public const string Store = "store";
    }
}
