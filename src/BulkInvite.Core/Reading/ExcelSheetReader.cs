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
    private readonly List<CellProblem> _problems = [];
    private int _rowNumber;

    public ExcelSheetReader(Stream stream)
        : this(stream, ReadingLimits.Default)
    {
    }

    /// <param name="stream">A seekable stream holding an xlsx or xls workbook, read from its start.</param>
    /// <param name="limits">The limits of an xlsx's zip, its shared strings, and the sheet's size.</param>
    public ExcelSheetReader(Stream stream, ReadingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        _ = TextDecoding.Windows1252; // xls files name their code page; the provider must be registered.
        var isXlsx = IsZip(stream);
        if (isXlsx)
        {
            Guard(() => XlsxGuard.Check(stream, limits), 0);
        }
        else
        {
            Guard(() => Ole2Guard.Check(stream), 0);
        }

        stream.Position = 0;
        _reader = Guard(() => ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = true }), 0);
        try
        {
            if (Guard(() => _reader.ResultsCount, 0) == 0)
            {
                // Every workbook a spreadsheet program saves has a sheet; the parser reads one without as empty.
                throw new UnreadableFileException(DiagnosticCode.FileUnreadable, "The workbook has no worksheet and cannot be read." + ResaveHint);
            }

            CheckSheetSize(limits, isXlsx);
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public SheetRow? ReadRow()
    {
        if (!Guard(_reader.Read, _rowNumber + 1))
        {
            return null;
        }

        _rowNumber++;
        _problems.Clear();
        var cells = Guard(ReadCells, _rowNumber);
        return new SheetRow(_rowNumber, cells) { Problems = _problems.Count == 0 ? [] : [.. _problems] };
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>
    /// The parser materializes every row to the sheet's widest column and emits an empty row for each
    /// row of a gap, so the work grows with rows × columns of the used range: a cell at XFD1 and one on
    /// row 1,048,576 make 17 billion. Refuse such a sheet before reading it (the parser knows its size
    /// once opened; an xls states it in a record that damage can change).
    /// </summary>
    private void CheckSheetSize(ReadingLimits limits, bool isXlsx)
    {
        var rows = (long)Guard(() => _reader.RowCount, 0);
        var columns = (long)Guard(() => _reader.FieldCount, 0);
        var (maxRows, maxColumns, format) = isXlsx ? (1_048_576, 16_384, "an xlsx") : (65_536, 256, "an xls");
        if (rows > maxRows || columns > maxColumns)
        {
            // Only damage (or crafting) gives a sheet beyond what its format can hold; the parser would still walk every row.
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable, string.Create(CultureInfo.InvariantCulture,
                $"The workbook is damaged: its first worksheet claims {rows:N0} rows × {columns:N0} columns, more than {format} sheet can have ({maxRows:N0} × {maxColumns:N0}).") + ResaveHint);
        }

        if (rows * columns > limits.MaxSheetCells)
        {
            throw XlsxGuard.Limit($"its first worksheet spans {rows:N0} rows × {columns:N0} columns ({UserColumns.Letter((int)Math.Max(columns - 1, 0))}{rows}), more than the {limits.MaxSheetCells:N0} cells the server reads. Delete the stray cells far below or to the right of the users.");
        }
    }

    private string[] ReadCells()
    {
        var cells = new string[_reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = _reader.GetValue(i);
            if (value is string { Length: > ReadingLimits.MaxSpreadsheetCellChars } text)
            {
                // Longer than a spreadsheet cell can hold: crafted. Report it from its length, without scanning it.
                _problems.Add(new CellProblem(i, DiagnosticCode.ValueTooLong,
                    string.Create(CultureInfo.InvariantCulture, $"The cell has {text.Length:N0} characters, more than the {ReadingLimits.MaxSpreadsheetCellChars:N0} a spreadsheet cell can hold. Shorten it."),
                    text[..(Diagnostic.MaxValueLength + 1)]));
                cells[i] = "";
                continue;
            }

            cells[i] = value is null ? "" : CellText(value, i);
        }

        return cells;
    }

    private static bool IsZip(Stream stream)
    {
        Span<byte> start = stackalloc byte[2];
        stream.Position = 0;
        var read = stream.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && start[0] == 'P' && start[1] == 'K';
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
    private static void Guard(Action read, int rowNumber) => Guard(() =>
    {
        read();
        return 0;
    }, rowNumber);

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
