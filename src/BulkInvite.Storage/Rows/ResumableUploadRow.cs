using BulkInvite.Core.Importing;

namespace BulkInvite.Storage.Rows;

/// <summary>The columns of the resumable_uploads table, as Dapper reads them.</summary>
internal sealed class ResumableUploadRow
{
    public const string Columns =
        "upload_id, organization_id, subject, file_name, size_bytes, sha256, persisted_size, start_time, last_write_time, import_id";

    public string UploadId { get; set; } = "";
    public string OrganizationId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string FileName { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";
    public long PersistedSize { get; set; }
    public long StartTime { get; set; }
    public long LastWriteTime { get; set; }
    public string? ImportId { get; set; }

    public static object Parameters(ResumableUpload upload) => new
    {
        upload.UploadId,
        upload.OrganizationId,
        upload.Subject,
        upload.FileName,
        upload.SizeBytes,
        upload.Sha256,
        upload.PersistedSize,
        StartTime = upload.StartTime.ToUnixTimeMilliseconds(),
        LastWriteTime = upload.LastWriteTime.ToUnixTimeMilliseconds(),
        upload.ImportId,
    };

    public ResumableUpload ToRecord() => new()
    {
        UploadId = UploadId,
        OrganizationId = OrganizationId,
        Subject = Subject,
        FileName = FileName,
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        PersistedSize = PersistedSize,
        StartTime = DateTimeOffset.FromUnixTimeMilliseconds(StartTime),
        LastWriteTime = DateTimeOffset.FromUnixTimeMilliseconds(LastWriteTime),
        ImportId = ImportId,
    };
}
