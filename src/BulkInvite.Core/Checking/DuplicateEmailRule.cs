namespace BulkInvite.Core.Checking;

/// <summary>
/// Rule 8 of docs/import-rules.md: an address may appear on one row; the first row with it keeps it,
/// every later row with it is a DUPLICATE_EMAIL error naming that first row. The check and an edit of
/// rows word it alike, from here.
/// </summary>
public static class DuplicateEmailRule
{
    public static Diagnostic Diagnostic(int rowNumber, int firstRow, string rawEmail) =>
        Checking.Diagnostic.ForRow(rowNumber, UserColumns.Email, DiagnosticCode.DuplicateEmail,
            $"This address already appears on row {firstRow}; each user can be listed once. Remove this row.", rawEmail);

    /// <summary>Adds the duplicate to a row's diagnostics after its other Email ones, so they stay in column order.</summary>
    public static void InsertAfterEmailDiagnostics(List<Diagnostic> diagnostics, Diagnostic duplicate)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var index = diagnostics.FindLastIndex(d => d.Column == UserColumns.Email) + 1;
        diagnostics.Insert(index, duplicate);
    }
}
