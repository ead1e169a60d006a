using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// UNAVAILABLE or DEADLINE_EXCEEDED: the server could not be reached or did not answer in time,
/// still so after the retries of calls that can safely be repeated.
/// </summary>
public sealed class ServerUnavailableException : BulkInviteException
{
    internal ServerUnavailableException(RpcException exception)
        : base(exception)
    {
    }
}
