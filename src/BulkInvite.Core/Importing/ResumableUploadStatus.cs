namespace BulkInvite.Core.Importing;

/// <summary>What a resumable upload holds after a call: the bytes stored, and its import once finished.</summary>
public sealed record ResumableUploadStatus(long PersistedSize, ImportRecord? Import);
