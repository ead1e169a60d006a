using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>NOT_FOUND: no import has this id (or it was deleted).</summary>
public sealed class ImportNotFoundException : BulkInviteException
{
    internal ImportNotFoundException(RpcException exception)
        : base(exception)
    {
        Resource = RpcStatus.GetDetail<ResourceInfo>();
    }

    /// <summary>The google.rpc.ResourceInfo detail naming the missing import, when the server sent one.</summary>
    public ResourceInfo? Resource { get; }

    /// <summary>The id that was not found, when the server named it (the resource name is "imports/{id}").</summary>
    public string? ImportId => Resource?.ResourceName is { } name && name.StartsWith("imports/", StringComparison.Ordinal) ? name["imports/".Length..] : null;
}
