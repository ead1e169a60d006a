using System.Globalization;
using System.Text;
using BulkInvite.Core.Checking;
using CsvHelper;

namespace BulkInvite.Core.Reading;

/// <summary>
/// Reads CSV text as Excel does (rule 2): the encoding from the BOM or the bytes, the separator
/// (comma, semicolon or tab) from the header line, CRLF, LF or CR line ends, quoted fields holding
/// separators, quotes and line breaks, and a stray quote inside an unquoted field kept as text.
/// Every record is a row, empty lines included, so row numbers match what a spreadsheet shows. A first
/// line <c>sep=;</c> (or <c>sep=,</c>, <c>sep=|</c>, <c>sep=</c> and a tab) names the separator as Excel
/// reads it: it is not a row, and the line after it is row 1, as Excel shows it.
/// </summary>
/// <remarks>
/// Hostile input (docs/import-rules.md, "Limits"): a field over <see cref="ReadingLimits.MaxCsvFieldBytes"/>
/// or a record over <see cref="ReadingLimits.MaxCsvRecordBytes"/> is a row with a problem, and a
/// quote that is never closed is reported on the row where it opens; either way reading resumes
/// after it, with a new CsvHelper reader started at that byte offset. Text that is not UTF-8 is
/// first transcoded to UTF-8 (in memory when small, else to a temporary file), so offsets are
/// offsets in the stream being read. A <see cref="GrowingFileStream"/> (a file still uploading, read
/// as UTF-8 by a check while uploading) is read as it grows: its length is waited for only as far
/// as a decision needs it.
/// </remarks>
public sealed class CsvSheetReader : ISheetReader
{
    private const int SeparatorSampleBytes = 64 * 1024;
    private const int InMemoryTranscodeBytes = 4 * 1024 * 1024;
    private const int ExcerptBytes = 4 * Diagnostic.MaxValueLength;
    private static readonly char[] Separators = [',', ';', '\t'];
    private static readonly char[] NamedSeparators = [',', ';', '\t', '|'];

    private readonly Stream _source;
    private readonly Stream? _transcoded;
    private readonly long _sourceLength; // -1 while the source is a file still growing
    private readonly ReadingLimits _limits;
    private readonly char _separator;
    private CsvReader _reader;
    private long _readerStart;
    private long _lastEnd = -1;
    private int _rowNumber;

    /// <param name="stream">A seekable stream positioned anywhere; it is read from its start.</param>
    /// <param name="maxRecordBytes">The longest record read; a longer one is a row with a problem, and reading goes on after it.</param>
    public CsvSheetReader(Stream stream, int maxRecordBytes)
        : this(stream, ReadingLimits.Default with { MaxCsvRecordBytes = maxRecordBytes })
    {
    }

    /// <param name="stream">A seekable stream positioned anywhere; it is read from its start.</param>
    /// <param name="limits">The longest record and field.</param>
    public CsvSheetReader(Stream stream, ReadingLimits limits)
        : this(stream, limits, TextDecoding.Detect(stream ?? throw new ArgumentNullException(nameof(stream))))
    {
    }

    /// <param name="stream">A seekable stream positioned anywhere; it is read from its start.</param>
    /// <param name="limits">The longest record and field.</param>
    /// <param name="encoding">The text's encoding, known beforehand (what <see cref="TextDecoding.Detect"/> finds).</param>
    public CsvSheetReader(Stream stream, ReadingLimits limits, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(encoding);
        _limits = limits;
        var (separator, separatorLine) = DetectSeparator(stream, encoding);
        _separator = separator;
        if (encoding is UTF8Encoding)
        {
            _source = stream;
        }
        else
        {
            _transcoded = TranscodeToUtf8(stream, encoding);
            _source = _transcoded;
        }

        _sourceLength = _source is GrowingFileStream ? -1 : _source.Length;
        _reader = OpenAt(separatorLine ? SeparatorLineEnd() : 0);
    }

    public SheetRow? ReadRow()
    {
        bool read;
        try
        {
            read = _reader.Read();
        }
        catch (CsvFormatException)
        {
            // The record is longer than the reader buffers: an unclosed quote, or a huge value.
            return SkipUnreadableRecord(NextRecordStart());
        }
#pragma warning disable CA1031 // Any other parser failure on hostile input is a diagnostic, not a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable,
                string.Create(CultureInfo.InvariantCulture, $"Row {_rowNumber + 1} cannot be read: {e.Message}"), e);
        }

        if (!read)
        {
            return null;
        }

        var start = _readerStart + _reader.ByteOffset;
        _lastEnd = start + _reader.RawRecord.Length;
        if (_reader.RawRecord.IndexOf((byte)'"') >= 0 && LengthFrom(_lastEnd, 1) <= _lastEnd)
        {
            // CsvHelper recovers from an unclosed quote by reading the field to the end of the input
            // (its OnMalformedRecord reports only a record's first problem, so it cannot tell): scan
            // the last record, and report an unclosed quote instead of swallowing the rows after it.
            var scan = Scan(start);
            if (scan.UnclosedField >= 0)
            {
                _rowNumber++;
                return SkipAfter(UnclosedQuote(scan, out var resume), resume);
            }

            // The reader has read the whole input: leave the stream where it left it.
            _source.Position = LengthFrom(_lastEnd, 1);
        }

        _rowNumber++;
        return ReadCells();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _transcoded?.Dispose();
    }

    private CsvReader OpenAt(long offset)
    {
        _source.Position = offset;
        _readerStart = offset;
        _lastEnd = -1;
        // CsvHelper asks a seekable stream for its Length up front, which a growing file knows only
        // at its end: it reads this one forward, through a view that does not seek.
        var input = _source is GrowingFileStream growing ? new ForwardView(growing) : _source;
        return CsvReader.Create(input, new CsvReaderOptions
        {
            HasHeader = false,
            Separator = _separator,
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            MaxRecordSize = _limits.MaxCsvRecordBytes,
            DetectSeparatorHint = false,
        }, leaveOpen: true);
    }

    private SheetRow ReadCells()
    {
        var cells = new string[_reader.FieldCount];
        List<CellProblem>? problems = null;
        for (var i = 0; i < cells.Length; i++)
        {
            var raw = _reader.GetRawSpan(i);
            if (raw.Length > _limits.MaxCsvFieldBytes)
            {
                (problems ??= []).Add(FieldTooLong(i, Excerpt(raw)));
                cells[i] = "";
                continue;
            }

            cells[i] = _reader.GetString(i);
        }

        if (problems is null && _reader.RawRecord.Length > _limits.MaxCsvRecordBytes)
        {
            problems = [RecordTooLong(Excerpt(_reader.RawRecord))];
        }

        return new SheetRow(_rowNumber, cells) { Problems = problems ?? [] };
    }

    /// <summary>
    /// Reports the record at <paramref name="start"/>, too long to buffer, as one row with a problem,
    /// and goes on after it: after the line where an unclosed quote opens, or after the record when it
    /// is only too long.
    /// </summary>
    private SheetRow SkipUnreadableRecord(long start)
    {
        _rowNumber++;
        var scan = Scan(start);
        if (scan.UnclosedField >= 0)
        {
            return SkipAfter(UnclosedQuote(scan, out var resume), resume);
        }

        var problem = scan.LongField >= 0 ? FieldTooLong(scan.LongField, Excerpt(scan.LongFieldStart)) : RecordTooLong(Excerpt(start));
        return SkipAfter(problem, scan.End);
    }

    private CsvRecordScan Scan(long start) => CsvRecordScanner.Scan(_source, start, (byte)_separator, _limits.MaxCsvFieldBytes);

    private CellProblem UnclosedQuote(CsvRecordScan scan, out long resume)
    {
        resume = CsvRecordScanner.NextLineStart(_source, scan.UnclosedQuoteOffset);
        return new CellProblem(scan.UnclosedField, DiagnosticCode.UnclosedQuote,
            "A quote opens in this cell and is never closed, so it would take in the rest of the file; this row was not read, the rows after it were. Close the quote, or write a quote inside a value twice (\"\").",
            FirstLine(Excerpt(scan.UnclosedQuoteOffset)));
    }

    private SheetRow SkipAfter(CellProblem problem, long resume)
    {
        _reader.Dispose();
        _reader = OpenAt(resume);
        return new SheetRow(_rowNumber, []) { Problems = [problem] };
    }

    private CellProblem FieldTooLong(int column, string excerpt) => new(column, DiagnosticCode.ValueTooLong,
        string.Create(CultureInfo.InvariantCulture, $"The cell is longer than {_limits.MaxCsvFieldBytes:N0} bytes, the most a cell may hold, so it was not read. Shorten it."),
        excerpt);

    private CellProblem RecordTooLong(string excerpt) => new(-1, DiagnosticCode.ValueTooLong,
        string.Create(CultureInfo.InvariantCulture, $"The row is longer than {_limits.MaxCsvRecordBytes:N0} bytes, the most a row may hold, so it was not read. Split it or shorten its values."),
        excerpt);

    /// <summary>Where the record after the last one read starts: after its line break, or where this reader started (after a BOM).</summary>
    private long NextRecordStart()
    {
        if (_lastEnd < 0)
        {
            return _readerStart == 0 ? TextDecoding.ByteOrderMarkLength(ReadAt(0, 4)) : _readerStart;
        }

        var next = ReadAt(_lastEnd, 2);
        return _lastEnd + next switch
        {
            [(byte)'\r', (byte)'\n', ..] => 2,
            [(byte)'\r' or (byte)'\n', ..] => 1,
            _ => 0,
        };
    }

    /// <summary>
    /// The source's length, or at least <paramref name="offset"/> + <paramref name="count"/> when it is
    /// longer: a file still growing is waited for only that far.
    /// </summary>
    private long LengthFrom(long offset, int count) =>
        _sourceLength >= 0 ? _sourceLength : ((GrowingFileStream)_source).WaitForLength(offset + count);

    private byte[] ReadAt(long offset, int count)
    {
        var bytes = new byte[(int)Math.Max(0, Math.Min(count, LengthFrom(offset, count) - offset))];
        _source.Position = offset;
        _source.ReadExactly(bytes);
        return bytes;
    }

    private string Excerpt(long offset) => Excerpt(ReadAt(offset, ExcerptBytes));

    // Enough text for a diagnostic's value (which keeps 200 characters), decoded leniently: it may end mid-character.
    private static string Excerpt(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, ExcerptBytes)]);

    private static string FirstLine(string text) => text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? text[..end] : text;

    private static Stream TranscodeToUtf8(Stream stream, Encoding encoding)
    {
        stream.Position = 0;
        Stream target = stream.Length <= InMemoryTranscodeBytes
            ? new MemoryStream()
            : new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            using (var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true))
            using (var writer = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true))
            {
                var buffer = new char[32 * 1024];
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    writer.Write(buffer, 0, read);
                }
            }

            target.Position = 0;
            stream.Position = 0;
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The separator a first line <c>sep=X</c> names (and true), else the one that occurs most often
    /// outside quotes in the first non-blank line (comma on a tie).
    /// </summary>
    internal static (char Separator, bool FromSeparatorLine) DetectSeparator(Stream stream, Encoding encoding)
    {
        // Read up to the sample's size rather than sized from Length, which a growing file knows only at its end.
        var sample = new byte[SeparatorSampleBytes];
        stream.Position = 0;
        Array.Resize(ref sample, stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false));
        stream.Position = 0;
        var bom = TextDecoding.ByteOrderMarkLength(sample);
        var text = encoding.GetString(sample, bom, sample.Length - bom);
        if (NamedSeparator(text) is { } named)
        {
            return (named, true);
        }

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

        return (Separators[best], false);
    }

    /// <summary>The separator of a first line that is exactly <c>sep=</c> and one of , ; | or tab (any case), or null.</summary>
    private static char? NamedSeparator(string text) =>
        text.Length >= 5 && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase)
            && Array.IndexOf(NamedSeparators, text[4]) >= 0
            && (text.Length == 5 || text[5] is '\r' or '\n')
            ? text[4]
            : null;

    /// <summary>Where the line after <c>sep=X</c> starts in the UTF-8 source: after a BOM, the 5 ASCII bytes and the line end.</summary>
    private long SeparatorLineEnd()
    {
        var start = TextDecoding.ByteOrderMarkLength(ReadAt(0, 4)) + 5;
        return start + ReadAt(start, 2) switch
        {
            [(byte)'\r', (byte)'\n', ..] => 2,
            [(byte)'\r' or (byte)'\n', ..] => 1,
            _ => 0,
        };
    }

    // A line of nothing but separators, quotes and spaces is a blank row, not the header.
    private static bool HasContent(string line) =>
        line.Any(c => !char.IsWhiteSpace(c) && c != '"' && Array.IndexOf(Separators, c) < 0);

    /// <summary>A growing file read forward from where it is, without seeking (and so without asking for its length).</summary>
    private sealed class ForwardView(GrowingFileStream file) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => file.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
