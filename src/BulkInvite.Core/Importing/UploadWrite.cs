namespace BulkInvite.Core.Importing;

/// <summary>One WriteUpload request.</summary>
/// <param name="WriteOffset">Where in the file <paramref name="Data"/> starts.</param>
/// <param name="Sha256">With <paramref name="FinishWrite"/>: the whole file's lowercase hex SHA-256.</param>
public sealed record UploadWrite(string UploadId, long WriteOffset, ReadOnlyMemory<byte> Data, bool FinishWrite, string Sha256);
