using BulkInvite.V1;
using Google.Protobuf;
using Grpc.Core;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>The calls the tests make, as a client would make them.</summary>
public static class Calls
{
    public const string Organization = "acme";

    /// <summary>Streams a file: the metadata first, then chunks.</summary>
    public static async Task<Import> UploadAsync(
        this UserImportService.UserImportServiceClient client,
        byte[] content,
        string fileName = "users.csv",
        string organizationId = Organization,
        int chunkSize = 64 * 1024,
        long sizeBytes = 0,
        string sha256 = "")
    {
        using var call = client.UploadImportFile(cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new UploadImportFileRequest
            {
                Metadata = new ImportFileMetadata { OrganizationId = organizationId, FileName = fileName, SizeBytes = sizeBytes, Sha256 = sha256 },
            });
            for (var offset = 0; offset < content.Length; offset += chunkSize)
            {
                await call.RequestStream.WriteAsync(new UploadImportFileRequest
                {
                    Chunk = ByteString.CopyFrom(content, offset, Math.Min(chunkSize, content.Length - offset)),
                });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call before the stream did (a refusal, a limit): its status is the response's.
        }

        return (await call).Import;
    }

    public static async Task<CheckImportResponse> CheckAsync(this UserImportService.UserImportServiceClient client, string importId, int pageSize = 0, string pageToken = "") =>
        await client.CheckImportAsync(new CheckImportRequest { ImportId = importId, PageSize = pageSize, PageToken = pageToken }, cancellationToken: TestContext.Current.CancellationToken);

    public static async Task<ApplyPermissionsResponse> ApplyAsync(this UserImportService.UserImportServiceClient client, string importId, string requestId = "", params string[] permissions) =>
        await client.ApplyPermissionsAsync(new ApplyPermissionsRequest { ImportId = importId, Permissions = { permissions }, RequestId = requestId }, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Every row diagnostic of a checked import, following the page tokens.</summary>
    public static async Task<List<Diagnostic>> AllRowDiagnosticsAsync(this UserImportService.UserImportServiceClient client, string importId, int pageSize = 0)
    {
        var all = new List<Diagnostic>();
        var token = "";
        do
        {
            var page = await client.CheckAsync(importId, pageSize, token);
            all.AddRange(page.RowDiagnostics);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }

    /// <summary>Runs a call that must fail and returns its exception.</summary>
    public static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
}
