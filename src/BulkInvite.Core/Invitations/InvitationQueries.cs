using BulkInvite.Core.Access;
using BulkInvite.Core.Importing;

namespace BulkInvite.Core.Invitations;

/// <summary>ListInvitations, GetInvitation and ListMembers, as the caller may: inviters of the organization.</summary>
public sealed class InvitationQueries(IInvitationRepository invitations, TimeProvider clock)
{
    public async Task<InvitationRecord> GetAsync(Caller caller, string invitationId, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        var id = InvitationIds.Parse(invitationId);
        return (await invitations.FindAsync(id, cancellationToken)).VisibleTo(caller, invitationId).AsOf(clock.Now());
    }

    public async Task<(IReadOnlyList<InvitationRecord> Invitations, string NextPageToken)> ListAsync(
        Caller caller, InvitationFilter filter, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        AccessRules.RequireInviter(caller);
        RequireOrganization(caller, filter.OrganizationId);
        if (!Enum.IsDefined(filter.Status))
        {
            throw new InvalidRequestException("status", "status is not a known invitation status.");
        }

        var limit = PageToken.PageSize(pageSize);
        var scope = $"invitations:{filter.OrganizationId}:{(int)filter.Status}:{filter.ImportId}";
        long? before = PageToken.Decode(pageToken, scope, 1) is [var id] ? PageToken.ParseNumber(id) : null;
        var now = clock.Now();
        var page = await invitations.ListAsync(filter, now, before, limit + 1, cancellationToken);
        var next = page.Count > limit ? PageToken.Encode(scope, PageToken.Format(page[limit - 1].InvitationId)) : "";
        return (page.Take(limit).Select(i => i.AsOf(now)).ToList(), next);
    }

    public async Task<(IReadOnlyList<MemberRecord> Members, string NextPageToken)> ListMembersAsync(
        Caller caller, string organizationId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        RequireOrganization(caller, organizationId);
        var limit = PageToken.PageSize(pageSize);
        var scope = "members:" + organizationId;
        var after = PageToken.Decode(pageToken, scope, 1) is [var email] ? Uri.UnescapeDataString(email) : null;
        var page = await invitations.ListMembersAsync(organizationId, after, limit + 1, cancellationToken);
        // Escaped, because a position must not contain the token's separator.
        var next = page.Count > limit ? PageToken.Encode(scope, Uri.EscapeDataString(page[limit - 1].NormalizedEmail)) : "";
        return (page.Take(limit).ToList(), next);
    }

    private static void RequireOrganization(Caller caller, string organizationId)
    {
        if (string.IsNullOrWhiteSpace(organizationId))
        {
            throw new InvalidRequestException("organization_id", "organization_id is required.");
        }

        AccessRules.RequireOwnOrganization(caller, organizationId, "organization_id");
    }
}
