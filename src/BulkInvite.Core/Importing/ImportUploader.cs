using System.Globalization;
using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Reading;
using BulkInvite.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Starts streamed uploads (UploadImportFile): validates the metadata and opens a session that streams
/// to storage. The checks and the import it makes are shared with <see cref="ResumableUploader"/>.
/// </summary>
public sealed class ImportUploader(
    IImportRepository imports,
    IUploadStore files,
    IPrecheckStore prechecks,
    UploadPrechecks running,
    UploadSlots slots,
    BulkInviteOptions options,
    TimeProvider clock,
    BulkInviteTelemetry telemetry,
    ILogger<ImportUploader> logger)
{
    public const int MaxFileNameLength = 255;
    public const int MaxOrganizationIdLength = 128;

    /// <summary>
    /// Validates the metadata and the caller's right to invite into the organization, takes one of
    /// the organization's upload slots and opens a session; nothing is stored until it completes.
    /// </summary>
    public async Task<UploadSession> BeginAsync(Caller caller, UploadMetadata metadata, CancellationToken cancellationToken)
    {
        Admit(caller, metadata);
        var slot = await slots.AcquireAsync(caller.OrganizationId, cancellationToken);
        try
        {
            var importId = ImportIds.New();
            var target = files.Create(importId);
            UploadPrecheck? precheck;
            try
            {
                precheck = UploadPrecheck.Start(prechecks, options, clock, logger, importId, metadata.SizeBytes);
            }
            catch
            {
                await target.DisposeAsync();
                throw;
            }

            if (precheck is not null)
            {
                running.Add(importId, precheck);
            }

            return new UploadSession(this, caller, importId, metadata, target, precheck, slot, telemetry.StartPhase(ImportPhase.Upload, importId, caller.OrganizationId));
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What every upload, streamed or resumable, checks before its first byte: the metadata
    /// (INVALID_ARGUMENT naming each wrong field), the caller's right to invite into the organization
    /// (PERMISSION_DENIED), and a declared size within the upload limit (RESOURCE_EXHAUSTED).
    /// </summary>
    internal void Admit(Caller caller, UploadMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(metadata);
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(metadata.OrganizationId))
        {
            violations.Add(new("metadata.organization_id", "organization_id is required."));
        }
        else if (metadata.OrganizationId.Length > MaxOrganizationIdLength || metadata.OrganizationId.Any(char.IsControl))
        {
            violations.Add(new("metadata.organization_id", $"organization_id must be at most {MaxOrganizationIdLength} characters, without control characters."));
        }

        if (metadata.FileName.Length > MaxFileNameLength)
        {
            violations.Add(new("metadata.file_name", $"file_name has {metadata.FileName.Length} characters; at most {MaxFileNameLength} are allowed."));
        }
        else if (metadata.FileName.Any(char.IsControl))
        {
            violations.Add(new("metadata.file_name", "file_name cannot contain control characters."));
        }

        if (metadata.SizeBytes < 0)
        {
            violations.Add(new("metadata.size_bytes", "size_bytes cannot be negative."));
        }

        if (metadata.Sha256.Length > 0 && !IsSha256(metadata.Sha256))
        {
            violations.Add(new("metadata.sha256", "sha256 must be 64 hexadecimal digits, or empty."));
        }

        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        AccessRules.RequireInviter(caller);
        AccessRules.RequireOwnOrganization(caller, metadata.OrganizationId, "metadata.organization_id");
        if (metadata.SizeBytes > options.MaxUploadBytes)
        {
            throw UploadTooLarge(metadata.OrganizationId);
        }
    }

    internal static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);

    /// <summary>
    /// How the bytes received differ from what the metadata declared: a size (when it declared one)
    /// or a SHA-256 (when it declared one) that does not match. Empty when they match.
    /// </summary>
    internal static List<FieldViolation> Mismatches(UploadMetadata metadata, long received, string sha256)
    {
        var violations = new List<FieldViolation>();
        if (metadata.SizeBytes > 0 && metadata.SizeBytes != received)
        {
            violations.Add(new("metadata.size_bytes", string.Create(CultureInfo.InvariantCulture, $"size_bytes says {metadata.SizeBytes:N0} bytes but {received:N0} were received.")));
        }

        if (metadata.Sha256.Length > 0 && !string.Equals(metadata.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add(new("metadata.sha256", $"sha256 does not match the bytes received (their SHA-256 is {sha256})."));
        }

        return violations;
    }

    /// <summary>The import an upload makes, UPLOADED, and the audit entry "uploaded" that is stored with it.</summary>
    internal (ImportRecord Import, AuditEvent Audit) NewImport(Caller caller, string importId, UploadMetadata metadata, FileFormat format, long size, string sha256)
    {
        var now = clock.Now();
        var import = new ImportRecord
        {
            ImportId = importId,
            OrganizationId = metadata.OrganizationId,
            FileName = metadata.FileName,
            Format = format,
            SizeBytes = size,
            Sha256 = sha256,
            State = ImportState.Uploaded,
            CreateTime = now,
            UpdateTime = now,
        };
        return (import, AuditEvents.For(import, caller, AuditAction.Uploaded, now));
    }

    internal LimitExceededException UploadTooLarge(string organizationId) =>
        new(organizationId, "upload size", string.Create(CultureInfo.InvariantCulture, $"The file is larger than {options.MaxUploadBytes:N0} bytes, the most the server accepts. Split it into several files."));

    internal long MaxUploadBytes => options.MaxUploadBytes;

    /// <param name="precheck">The upload's check while uploading, whose reserved key the import takes; null without one.</param>
    internal async Task<ImportRecord> StoreAsync(Caller caller, string importId, UploadMetadata metadata, IUploadTarget target, UploadPrecheck? precheck, long size, string sha256, CancellationToken cancellationToken)
    {
        var format = FileFormatDetector.Detect(target.Stream).Format;
        await target.CommitAsync(cancellationToken);
        var (import, audit) = NewImport(caller, importId, metadata, format, size, sha256);
        try
        {
            var importKey = precheck is null ? null : await precheck.CompleteUploadAsync();
            using (precheck?.PauseStaging())
            {
                await imports.AddAsync(import, audit, importKey, CancellationToken.None);
            }
        }
        catch
        {
            // The import was not stored, so its file must not stay; the store's error is the answer.
            StoredFileCleanup.DeleteOrLeaveToSweep(files, importId, logger);
            throw;
        }

        telemetry.UploadBytes(size);
        return import;
    }
}
