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

    /// <summary>Valid rows whose address already has a pending invitation (ALREADY_INVITED): applying skips them.</summary>
    public int AlreadyInvitedRows => CountSkipped(RowDiagnostics).Invited;

    /// <summary>Valid rows whose address belongs to a member (ALREADY_MEMBER): applying skips them.</summary>
    public int AlreadyMemberRows => CountSkipped(RowDiagnostics).Members;

    /// <summary>Valid rows that applying will skip: <see cref="AlreadyInvitedRows"/> plus <see cref="AlreadyMemberRows"/>.</summary>
    public int RowsToSkip => CountSkipped(RowDiagnostics) is var (invited, members) ? invited + members : 0;

    /// <summary>
    /// The users applying will invite, as of the check: the valid rows less those it will skip
    /// (an invitation or a membership made since may skip a few more; the apply's counts are final).
    /// </summary>
    public int RowsToInvite => IsRejected ? 0 : Math.Max(0, Import.ValidRows - RowsToSkip);

    // A row with both warnings counts once, as a member's.
    private static (int Invited, int Members) CountSkipped(IReadOnlyList<Diagnostic> diagnostics)
    {
        var members = diagnostics.Where(d => d.Code == DiagnosticCode.AlreadyMember).Select(d => d.RowNumber).ToHashSet();
        var invited = diagnostics.Where(d => d.Code == DiagnosticCode.AlreadyInvited && !members.Contains(d.RowNumber)).Select(d => d.RowNumber).ToHashSet();
        return (invited.Count, members.Count);
    }
}
