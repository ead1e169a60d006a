namespace BulkInvite.Storage;

/// <summary>The check both upload stores make on the id a file is stored under.</summary>
internal static class UploadIds
{
    /// <summary>
    /// Import ids are server-made lowercase hex; anything else is a caller's bug, and must never name
    /// a path outside the uploads folder or another row.
    /// </summary>
    public static string Require(string importId) =>
        importId.Length > 0 && importId.All(char.IsAsciiHexDigitLower)
            ? importId
            : throw new ArgumentException("Not an import id.", nameof(importId));
}
