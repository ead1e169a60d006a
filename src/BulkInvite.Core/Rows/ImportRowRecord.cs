using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Rows;

/// <summary>
/// One user row of a checked import as stored: its trimmed values, the address's duplicate key (null
/// when the address is missing or invalid), its verdict, its revision (1 until its first edit) and its
/// diagnostics in the order found.
/// </summary>
public sealed record ImportRowRecord(
    int RowNumber,
    string Email,
    string FirstName,
    string LastName,
    string? Description,
    string? NormalizedEmail,
    bool IsValid,
    long Revision,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Which rows of an import to list; the numbers are those of <c>bulkinvite.v1.RowFilter</c>.</summary>
public enum RowFilter
{
    All = 0,

    /// <summary>Rows with at least one error.</summary>
    Errors = 1,

    /// <summary>Valid rows with at least one warning.</summary>
    Warnings = 2,
}

/// <summary>
/// New values for some cells of one row, made from the row at <see cref="ExpectedRevision"/>; a null
/// value keeps the cell.
/// </summary>
public sealed record RowEdit(int RowNumber, long ExpectedRevision, string? Email, string? FirstName, string? LastName, string? Description)
{
    public bool HasValue => Email is not null || FirstName is not null || LastName is not null || Description is not null;
}

/// <summary>What UpdateImportRows answers: the import after the edits, the edited rows as stored, and the other rows whose diagnostics changed.</summary>
public sealed record RowUpdateResult(Importing.ImportRecord Import, IReadOnlyList<ImportRowRecord> Rows, IReadOnlyList<int> AffectedRowNumbers);

/// <summary>What RemoveImportRows answers: the import after the removal and the other rows whose diagnostics changed.</summary>
public sealed record RowRemovalResult(Importing.ImportRecord Import, IReadOnlyList<int> AffectedRowNumbers);
