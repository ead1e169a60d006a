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
