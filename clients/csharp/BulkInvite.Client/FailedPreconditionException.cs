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

    /// <summary>
    /// The google.rpc.PreconditionFailure violations; their Type is the reason, such as
    /// IMPORT_NOT_CHECKED, IMPORT_REJECTED, IMPORT_ALREADY_APPLIED or PRIVILEGED_PERMISSIONS_NOT_CONFIRMED.
    /// </summary>
    public IReadOnlyList<PreconditionFailure.Types.Violation> Violations { get; } = [];

    /// <summary>
    /// For PRIVILEGED_PERMISSIONS_NOT_CONFIRMED: the privileged permissions the apply would grant (apply
    /// again with <see cref="ApplyOptions.ConfirmPrivilegedPermissions"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<string> PrivilegedPermissions =>
        [.. Violations.Where(v => v.Type == PrivilegedNotConfirmed).Select(v => v.Subject)];

    private const string PrivilegedNotConfirmed = "PRIVILEGED_PERMISSIONS_NOT_CONFIRMED";
}
