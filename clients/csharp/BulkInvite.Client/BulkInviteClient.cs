using System.Runtime.CompilerServices;
using BulkInvite.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace BulkInvite.Client;

/// <summary>
/// A client of the BulkInvite service (bulkinvite.v1.UserImportService): upload a spreadsheet of
/// users, check it, and invite its valid users with one set of permissions; and of its invitations
/// and members (bulkinvite.v1.InvitationService). Failed calls throw a
/// <see cref="BulkInviteException"/> subclass. Thread-safe; create one and reuse it.
/// </summary>
public sealed partial class BulkInviteClient : IDisposable
{
    /// <summary>The largest chunk the server accepts in an upload: 1 MiB.</summary>
    public const int MaxChunkBytes = 1024 * 1024;

    private const int PageSize = 1000;

    private readonly GrpcChannel? _ownedChannel;
    private readonly CallRunner _runner;

    /// <summary>
    /// A client of the server at <paramref name="serverUrl"/>, such as http://localhost:5000, calling
    /// with <paramref name="token"/>: a bearer token for one organization, which every call needs.
    /// </summary>
    public BulkInviteClient(string serverUrl, string? token = null)
        : this(serverUrl, new BulkInviteClientOptions { Token = token })
    {
    }

    /// <summary>A client of the server at <paramref name="serverUrl"/>, with its own channel.</summary>
    public BulkInviteClient(string serverUrl, BulkInviteClientOptions options)
        : this(GrpcChannel.ForAddress(serverUrl), options, ownsChannel: true)
    {
    }

    /// <summary>A client over a channel the caller configured and keeps ownership of.</summary>
    public BulkInviteClient(GrpcChannel channel, string? token = null)
        : this(channel, new BulkInviteClientOptions { Token = token })
    {
    }

    /// <summary>A client over a channel the caller configured and keeps ownership of.</summary>
    public BulkInviteClient(GrpcChannel channel, BulkInviteClientOptions options)
        : this(channel, options, ownsChannel: false)
    {
    }

    private BulkInviteClient(GrpcChannel channel, BulkInviteClientOptions options, bool ownsChannel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _ownedChannel = ownsChannel ? channel : null;
        _runner = new CallRunner(options);
        var invoker = channel.CreateCallInvoker().WithBearerToken(options.Token);
        Generated = new UserImportService.UserImportServiceClient(invoker);
        GeneratedInvitations = new InvitationService.InvitationServiceClient(invoker);
    }

    /// <summary>The generated client underneath, with the token attached, for calls this class does not wrap.</summary>
    public UserImportService.UserImportServiceClient Generated { get; }

    /// <summary>
    /// The whole flow, as TypeScript's importFile and Python's import_file run it: uploads the file,
    /// checks it, reads every diagnostic and, when the file is not rejected and has valid rows,
    /// applies <paramref name="permissions"/> to them (with one request id, reused on retry). The
    /// result says what it came to (<see cref="ImportResult.Outcome"/>, <see cref="ImportResult.Summary"/>).
    /// </summary>
    public async Task<ImportResult> ImportFileAsync(
        string path, string organizationId, IEnumerable<string> permissions, ImportFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        var uploaded = options?.Resumable == true
            ? await UploadFileResumablyAsync(path, organizationId, options.Progress, cancellationToken)
            : await UploadFileAsync(path, organizationId, options?.Progress, cancellationToken);
        var check = await CheckAsync(uploaded.ImportId, cancellationToken);
        if (check.IsRejected || check.Import.ValidRows == 0)
        {
            return new ImportResult(check.Import, check.FileDiagnostics, check.RowDiagnostics, 0, 0);
        }

        var applied = await ApplyAsync(uploaded.ImportId, permissions, options?.Apply, cancellationToken);
        return new ImportResult(applied.Import, check.FileDiagnostics, check.RowDiagnostics, applied.InvitedCount, applied.SkippedCount);
    }

    /// <summary>Uploads a file for <paramref name="organizationId"/> and returns the new import (UPLOADED); <see cref="CheckAsync"/> and <see cref="ApplyAsync(string, IEnumerable{string}, ApplyOptions?, CancellationToken)"/> continue it.</summary>
    public async Task<Import> UploadFileAsync(string path, string organizationId, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await UploadFileAsync(file, Path.GetFileName(path), organizationId, progress, cancellationToken);
    }

    /// <summary>
    /// Uploads the rest of <paramref name="content"/> as <paramref name="fileName"/> for
    /// <paramref name="organizationId"/> and returns the new import (UPLOADED). The size and SHA-256
    /// are sent first, so the server verifies the bytes; a stream that cannot seek is first copied to
    /// a temporary file to compute them. Not retried: a failed upload keeps nothing, so upload again.
    /// </summary>
    public async Task<Import> UploadFileAsync(Stream content, string fileName, string organizationId, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            return await FileUpload.SendAsync(Generated, content, fileName, organizationId, progress, cancellationToken);
        }

        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return await FileUpload.SendAsync(Generated, copy, fileName, organizationId, progress, cancellationToken);
    }

    /// <summary>
    /// Uploads a file for <paramref name="organizationId"/> with the resumable upload and returns the
    /// new import (UPLOADED), as <see cref="UploadFileAsync(string, string, IProgress{UploadProgress}?, CancellationToken)"/>
    /// does: chunks of at most 1 MiB, each written at its offset, the size and SHA-256 verified by the
    /// server. When a write fails because the server cannot be reached (a dropped connection,
    /// UNAVAILABLE, a restart), it asks the server how many bytes it has and continues from there,
    /// for up to <see cref="BulkInviteClientOptions.ResumeWithin"/>; on PostgreSQL any replica can
    /// continue it. Progress reports the bytes the server has stored. If it gives up or is cancelled,
    /// it cancels the upload on the server.
    /// </summary>
    public async Task<Import> UploadFileResumablyAsync(string path, string organizationId, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous);
        return await UploadFileResumablyAsync(file, Path.GetFileName(path), organizationId, progress, cancellationToken);
    }

    /// <summary>
    /// Uploads the rest of <paramref name="content"/> as <paramref name="fileName"/> with the resumable
    /// upload (see the path overload). The stream is read again from where a resumed upload continues,
    /// so one that cannot seek is first copied to a temporary file.
    /// </summary>
    public async Task<Import> UploadFileResumablyAsync(Stream content, string fileName, string organizationId, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            return await ResumableFileUpload.SendAsync(Generated, _runner, content, fileName, organizationId, progress, cancellationToken);
        }

        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return await ResumableFileUpload.SendAsync(Generated, _runner, copy, fileName, organizationId, progress, cancellationToken);
    }

    /// <summary>
    /// Checks an uploaded import (the first call runs the check, later ones return the stored result)
    /// and gathers every page of its diagnostics.
    /// </summary>
    public async Task<CheckResult> CheckAsync(string importId, CancellationToken cancellationToken = default)
    {
        var rows = new List<Diagnostic>();
        var token = "";
        CheckImportResponse page;
        do
        {
            var request = new CheckImportRequest { ImportId = importId, PageSize = PageSize, PageToken = token };
            page = await _runner.RetryingAsync(options => Generated.CheckImportAsync(request, options).ResponseAsync, cancellationToken);
            rows.AddRange(page.RowDiagnostics);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return new CheckResult(page.Import, [.. page.FileDiagnostics], rows);
    }

    /// <summary>
    /// Grants <paramref name="permissions"/> to every valid user of a checked import and invites them.
    /// One request id is chosen for the call and sent again by every retry, so a retry after a lost
    /// answer returns the stored result instead of inviting anyone twice.
    /// </summary>
    public Task<ApplyPermissionsResponse> ApplyAsync(string importId, IEnumerable<string> permissions, CancellationToken cancellationToken = default) =>
        ApplyAsync(importId, permissions, null, cancellationToken);

    /// <summary>
    /// <inheritdoc cref="ApplyAsync(string, IEnumerable{string}, CancellationToken)"/> The options add a
    /// personal message, the invitations' lifetime, and the confirmation privileged permissions need
    /// (without it, granting one is a <see cref="FailedPreconditionException"/> whose
    /// <see cref="FailedPreconditionException.PrivilegedPermissions"/> names them).
    /// </summary>
    public async Task<ApplyPermissionsResponse> ApplyAsync(string importId, IEnumerable<string> permissions, ApplyOptions? options, CancellationToken cancellationToken = default)
    {
        var request = new ApplyPermissionsRequest
        {
            ImportId = importId,
            Permissions = { permissions },
            RequestId = Guid.NewGuid().ToString("N"),
            PersonalMessage = options?.PersonalMessage ?? "",
            InvitationLifetime = options?.InvitationLifetime is { } lifetime ? Duration.FromTimeSpan(lifetime) : null,
            ConfirmPrivilegedPermissions = options?.ConfirmPrivilegedPermissions ?? false,
        };
        return await _runner.RetryingAsync(options => Generated.ApplyPermissionsAsync(request, options).ResponseAsync, cancellationToken);
    }

    /// <summary>Returns one import.</summary>
    public async Task<Import> GetImportAsync(string importId, CancellationToken cancellationToken = default)
    {
        var request = new GetImportRequest { ImportId = importId };
        var response = await _runner.RetryingAsync(options => Generated.GetImportAsync(request, options).ResponseAsync, cancellationToken);
        return response.Import;
    }

    /// <summary>Every import of an organization, newest first, fetched a page at a time as it is enumerated.</summary>
    public IAsyncEnumerable<Import> ListImportsAsync(string organizationId, CancellationToken cancellationToken = default) =>
        AllPagesAsync(
            (token, options) => Generated.ListImportsAsync(new ListImportsRequest { OrganizationId = organizationId, PageSize = PageSize, PageToken = token }, options).ResponseAsync,
            page => (page.Imports, page.NextPageToken),
            cancellationToken);

    /// <summary>
    /// An organization's audit trail, newest first: who uploaded, checked, applied, deleted or purged
    /// which import, fetched a page at a time as it is enumerated. Needs organization.admin.
    /// </summary>
    public IAsyncEnumerable<AuditEvent> ListAuditEventsAsync(string organizationId, CancellationToken cancellationToken = default) =>
        AllPagesAsync(
            (token, options) => Generated.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = organizationId, PageSize = PageSize, PageToken = token }, options).ResponseAsync,
            page => (page.Events, page.NextPageToken),
            cancellationToken);

    /// <summary>
    /// Deletes an import's file, staged users and diagnostics (invitations stay). Not retried: a
    /// retry after a lost answer would report NOT_FOUND for an import that was deleted.
    /// </summary>
    public async Task DeleteImportAsync(string importId, CancellationToken cancellationToken = default)
    {
        var request = new DeleteImportRequest { ImportId = importId };
        await _runner.OnceAsync(options => Generated.DeleteImportAsync(request, options).ResponseAsync, cancellationToken);
    }

    /// <summary>
    /// Writes a sample file that passes the check (CSV or XLSX) to <paramref name="destination"/> and
    /// returns the file name the server suggests for it.
    /// </summary>
    public async Task<string> DownloadSampleAsync(FileFormat format, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var request = new GetSampleFileRequest { Format = format };
        return await _runner.OnceAsync(async options =>
        {
            using var call = Generated.GetSampleFile(request, options);
            return await CopyStreamedFileAsync(call, m => (m.FileName, m.Chunk), destination, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Writes every chunk of a streamed file to <paramref name="destination"/>; returns the file name of its first message.</summary>
    private static async Task<string> CopyStreamedFileAsync<T>(AsyncServerStreamingCall<T> call, Func<T, (string FileName, Google.Protobuf.ByteString Chunk)> parts, Stream destination, CancellationToken cancellationToken)
    {
        var fileName = "";
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            var (name, chunk) = parts(call.ResponseStream.Current);
            fileName = fileName.Length == 0 ? name : fileName;
            await destination.WriteAsync(chunk.Memory, cancellationToken);
        }

        return fileName;
    }

    /// <summary>The permissions that <see cref="ApplyAsync(string, IEnumerable{string}, ApplyOptions?, CancellationToken)"/> accepts, in catalog order.</summary>
    public async Task<IReadOnlyList<Permission>> ListPermissionsAsync(CancellationToken cancellationToken = default)
    {
        var response = await _runner.RetryingAsync(options => Generated.ListPermissionsAsync(new ListPermissionsRequest(), options).ResponseAsync, cancellationToken);
        return [.. response.Permissions];
    }

    /// <summary>Disposes the channel when the client created it.</summary>
    public void Dispose() => _ownedChannel?.Dispose();

    // Fetches page after page, each call retried on its own, until the server gives no next page token.
    private async IAsyncEnumerable<TItem> AllPagesAsync<TPage, TItem>(
        Func<string, CallOptions, Task<TPage>> fetch,
        Func<TPage, (IEnumerable<TItem> Items, string NextPageToken)> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = "";
        do
        {
            var page = await _runner.RetryingAsync(options => fetch(token, options), cancellationToken);
            var (items, next) = read(page);
            foreach (var item in items)
            {
                yield return item;
            }

            token = next;
        }
        while (token.Length > 0);
    }
}
