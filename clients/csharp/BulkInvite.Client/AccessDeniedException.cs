using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>UNAUTHENTICATED or PERMISSION_DENIED: the token is missing, wrong, or does not allow the call.</summary>
public sealed class AccessDeniedException : BulkInviteException
{
    internal AccessDeniedException(RpcException exception)
        : base(exception)
    {
    }
}
