using BulkInvite.V1;

namespace BulkInvite.Client;

/// <summary>Fixing rows in place and the results file (UserImportService's ListImportRows, UpdateImportRows, RemoveImportRows, ExportImportResults).</summary>
public sealed partial class BulkInviteClient
{
    /// <summary>
    /// The rows of a checked (or applied) import with their values, revision and diagnostics, in row
    /// order, fetched a page at a time as it is enumerated; <paramref name="filter"/> keeps only the
    /// rows with errors, or the valid rows with warnings.
    /// </summary>
    public IAsyncEnumerable<ImportRow> ListImportRowsAsync(string importId, RowFilter filter = RowFilter.Unspecified, CancellationToken cancellationToken = default) =>
        AllPagesAsync(
            (token, options) => Generated.ListImportRowsAsync(
                new ListImportRowsRequest { ImportId = importId, Filter = filter, PageSize = PageSize, PageToken = token }, options).ResponseAsync,
            page => (page.Rows, page.NextPageToken),
            cancellationToken);

    /// <summary>
    /// One row of an import, or null when it has none with that number (or it was removed). The
    /// contract lists rows in order only, so this reads the pages up to the row.
    /// </summary>
    public async Task<ImportRow?> GetImportRowAsync(string importId, int rowNumber, CancellationToken cancellationToken = default)
    {
        await foreach (var row in ListImportRowsAsync(importId, cancellationToken: cancellationToken))
        {
            if (row.RowNumber >= rowNumber)
            {
                return row.RowNumber == rowNumber ? row : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Changes cells of rows of a CHECKED import: each edit names a row, the revision it was read at
    /// (<see cref="ImportRow.Revision"/>) and the cells to set. All or nothing: a row changed since
    /// its revision fails the whole call with <see cref="RowsChangedException"/> (ABORTED,
    /// ROW_REVISION_MISMATCH); read it again and redo the edit. Not retried: a retry after a lost
    /// answer would find the revision it made.
    /// </summary>
    public async Task<UpdateImportRowsResponse> UpdateImportRowsAsync(string importId, IEnumerable<RowEdit> edits, CancellationToken cancellationToken = default)
    {
        var request = new UpdateImportRowsRequest { ImportId = importId, Edits = { edits } };
        return await _runner.OnceAsync(options => Generated.UpdateImportRowsAsync(request, options).ResponseAsync, cancellationToken);
    }

    /// <summary>Removes rows of a CHECKED import (they are not invited). Removing a row again is harmless, so the call is retried.</summary>
    public async Task<RemoveImportRowsResponse> RemoveImportRowsAsync(string importId, IEnumerable<int> rowNumbers, CancellationToken cancellationToken = default)
    {
        var request = new RemoveImportRowsRequest { ImportId = importId, RowNumbers = { rowNumbers } };
        return await _runner.RetryingAsync(options => Generated.RemoveImportRowsAsync(request, options).ResponseAsync, cancellationToken);
    }

    /// <summary>
    /// Writes the results file of a checked or applied import (CSV or XLSX) to
    /// <paramref name="destination"/> and returns the file name the server suggests: every row with its
    /// status and reason, or with <see cref="ResultsScope.RowsToFix"/> only the rows with errors, in the
    /// upload layout, ready to correct and upload again.
    /// </summary>
    public async Task<string> ExportResultsAsync(string importId, FileFormat format, ResultsScope scope, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var request = new ExportImportResultsRequest { ImportId = importId, Format = format, Scope = scope };
        return await _runner.OnceAsync(async options =>
        {
            using var call = Generated.ExportImportResults(request, options);
            return await CopyStreamedFileAsync(call, m => (m.FileName, m.Chunk), destination, cancellationToken);
        }, cancellationToken);
    }
}
