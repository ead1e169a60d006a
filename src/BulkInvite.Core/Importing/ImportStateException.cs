namespace BulkInvite.Core.Importing;

/// <summary>The import is not in a state that allows the operation (FAILED_PRECONDITION).</summary>
/// <param name="violationType">A stable name for the unmet condition, such as IMPORT_NOT_CHECKED.</param>
public sealed class ImportStateException(string importId, string violationType, string message)
    : BulkInviteException(message)
{
    public string ImportId { get; } = importId;
    public string ViolationType { get; } = violationType;
}
