using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// NOT_FOUND: what the call named does not exist for the caller (an unknown id, a deleted import,
/// or another organization's). <see cref="ImportNotFoundException"/> and
/// <see cref="InvitationNotFoundException"/> say which kind.
/// </summary>
public class NotFoundException : BulkInviteException
{
    /// <summary>Wraps a NOT_FOUND call; the ResourceInfo detail names what was not found.</summary>
    protected NotFoundException(RpcException exception)
        : base(exception)
    {
        Resource = RpcStatus.GetDetail<ResourceInfo>();
    }

    /// <summary>The google.rpc.ResourceInfo detail naming what was not found, when the server sent one.</summary>
    public ResourceInfo? Resource { get; }

    /// <summary>The resource that was not found, when the server named it ("imports/{id}", "invitations/{id}").</summary>
    public string? ResourceName => Resource?.ResourceName;

    /// <summary>The id in the resource name, when it names one of that collection.</summary>
    protected string? IdIn(string collection) =>
        ResourceName is { } name && name.StartsWith(collection + "/", StringComparison.Ordinal) ? name[(collection.Length + 1)..] : null;

    /// <summary>The subclass for the resource type the server names (an import when it names none).</summary>
    internal static NotFoundException For(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<ResourceInfo>()?.ResourceType switch
        {
            InvitationNotFoundException.ResourceType => new InvitationNotFoundException(exception),
            _ => new ImportNotFoundException(exception),
        };
}
