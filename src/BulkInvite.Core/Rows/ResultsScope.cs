using BulkInvite.Core.Access;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Rows;

/// <summary>Which rows a results file holds; the numbers are those of <c>bulkinvite.v1.ResultsScope</c>.</summary>
public enum ResultsScope
{
    /// <summary>As <see cref="AllRows"/>.</summary>
    Unspecified = 0,
    AllRows = 1,
    RowsToFix = 2,
}
