using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Importing;

/// <summary>An apply in progress; disposing it without <see cref="Complete"/> rolls back.</summary>
public interface IApplyTransaction : IDisposable
{
    ImportRecord? Import { get; }

    /// <summary>
    /// Creates a pending invitation for every valid row whose address has no unexpired
    /// pending invitation in the organization and is not a member's, first storing as expired the
    /// organization's pending invitations whose expiry has passed, so they do not block new ones.
    /// Each new invitation's row carries its first email, queued (the outbox is the invitations whose
    /// email is queued); its <see cref="Invitations.AcceptToken"/> is made when the email is sent (only
    /// its hash is kept). Each expires the batch's lifetime after <paramref name="now"/>; what the batch
    /// says (names, note, lifetime) is stored once, with the import, by <see cref="Complete"/>. Returns
    /// how many were created.
    /// </summary>
    int InviteValidUsers(IReadOnlyList<string> permissions, Invitations.InvitationBatch batch, DateTimeOffset now);

    /// <summary>After <see cref="InviteValidUsers"/>: how many valid rows it skipped because the address was a member's.</summary>
    int CountSkippedMembers();

    /// <summary>
    /// Saves the applied import, records the audit entry, and commits. Its rows stay: its invitations
    /// read their address and names from them, and they say what became of each row.
    /// </summary>
    ImportRecord Complete(ImportRecord applied, AuditEvent audit);
}
