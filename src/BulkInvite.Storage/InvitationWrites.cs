using System.Data;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>The statements that create and retire tokens and emails, shared by the apply and resend transactions.</summary>
internal static class InvitationWrites
{
    public const string InsertToken =
        "INSERT INTO invitation_tokens (token_hash, invitation_id, create_time) VALUES ($token_hash, $invitation_id, $now)";

    public const string QueueEmail =
        "INSERT INTO invitation_outbox (invitation_id, accept_token, state, create_time, next_attempt_time) " +
        "VALUES ($invitation_id, $accept_token, 'queued', $now, $now)";

    /// <summary>Stores as expired the pending invitations whose expiry has passed (of one address, or of the whole organization).</summary>
    public static int MarkExpired(IDbConnection connection, IDbTransaction transaction, string organizationId, DateTimeOffset now, string? normalizedEmail = null) =>
        connection.Execute(
            "UPDATE invitations SET status = 'expired', update_time = @now " +
            "WHERE organization_id = @organizationId AND status = 'pending' AND expire_time <= @now " +
            "AND (@normalizedEmail IS NULL OR normalized_email = @normalizedEmail)",
            new { organizationId, now = now.ToUnixTimeMilliseconds(), normalizedEmail },
            transaction);

    /// <summary>Cancels an invitation's emails not sent yet and erases their tokens.</summary>
    public static void CancelQueuedEmails(IDbConnection connection, IDbTransaction transaction, long invitationId) =>
        connection.Execute(
            "UPDATE invitation_outbox SET state = 'cancelled', accept_token = NULL WHERE invitation_id = @invitationId AND state = 'queued'",
            new { invitationId },
            transaction);
}
