using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using BulkInvite.Core.Telemetry;

namespace BulkInvite.Core.Importing;

/// <summary>
/// CheckImport: the first call on an UPLOADED import reads the stored file, checks it and stores
/// the valid users and the diagnostics in one transaction; every call returns a page of the result.
/// When the file was checked while it uploaded (<see cref="UploadPrecheck"/>), that transaction
/// completes the import with the stored result instead of reading the file again.
/// </summary>
public sealed class ImportChecker(IImportRepository imports, IUploadStore files, UploadPrechecks prechecks, BulkInviteOptions options, TimeProvider clock, BulkInviteTelemetry telemetry)
{
    public const string AlreadyInvitedMessage =
        "This address already has a pending invitation in the organization; it will be skipped when permissions are applied.";

    public const string AlreadyMemberMessage =
        "This address already belongs to a member of the organization; it will be skipped when permissions are applied.";

    /// <summary>
    /// Checks the import if it is UPLOADED, then returns a page of the result; <paramref name="progress"/>,
    /// when given, follows the rows as the check reads them.
    /// </summary>
    public async Task<CheckReport> CheckAsync(Caller caller, string importId, int pageSize, string? pageToken, CancellationToken cancellationToken, CheckProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessRules.RequireInviter(caller);
        ImportIds.Require(importId);
        var limit = PageToken.PageSize(pageSize);
        var after = PageToken.Decode(pageToken, importId, 2) is [var row, var sequence]
            ? new DiagnosticCursor((int)PageToken.ParseNumber(row), PageToken.ParseNumber(sequence))
            : null;

        var import = (await imports.FindAsync(importId, cancellationToken)).VisibleTo(caller, importId);
        if (import.State == ImportState.Uploaded)
        {
            // Before the transaction, which would hold SQLite's writer that the pre-check needs to end.
            var precheckRows = await AwaitPrecheckAsync(importId, import.SizeBytes, progress, cancellationToken);
            // The parsers are synchronous; keep the request thread free while a large file is read.
            import = await Task.Run(() => RunCheck(caller, importId, progress, precheckRows, cancellationToken), cancellationToken);
        }

        var fileDiagnostics = await imports.ListFileDiagnosticsAsync(importId, cancellationToken);
        var columns = await imports.ListColumnMappingsAsync(importId, cancellationToken);
        var page = await imports.ListRowDiagnosticsAsync(importId, after, limit + 1, cancellationToken);
        var next = page.Count > limit
            ? PageToken.Encode(importId, PageToken.Format(page[limit - 1].Diagnostic.RowNumber), PageToken.Format(page[limit - 1].Sequence))
            : "";
        return new CheckReport(import, fileDiagnostics, page.Take(limit).Select(d => d.Diagnostic).ToList(), next) { Columns = columns };
    }

    /// <summary>
    /// Waits for the import's check while uploading when it runs in this process, its progress
    /// reported as the check's; returns the rows it read when it stored a result, else 0.
    /// </summary>
    private async Task<int> AwaitPrecheckAsync(string importId, long sizeBytes, CheckProgress? progress, CancellationToken cancellationToken)
    {
        if (prechecks.Find(importId) is not { } precheck)
        {
            return 0;
        }

        progress?.Follow(precheck.Progress, sizeBytes);
        var result = await precheck.Finished.WaitAsync(cancellationToken);
        return result is null ? 0 : precheck.Progress.RowsRead;
    }

    private ImportRecord RunCheck(Caller caller, string importId, CheckProgress? progress, int precheckRows, CancellationToken cancellationToken)
    {
        using var transaction = imports.BeginCheck(importId);
        var import = transaction.Import.VisibleTo(caller, importId);
        if (import.State != ImportState.Uploaded)
        {
            return import; // another call checked it while this one waited for the transaction
        }

        using var phase = telemetry.StartPhase(ImportPhase.Check, importId, import.OrganizationId);
        var prechecked = transaction.TakePrecheck();
        ImportRecord checkedImport;
        if (prechecked is not null)
        {
            // Rows the pre-check read (header and blank rows too); one of another server or before a restart did not report here.
            progress?.ReadWhole(precheckRows > 0 ? precheckRows : prechecked.TotalRows + 1, import.SizeBytes);
            checkedImport = CompleteChecked(transaction, caller, prechecked);
        }
        else
        {
            progress?.Restart(); // the full check reads the file from its start
            checkedImport = Check(transaction, caller, importId, progress, cancellationToken);
        }

        telemetry.RowsChecked(checkedImport.TotalRows);
        phase.Succeeded(checkedImport.State == ImportState.Rejected ? "rejected" : "checked", new Dictionary<string, long>
        {
            ["rows.total"] = checkedImport.TotalRows,
            ["rows.valid"] = checkedImport.ValidRows,
            ["rows.invalid"] = checkedImport.InvalidRows,
            ["prechecked"] = prechecked is null ? 0 : 1,
        });
        return checkedImport;
    }

    private ImportRecord Check(ICheckTransaction transaction, Caller caller, string importId, CheckProgress? progress, CancellationToken cancellationToken)
    {
        using var file = files.OpenRead(importId);
        var limits = options.ToReadingLimits();
        var detection = FileFormatDetector.Detect(file, limits);
        if (detection.Problem is { } problem)
        {
            return Reject(transaction, caller, [problem]);
        }

        CheckResult result;
        try
        {
            using var opened = SheetReaders.Open(file, detection.Format, limits);
            var sheet = progress?.Track(opened, file) ?? opened;
            result = new UserFileChecker(options.MaxRows, expectedRows: ExpectedRows(file)).Check(sheet, transaction, cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            result = CheckResult.Rejected(Diagnostic.ForFile(e.Code, e.Message));
        }

        if (result.IsRejected)
        {
            return Reject(transaction, caller, result.FileDiagnostics, result.Columns);
        }

        return CompleteChecked(transaction, caller, result);
    }

    /// <summary>What every check ends with once its rows are staged: the warnings that depend on the moment, the counts, the audit entry.</summary>
    private ImportRecord CompleteChecked(ICheckTransaction transaction, Caller caller, CheckResult result)
    {
        var now = clock.Now();
        transaction.AddAlreadyInvitedWarnings(AlreadyInvitedMessage, now);
        transaction.AddAlreadyMemberWarnings(AlreadyMemberMessage);
        return transaction.Complete(result, now, checkedImport => AuditEvents.For(checkedImport, caller, AuditAction.Checked, now));
    }

    /// <summary>
    /// A guess of a file's rows from its size, which only sizes the duplicate index (a CSV of realistic
    /// users takes about 60 bytes a row); a file of shorter rows, or a compressed workbook, grows the
    /// index past the guess as it would without one.
    /// </summary>
    private int ExpectedRows(Stream file) => file.CanSeek ? (int)Math.Min(options.MaxRows, file.Length / 50) : 0;

    private ImportRecord Reject(ICheckTransaction transaction, Caller caller, IReadOnlyList<Diagnostic> fileDiagnostics, IReadOnlyList<ColumnMapping>? columns = null)
    {
        var now = clock.Now();
        return transaction.Reject(fileDiagnostics, now, rejected => AuditEvents.For(rejected, caller, AuditAction.Rejected, now), columns);
    }
}
