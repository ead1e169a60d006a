using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// The invitation emails to send, in SQLite. A claim pushes a row's next_attempt_time past the claim
/// in one statement, so two dispatchers never hold the same row; a PostgreSQL outbox would claim
/// with FOR UPDATE SKIP LOCKED to the same effect.
/// </summary>
public sealed class SqliteInvitationOutbox(SqliteDatabase database) : IInvitationOutbox
{
    static SqliteInvitationOutbox()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimedUntil, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        var claimed = (await connection.QueryAsync<long>(new CommandDefinition(
            "UPDATE invitation_outbox SET attempts = attempts + 1, next_attempt_time = @claimedUntil WHERE message_id IN (" +
            "SELECT message_id FROM invitation_outbox WHERE state = 'queued' AND next_attempt_time <= @now " +
            "ORDER BY next_attempt_time, message_id LIMIT @limit) RETURNING message_id",
            new { now = now.ToUnixTimeMilliseconds(), claimedUntil = claimedUntil.ToUnixTimeMilliseconds(), limit },
            transaction, cancellationToken: cancellationToken))).ToList();
        if (claimed.Count == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            "SELECT o.message_id, o.invitation_id, o.attempts, i.organization_id, i.email, i.first_name, i.last_name, " +
            "i.permissions, i.inviter, i.expire_time " +
            "FROM invitation_outbox o JOIN invitations i ON i.invitation_id = o.invitation_id " +
            "WHERE o.message_id IN @claimed ORDER BY o.message_id",
            new { claimed }, transaction, cancellationToken: cancellationToken));
        var messages = rows.Select(r => r.ToMessage()).ToList();
        await transaction.CommitAsync(cancellationToken);
        return messages;
    }

    public async Task IssueTokenAsync(long invitationId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        InvitationWrites.RetireTokens(connection, transaction, invitationId, now);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO invitation_tokens (token_hash, invitation_id, create_time) VALUES (@tokenHash, @invitationId, @now)",
            new { tokenHash, invitationId, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkSentAsync(long messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        // Also when the email was cancelled while it was being sent: it did go out.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitation_outbox SET state = 'sent', sent_time = @now, last_error = '' " +
            "WHERE message_id = @messageId AND state IN ('queued', 'cancelled')",
            new { messageId, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long messageId, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitation_outbox SET last_error = @reason, " +
            "next_attempt_time = COALESCE(@next, next_attempt_time), " +
            "state = CASE WHEN @next IS NULL THEN 'failed' ELSE state END " +
            "WHERE message_id = @messageId AND state = 'queued'",
            new { messageId, reason, next = nextAttempt?.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }
}
