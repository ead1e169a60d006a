using BulkInvite.Core.Invitations;
using BulkInvite.Server.Security;
using BulkInvite.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DomainStatus = BulkInvite.Core.Invitations.InvitationStatus;

namespace BulkInvite.Server.Services;

/// <summary>
/// bulkinvite.v1.InvitationService: maps messages to the invitation lifecycle and back. Errors flow to
/// <see cref="Hosting.ErrorMappingInterceptor"/>.
/// </summary>
internal sealed class InvitationGrpcService(InvitationQueries queries, InvitationActions actions, InvitationAcceptor acceptor, InvitationPreviewer previewer)
    : InvitationService.InvitationServiceBase
{
    public override async Task<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, ServerCallContext context)
    {
        var filter = new InvitationFilter(request.OrganizationId, (DomainStatus)request.Status, request.ImportId.Length > 0 ? request.ImportId : null);
        var (invitations, next) = await queries.ListAsync(context.GetCaller(), filter, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListInvitationsResponse { Invitations = { invitations.Select(i => i.ToProto()) }, NextPageToken = next };
    }

    public override async Task<GetInvitationResponse> GetInvitation(GetInvitationRequest request, ServerCallContext context) =>
        new() { Invitation = (await queries.GetAsync(context.GetCaller(), request.InvitationId, context.CancellationToken)).ToProto() };

    public override async Task<RevokeInvitationResponse> RevokeInvitation(RevokeInvitationRequest request, ServerCallContext context) =>
        new() { Invitation = (await actions.RevokeAsync(context.GetCaller(), request.InvitationId, context.CancellationToken)).ToProto() };

    public override async Task<ResendInvitationResponse> ResendInvitation(ResendInvitationRequest request, ServerCallContext context) =>
        new() { Invitation = (await actions.ResendAsync(context.GetCaller(), request.InvitationId, request.RequestId, context.CancellationToken)).ToProto() };

    /// <summary>Open to callers without a bearer token: the invitation token in the request is the credential.</summary>
    [AllowAnonymous]
    public override async Task<LookupInvitationResponse> LookupInvitation(LookupInvitationRequest request, ServerCallContext context) =>
        new() { Invitation = (await previewer.LookupAsync(request.Token, context.CancellationToken)).ToProto() };

    /// <summary>Open to callers without a bearer token: the invitation token in the request is the credential.</summary>
    [AllowAnonymous]
    public override async Task<AcceptInvitationResponse> AcceptInvitation(AcceptInvitationRequest request, ServerCallContext context)
    {
        var (member, invitation) = await acceptor.AcceptAsync(request.Token, context.CancellationToken);
        return new AcceptInvitationResponse { Member = member.ToProto(), Invitation = invitation.ToProto() };
    }

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var (members, next) = await queries.ListMembersAsync(context.GetCaller(), request.OrganizationId, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListMembersResponse { Members = { members.Select(m => m.ToProto()) }, NextPageToken = next };
    }
}
