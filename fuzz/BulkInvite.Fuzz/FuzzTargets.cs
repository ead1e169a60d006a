using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;

namespace BulkInvite.Fuzz;

/// <summary>
/// What each fuzz target does with one input. A target may end in a diagnostic
/// (<see cref="UnreadableFileException"/>); any other exception, a crash or a hang is a finding.
/// The normal tests replay every finding kept in tests/BulkInvite.Core.Tests/Fixtures/Fuzz/.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyList<string> Names { get; } = ["csv", "excel", "email"];

    /// <summary>
    /// Small limits, so that the fuzzer reaches the limit paths with small inputs. Created on first
    /// use: instrumented code must not run before the fuzzer has set up its coverage map.
    /// </summary>
    public static ReadingLimits Limits => field ??= ReadingLimits.Default with
    {
        MaxCsvRecordBytes = 4096,
        MaxCsvFieldBytes = 1024,
        MaxInflatedBytes = 16 * 1024 * 1024,
        MaxZipEntries = 64,
        MaxSharedStringsBytes = 4 * 1024 * 1024,
        MaxSheetCells = 1_000_000,
    };

    public static void Run(string target, ReadOnlySpan<byte> input)
    {
        switch (target)
        {
            case "csv":
                CheckFile(input, FileFormat.Csv);
                break;
            case "excel":
                CheckFile(input, null);
                break;
            case "email":
                CheckEmail(input);
                break;
            default:
                throw new ArgumentException($"Unknown target \"{target}\"; the targets are {string.Join(", ", Names)}.", nameof(target));
        }
    }

    /// <summary>Reads the input as the server does (detection, then the reader, then the checker).</summary>
    private static void CheckFile(ReadOnlySpan<byte> input, FileFormat? only)
    {
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        var detection = FileFormatDetector.Detect(stream, Limits);
        var format = only ?? (detection.Format is FileFormat.Xlsx or FileFormat.Xls ? detection.Format : FileFormat.Xlsx);
        try
        {
            using var sheet = SheetReaders.Open(stream, format, Limits);
            new UserFileChecker(maxRows: 100_000).Check(sheet, new DiscardingSink(), CancellationToken.None);
        }
        catch (UnreadableFileException)
        {
            // A diagnostic: what a damaged file should give.
        }
    }

    private static void CheckEmail(ReadOnlySpan<byte> input)
    {
        var text = System.Text.Encoding.UTF8.GetString(input);
        var trimmed = TextRules.Trim(text);
        if (trimmed.Length == 0)
        {
            return;
        }

        var check = EmailAddressRule.Check(trimmed);
        if (check.IsValid != (check.Normalized is not null) || check.IsValid == (check.Problem is not null))
        {
            throw new InvalidOperationException("An email verdict must have a normalized form exactly when it is valid, and a problem otherwise.");
        }

        if (check.IsValid && EmailAddressRule.Check(check.Normalized!).Normalized != check.Normalized)
        {
            throw new InvalidOperationException($"Normalizing is not idempotent for \"{trimmed}\".");
        }
    }

    /// <summary>Keeps nothing: the check's result is not what is fuzzed, only that it ends.</summary>
    private sealed class DiscardingSink : ICheckSink
    {
        public string? StagedEmailAt(int rowNumber) => null;

        public void Stage(IReadOnlyList<StagedUser> users)
        {
        }

        public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
        {
        }
    }
}
