using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Invitations;

/// <summary>Which invitations of an organization to list.</summary>
/// <param name="Status">Unspecified for every status; otherwise the status as of the listing's time.</param>
/// <param name="ImportId">Only the invitations of this import, or null for all.</param>
public sealed record InvitationFilter(string OrganizationId, InvitationStatus Status, string? ImportId);
