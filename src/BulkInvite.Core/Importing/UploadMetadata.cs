namespace BulkInvite.Core.Importing;

/// <summary>What a client says about a file before sending it; size and digest are optional (0 and "").</summary>
public sealed record UploadMetadata(string OrganizationId, string FileName, long SizeBytes, string Sha256);
