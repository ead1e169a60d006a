using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Reading;

/// <summary>
/// A pass over an xlsx before ExcelDataReader sees it, which has no limits of its own: counts the
/// bytes of every part as they are inflated (the sizes a zip header declares can lie) against the
/// total and the compression ratio, refuses DTDs in any part (billion laughs, external entities),
/// bounds the shared-strings table the parser keeps in memory and the text the worksheets'
/// references to it expand to, and checks that every such reference points into the table.
/// </summary>
internal static class XlsxGuard
{
    private const string ResaveHint = " Open it in your spreadsheet program, save it again and upload the new file.";
    private const int BufferBytes = 64 * 1024;

    public static void Check(Stream stream, ReadingLimits limits)
    {
        stream.Position = 0;
        try
        {
            CheckArchive(stream, limits);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException or ArgumentException)
        {
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable, "The workbook is damaged and cannot be read." + ResaveHint, e);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static void CheckArchive(Stream stream, ReadingLimits limits)
    {
        if (ZipDirectory.DeclaredEntryCount(stream) is { } declared && declared > limits.MaxZipEntries)
        {
            throw TooManyEntries(declared, limits);
        }

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > limits.MaxZipEntries)
        {
            throw TooManyEntries(zip.Entries.Count, limits);
        }

        var inflated = new InflatedTotal(limits);

        // The shared strings first, wherever they are in the archive: the sheets' references are checked against them.
        var sharedStringsEntry = zip.Entries.FirstOrDefault(IsSharedStrings);
        List<int> sharedStrings = [];
        if (sharedStringsEntry is not null)
        {
            using var part = Open(sharedStringsEntry, inflated, limits.MaxSharedStringsBytes, limits);
            sharedStrings = SharedStringLengths(part);
            part.Drain();
        }

        var references = new SharedStringReferences(sharedStrings, limits.MaxInflatedBytes);
        foreach (var entry in zip.Entries.Where(e => e != sharedStringsEntry))
        {
            using var part = Open(entry, inflated, long.MaxValue, limits);
            if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                references.Collect(part);
            }

            part.Drain();
        }

        references.Verify();
    }

    private static bool IsSharedStrings(ZipArchiveEntry entry) => entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    private static GuardedPartStream Open(ZipArchiveEntry entry, InflatedTotal inflated, long maxBytes, ReadingLimits limits)
    {
        if (entry.Length > limits.MaxInflatedBytes)
        {
            throw Limit($"its part {Name(entry)} declares {entry.Length:N0} bytes once inflated, more than the {limits.MaxInflatedBytes:N0} bytes a whole workbook may inflate to.");
        }

        return new GuardedPartStream(entry.Open(), entry, inflated, maxBytes);
    }

    /// <summary>The length in characters of each shared string, in order.</summary>
    private static List<int> SharedStringLengths(Stream part)
    {
        using var xml = XmlReader.Create(part, Settings);
        var lengths = new List<int>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.Depth == 1)
            {
                lengths.Add(0);
            }
            else if (lengths.Count > 0 && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA)
            {
                lengths[^1] += xml.Value.Length;
            }
        }

        return lengths;
    }

    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private static string Name(ZipArchiveEntry entry) => entry.FullName.Length > 100 ? entry.FullName[..100] + "..." : entry.FullName;

    private static UnreadableFileException TooManyEntries(long count, ReadingLimits limits) =>
        Limit($"it is a zip of {count:N0} entries; a workbook may have at most {limits.MaxZipEntries:N0}.");

    internal static UnreadableFileException Limit(FormattableString reason) =>
        new(DiagnosticCode.FileLimitExceeded,
            "The workbook cannot be read safely: " + reason.ToString(CultureInfo.InvariantCulture) + " Save the users in a new workbook (or as CSV) and upload that file.");

    /// <summary>The bytes inflated so far from every part of the archive.</summary>
    private sealed class InflatedTotal(ReadingLimits limits)
    {
        public ReadingLimits Limits { get; } = limits;

        public long Bytes { get; private set; }

        public void Add(int bytes)
        {
            Bytes += bytes;
            if (Bytes > Limits.MaxInflatedBytes)
            {
                throw Limit($"its parts inflate to more than {Limits.MaxInflatedBytes:N0} bytes (a zip bomb, or far more data than a user list).");
            }
        }
    }

    /// <summary>One part as it inflates: counts its bytes against the limits and looks for a DTD.</summary>
    private sealed class GuardedPartStream(Stream inner, ZipArchiveEntry entry, InflatedTotal total, long maxBytes) : Stream
    {
        private static readonly byte[][] DoctypeMarks =
        [
            "<!DOCTYPE"u8.ToArray(),
            "<\0!\0D\0O\0C\0T\0Y\0P\0E\0"u8.ToArray(),
            "\0<\0!\0D\0O\0C\0T\0Y\0P\0E"u8.ToArray(),
        ];

        private const int Overlap = 18;
        private readonly byte[] _carry = new byte[Overlap];
        private int _carried;
        private long _inflated;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _inflated; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            if (read > 0)
            {
                Inspect(buffer[..read]);
            }

            return read;
        }

        /// <summary>Reads the rest of the part, so every byte of the archive is counted.</summary>
        public void Drain()
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                while (Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Inspect(ReadOnlySpan<byte> chunk)
        {
            _inflated += chunk.Length;
            total.Add(chunk.Length);
            if (_inflated > maxBytes)
            {
                throw Limit($"its shared strings table inflates to more than {maxBytes:N0} bytes, more than the server keeps in memory for one file.");
            }

            if (_inflated > ReadingLimits.CompressionRatioFloorBytes && _inflated > Math.Max(entry.CompressedLength, 1) * total.Limits.MaxCompressionRatio)
            {
                throw Limit($"its part {Name(entry)} is compressed more than {total.Limits.MaxCompressionRatio}:1 ({entry.CompressedLength:N0} bytes inflate to more than {_inflated:N0}), as a zip bomb is.");
            }

            // Look for the marks across the boundary with the previous chunk too.
            var head = chunk[..Math.Min(chunk.Length, Overlap)];
            Span<byte> seam = stackalloc byte[2 * Overlap];
            _carry.AsSpan(0, _carried).CopyTo(seam);
            head.CopyTo(seam[_carried..]);
            if (HasDoctype(seam[..(_carried + head.Length)]) || HasDoctype(chunk))
            {
                throw Limit($"its part {Name(entry)} declares a DTD (<!DOCTYPE>), which workbooks never need and which can expand entities without end or read other files.");
            }

            var tail = chunk[Math.Max(0, chunk.Length - Overlap)..];
            if (tail.Length == Overlap)
            {
                tail.CopyTo(_carry);
                _carried = Overlap;
            }
            else
            {
                var keep = Math.Min(_carried, Overlap - tail.Length);
                _carry.AsSpan(_carried - keep, keep).CopyTo(_carry);
                tail.CopyTo(_carry.AsSpan(keep));
                _carried = keep + tail.Length;
            }
        }

        private static bool HasDoctype(ReadOnlySpan<byte> bytes)
        {
            foreach (var mark in DoctypeMarks)
            {
                if (bytes.IndexOf(mark) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// The shared-string references of the worksheets: each must point into the table, and the text
    /// they expand to counts against the inflated limit (the parser handles a shared string again in
    /// every cell that refers to it: one 1 MB string in 12,000 cells is 12 GB of work).
    /// </summary>
    private sealed class SharedStringReferences(List<int> lengths, long maxExpandedChars)
    {
        private long _expanded;
        private string? _badCell;
        private string? _badValue;

        public void Collect(Stream part)
        {
            using var xml = XmlReader.Create(part, Settings);
            string? cell = null;
            var shared = false;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "c")
                {
                    cell = xml.GetAttribute("r");
                    shared = xml.GetAttribute("t") == "s";
                }
                else if (xml.LocalName == "v" && shared)
                {
                    shared = false;
                    var text = xml.ReadElementContentAsString();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= lengths.Count)
                    {
                        _badCell ??= cell ?? "?";
                        _badValue ??= text.Length > 20 ? text[..20] : text;
                        continue;
                    }

                    _expanded += lengths[index];
                    if (_expanded > maxExpandedChars)
                    {
                        throw Limit($"its cells repeat shared strings to more than {maxExpandedChars:N0} characters of text (a shared-strings bomb).");
                    }
                }
            }
        }

        public void Verify()
        {
            if (_badValue is null)
            {
                return;
            }

            var reason = int.TryParse(_badValue, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? string.Create(CultureInfo.InvariantCulture, $"cell {_badCell} refers to shared string {index:N0}, but the workbook has {lengths.Count:N0}")
                : $"cell {_badCell} refers to the shared string \"{_badValue}\", which is not an index";
            throw new UnreadableFileException(DiagnosticCode.FileUnreadable, "The workbook is damaged: " + reason + "." + ResaveHint);
        }
    }
}
