using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Importing;

/// <summary>A page of a check's result.</summary>
public sealed record CheckReport(
    ImportRecord Import,
    IReadOnlyList<Diagnostic> FileDiagnostics,
    IReadOnlyList<Diagnostic> RowDiagnostics,
    string NextPageToken);
