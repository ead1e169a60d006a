using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Importing;

/// <summary>A page of a check's result, with how the file's columns were mapped (empty when no header was read).</summary>
public sealed record CheckReport(
    ImportRecord Import,
    IReadOnlyList<Diagnostic> FileDiagnostics,
    IReadOnlyList<Diagnostic> RowDiagnostics,
    string NextPageToken)
{
    public IReadOnlyList<ColumnMapping> Columns { get; init; } = [];
}
