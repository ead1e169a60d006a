using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Rows;

/// <summary>What UpdateImportRows answers: the import after the edits, the edited rows as stored, and the other rows whose diagnostics changed.</summary>
public sealed record RowUpdateResult(Importing.ImportRecord Import, IReadOnlyList<ImportRowRecord> Rows, IReadOnlyList<int> AffectedRowNumbers);
