using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// ABORTED, ROW_REVISION_MISMATCH: rows were changed by someone else since the revisions an edit was
/// made from, so nothing of the call was stored. Read the rows again and redo the edits.
/// </summary>
public sealed class RowsChangedException : BulkInviteException
{
    internal RowsChangedException(RpcException exception)
        : base(exception)
    {
        Violations = [.. RpcStatus.GetDetail<PreconditionFailure>()?.Violations ?? []];
    }

    /// <summary>One violation per changed row; its Subject names it: imports/{import_id}/rows/{row_number}.</summary>
    public IReadOnlyList<PreconditionFailure.Types.Violation> Violations { get; }
}
