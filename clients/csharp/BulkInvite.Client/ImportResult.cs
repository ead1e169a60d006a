using BulkInvite.V1;

namespace BulkInvite.Client;

/// <summary>What an import came to, so that 0 invited users is never ambiguous.</summary>
public enum ImportOutcome
{
    /// <summary>At least one user was invited.</summary>
    Invited,

    /// <summary>The file had valid rows, but every one was already invited or a member.</summary>
    NobodyToInvite,

    /// <summary>Every row had errors (see <see cref="ImportResult.RowDiagnostics"/>); nothing was applied.</summary>
    NoValidRows,

    /// <summary>The file itself was refused (see <see cref="ImportResult.FileDiagnostics"/>); nothing was applied.</summary>
    Rejected,
}

/// <summary>
/// The whole flow's result (<see cref="BulkInviteClient.ImportFileAsync(string, string, IEnumerable{string}, ImportFileOptions?, CancellationToken)"/>),
/// as TypeScript's importFile and Python's import_file give it.
/// </summary>
/// <param name="Import">The import after the last call: APPLIED, or CHECKED / REJECTED when nothing was applied.</param>
/// <param name="FileDiagnostics">Diagnostics about the whole file; an error among them means REJECTED.</param>
/// <param name="RowDiagnostics">Every row diagnostic, ordered by row number.</param>
/// <param name="InvitedCount">Valid users invited.</param>
/// <param name="SkippedCount">Valid users skipped: already invited or members.</param>
public sealed record ImportResult(Import Import, IReadOnlyList<Diagnostic> FileDiagnostics, IReadOnlyList<Diagnostic> RowDiagnostics, int InvitedCount, int SkippedCount)
{
    public ImportOutcome Outcome =>
        Import.State == ImportState.Rejected ? ImportOutcome.Rejected
        : InvitedCount > 0 ? ImportOutcome.Invited
        : Import.ValidRows == 0 ? ImportOutcome.NoValidRows
        : ImportOutcome.NobodyToInvite;

    /// <summary>The outcome in one line for a person, such as "4 users invited to acme".</summary>
    public string Summary => Outcome switch
    {
        ImportOutcome.Rejected => $"File rejected, nobody invited to {Import.OrganizationId}: " +
            (FileDiagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } problem ? $"{problem.Code}: {problem.Message}" : "see FileDiagnostics"),
        ImportOutcome.NoValidRows => $"Nobody invited to {Import.OrganizationId}: every row has errors ({Import.InvalidRows}; see RowDiagnostics)",
        ImportOutcome.NobodyToInvite => $"Nobody invited to {Import.OrganizationId}: all {Import.ValidRows} valid rows are already invited or members",
        _ => $"{Users(InvitedCount)} invited to {Import.OrganizationId}" + (SkippedCount > 0 ? $" ({SkippedCount} skipped: already invited or members)" : ""),
    };

    private static string Users(int count) => count == 1 ? "1 user" : $"{count} users";
}

/// <summary>How <see cref="BulkInviteClient.ImportFileAsync(string, string, IEnumerable{string}, ImportFileOptions?, CancellationToken)"/> uploads and applies.</summary>
public sealed class ImportFileOptions
{
    /// <summary>Upload with the resumable upload (a dropped connection resumes) instead of one stream.</summary>
    public bool Resumable { get; init; }

    /// <summary>Reports the bytes sent (with <see cref="Resumable"/>, the bytes the server stored).</summary>
    public IProgress<UploadProgress>? Progress { get; init; }

    /// <summary>The personal message, lifetime and privileged confirmation of the apply.</summary>
    public ApplyOptions? Apply { get; init; }
}
