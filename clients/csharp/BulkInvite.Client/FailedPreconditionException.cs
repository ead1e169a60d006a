using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// FAILED_PRECONDITION: the import is not in a state that allows the call, such as applying an
/// import that is not checked, was rejected, or was applied with other permissions.
/// </summary>
public sealed class FailedPreconditionException : BulkInviteException
{
    internal FailedPreconditionException(RpcException exception)
        : base(exception)
    {
        Violations = [.. RpcStatus.GetDetail<PreconditionFailure>()?.Violations ?? []];
    }

    /// <summary>The google.rpc.PreconditionFailure violations; their Type is IMPORT_NOT_CHECKED, IMPORT_REJECTED or IMPORT_ALREADY_APPLIED.</summary>
    public IReadOnlyList<PreconditionFailure.Types.Violation> Violations { get; } = [];
}
