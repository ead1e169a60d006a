using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>RESOURCE_EXHAUSTED: a server limit was passed, such as the largest file it accepts.</summary>
public sealed class QuotaExceededException : BulkInviteException
{
    internal QuotaExceededException(RpcException exception)
        : base(exception)
    {
        Violations = [.. RpcStatus.GetDetail<QuotaFailure>()?.Violations ?? []];
    }

    /// <summary>The google.rpc.QuotaFailure violations: what the limit applies to, and the limit.</summary>
    public IReadOnlyList<QuotaFailure.Types.Violation> Violations { get; } = [];
}
