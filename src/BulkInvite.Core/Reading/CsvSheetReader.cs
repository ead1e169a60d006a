using System.Text;
using BulkInvite.Core.Checking;
using CsvHelper;

namespace BulkInvite.Core.Reading;

/// <summary>
/// Reads CSV text as Excel does (rule 2): the encoding from the BOM or the bytes, the separator
/// (comma, semicolon or tab) from the header line, CRLF, LF or CR line ends, quoted fields holding
/// separators, quotes and line breaks, and a stray quote inside an unquoted field kept as text.
/// Every record is a row, empty lines included, so row numbers match what a spreadsheet shows.
/// </summary>
public sealed class CsvSheetReader : ISheetReader
{
    private const int SeparatorSampleBytes = 64 * 1024;
    private static readonly char[] Separators = [',', ';', '\t'];

    private readonly CsvReader _reader;
    private readonly int _maxRecordBytes;
    private int _rowNumber;

    /// <param name="stream">A seekable stream positioned anywhere; it is read from its start.</param>
    /// <param name="maxRecordBytes">The largest record read; a longer one makes the file unreadable instead of growing a buffer without end.</param>
    public CsvSheetReader(Stream stream, int maxRecordBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _maxRecordBytes = maxRecordBytes;
        var encoding = TextDecoding.Detect(stream);
        var separator = DetectSeparator(stream, encoding);
        _reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            HasHeader = false,
            Separator = separator,
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            MaxRecordSize = maxRecordBytes,
            // BOMs are honoured by the reader itself; only BOM-less legacy text needs naming.
            Encoding = ReferenceEquals(encoding, TextDecoding.Windows1252) ? encoding : null,
            DetectSeparatorHint = false,
        }, leaveOpen: true);
    }

    public SheetRow? ReadRow()
    {
        try
        {
            if (!_reader.Read())
            {
                return null;
            }
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable,
                $"Row {_rowNumber + 1} cannot be read: {e.Message} Check the quotes in that row, or split the value.", e);
        }

        _rowNumber++;
        // The reader checks its limit only when it must read more input, so it lets through records
        // up to about 1.5 times the limit that are already in its buffer: check every record here.
        if (_reader.RawRecord.Length > _maxRecordBytes)
        {
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable,
                $"Row {_rowNumber} cannot be read: it is longer than {_maxRecordBytes} bytes. Check the quotes in that row, or split the value.");
        }

        var cells = new string[_reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = _reader.GetString(i);
        }

        return new SheetRow(_rowNumber, cells);
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>The separator that occurs most often outside quotes in the first non-blank line; comma on a tie.</summary>
    internal static char DetectSeparator(Stream stream, Encoding encoding)
    {
        var sample = new byte[(int)Math.Min(SeparatorSampleBytes, stream.Length)];
        stream.Position = 0;
        stream.ReadExactly(sample);
        stream.Position = 0;
        var bom = TextDecoding.ByteOrderMarkLength(sample);
        var text = encoding.GetString(sample, bom, sample.Length - bom);
        var line = text.Split(['\r', '\n']).FirstOrDefault(HasContent) ?? "";

        var counts = new int[Separators.Length];
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Separators, c) is var index and >= 0)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Separators[best];
    }

    // A line of nothing but separators, quotes and spaces is a blank row, not the header.
    private static bool HasContent(string line) =>
        line.Any(c => !char.IsWhiteSpace(c) && c != '"' && Array.IndexOf(Separators, c) < 0);
}
