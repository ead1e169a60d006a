namespace BulkInvite.Client;

/// <summary>How much of a file has been sent.</summary>
/// <param name="BytesSent">The bytes handed to the server so far.</param>
/// <param name="TotalBytes">The size of the whole file.</param>
public readonly record struct UploadProgress(long BytesSent, long TotalBytes);
