namespace BulkInvite.Core.Checking;

/// <summary>The outcome of checking a file. Any file diagnostic rejects it.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> FileDiagnostics, int TotalRows, int ValidRows, int InvalidRows)
{
    public bool IsRejected => FileDiagnostics.Count > 0;

    public static CheckResult Rejected(Diagnostic diagnostic) => new([diagnostic], 0, 0, 0);
}
