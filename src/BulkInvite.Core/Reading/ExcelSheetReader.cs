using System.Globalization;
using BulkInvite.Core.Checking;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using ExcelNumberFormat;

namespace BulkInvite.Core.Reading;

/// <summary>
/// Reads the first worksheet of an xlsx or xls workbook (rule 3), each cell as the text a person
/// sees: a number 12 gives "12", a formatted number its formatted text, a formula its cached value.
/// </summary>
public sealed class ExcelSheetReader : ISheetReader
{
    private const string ResaveHint = " Open it in your spreadsheet program, save it again and upload the new file.";

    private readonly IExcelDataReader _reader;
    private readonly Dictionary<string, NumberFormat> _formats = new(StringComparer.Ordinal);
    private int _rowNumber;

    public ExcelSheetReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _ = TextDecoding.Windows1252; // xls files name their code page; the provider must be registered.
        stream.Position = 0;
        _reader = Guard(() => ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = true }), 0);
        if (Guard(() => _reader.ResultsCount, 0) == 0)
        {
            // Every workbook a spreadsheet program saves has a sheet; the parser reads one without as empty.
            _reader.Dispose();
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable, "The workbook has no worksheet and cannot be read." + ResaveHint);
        }
    }

    public SheetRow? ReadRow()
    {
        if (!Guard(_reader.Read, _rowNumber + 1))
        {
            return null;
        }

        _rowNumber++;
        var cells = Guard(ReadCells, _rowNumber);
        return new SheetRow(_rowNumber, cells);
    }

    public void Dispose() => _reader.Dispose();

    private string[] ReadCells()
    {
        var cells = new string[_reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = CellText(_reader.GetValue(i), i);
        }

        return cells;
    }

    private string CellText(object? value, int column) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "TRUE" : "FALSE",
        double number => FormatNumber(number, column),
        DateTime date => FormatDate(date, column),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private string FormatNumber(double number, int column)
    {
        var format = Format(column);
        // General (and a format the formatter cannot read) shows up to 15 significant digits, as Excel does: 12 → "12", 0.1+0.2 → "0.3".
        return format is null ? number.ToString("G15", CultureInfo.InvariantCulture) : format.Format(number, CultureInfo.InvariantCulture);
    }

    private string FormatDate(DateTime date, int column) =>
        Format(column)?.Format(date, CultureInfo.InvariantCulture) ?? date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private NumberFormat? Format(int column)
    {
        var text = _reader.GetNumberFormatString(column);
        if (string.IsNullOrEmpty(text) || text.Equals("General", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!_formats.TryGetValue(text, out var format))
        {
            format = new NumberFormat(text);
            _formats[text] = format;
        }

        return format.IsValid ? format : null;
    }

    /// <summary>
    /// Turns whatever the workbook parser throws on a damaged file into a diagnostic. The parser
    /// throws many exception types on bad input (format, XML, zip, index, null reference), so all
    /// but out-of-memory are caught.
    /// </summary>
    private static T Guard<T>(Func<T> read, int rowNumber)
    {
        try
        {
            return read();
        }
        catch (InvalidPasswordException e)
        {
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable,
                "The workbook is password-protected. Remove the password, save it and upload it again.", e);
        }
#pragma warning disable CA1031 // Any parser failure on hostile input is a diagnostic, not a crash.
        catch (Exception e) when (e is not OutOfMemoryException and not UnreadableFileException)
#pragma warning restore CA1031
        {
            var where = rowNumber > 0 ? $" at row {rowNumber}" : "";
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable,
                $"The workbook is damaged or truncated and cannot be read{where}." + ResaveHint, e);
        }
    }
}
