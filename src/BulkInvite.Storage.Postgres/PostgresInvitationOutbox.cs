using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage.Postgres;

/// <summary>
/// The invitation emails to send, in PostgreSQL. A claim locks due rows with FOR UPDATE SKIP LOCKED
/// and pushes their next_attempt_time past the claim in one statement: the dispatchers of several
/// servers claiming at once each get other rows, never the same one.
/// </summary>
public sealed class PostgresInvitationOutbox(PostgresDatabase database) : IInvitationOutbox
{
    static PostgresInvitationOutbox()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimedUntil, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            "WITH claimed AS (" +
            "UPDATE invitation_outbox o SET attempts = o.attempts + 1, next_attempt_time = @claimedUntil " +
            "FROM (SELECT message_id FROM invitation_outbox WHERE state = 'queued' AND next_attempt_time <= @now " +
            "ORDER BY next_attempt_time, message_id LIMIT @limit FOR UPDATE SKIP LOCKED) due " +
            "WHERE o.message_id = due.message_id " +
            "RETURNING o.message_id, o.invitation_id, o.attempts) " +
            "SELECT c.message_id, c.invitation_id, c.attempts, i.organization_id, i.email, i.first_name, i.last_name, " +
            "i.permissions, i.inviter, i.expire_time " +
            "FROM claimed c JOIN invitations i ON i.invitation_id = c.invitation_id ORDER BY c.message_id",
            new { now = now.ToUnixTimeMilliseconds(), claimedUntil = claimedUntil.ToUnixTimeMilliseconds(), limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMessage()).ToList();
    }

    public async Task IssueTokenAsync(long invitationId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        InvitationWrites.RetireTokens(connection, transaction, invitationId, now);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO invitation_tokens (token_hash, invitation_id, create_time) VALUES (@tokenHash, @invitationId, @now)",
            new { tokenHash, invitationId, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkSentAsync(long messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Also when the email was cancelled while it was being sent: it did go out.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitation_outbox SET state = 'sent', sent_time = @now, last_error = '' " +
            "WHERE message_id = @messageId AND state IN ('queued', 'cancelled')",
            new { messageId, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long messageId, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitation_outbox SET last_error = @reason, " +
            "next_attempt_time = COALESCE(@next::bigint, next_attempt_time), " +
            "state = CASE WHEN @next::bigint IS NULL THEN 'failed' ELSE state END " +
            "WHERE message_id = @messageId AND state = 'queued'",
            new { messageId, reason, next = nextAttempt?.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }
}
