using System.Buffers;
using System.Security.Cryptography;
using BulkInvite.V1;
using Google.Protobuf;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// The UploadImportFile protocol: the metadata (with the size and SHA-256, so the server verifies
/// the bytes) first, then the content in chunks of at most 1 MiB.
/// </summary>
internal static class FileUpload
{
    public static async Task<Import> SendAsync(
        UserImportService.UserImportServiceClient client,
        Stream content,
        string fileName,
        string organizationId,
        IProgress<UploadProgress>? progress,
        CancellationToken cancellationToken)
    {
        var start = content.Position;
        var size = content.Length - start;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = start;

        // No deadline: a large file takes as long as the network needs.
        using var call = client.UploadImportFile(new CallOptions(cancellationToken: cancellationToken));
        try
        {
            await call.RequestStream.WriteAsync(new UploadImportFileRequest
            {
                Metadata = new ImportFileMetadata { OrganizationId = organizationId, FileName = fileName, SizeBytes = size, Sha256 = sha256 },
            }, cancellationToken);
            await SendChunksAsync(call.RequestStream, content, size, progress, cancellationToken);
            await call.RequestStream.CompleteAsync();
            return (await call.ResponseAsync).Import;
        }
        catch (RpcException e)
        {
            throw CallRunner.Translate(e, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // The server ended the call while chunks were still going out (an upload over its limit,
            // say): its status, not the failed write, says what happened.
            throw await StatusOfEndedCallAsync(call, cancellationToken) ?? e;
        }
    }

    private static async Task SendChunksAsync(
        IClientStreamWriter<UploadImportFileRequest> requests, Stream content, long size, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BulkInviteClient.MaxChunkBytes);
        try
        {
            long sent = 0;
            progress?.Report(new UploadProgress(0, size));
            int read;
            while ((read = await content.ReadAtLeastAsync(buffer.AsMemory(0, BulkInviteClient.MaxChunkBytes), BulkInviteClient.MaxChunkBytes, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                await requests.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
                sent += read;
                progress?.Report(new UploadProgress(sent, size));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<Exception?> StatusOfEndedCallAsync(AsyncClientStreamingCall<UploadImportFileRequest, UploadImportFileResponse> call, CancellationToken cancellationToken)
    {
        try
        {
            await call.ResponseAsync;
            return null;
        }
        catch (RpcException e)
        {
            return CallRunner.Translate(e, cancellationToken);
        }
    }
}
