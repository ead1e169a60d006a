using System.Globalization;
using System.Security.Cryptography;
using BulkInvite.Core.Access;
using BulkInvite.Core.Reading;
using BulkInvite.Core.Telemetry;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Resumable uploads (StartResumableUpload, WriteUpload, QueryUploadStatus, CancelResumableUpload):
/// the unary alternative to UploadImportFile, whose bytes are stored as they arrive so a client
/// continues after a dropped connection or a server restart. The same checks, limits and import as
/// <see cref="ImportUploader"/>; writes to one upload take turns (<see cref="IResumableUploadStore.BeginWrite"/>).
/// </summary>
public sealed class ResumableUploader(
    ImportUploader uploader, IResumableUploadStore uploads, IImportRepository imports, UploadSlots slots, BulkInviteOptions options, TimeProvider clock, BulkInviteTelemetry telemetry)
{
    /// <summary>
    /// Checks the metadata and the caller as UploadImportFile does, takes an upload slot and records
    /// the upload; returns its id.
    /// </summary>
    public async Task<string> StartAsync(Caller caller, UploadMetadata metadata, CancellationToken cancellationToken)
    {
        uploader.Admit(caller, metadata);
        var now = clock.Now();
        var upload = new ResumableUpload
        {
            UploadId = ImportIds.New(),
            OrganizationId = metadata.OrganizationId,
            Subject = caller.Subject,
            FileName = metadata.FileName,
            SizeBytes = metadata.SizeBytes,
            Sha256 = metadata.Sha256.ToLowerInvariant(),
            PersistedSize = 0,
            StartTime = now,
            LastWriteTime = now,
        };
        await slots.StartResumableAsync(upload, cancellationToken);
        return upload.UploadId;
    }

    /// <summary>
    /// Stores the bytes of the write past what is stored (a gap is INVALID_ARGUMENT), and on the
    /// finishing write verifies the whole file and makes its import.
    /// </summary>
    public Task<ResumableUploadStatus> WriteAsync(Caller caller, UploadWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        AccessRules.RequireInviter(caller);
        var uploadId = RequireUploadId(write.UploadId);
        var violations = new List<FieldViolation>();
        if (write.WriteOffset < 0)
        {
            violations.Add(new("write_offset", "write_offset cannot be negative."));
        }

        if (write.Data.Length > BulkInviteOptions.MaxChunkBytes)
        {
            violations.Add(new("data", string.Create(CultureInfo.InvariantCulture, $"data has {write.Data.Length:N0} bytes; at most {BulkInviteOptions.MaxChunkBytes:N0} (max_chunk_bytes) are allowed.")));
        }

        if (write.FinishWrite && !ImportUploader.IsSha256(write.Sha256))
        {
            violations.Add(new("sha256", "The finishing write needs sha256: the lowercase hex SHA-256 of the whole file (64 characters)."));
        }

        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        if (!ImportIds.IsWellFormed(uploadId))
        {
            throw new UploadNotFoundException(uploadId);
        }

        // The store's transactions block (file writes, SQLite's writer): off the request's thread.
        return Task.Run(() => WriteAsync(caller, uploadId, write), cancellationToken);
    }

    /// <summary>How many bytes the upload holds, and its import once finished.</summary>
    public async Task<ResumableUploadStatus> QueryAsync(Caller caller, string uploadId, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        uploadId = RequireUploadId(uploadId);
        var upload = VisibleTo(ImportIds.IsWellFormed(uploadId) ? await uploads.FindAsync(uploadId, cancellationToken) : null, caller, uploadId);
        return new ResumableUploadStatus(upload.PersistedSize, upload.Finished ? await FinishedImportAsync(upload) : null);
    }

    /// <summary>
    /// Deletes an upload in progress and its bytes, freeing its slot. One that is gone (or never was,
    /// or is another organization's) is left as it is and the call succeeds; a finished one is
    /// FAILED_PRECONDITION.
    /// </summary>
    public Task CancelAsync(Caller caller, string uploadId, CancellationToken cancellationToken)
    {
        AccessRules.RequireInviter(caller);
        uploadId = RequireUploadId(uploadId);
        return ImportIds.IsWellFormed(uploadId) ? Task.Run(() => CancelAsync(caller, uploadId), cancellationToken) : Task.CompletedTask;
    }

    private async Task<ResumableUploadStatus> WriteAsync(Caller caller, string uploadId, UploadWrite write)
    {
        using var transaction = uploads.BeginWrite(uploadId);
        var upload = VisibleTo(transaction.Upload, caller, uploadId);
        if (upload.Finished)
        {
            return await RepeatedFinishAsync(upload, write);
        }

        if (write.WriteOffset > upload.PersistedSize)
        {
            throw new InvalidRequestException("write_offset", string.Create(CultureInfo.InvariantCulture,
                $"write_offset is {write.WriteOffset:N0} but the server has {upload.PersistedSize:N0} bytes of the upload: write from persisted_size, leaving no gap."));
        }

        // Bytes the server has already (a retry whose answer was lost) are skipped, not compared.
        var tail = write.Data[(int)Math.Min(upload.PersistedSize - write.WriteOffset, write.Data.Length)..];
        if (upload.PersistedSize + tail.Length > options.MaxUploadBytes)
        {
            throw uploader.UploadTooLarge(upload.OrganizationId);
        }

        transaction.Append(tail, clock.Now());
        if (!write.FinishWrite)
        {
            transaction.Commit();
            return new ResumableUploadStatus(transaction.Upload!.PersistedSize, null);
        }

        return Finish(transaction, caller, write.Sha256);
    }

    /// <summary>Verifies the stored file against the declared size and digests, then makes its import with the upload's id.</summary>
    private ResumableUploadStatus Finish(IResumableUploadTransaction transaction, Caller caller, string sha256)
    {
        var upload = transaction.Upload!;
        using var phase = telemetry.StartPhase(ImportPhase.Upload, upload.UploadId, upload.OrganizationId);
        FileFormat format;
        string stored;
        using (var file = transaction.OpenStoredBytes())
        {
            stored = Convert.ToHexStringLower(SHA256.HashData(file));
            var violations = ImportUploader.Mismatches(upload.Metadata, upload.PersistedSize, stored);
            if (!string.Equals(sha256, stored, StringComparison.OrdinalIgnoreCase))
            {
                violations.Insert(0, new("sha256", $"sha256 does not match the bytes stored (their SHA-256 is {stored})."));
            }

            if (violations.Count > 0)
            {
                // The bytes of this write are kept: a finish sent too early can send the rest and finish
                // again, a wrong digest can be sent again; anything else needs a new upload.
                transaction.Commit();
                throw new InvalidRequestException(
                    [.. violations, new("upload_id", "The upload is kept: write the missing bytes or finish with the right sha256, or cancel it and upload the file again.")]);
            }

            file.Position = 0;
            format = FileFormatDetector.Detect(file).Format;
        }

        var (import, audit) = uploader.NewImport(caller, upload.UploadId, upload.Metadata, format, upload.PersistedSize, stored);
        transaction.Finish(import, audit);
        telemetry.UploadBytes(import.SizeBytes);
        phase.Succeeded("uploaded", new Dictionary<string, long> { ["size_bytes"] = import.SizeBytes });
        return new ResumableUploadStatus(import.SizeBytes, import);
    }

    /// <summary>A finished upload answers a repeat of its finishing write with its import, and refuses any other write.</summary>
    private async Task<ResumableUploadStatus> RepeatedFinishAsync(ResumableUpload upload, UploadWrite write)
    {
        var import = await FinishedImportAsync(upload);
        if (write.FinishWrite && write.WriteOffset + write.Data.Length == upload.PersistedSize && string.Equals(write.Sha256, import.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return new ResumableUploadStatus(upload.PersistedSize, import);
        }

        throw new UploadFinishedException(upload.UploadId,
            $"Upload \"{upload.UploadId}\" is already finished: it made import \"{import.ImportId}\", which QueryUploadStatus returns. Start a new upload to send another file.");
    }

    private async Task CancelAsync(Caller caller, string uploadId)
    {
        using var transaction = uploads.BeginWrite(uploadId);
        if (transaction.Upload is not { } upload || upload.OrganizationId != caller.OrganizationId)
        {
            return;
        }

        if (upload.Finished && await imports.FindAsync(upload.ImportId!, CancellationToken.None) is { } import)
        {
            throw new UploadFinishedException(uploadId,
                $"Upload \"{uploadId}\" is already finished: it made import \"{import.ImportId}\". Delete the import (DeleteImport) to remove the file.");
        }

        transaction.Delete();
    }

    /// <summary>The import a finished upload made; when it is gone (deleted, purged), so is the upload.</summary>
    private async Task<ImportRecord> FinishedImportAsync(ResumableUpload upload) =>
        await imports.FindAsync(upload.ImportId!, CancellationToken.None) ?? throw new UploadNotFoundException(upload.UploadId);

    /// <summary>The upload, if it belongs to the caller's organization and has not expired; otherwise it does not exist for them.</summary>
    private ResumableUpload VisibleTo(ResumableUpload? upload, Caller caller, string uploadId) =>
        upload is not null && upload.OrganizationId == caller.OrganizationId && !upload.HasExpired(clock.Now(), options.UploadIdleTimeout)
            ? upload
            : throw new UploadNotFoundException(uploadId);

    private static string RequireUploadId(string? uploadId) =>
        string.IsNullOrWhiteSpace(uploadId)
            ? throw new InvalidRequestException("upload_id", "upload_id is required: the upload_id StartResumableUpload returned.")
            : uploadId;
}
