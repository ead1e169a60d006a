using System.Security.Cryptography;

namespace BulkInvite.Core.Importing;

/// <summary>Import and upload ids: 128 random bits as 32 lowercase hex digits, so they cannot be guessed.</summary>
public static class ImportIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether the id could have been made by <see cref="New"/>; any other one names nothing.</summary>
    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Refuses an empty id with INVALID_ARGUMENT; any other unknown id is NOT_FOUND later.</summary>
    public static string Require(string? importId, string field = "import_id") =>
        string.IsNullOrWhiteSpace(importId)
            ? throw new InvalidRequestException(field, $"{field} is required.")
            : importId;
}
