namespace BulkInvite.Core.Checking;

/// <summary>What the header row says: how each column maps, and the file diagnostics it gives.</summary>
/// <param name="Layout">Where each field is in the rows; null when the header rejects the file.</param>
/// <param name="Columns">Every column up to the header's last non-blank cell; empty when the row is not a header at all.</param>
/// <param name="Diagnostics">Errors that reject the file, or warnings (columns not imported) that do not.</param>
public sealed record HeaderMatch(ColumnLayout? Layout, IReadOnlyList<ColumnMapping> Columns, IReadOnlyList<Diagnostic> Diagnostics);
