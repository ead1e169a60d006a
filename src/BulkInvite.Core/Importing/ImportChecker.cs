using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Importing;

/// <summary>A page of a check's result.</summary>
public sealed record CheckReport(
    ImportRecord Import,
    IReadOnlyList<Diagnostic> FileDiagnostics,
    IReadOnlyList<Diagnostic> RowDiagnostics,
    string NextPageToken);

/// <summary>
/// CheckImport: the first call on an UPLOADED import reads the stored file, checks it and stores
/// the valid users and the diagnostics in one transaction; every call returns a page of the result.
/// </summary>
public sealed class ImportChecker(IImportRepository imports, IUploadStore files, BulkInviteOptions options, TimeProvider clock)
{
    public const string AlreadyInvitedMessage =
        "This address already has a pending invitation in the organization; it will be skipped when permissions are applied.";

    public async Task<CheckReport> CheckAsync(string importId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ImportIds.Require(importId);
        var limit = PageToken.PageSize(pageSize);
        var after = PageToken.Decode(pageToken, importId, 2) is [var row, var sequence]
            ? new DiagnosticCursor((int)PageToken.ParseNumber(row), PageToken.ParseNumber(sequence))
            : null;

        var import = await imports.FindAsync(importId, cancellationToken) ?? throw new ImportNotFoundException(importId);
        if (import.State == ImportState.Uploaded)
        {
            // The parsers are synchronous; keep the request thread free while a large file is read.
            import = await Task.Run(() => RunCheck(importId, cancellationToken), cancellationToken);
        }

        var fileDiagnostics = await imports.ListFileDiagnosticsAsync(importId, cancellationToken);
        var page = await imports.ListRowDiagnosticsAsync(importId, after, limit + 1, cancellationToken);
        var next = page.Count > limit
            ? PageToken.Encode(importId, PageToken.Format(page[limit - 1].Diagnostic.RowNumber), PageToken.Format(page[limit - 1].Sequence))
            : "";
        return new CheckReport(import, fileDiagnostics, page.Take(limit).Select(d => d.Diagnostic).ToList(), next);
    }

    private ImportRecord RunCheck(string importId, CancellationToken cancellationToken)
    {
        using var transaction = imports.BeginCheck(importId);
        var import = transaction.Import ?? throw new ImportNotFoundException(importId);
        if (import.State != ImportState.Uploaded)
        {
            return import; // another call checked it while this one waited for the transaction
        }

        using var file = files.OpenRead(importId);
        var limits = options.ToReadingLimits();
        var detection = FileFormatDetector.Detect(file, limits);
        if (detection.Problem is { } problem)
        {
            return transaction.Reject([problem], clock.Now());
        }

        CheckResult result;
        try
        {
            using var sheet = SheetReaders.Open(file, detection.Format, limits);
            result = new UserFileChecker(options.MaxRows).Check(sheet, transaction, cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            result = CheckResult.Rejected(Diagnostic.ForFile(e.Code, e.Message));
        }

        if (result.IsRejected)
        {
            return transaction.Reject(result.FileDiagnostics, clock.Now());
        }

        transaction.AddAlreadyInvitedWarnings(AlreadyInvitedMessage);
        return transaction.Complete(result, clock.Now());
    }
}
