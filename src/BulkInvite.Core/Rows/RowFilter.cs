namespace BulkInvite.Core.Rows;

/// <summary>Which rows of an import to list; the numbers are those of <c>bulkinvite.v1.RowFilter</c>.</summary>
public enum RowFilter
{
    All = 0,

    /// <summary>Rows with at least one error.</summary>
    Errors = 1,

    /// <summary>Valid rows with at least one warning.</summary>
    Warnings = 2,
}
