using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Invitations;

/// <summary>The invitation a token belongs to, and whether a resend replaced the token since.</summary>
public sealed record TokenHolder(InvitationRecord Invitation, bool TokenReplaced);
