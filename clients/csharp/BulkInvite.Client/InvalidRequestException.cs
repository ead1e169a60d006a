using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>INVALID_ARGUMENT: the request itself is wrong; <see cref="FieldViolations"/> says which fields and why.</summary>
public sealed class InvalidRequestException : BulkInviteException
{
    internal InvalidRequestException(RpcException exception)
        : base(exception)
    {
        FieldViolations = [.. RpcStatus.GetDetail<BadRequest>()?.FieldViolations ?? []];
    }

    /// <summary>The google.rpc.BadRequest field violations, such as <c>permissions[0]</c> or <c>metadata.sha256</c>.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations { get; } = [];
}
