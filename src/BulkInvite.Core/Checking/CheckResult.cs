namespace BulkInvite.Core.Checking;

/// <summary>
/// The outcome of checking a file. A file diagnostic that is an error rejects it; a file warning
/// (columns not imported) does not. <see cref="Columns"/> says how each column of the header was
/// mapped; it is empty when no header was found.
/// </summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> FileDiagnostics, int TotalRows, int ValidRows, int InvalidRows)
{
    /// <summary>Every column up to the header's last non-blank cell: its position, header text and field (null: not imported).</summary>
    public IReadOnlyList<ColumnMapping> Columns { get; init; } = [];

    public bool IsRejected => FileDiagnostics.Any(d => d.IsError);

    public static CheckResult Rejected(Diagnostic diagnostic) => new([diagnostic], 0, 0, 0);

    /// <summary>Two results are equal when their counts, file diagnostics and columns are, item by item.</summary>
    public bool Equals(CheckResult? other) =>
        other is not null
        && (TotalRows, ValidRows, InvalidRows) == (other.TotalRows, other.ValidRows, other.InvalidRows)
        && FileDiagnostics.SequenceEqual(other.FileDiagnostics)
        && Columns.SequenceEqual(other.Columns);

    public override int GetHashCode() => HashCode.Combine(TotalRows, ValidRows, InvalidRows, FileDiagnostics.Count, Columns.Count);
}
