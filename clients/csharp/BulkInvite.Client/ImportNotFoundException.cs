using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>NOT_FOUND: no import has this id (or it was deleted, or belongs to another organization).</summary>
public sealed class ImportNotFoundException : NotFoundException
{
    internal ImportNotFoundException(RpcException exception)
        : base(exception)
    {
    }

    /// <summary>The id that was not found, when the server named it.</summary>
    public string? ImportId => IdIn("imports");
}
