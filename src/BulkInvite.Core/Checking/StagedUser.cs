namespace BulkInvite.Core.Checking;

/// <summary>
/// One user row as stored after the check, whatever its verdict: its trimmed values and, when the
/// address is valid, the address's duplicate key. <see cref="IsValid"/> is false when the row has an
/// error (its address, another cell, or a duplicate of an earlier row); such a row is kept so that
/// what the check saw can be listed and fixed, and so later rows with the same address are reported
/// as duplicates of it.
/// </summary>
/// <param name="NormalizedEmail">The address's duplicate key; null when the address is missing or invalid.</param>
public sealed record StagedUser(
    int RowNumber,
    string Email,
    string? NormalizedEmail,
    string FirstName,
    string LastName,
    string? Description,
    bool IsValid);
