using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Rows;

/// <summary>What RemoveImportRows answers: the import after the removal and the other rows whose diagnostics changed.</summary>
public sealed record RowRemovalResult(Importing.ImportRecord Import, IReadOnlyList<int> AffectedRowNumbers);
