namespace BulkInvite.Core.Importing;

/// <summary>The resumable upload was already finished; QueryUploadStatus returns its import (FAILED_PRECONDITION, UPLOAD_ALREADY_FINISHED).</summary>
public sealed class UploadFinishedException(string uploadId, string message)
    : BulkInviteException(message)
{
    public string UploadId { get; } = uploadId;
}
