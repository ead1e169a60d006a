using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Rows;

/// <summary>What an applied import did with a valid row.</summary>
public enum ApplyOutcome
{
    /// <summary>The import is not applied yet.</summary>
    NotApplied = 0,
    Invited = 1,
    SkippedAlreadyMember = 2,
    SkippedAlreadyInvited = 3,
}

/// <summary>One row of a results file: the stored row, its diagnostics, and what the apply did with it.</summary>
public sealed record ResultRow(
    int RowNumber,
    string Email,
    string FirstName,
    string LastName,
    string? Description,
    bool IsValid,
    ApplyOutcome Outcome,
    IReadOnlyList<Diagnostic> Diagnostics);
