namespace BulkInvite.Core.Reading;

/// <summary>A part of a row that the reader could not read as a value.</summary>
/// <param name="ColumnIndex">The 0-based column, or -1 for the row as a whole.</param>
/// <param name="Message">A sentence for the admin; the diagnostic's column names the column.</param>
/// <param name="Value">The start of the offending text (diagnostics cut it to 200 characters).</param>
public sealed record CellProblem(int ColumnIndex, Checking.DiagnosticCode Code, string Message, string Value);
