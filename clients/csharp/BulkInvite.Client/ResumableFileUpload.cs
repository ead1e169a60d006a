using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using BulkInvite.V1;
using Google.Protobuf;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// The resumable upload protocol (StartResumableUpload, WriteUpload at write_offset, finish_write
/// with the SHA-256): when a write fails because the server could not be reached (a dropped
/// connection, UNAVAILABLE, a server restarting), the client waits, asks QueryUploadStatus how many
/// bytes the server has, and continues from there, for as long as
/// <see cref="BulkInviteClientOptions.ResumeWithin"/> allows.
/// </summary>
internal static class ResumableFileUpload
{
    public static async Task<Import> SendAsync(
        UserImportService.UserImportServiceClient client,
        CallRunner runner,
        Stream content,
        string fileName,
        string organizationId,
        IProgress<UploadProgress>? progress,
        CancellationToken cancellationToken)
    {
        var start = content.Position;
        var size = content.Length - start;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        var metadata = new ImportFileMetadata { OrganizationId = organizationId, FileName = fileName, SizeBytes = size, Sha256 = sha256 };
        var started = await runner.RetryingAsync(
            options => client.StartResumableUploadAsync(new StartResumableUploadRequest { Metadata = metadata }, options).ResponseAsync, cancellationToken);
        var upload = new Upload(client, runner, started.UploadId, content, start, size, sha256, Math.Clamp(started.MaxChunkBytes, 1, BulkInviteClient.MaxChunkBytes));
        try
        {
            return await upload.SendAsync(progress, cancellationToken);
        }
        catch
        {
            // Free the organization's upload slot now rather than when the upload expires.
            await upload.AbandonAsync();
            throw;
        }
    }

    private sealed class Upload(
        UserImportService.UserImportServiceClient client, CallRunner runner, string uploadId, Stream content, long start, long size, string sha256, int chunkBytes)
    {
        public async Task<Import> SendAsync(IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
            try
            {
                long offset = 0;
                progress?.Report(new UploadProgress(0, size));
                for (; ; )
                {
                    if (offset > size)
                    {
                        throw new InvalidOperationException($"The server holds {offset} bytes of upload {uploadId}, more than the {size} of the file: another client wrote to it.");
                    }

                    content.Position = start + offset;
                    var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, (int)Math.Min(chunkBytes, size - offset)), (int)Math.Min(chunkBytes, size - offset), throwOnEndOfStream: true, cancellationToken);
                    var finish = offset + read == size;
                    var request = new WriteUploadRequest
                    {
                        UploadId = uploadId,
                        WriteOffset = offset,
                        Data = ByteString.CopyFrom(buffer, 0, read),
                        FinishWrite = finish,
                        Sha256 = finish ? sha256 : "",
                    };
                    WriteUploadResponse written;
                    try
                    {
                        written = await client.WriteUploadAsync(request, runner.Options(cancellationToken));
                    }
                    catch (RpcException e) when (CallRunner.IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
                    {
                        var status = await ResumeAsync(e, cancellationToken);
                        if (status.Import is not null)
                        {
                            progress?.Report(new UploadProgress(status.PersistedSize, size));
                            return status.Import;
                        }

                        offset = status.PersistedSize;
                        progress?.Report(new UploadProgress(offset, size));
                        continue;
                    }
                    catch (RpcException e)
                    {
                        throw CallRunner.Translate(e, cancellationToken);
                    }

                    offset = written.PersistedSize;
                    progress?.Report(new UploadProgress(offset, size));
                    if (written.Import is not null)
                    {
                        return written.Import;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>
        /// Waits with backoff and asks the server how much of the upload it has, until it answers or the
        /// time to resume runs out; the last failure is then the answer.
        /// </summary>
        private async Task<QueryUploadStatusResponse> ResumeAsync(RpcException failure, CancellationToken cancellationToken)
        {
            var trying = Stopwatch.StartNew();
            for (var attempt = 1; ; attempt++)
            {
                if (trying.Elapsed >= runner.ResumeWithin)
                {
                    throw CallRunner.Translate(failure, cancellationToken);
                }

                await runner.BackoffAsync(attempt, cancellationToken);
                try
                {
                    return await client.QueryUploadStatusAsync(new QueryUploadStatusRequest { UploadId = uploadId }, runner.Options(cancellationToken));
                }
                catch (RpcException e) when (CallRunner.IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
                {
                    failure = e;
                }
                catch (RpcException e)
                {
                    throw CallRunner.Translate(e, cancellationToken);
                }
            }
        }

        /// <summary>Cancels the upload on the server, if it can be reached within a few seconds; it expires anyway.</summary>
        public async Task AbandonAsync()
        {
            try
            {
                await client.CancelResumableUploadAsync(new CancelResumableUploadRequest { UploadId = uploadId }, deadline: DateTime.UtcNow.AddSeconds(5));
            }
            catch (RpcException)
            {
                // The upload expires after the server's idle timeout.
            }
        }
    }
}
