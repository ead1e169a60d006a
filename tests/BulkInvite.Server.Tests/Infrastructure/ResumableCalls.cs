using System.Security.Cryptography;
using BulkInvite.V1;
using Google.Protobuf;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>The resumable upload calls the tests make, as a browser's client makes them.</summary>
public static class ResumableCalls
{
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Starts an upload of <paramref name="content"/>'s size and digest (or of the ones given), and returns its id.</summary>
    public static async Task<string> StartAsync(
        this UserImportService.UserImportServiceClient client, byte[]? content = null, string fileName = "users.csv", string organizationId = Calls.Organization, long? sizeBytes = null, string? sha256 = null)
    {
        var response = await client.StartResumableUploadAsync(new StartResumableUploadRequest
        {
            Metadata = new ImportFileMetadata
            {
                OrganizationId = organizationId,
                FileName = fileName,
                SizeBytes = sizeBytes ?? content?.Length ?? 0,
                Sha256 = sha256 ?? (content is null ? "" : Sha256(content)),
            },
        }, cancellationToken: TestContext.Current.CancellationToken);
        return response.UploadId;
    }

    /// <summary>Writes <paramref name="count"/> bytes of <paramref name="content"/> from <paramref name="offset"/>, at that offset.</summary>
    public static async Task<WriteUploadResponse> WriteAsync(
        this UserImportService.UserImportServiceClient client, string uploadId, byte[] content, int offset, int count, bool finish = false, string? sha256 = null) =>
        await client.WriteUploadAsync(new WriteUploadRequest
        {
            UploadId = uploadId,
            WriteOffset = offset,
            Data = ByteString.CopyFrom(content, offset, count),
            FinishWrite = finish,
            Sha256 = finish ? sha256 ?? Sha256(content) : "",
        }, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Writes the rest of <paramref name="content"/> from <paramref name="offset"/> in chunks, the last one finishing, and returns the import.</summary>
    public static async Task<Import> WriteRestAsync(this UserImportService.UserImportServiceClient client, string uploadId, byte[] content, int offset = 0, int chunkSize = 1000)
    {
        for (; ; offset += chunkSize)
        {
            var count = Math.Min(chunkSize, content.Length - offset);
            var finish = offset + count == content.Length;
            var written = await client.WriteAsync(uploadId, content, offset, count, finish);
            if (finish)
            {
                return written.Import;
            }
        }
    }

    /// <summary>StartResumableUpload, then every byte in chunks: what the web page does.</summary>
    public static async Task<Import> UploadResumablyAsync(this UserImportService.UserImportServiceClient client, byte[] content, string fileName = "users.csv", int chunkSize = 1000) =>
        await client.WriteRestAsync(await client.StartAsync(content, fileName), content, 0, chunkSize);

    public static async Task<QueryUploadStatusResponse> QueryAsync(this UserImportService.UserImportServiceClient client, string uploadId) =>
        await client.QueryUploadStatusAsync(new QueryUploadStatusRequest { UploadId = uploadId }, cancellationToken: TestContext.Current.CancellationToken);

    public static async Task CancelAsync(this UserImportService.UserImportServiceClient client, string uploadId) =>
        await client.CancelResumableUploadAsync(new CancelResumableUploadRequest { UploadId = uploadId }, cancellationToken: TestContext.Current.CancellationToken);
}
