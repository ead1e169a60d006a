using System.Text;
using System.Text.Unicode;

namespace BulkInvite.Core.Reading;

/// <summary>
/// Rule 2's encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and Windows-1252 for text
/// that is not valid UTF-8 (what Excel writes for "CSV" in Western locales).
/// </summary>
public static class TextDecoding
{
    /// <summary>Windows-1252, from the code pages provider, which is registered once here for the whole process.</summary>
    public static Encoding Windows1252 { get; } = RegisterCodePages();

    /// <summary>The length of a UTF-8, UTF-16 or UTF-32 byte order mark at the start, or 0.</summary>
    public static int ByteOrderMarkLength(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => 3,
        [0xFF, 0xFE, 0x00, 0x00, ..] => 4,
        [0x00, 0x00, 0xFE, 0xFF, ..] => 4,
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => 2,
        _ => 0,
    };

    /// <summary>
    /// The encoding of a text stream, read from its start: the one its byte order mark names, else
    /// UTF-8 when every byte is valid UTF-8, else Windows-1252. Leaves the position at 0.
    /// </summary>
    public static Encoding Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Position = 0;
        Span<byte> start = stackalloc byte[4];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var encoding = start[..read] switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => Encoding.UTF32,
            [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        if (encoding is not null)
        {
            return encoding;
        }

        var valid = IsValidUtf8(stream);
        stream.Position = 0;
        return valid ? Encoding.UTF8 : Windows1252;
    }

    private static bool IsValidUtf8(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var carried = 0;
        while (true)
        {
            var read = stream.Read(buffer, carried, buffer.Length - carried);
            if (read == 0)
            {
                return carried == 0;
            }

            var length = carried + read;
            var complete = CompleteLength(buffer.AsSpan(0, length));
            if (!Utf8.IsValid(buffer.AsSpan(0, complete)))
            {
                return false;
            }

            carried = length - complete;
            buffer.AsSpan(complete, carried).CopyTo(buffer);
        }
    }

    /// <summary>The length of the prefix that does not end inside a multi-byte sequence.</summary>
    internal static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: look further back for the lead byte
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }

    private static Encoding RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
