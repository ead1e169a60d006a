namespace BulkInvite.Core.Importing;

/// <summary>The import is not in a state that allows the operation (FAILED_PRECONDITION).</summary>
/// <param name="reason">The unmet condition, such as <see cref="ErrorReason.ImportNotChecked"/>.</param>
public sealed class ImportStateException(string importId, ErrorReason reason, string message)
    : BulkInviteException(message)
{
    public string ImportId { get; } = importId;
    public ErrorReason Reason { get; } = reason;
}
