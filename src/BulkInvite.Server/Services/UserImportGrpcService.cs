using BulkInvite.Core.Access;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Rows;
using BulkInvite.Core.Samples;
using BulkInvite.Server.Security;
using BulkInvite.V1;
using Google.Protobuf;
using Grpc.Core;
using DomainFormat = BulkInvite.Core.Reading.FileFormat;

namespace BulkInvite.Server.Services;

/// <summary>
/// bulkinvite.v1.UserImportService: maps messages to the import flow and back. Errors flow to
/// <see cref="Hosting.ErrorMappingInterceptor"/>.
/// </summary>
internal sealed class UserImportGrpcService(
    ImportUploader uploader,
    ResumableUploader resumable,
    ImportChecker checker,
    PermissionApplier applier,
    ImportQueries queries,
    PermissionCatalog catalog,
    RowEditor rows,
    ResultsExporter results,
    BulkInviteOptions options) : UserImportService.UserImportServiceBase
{
    private const int SampleChunkBytes = 64 * 1024;

    public override async Task<UploadImportFileResponse> UploadImportFile(IAsyncStreamReader<UploadImportFileRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (!await NextAsync(requestStream, cancellationToken) || requestStream.Current.ContentCase != UploadImportFileRequest.ContentOneofCase.Metadata)
        {
            throw new InvalidRequestException("metadata", "The first message of the stream must carry the metadata.");
        }

        var metadata = requestStream.Current.Metadata;
        await using var session = await uploader.BeginAsync(context.GetCaller(), metadata.ToDomain(), cancellationToken);
        while (await NextAsync(requestStream, cancellationToken))
        {
            if (requestStream.Current.ContentCase != UploadImportFileRequest.ContentOneofCase.Chunk)
            {
                throw new InvalidRequestException("chunk", "Every message after the first must carry a chunk (only the first carries metadata).");
            }

            await session.WriteAsync(requestStream.Current.Chunk.Memory, cancellationToken);
        }

        var import = await session.CompleteAsync(cancellationToken);
        return new UploadImportFileResponse { Import = import.ToProto() };
    }

    /// <summary>The next message, or UploadIdleException when the client sends nothing for the idle timeout.</summary>
    private async Task<bool> NextAsync(IAsyncStreamReader<UploadImportFileRequest> requestStream, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(options.UploadIdleTimeout);
        try
        {
            return await requestStream.MoveNext(idle.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new UploadIdleException(options.UploadIdleTimeout);
        }
    }

    public override async Task<StartResumableUploadResponse> StartResumableUpload(StartResumableUploadRequest request, ServerCallContext context)
    {
        var metadata = request.Metadata ?? throw new InvalidRequestException("metadata", "metadata is required: what will be uploaded, and for whom.");
        var uploadId = await resumable.StartAsync(context.GetCaller(), metadata.ToDomain(), context.CancellationToken);
        return new StartResumableUploadResponse { UploadId = uploadId, MaxChunkBytes = BulkInviteOptions.MaxChunkBytes };
    }

    public override async Task<WriteUploadResponse> WriteUpload(WriteUploadRequest request, ServerCallContext context)
    {
        var write = new UploadWrite(request.UploadId, request.WriteOffset, request.Data.Memory, request.FinishWrite, request.Sha256);
        var status = await resumable.WriteAsync(context.GetCaller(), write, context.CancellationToken);
        return new WriteUploadResponse { PersistedSize = status.PersistedSize, Import = status.Import?.ToProto() };
    }

    public override async Task<QueryUploadStatusResponse> QueryUploadStatus(QueryUploadStatusRequest request, ServerCallContext context)
    {
        var status = await resumable.QueryAsync(context.GetCaller(), request.UploadId, context.CancellationToken);
        return new QueryUploadStatusResponse { PersistedSize = status.PersistedSize, Complete = status.Import is not null, Import = status.Import?.ToProto() };
    }

    public override async Task<CancelResumableUploadResponse> CancelResumableUpload(CancelResumableUploadRequest request, ServerCallContext context)
    {
        await resumable.CancelAsync(context.GetCaller(), request.UploadId, context.CancellationToken);
        return new CancelResumableUploadResponse();
    }

    public override async Task<CheckImportResponse> CheckImport(CheckImportRequest request, ServerCallContext context) =>
        (await checker.CheckAsync(context.GetCaller(), request.ImportId, request.PageSize, request.PageToken, context.CancellationToken)).ToProto();

    public override async Task StreamCheckImport(StreamCheckImportRequest request, IServerStreamWriter<StreamCheckImportResponse> responseStream, ServerCallContext context)
    {
        var progress = new Core.Importing.CheckProgress();
        var check = checker.CheckAsync(context.GetCaller(), request.ImportId, request.PageSize, null, context.CancellationToken, progress);
        while (await Task.WhenAny(check, Task.Delay(options.CheckProgressInterval, context.CancellationToken)) != check)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (progress.Started)
            {
                await responseStream.WriteAsync(new StreamCheckImportResponse { Progress = progress.ToProto() }, context.CancellationToken);
            }
        }

        await responseStream.WriteAsync(new StreamCheckImportResponse { Result = (await check).ToProto() }, context.CancellationToken);
    }

    public override async Task<ListImportRowsResponse> ListImportRows(ListImportRowsRequest request, ServerCallContext context)
    {
        var (page, next) = await rows.ListAsync(context.GetCaller(), request.ImportId, (Core.Rows.RowFilter)request.Filter, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListImportRowsResponse { Rows = { page.Select(r => r.ToProto()) }, NextPageToken = next };
    }

    public override async Task<UpdateImportRowsResponse> UpdateImportRows(UpdateImportRowsRequest request, ServerCallContext context)
    {
        var result = await rows.UpdateAsync(context.GetCaller(), request.ImportId, request.Edits.Select(e => e.ToDomain()).ToList(), context.CancellationToken);
        return new UpdateImportRowsResponse
        {
            Import = result.Import.ToProto(),
            Rows = { result.Rows.Select(r => r.ToProto()) },
            AffectedRowNumbers = { result.AffectedRowNumbers },
        };
    }

    public override async Task<RemoveImportRowsResponse> RemoveImportRows(RemoveImportRowsRequest request, ServerCallContext context)
    {
        var result = await rows.RemoveAsync(context.GetCaller(), request.ImportId, request.RowNumbers, context.CancellationToken);
        return new RemoveImportRowsResponse { Import = result.Import.ToProto(), AffectedRowNumbers = { result.AffectedRowNumbers } };
    }

    /// <summary>
    /// Writes the file to a temporary file that is deleted when closed (an XLSX package cannot be
    /// written to a network stream as it goes), then streams it: memory stays that of a buffer.
    /// </summary>
    public override async Task ExportImportResults(ExportImportResultsRequest request, IServerStreamWriter<ExportImportResultsResponse> responseStream, ServerCallContext context)
    {
        var (fileName, write) = await results.PrepareAsync(context.GetCaller(), request.ImportId, (DomainFormat)request.Format, (Core.Rows.ResultsScope)request.Scope, context.CancellationToken);
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, SampleChunkBytes, FileOptions.DeleteOnClose);
        await Task.Run(() => write(file), context.CancellationToken);
        file.Position = 0;
        var buffer = new byte[SampleChunkBytes];
        var first = true;
        int read;
        while ((read = await file.ReadAsync(buffer, context.CancellationToken)) > 0 || first)
        {
            await responseStream.WriteAsync(new ExportImportResultsResponse
            {
                FileName = first ? fileName : "",
                Chunk = ByteString.CopyFrom(buffer, 0, read),
            }, context.CancellationToken);
            first = false;
        }
    }

    public override async Task<ApplyPermissionsResponse> ApplyPermissions(ApplyPermissionsRequest request, ServerCallContext context)
    {
        var import = await applier.ApplyAsync(context.GetCaller(), request.ToDomain(), context.CancellationToken);
        return new ApplyPermissionsResponse { InvitedCount = import.InvitedCount, SkippedCount = import.SkippedCount, Import = import.ToProto() };
    }

    public override async Task<GetImportResponse> GetImport(GetImportRequest request, ServerCallContext context) =>
        new() { Import = (await queries.GetAsync(context.GetCaller(), request.ImportId, context.CancellationToken)).ToProto() };

    public override async Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context)
    {
        var (imports, next) = await queries.ListAsync(context.GetCaller(), request.OrganizationId, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListImportsResponse { Imports = { imports.Select(i => i.ToProto()) }, NextPageToken = next };
    }

    public override async Task<DeleteImportResponse> DeleteImport(DeleteImportRequest request, ServerCallContext context)
    {
        await queries.DeleteAsync(context.GetCaller(), request.ImportId, context.CancellationToken);
        return new DeleteImportResponse();
    }

    public override async Task GetSampleFile(GetSampleFileRequest request, IServerStreamWriter<GetSampleFileResponse> responseStream, ServerCallContext context)
    {
        var format = (DomainFormat)request.Format;
        if (format is not (DomainFormat.Csv or DomainFormat.Xlsx))
        {
            throw new InvalidRequestException("format", "format must be FILE_FORMAT_CSV or FILE_FORMAT_XLSX.");
        }

        using var file = new MemoryStream();
        SampleFile.Write(format, file);
        var bytes = file.GetBuffer().AsMemory(0, (int)file.Length);
        for (var offset = 0; offset < bytes.Length; offset += SampleChunkBytes)
        {
            var chunk = bytes.Slice(offset, Math.Min(SampleChunkBytes, bytes.Length - offset));
            await responseStream.WriteAsync(new GetSampleFileResponse
            {
                FileName = offset == 0 ? SampleFile.FileName(format) : "",
                Chunk = ByteString.CopyFrom(chunk.Span),
            }, context.CancellationToken);
        }
    }

    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var (events, next) = await queries.ListAuditEventsAsync(context.GetCaller(), request.OrganizationId, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListAuditEventsResponse { Events = { events.Select(e => e.ToProto()) }, NextPageToken = next };
    }

    public override Task<ListPermissionsResponse> ListPermissions(ListPermissionsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListPermissionsResponse
        {
            Permissions = { CallerProfile.For(context.GetCaller(), catalog, options).Permissions.Select(p => p.ToProto()) },
        });

    public override Task<GetCallerResponse> GetCaller(GetCallerRequest request, ServerCallContext context) =>
        Task.FromResult(CallerProfile.For(context.GetCaller(), catalog, options).ToProto());
}
