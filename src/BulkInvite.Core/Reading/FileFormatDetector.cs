using System.Globalization;
using System.IO.Compression;
using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Reading;

/// <summary>
/// Rule 1: the format comes from the content, never the name. An xlsx is a zip holding
/// xl/workbook.xml, an xls an OLE2 compound file; anything else that is text is read as CSV.
/// </summary>
public static class FileFormatDetector
{
    /// <summary>How much of the start of a file decides whether it is text.</summary>
    public const int TextSampleBytes = 64 * 1024;

    private const string UploadHint = " Upload a .csv, .xlsx or .xls file.";

    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly (byte[] Magic, string Name)[] KnownBinaries =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x1F, 0x8B], "a gzip archive"),
        ("7z"u8.ToArray(), "a 7-Zip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x09, 0x08], "an Excel 2 to 4 workbook, too old to read"),
    ];

    /// <summary>Detects the format of a seekable stream, read from its start; leaves the position at 0.</summary>
    public static FormatDetection Detect(Stream stream) => Detect(stream, ReadingLimits.Default);

    /// <summary>Detects the format with the given zip entry limit, checked before the zip directory is read.</summary>
    public static FormatDetection Detect(Stream stream, ReadingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            return DetectCore(stream, limits);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static FormatDetection DetectCore(Stream stream, ReadingLimits limits)
    {
        if (stream.Length == 0)
        {
            return Reject(DiagnosticCode.FileEmpty, "The file is empty (0 bytes)." + UploadHint);
        }

        stream.Position = 0;
        var sample = new byte[(int)Math.Min(TextSampleBytes, stream.Length)];
        stream.ReadExactly(sample);

        if (sample.AsSpan().StartsWith(Ole2Signature))
        {
            return new FormatDetection(FileFormat.Xls, null);
        }

        if (sample.AsSpan().StartsWith("PK\x03\x04"u8) || sample.AsSpan().StartsWith("PK\x05\x06"u8))
        {
            return DetectZip(stream, limits);
        }

        foreach (var (magic, name) in KnownBinaries)
        {
            if (sample.AsSpan().StartsWith(magic))
            {
                return Unsupported($"The file is {name}, not a spreadsheet.");
            }
        }

        return LooksLikeText(sample)
            ? new FormatDetection(FileFormat.Csv, null)
            : Unsupported("The file is binary data, not CSV text or an Excel workbook.");
    }

    private static FormatDetection DetectZip(Stream stream, ReadingLimits limits)
    {
        // The directory is read whole into memory: refuse a huge one from the count it declares.
        if (ZipDirectory.DeclaredEntryCount(stream) is { } declared && declared > limits.MaxZipEntries)
        {
            return Reject(DiagnosticCode.FileLimitExceeded, string.Create(CultureInfo.InvariantCulture,
                $"The file is a zip of {declared:N0} entries; a workbook may have at most {limits.MaxZipEntries:N0}. Save the users in a new workbook (or as CSV) and upload that file."));
        }

        stream.Position = 0;
        HashSet<string> names;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            return Reject(DiagnosticCode.FileUnreadable,
                "The file is a damaged or truncated zip archive (an xlsx is one) and cannot be read. Open it in your spreadsheet program, save it again and upload the new file.");
        }

        if (names.Contains("xl/workbook.xml"))
        {
            return new FormatDetection(FileFormat.Xlsx, null);
        }

        if (names.Contains("xl/workbook.bin"))
        {
            return Unsupported("The file is an Excel binary workbook (.xlsb), which is not supported. Save it as .xlsx (Excel Workbook) instead.");
        }

        if (names.Contains("content.xml") && names.Contains("mimetype"))
        {
            return Unsupported("The file is an OpenDocument file (.ods), which is not supported. Save it as .xlsx instead.");
        }

        return Unsupported("The file is a zip archive but not an Excel workbook.");
    }

    /// <summary>
    /// Whether a file that starts with <paramref name="sample"/> (its first <see cref="TextSampleBytes"/>,
    /// or all of a smaller file) is detected as CSV without a problem: what <see cref="Detect(Stream)"/>
    /// decides, from the start alone, for a file that cannot wait to be whole (a check while uploading).
    /// </summary>
    public static bool IsCsvStart(ReadOnlySpan<byte> sample)
    {
        if (sample.IsEmpty || sample.StartsWith(Ole2Signature) || sample.StartsWith("PK\x03\x04"u8) || sample.StartsWith("PK\x05\x06"u8))
        {
            return false;
        }

        foreach (var (magic, _) in KnownBinaries)
        {
            if (sample.StartsWith(magic))
            {
                return false;
            }
        }

        return LooksLikeText(sample);
    }

    /// <summary>Text has a Unicode byte order mark, or no NUL bytes and almost no other control bytes.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> span)
    {
        if (TextDecoding.ByteOrderMarkLength(span) > 0)
        {
            return true;
        }

        if (span.Contains((byte)0))
        {
            return false;
        }

        var controls = 0;
        foreach (var b in span)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A))
            {
                controls++;
            }
        }

        return controls * 100 <= span.Length;
    }

    private static FormatDetection Unsupported(string message) => Reject(DiagnosticCode.UnsupportedFormat, message + UploadHint);

    private static FormatDetection Reject(DiagnosticCode code, string message) =>
        new(FileFormat.Unspecified, Diagnostic.ForFile(code, message));
}
