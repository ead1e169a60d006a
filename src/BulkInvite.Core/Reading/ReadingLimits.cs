namespace BulkInvite.Core.Reading;

/// <summary>
/// The limits the readers enforce while they read, so that a damaged, huge or crafted file costs
/// bounded memory and time and ends in a diagnostic (docs/import-rules.md, "Limits").
/// </summary>
public sealed record ReadingLimits
{
    /// <summary>The defaults, for an upload limit of 100 MiB.</summary>
    public static ReadingLimits Default { get; } = new();

    /// <summary>The longest CSV record the reader buffers; a longer row is a row error and reading goes on after it.</summary>
    public int MaxCsvRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>The longest CSV field; a longer one is a VALUE_TOO_LONG row error and is not kept in memory.</summary>
    public int MaxCsvFieldBytes { get; init; } = 64 * 1024;

    /// <summary>The most bytes all the parts of an xlsx may inflate to, counted as they are inflated.</summary>
    public long MaxInflatedBytes { get; init; } = 10L * 100 * 1024 * 1024;

    /// <summary>The highest compression ratio of one xlsx part, checked once the part has inflated past <see cref="CompressionRatioFloorBytes"/>.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>The most entries an xlsx (a zip) may have.</summary>
    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>The largest shared-strings part of an xlsx, inflated (the parser keeps the whole table in memory).</summary>
    public long MaxSharedStringsBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most cells (rows × columns of the used range) of the sheet read: the parser materializes every row to the sheet's widest column.</summary>
    public long MaxSheetCells { get; init; } = 50_000_000;

    /// <summary>A part smaller than this inflated is never judged on its compression ratio: small XML compresses well.</summary>
    public const long CompressionRatioFloorBytes = 1024 * 1024;

    /// <summary>The longest text a spreadsheet cell can hold (Excel's limit); a longer cell is VALUE_TOO_LONG without being scanned.</summary>
    public const int MaxSpreadsheetCellChars = 32_767;
}
