using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>NOT_FOUND: no invitation has this id in the caller's organization.</summary>
public sealed class InvitationNotFoundException : NotFoundException
{
    /// <summary>The ResourceInfo resource type the server gives invitations.</summary>
    internal const string ResourceType = "bulkinvite.v1.Invitation";

    internal InvitationNotFoundException(RpcException exception)
        : base(exception)
    {
    }

    /// <summary>The id that was not found, when the server named it.</summary>
    public string? InvitationId => IdIn("invitations");
}
