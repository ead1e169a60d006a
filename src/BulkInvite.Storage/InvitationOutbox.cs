using BulkInvite.Core.Invitations;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// The invitation emails to send. A claim pushes a row's next_attempt_time past the claim in the
/// dialect's one claiming statement, so two dispatchers, on one server or several, never hold the
/// same row.
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

    public async Task MarkSentAsync(long messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenForBackgroundWritesAsync(cancellationToken);
        // Also when the email was cancelled while it was being sent: it did go out.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitation_outbox SET state = 'sent', sent_time = @now, last_error = '' " +
            "WHERE message_id = @messageId AND state IN ('queued', 'cancelled')",
            new { messageId, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long messageId, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenForBackgroundWritesAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitation_outbox SET last_error = @reason, " +
            "next_attempt_time = COALESCE(CAST(@next AS BIGINT), next_attempt_time), " +
            "state = CASE WHEN CAST(@next AS BIGINT) IS NULL THEN 'failed' ELSE state END " +
            "WHERE message_id = @messageId AND state = 'queued'",
            new { messageId, reason, next = nextAttempt?.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }
}
