namespace BulkInvite.Core.Reading;

/// <summary>Opens the reader for a detected format.</summary>
public static class SheetReaders
{
    public static ISheetReader Open(Stream stream, FileFormat format, int maxCsvRecordBytes) => format switch
    {
        FileFormat.Csv => new CsvSheetReader(stream, maxCsvRecordBytes),
        FileFormat.Xlsx or FileFormat.Xls => new ExcelSheetReader(stream),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a readable format."),
    };
}
