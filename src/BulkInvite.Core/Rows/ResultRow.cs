using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Rows;

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

