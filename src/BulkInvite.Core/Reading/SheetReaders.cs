namespace BulkInvite.Core.Reading;

/// <summary>Opens the reader for a detected format.</summary>
public static class SheetReaders
{
    public static ISheetReader Open(Stream stream, FileFormat format, ReadingLimits limits) => format switch
    {
        FileFormat.Csv => new CsvSheetReader(stream, limits),
        FileFormat.Xlsx or FileFormat.Xls => new ExcelSheetReader(stream, limits),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a readable format."),
    };

    /// <summary>Opens a reader with the default limits, except the longest CSV record.</summary>
    public static ISheetReader Open(Stream stream, FileFormat format, int maxCsvRecordBytes) =>
        Open(stream, format, ReadingLimits.Default with { MaxCsvRecordBytes = maxCsvRecordBytes });
}
