using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Rows;

/// <summary>
/// New values for some cells of one row, made from the row at <see cref="ExpectedRevision"/>; a null
/// value keeps the cell.
/// </summary>
public sealed record RowEdit(int RowNumber, long ExpectedRevision, string? Email, string? FirstName, string? LastName, string? Description)
{
    public bool HasValue => Email is not null || FirstName is not null || LastName is not null || Description is not null;
}
