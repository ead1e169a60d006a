using BulkInvite.Core.Invitations;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// The invitation emails to send: the latest email of each invitation, in the invitation's row. A
/// claim pushes its next_attempt_time past the claim in the dialect's one claiming statement, so two
/// dispatchers, on one server or several, never hold the same email. Acknowledgements name the
/// email's sequence: one of an email a resend has replaced changes nothing.
/// </summary>
internal sealed class InvitationOutbox(StoreDialect dialect) : Repository(dialect), IInvitationOutbox
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimedUntil, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenForBackgroundWritesAsync(cancellationToken);
        var rows = await Dialect.ClaimDueAsync(
            connection, new { now = now.ToUnixTimeMilliseconds(), claimedUntil = claimedUntil.ToUnixTimeMilliseconds(), limit }, cancellationToken);
        return rows.Select(r => r.ToMessage()).ToList();
    }

    public async Task IssueTokenAsync(long invitationId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenForBackgroundWritesAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
        InvitationWrites.RetireTokens(connection, transaction, invitationId, now);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO invitation_tokens (token_hash, invitation_id, create_time) VALUES (@tokenHash, @invitationId, @now)",
            new { tokenHash, invitationId, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkSentAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await Dialect.OpenForBackgroundWritesAsync(cancellationToken);
        // Also when the email was cancelled while it was being sent: it did go out.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET delivery_state = 'sent', sent_time = @now, delivery_error = '' " +
            "WHERE invitation_id = @InvitationId AND emails = @Sequence AND delivery_state IN ('queued', 'cancelled')",
            new { message.InvitationId, message.Sequence, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(OutboxMessage message, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await Dialect.OpenForBackgroundWritesAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET delivery_error = @reason, " +
            "next_attempt_time = COALESCE(CAST(@next AS BIGINT), next_attempt_time), " +
            "delivery_state = CASE WHEN CAST(@next AS BIGINT) IS NULL THEN 'failed' ELSE delivery_state END " +
            "WHERE invitation_id = @InvitationId AND emails = @Sequence AND delivery_state = 'queued'",
            new { message.InvitationId, message.Sequence, reason, next = nextAttempt?.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }
}
