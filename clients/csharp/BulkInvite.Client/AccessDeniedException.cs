using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// PERMISSION_DENIED: the token is valid but does not allow the call: the caller lacks a permission
/// (<see cref="MissingPermissions"/>), or the request names an organization other than the token's.
/// </summary>
public sealed class AccessDeniedException : BulkInviteException
{
    internal AccessDeniedException(RpcException exception)
        : base(exception)
    {
        MissingPermissions = ErrorInfo?.Metadata.TryGetValue("missing_permissions", out var missing) == true
            ? missing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
    }

    /// <summary>
    /// The permissions the caller lacks, from the ErrorInfo metadata <c>missing_permissions</c>, such as
    /// <c>members.invite</c> to import or a permission an inviter tried to grant without holding it.
    /// Empty when no permission would help (a request for another organization).
    /// </summary>
    public IReadOnlyList<string> MissingPermissions { get; }
}
