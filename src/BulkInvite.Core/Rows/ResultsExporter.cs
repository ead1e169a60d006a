using BulkInvite.Core.Access;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Rows;

/// <summary>
/// ExportImportResults (section 3 of issue 15): what happened to each row of a checked or applied
/// import, as a file. Every row: the file's mapped columns under the file's own header names, then
/// Status and Reason. Rows to fix: only the rows with errors, as Email, First name, Last name,
/// Description and Reason, ready to correct and upload again.
/// </summary>
public sealed class ResultsExporter(IImportRepository imports)
{
    public const string StatusColumn = "Status";
    public const string ReasonColumn = "Reason";

    /// <summary>Checks the request and the import; returns the file's name and a writer that streams the file to a destination.</summary>
    public async Task<(string FileName, Action<Stream> Write)> PrepareAsync(
        Caller caller, string importId, FileFormat format, ResultsScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessRules.RequireInviter(caller);
        ImportIds.Require(importId);
        if (format is not (FileFormat.Csv or FileFormat.Xlsx))
        {
            throw new InvalidRequestException("format", "format must be FILE_FORMAT_CSV or FILE_FORMAT_XLSX.");
        }

        if (!Enum.IsDefined(scope))
        {
            throw new InvalidRequestException("scope", "scope must be RESULTS_SCOPE_ALL_ROWS or RESULTS_SCOPE_ROWS_TO_FIX.");
        }

        var import = (await imports.FindAsync(importId, cancellationToken)).VisibleTo(caller, importId);
        switch (import.State)
        {
            case ImportState.Uploaded:
                throw new ImportStateException(importId, ErrorReason.ImportNotChecked, "The import has not been checked yet: call CheckImport first, then export its results.");
            case ImportState.Rejected:
                throw new ImportStateException(importId, ErrorReason.ImportRejected, "The file was rejected by the check, so it has no row results; its file diagnostics say why.");
        }

        var columns = (await imports.ListColumnMappingsAsync(importId, cancellationToken)).Where(c => c.Field is not null).ToList();
        var name = (scope == ResultsScope.RowsToFix ? "bulk-invite-rows-to-fix-" : "bulk-invite-results-") + importId + (format == FileFormat.Csv ? ".csv" : ".xlsx");
        return (name, destination => Write(importId, format, scope, columns, destination));
    }

    private void Write(string importId, FileFormat format, ResultsScope scope, List<ColumnMapping> columns, Stream destination)
    {
        if (scope == ResultsScope.RowsToFix)
        {
            ResultsFile.Write(format, [.. UserColumns.All, ReasonColumn],
                imports.ReadResults(importId, onlyErrors: true).Select(r => (IReadOnlyList<string>)[r.Email, r.FirstName, r.LastName, r.Description ?? "", Reason(r)]),
                destination);
            return;
        }

        // The file's own names for its imported columns, in its order (the canonical ones if the mapping is unknown).
        if (columns.Count == 0)
        {
            columns = UserColumns.Fields.Select((f, i) => new ColumnMapping(i + 1, UserColumns.NameOf(f), f)).ToList();
        }

        ResultsFile.Write(format, [.. columns.Select(c => c.Header), StatusColumn, ReasonColumn],
            imports.ReadResults(importId, onlyErrors: false).Select(r => (IReadOnlyList<string>)[.. columns.Select(c => ValueOf(r, c.Field!.Value)), Status(r), Reason(r)]),
            destination);
    }

    /// <summary>will be invited, invited, skipped: already invited, skipped: already a member, or error.</summary>
    public static string Status(ResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.IsValid)
        {
            return "error";
        }

        return row.Outcome switch
        {
            ApplyOutcome.Invited => "invited",
            ApplyOutcome.SkippedAlreadyMember => "skipped: already a member",
            ApplyOutcome.SkippedAlreadyInvited => "skipped: already invited",
            // Before the apply, as the check's warnings foresee it (the apply leaves members out first).
            _ when row.Diagnostics.Any(d => d.Code == DiagnosticCode.AlreadyMember) => "skipped: already a member",
            _ when row.Diagnostics.Any(d => d.Code == DiagnosticCode.AlreadyInvited) => "skipped: already invited",
            _ => "will be invited",
        };
    }

    private static string Reason(ResultRow row) => string.Join(" ", row.Diagnostics.Select(d => d.Message));

    private static string ValueOf(ResultRow row, UserField field) => field switch
    {
        UserField.Email => row.Email,
        UserField.FirstName => row.FirstName,
        UserField.LastName => row.LastName,
        _ => row.Description ?? "",
    };
}
