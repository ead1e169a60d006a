namespace BulkInvite.Core.Checking;

/// <summary>
/// A row whose address is valid, as stored after the check: the trimmed values and the address's
/// duplicate key. <see cref="IsValid"/> is false when another cell of the row has an error; such
/// a row is kept only so later rows with the same address are reported as duplicates of it.
/// </summary>
public sealed record StagedUser(
    int RowNumber,
    string Email,
    string NormalizedEmail,
    string FirstName,
    string LastName,
    string? Description,
    bool IsValid);
