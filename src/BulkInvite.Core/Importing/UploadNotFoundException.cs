namespace BulkInvite.Core.Importing;

/// <summary>
/// No resumable upload with this id for the caller's organization: it never existed, was cancelled,
/// expired, belongs to another organization, or made an import that is gone (NOT_FOUND).
/// </summary>
public sealed class UploadNotFoundException(string uploadId)
    : BulkInviteException($"Upload \"{uploadId}\" was not found: it never existed, was cancelled, or expired after sending nothing for the idle timeout. Start the upload again.")
{
    public string UploadId { get; } = uploadId;
}
