using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Importing;

/// <summary>Imports, their rows and diagnostics, and the invitations they create.</summary>
public interface IImportRepository
{
    /// <summary>Stores a new import and its audit entry, together.</summary>
    Task AddAsync(ImportRecord import, AuditEvent audit, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new import and its audit entry, together, under the key a check while uploading
    /// reserved for it (<see cref="IPrecheckStaging.ImportKey"/>), or the next key when null.
    /// </summary>
    Task AddAsync(ImportRecord import, AuditEvent audit, long? importKey, CancellationToken cancellationToken);

    Task<ImportRecord?> FindAsync(string importId, CancellationToken cancellationToken);

    /// <summary>An organization's imports, newest first, after the cursor.</summary>
    Task<IReadOnlyList<ImportRecord>> ListAsync(string organizationId, ImportCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an import, its rows and diagnostics (and the record of its check while uploading), and records the audit entry, together; its
    /// invitations stay, with the rows they were made from. False when it did not exist (any more).
    /// </summary>
    Task<bool> DeleteAsync(string importId, AuditEvent audit, CancellationToken cancellationToken);

    /// <summary>Imports never applied that were created before the cutoff, oldest first: what the retention purge deletes.</summary>
    Task<IReadOnlyList<ImportRecord>> ListUnappliedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<Diagnostic>> ListFileDiagnosticsAsync(string importId, CancellationToken cancellationToken);

    /// <summary>How the check mapped the file's columns, in file order; empty before the check or when no header was read.</summary>
    Task<IReadOnlyList<ColumnMapping>> ListColumnMappingsAsync(string importId, CancellationToken cancellationToken);

    /// <summary>Row diagnostics ordered by row number, then the order they were found in, after the cursor.</summary>
    Task<IReadOnlyList<StoredDiagnostic>> ListRowDiagnosticsAsync(string importId, DiagnosticCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Starts the one write transaction a check runs in; it waits for other writers.</summary>
    ICheckTransaction BeginCheck(string importId);

    /// <summary>Starts the one write transaction an apply runs in; it waits for other writers.</summary>
    IApplyTransaction BeginApply(string importId);

    /// <summary>Starts the one write transaction an edit or a removal of rows runs in; it waits for other writers of the import.</summary>
    IRowEditTransaction BeginRowEdit(string importId);

    /// <summary>Rows after row <paramref name="afterRow"/> that pass the filter, in row order, with their diagnostics.</summary>
    Task<IReadOnlyList<ImportRowRecord>> ListRowsAsync(string importId, RowFilter filter, int afterRow, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every row of the import (only the invalid ones with <paramref name="onlyErrors"/>) in row order,
    /// with its diagnostics and, once applied, what became of it; read as it is enumerated, so a
    /// million rows cost the memory of one.
    /// </summary>
    IEnumerable<ResultRow> ReadResults(string importId, bool onlyErrors);
}
