namespace BulkInvite.Core.Invitations;

/// <summary>
/// The invitation emails to send, queued by the transactions that create or resend invitations (an
/// invitation's latest email is stored with it); the dispatcher claims due ones, sends them, then
/// acknowledges each.
/// </summary>
public interface IInvitationOutbox
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> queued emails due at <paramref name="now"/>: each counts
    /// one more attempt and is not due again before <paramref name="claimedUntil"/>, so no other
    /// dispatcher takes it meanwhile.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimedUntil, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records a new accept token (its hash) for the invitation of an email about to be sent, and
    /// retires the invitation's earlier tokens: tokens are made when an email goes out, so a raw
    /// token is never stored, and only the latest email's link accepts.
    /// </summary>
    Task IssueTokenAsync(long invitationId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Acknowledges a sent email: it is never sent again. Nothing changes when a resend has queued a
    /// newer email of the invitation meanwhile: that one still goes out.
    /// </summary>
    Task MarkSentAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: due again at <paramref name="nextAttempt"/>, or given up when it is null.</summary>
    Task MarkFailedAsync(OutboxMessage message, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken);
}
