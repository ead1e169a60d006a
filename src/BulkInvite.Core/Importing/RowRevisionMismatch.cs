namespace BulkInvite.Core.Importing;

/// <summary>A row whose stored revision is not the one the edit was made from.</summary>
public sealed record RowRevisionMismatch(int RowNumber, long ExpectedRevision, long StoredRevision)
{
    public override string ToString() =>
        FormattableString.Invariant($"row {RowNumber} is at revision {StoredRevision}, not {ExpectedRevision}");
}
