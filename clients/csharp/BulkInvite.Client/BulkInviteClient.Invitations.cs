using BulkInvite.V1;

namespace BulkInvite.Client;

/// <summary>The invitations the applied imports created, and the members who accepted them (bulkinvite.v1.InvitationService).</summary>
public sealed partial class BulkInviteClient
{
    /// <summary>The generated InvitationService client underneath, with the token attached.</summary>
    public InvitationService.InvitationServiceClient GeneratedInvitations { get; }

    /// <summary>
    /// An organization's invitations, newest first, each with the delivery of its email, fetched a
    /// page at a time as it is enumerated; only those with <paramref name="status"/> (all when
    /// Unspecified) and of <paramref name="importId"/> (all when null or empty).
    /// </summary>
    public IAsyncEnumerable<Invitation> ListInvitationsAsync(
        string organizationId, InvitationStatus status = InvitationStatus.Unspecified, string? importId = null, CancellationToken cancellationToken = default) =>
        AllPagesAsync(
            (token, options) => GeneratedInvitations.ListInvitationsAsync(
                new ListInvitationsRequest { OrganizationId = organizationId, Status = status, ImportId = importId ?? "", PageSize = PageSize, PageToken = token },
                options).ResponseAsync,
            page => (page.Invitations, page.NextPageToken),
            cancellationToken);

    /// <summary>Returns one invitation.</summary>
    public async Task<Invitation> GetInvitationAsync(string invitationId, CancellationToken cancellationToken = default)
    {
        var request = new GetInvitationRequest { InvitationId = invitationId };
        return (await _runner.RetryingAsync(options => GeneratedInvitations.GetInvitationAsync(request, options).ResponseAsync, cancellationToken)).Invitation;
    }

    /// <summary>
    /// Sends an invitation again with a new link and a new expiry (the old link is refused from
    /// then on). One request id is chosen for the call and sent again by every retry, so a retry
    /// after a lost answer returns the invitation as the resend left it instead of sending another email.
    /// </summary>
    public async Task<Invitation> ResendInvitationAsync(string invitationId, CancellationToken cancellationToken = default)
    {
        var request = new ResendInvitationRequest { InvitationId = invitationId, RequestId = Guid.NewGuid().ToString("N") };
        return (await _runner.RetryingAsync(options => GeneratedInvitations.ResendInvitationAsync(request, options).ResponseAsync, cancellationToken)).Invitation;
    }

    /// <summary>
    /// Revokes a pending invitation: its link is refused from then on, and an email not sent yet is
    /// cancelled. Not retried: a retry after a lost answer would be refused as already revoked.
    /// </summary>
    public async Task<Invitation> RevokeInvitationAsync(string invitationId, CancellationToken cancellationToken = default)
    {
        var request = new RevokeInvitationRequest { InvitationId = invitationId };
        return (await _runner.OnceAsync(options => GeneratedInvitations.RevokeInvitationAsync(request, options).ResponseAsync, cancellationToken)).Invitation;
    }

    /// <summary>An organization's members, by address, fetched a page at a time as it is enumerated.</summary>
    public IAsyncEnumerable<Member> ListMembersAsync(string organizationId, CancellationToken cancellationToken = default) =>
        AllPagesAsync(
            (token, options) => GeneratedInvitations.ListMembersAsync(new ListMembersRequest { OrganizationId = organizationId, PageSize = PageSize, PageToken = token }, options).ResponseAsync,
            page => (page.Members, page.NextPageToken),
            cancellationToken);
}
