namespace BulkInvite.Core.Importing;

/// <summary>
/// Rows were changed since the revisions an edit was made from (ABORTED): nothing of the request was
/// stored. <see cref="RowNumbers"/> names each such row.
/// </summary>
public sealed class RowRevisionMismatchException(string importId, IReadOnlyList<RowRevisionMismatch> rows)
    : BulkInviteException(Describe(rows))
{
    public string ImportId { get; } = importId;

    public IReadOnlyList<RowRevisionMismatch> Rows { get; } = rows;

    private static string Describe(IReadOnlyList<RowRevisionMismatch> rows) =>
        "Rows were changed by someone else since you read them, so nothing was changed: " +
        string.Join(", ", rows.Select(r => r.ToString())) + ". List the rows again and redo the edits.";
}
