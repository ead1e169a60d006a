namespace BulkInvite.Core.Importing;

/// <summary>An upload sent nothing for too long; it was abandoned and nothing was kept (DEADLINE_EXCEEDED).</summary>
public sealed class UploadIdleException(TimeSpan idle)
    : BulkInviteException($"The upload sent nothing for {idle.TotalSeconds:0} s, so it was cancelled and nothing was kept. Upload the file again.");
