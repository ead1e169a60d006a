using BulkInvite.V1;

namespace BulkInvite.Client;

/// <summary>The whole result of a check: the import and every diagnostic, all pages gathered.</summary>
/// <param name="Import">The import after the check: CHECKED or REJECTED, with its row counts.</param>
/// <param name="FileDiagnostics">Problems with the file as a whole; an error here means the file was rejected.</param>
/// <param name="RowDiagnostics">Problems with rows and cells, ordered by row number.</param>
public sealed record CheckResult(Import Import, IReadOnlyList<Diagnostic> FileDiagnostics, IReadOnlyList<Diagnostic> RowDiagnostics)
{
    /// <summary>True when the file has a file-level error and nothing can be applied.</summary>
    public bool IsRejected => Import.State == ImportState.Rejected;
}
