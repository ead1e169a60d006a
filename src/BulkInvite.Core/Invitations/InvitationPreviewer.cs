using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>
/// LookupInvitation: shows the invitation a token belongs to, read-only, refusing exactly the
/// tokens AcceptInvitation refuses (<see cref="InvitationTokenRules"/>). It changes nothing: an
/// expiry it finds is stored by the next accept, not here.
/// </summary>
public sealed class InvitationPreviewer(IInvitationRepository invitations, PermissionCatalog catalog, BulkInviteOptions options, TimeProvider clock)
{
    public async Task<InvitationPreview> LookupAsync(string token, CancellationToken cancellationToken)
    {
        var holder = await invitations.FindByTokenAsync(InvitationTokenRules.HashOfRequested(token), cancellationToken);
        if (InvitationTokenRules.Refusal(holder?.Invitation, holder?.TokenReplaced ?? false, clock.Now()) is { } refusal)
        {
            throw refusal;
        }

        var invitation = holder!.Invitation;
        return new InvitationPreview(
            invitation.OrganizationId,
            // Stored at apply; an invitation made before names were stored gets today's configured name.
            invitation.OrganizationDisplayName != invitation.OrganizationId ? invitation.OrganizationDisplayName : options.OrganizationDisplayName(invitation.OrganizationId),
            invitation.InviterDisplayName,
            invitation.Email,
            invitation.FirstName,
            invitation.LastName,
            invitation.Permissions.Order(StringComparer.Ordinal).Select(id => new PermissionGranted(id, catalog.Find(id)?.Description ?? "")).ToList(),
            invitation.ExpireTime,
            invitation.PersonalMessage);
    }
}
