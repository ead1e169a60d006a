namespace BulkInvite.Core.Invitations;

/// <summary>A composed invitation email.</summary>
/// <param name="MessageId">The Message-ID header: one per email of an invitation (its sequence), so a copy sent again by a retry can be recognized.</param>
public sealed record InvitationMail(string To, string ToName, string Subject, string Text, string Html, string MessageId);
