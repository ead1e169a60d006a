using System.Globalization;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using BulkInvite.Core.Tests.Checking;

namespace BulkInvite.Core.Tests.Hostile;

/// <summary>The outcome of checking a file the way ImportChecker does, in a compact form to compare.</summary>
internal sealed record CheckOutcome(CheckResult Result, IReadOnlyList<Diagnostic> RowDiagnostics, IReadOnlyList<StagedUser> Staged)
{
    /// <summary>Every diagnostic as "file CODE" or "ROW COLUMN CODE", warnings left out.</summary>
    public IReadOnlyList<string> Errors =>
        [.. Result.FileDiagnostics.Concat(RowDiagnostics).Where(d => d.IsError).Select(Describe)];

    public Diagnostic FileDiagnostic => Assert.Single(Result.FileDiagnostics);

    private static string Describe(Diagnostic d) => d.RowNumber == 0
        ? $"file {d.Code}"
        : string.Create(CultureInfo.InvariantCulture, $"{d.RowNumber} {d.Column} {d.Code}").Replace("  ", " ", StringComparison.Ordinal);
}

/// <summary>Detects, reads and checks a file as the server's check does, with a sink in memory.</summary>
internal static class HostileCheck
{
    public static CheckOutcome Run(Stream stream, ReadingLimits? limits = null)
    {
        limits ??= ReadingLimits.Default;
        var sink = new InMemoryCheckSink();
        var detection = FileFormatDetector.Detect(stream, limits);
        if (detection.Problem is { } problem)
        {
            return new CheckOutcome(CheckResult.Rejected(problem), [], []);
        }

        CheckResult result;
        try
        {
            using var sheet = SheetReaders.Open(stream, detection.Format, limits);
            result = new UserFileChecker(maxRows: 1_000_000).Check(sheet, sink, CancellationToken.None);
        }
        catch (UnreadableFileException e)
        {
            result = CheckResult.Rejected(Diagnostic.ForFile(e.Code, e.Message));
        }

        return new CheckOutcome(result, sink.Diagnostics, sink.Staged);
    }

    public static CheckOutcome Run(byte[] bytes, ReadingLimits? limits = null) => Run(Fixtures.Stream(bytes), limits);

    public static CheckOutcome RunFixture(string name, ReadingLimits? limits = null)
    {
        using var stream = Fixtures.Open(name);
        return Run(stream, limits);
    }
}
