using System.Data;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>The statements that retire tokens, queue, cancel and expire, shared by the apply, resend and send paths.</summary>
internal static class InvitationWrites
{
    /// <summary>
    /// Queues a new email of the invitation in place of its latest (its token is made when it is
    /// sent); the earlier one, if it was still queued, is not sent, and if it is being sent, its
    /// acknowledgement changes nothing.
    /// </summary>
    public static void QueueNewEmail(IDbConnection connection, IDbTransaction transaction, long invitationId, DateTimeOffset now) =>
        connection.Execute(
            "UPDATE invitations SET emails = emails + 1, delivery_state = 'queued', delivery_attempts = 0, delivery_error = '', " +
            "next_attempt_time = @now, sent_time = NULL WHERE invitation_id = @invitationId",
            new { invitationId, now = now.ToUnixTimeMilliseconds() },
            transaction);

    /// <summary>Retires every token of the invitation not retired yet.</summary>
    public static void RetireTokens(IDbConnection connection, IDbTransaction transaction, long invitationId, DateTimeOffset now) =>
        connection.Execute(
            "UPDATE invitation_tokens SET replace_time = @now WHERE invitation_id = @invitationId AND replace_time IS NULL",
            new { invitationId, now = now.ToUnixTimeMilliseconds() },
            transaction);

    /// <summary>
    /// Stores as expired the pending invitations whose expiry has passed (of one address, or of the
    /// whole organization). On PostgreSQL the rows are locked in id order, so two transactions doing
    /// this at once wait for each other instead of deadlocking. Its work grows with the organization.
    /// </summary>
    public static int MarkExpired(
        StoreDialect dialect, IDbConnection connection, IDbTransaction transaction, string organizationId, DateTimeOffset now, string? normalizedEmail = null) =>
        connection.Execute(
            "UPDATE invitations SET status = 'expired', update_time = @now WHERE invitation_id IN (" +
            "SELECT i.invitation_id FROM invitations i " +
            "WHERE i.organization_id = @organizationId AND i.status = 'pending' AND i.expire_time <= @now " +
            "AND (CAST(@normalizedEmail AS TEXT) IS NULL OR i.normalized_email = CAST(@normalizedEmail AS TEXT)) " +
            $"ORDER BY i.invitation_id {dialect.RowLock})",
            new { organizationId, now = now.ToUnixTimeMilliseconds(), normalizedEmail },
            transaction,
            dialect.GrowingWorkTimeout);

    /// <summary>Cancels the invitation's email if it is not sent yet.</summary>
    public static void CancelQueuedEmail(IDbConnection connection, IDbTransaction transaction, long invitationId) =>
        connection.Execute(
            "UPDATE invitations SET delivery_state = 'cancelled' WHERE invitation_id = @invitationId AND delivery_state = 'queued'",
            new { invitationId },
            transaction);
}
