using System.Text;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Reading;

public class TextDecodingTests
{
    private const int BufferBoundary = 64 * 1024;

    [Fact]
    public void DetectsUtf8WithoutAByteOrderMark()
    {
        // Arrange
        using var stream = Fixtures.Open("team_utf8.csv");

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
    }

    [Fact]
    public void DetectsUtf8WithAByteOrderMark()
    {
        // Arrange
        using var stream = Fixtures.Stream([0xEF, 0xBB, 0xBF, .. "Email,First name\r\nzoe@example.de,Zoë\r\n"u8]);

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
    }

    [Fact]
    public void DetectsUtf16LittleEndianFromItsByteOrderMark()
    {
        // Arrange
        using var stream = Fixtures.Open("team_unicode_text.csv");

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(Encoding.Unicode.CodePage, encoding.CodePage);
        Assert.Equal(1200, encoding.CodePage);
    }

    [Fact]
    public void DetectsUtf16BigEndianFromItsByteOrderMark()
    {
        // Arrange
        using var stream = Fixtures.Stream([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("Email\tFirst name\r\n")]);

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(1201, encoding.CodePage);
    }

    [Fact]
    public void FallsBackToWindows1252ForTheTextExcelSavesAsFrenchCsv()
    {
        // Arrange
        using var stream = Fixtures.Open("team_excel_fr_semicolon.csv");

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(1252, encoding.CodePage);
        Assert.Same(TextDecoding.Windows1252, encoding);
        Assert.Contains("Inès;García", encoding.GetString(Fixtures.Bytes("team_excel_fr_semicolon.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void FallsBackToWindows1252WhenALeadByteIsFollowedByPlainText()
    {
        // Arrange: "café €" in Windows-1252, whose é (0xE9) looks like the start of a three-byte UTF-8 sequence.
        using var stream = Fixtures.Stream([.. "caf"u8, 0xE9, .. " "u8, 0x80]);

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(1252, encoding.CodePage);
        Assert.Equal("café €", encoding.GetString(stream.ToArray()));
    }

    [Fact]
    public void FallsBackToWindows1252WhenTheFileEndsInsideAMultiByteCharacter()
    {
        // Arrange: a UTF-8 é cut after its first byte.
        using var stream = Fixtures.Stream([.. "Zo"u8, 0xC3]);

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(1252, encoding.CodePage);
    }

    [Theory]
    [InlineData("é", 1)] // 2 bytes: 1 before the boundary, 1 after
    [InlineData("日", 1)] // 3 bytes: 1 before, 2 after
    [InlineData("日", 2)] // 3 bytes: 2 before, 1 after
    [InlineData("😀", 1)] // 4 bytes
    [InlineData("😀", 2)]
    [InlineData("😀", 3)]
    public void CountsAMultiByteCharacterThatStraddlesTheInternalBufferAsValidUtf8(string character, int bytesBeforeBoundary)
    {
        // Arrange: a file over 64 KiB whose character starts just before offset 65536.
        var bytes = Straddling(character, bytesBeforeBoundary);
        using var stream = Fixtures.Stream(bytes);

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
        Assert.Contains(character, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void CountsAStraddlingCharacterAsValidWhenTheFileIsReadFromDisk()
    {
        // Arrange
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Straddling("é", 1));
            using var stream = File.OpenRead(path);

            // Act
            var encoding = TextDecoding.Detect(stream);

            // Assert
            Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CountsCharactersAsValidWhenTheStreamHandsOutOneByteAtATime()
    {
        // Arrange
        using var stream = new TrickleStream("Email,First name\nakira@example.jp,明 😀,Zoë\n"u8.ToArray());

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
    }

    [Fact]
    public void FallsBackToWindows1252WhenALeadByteAtTheBufferBoundaryIsFollowedByPlainText()
    {
        // Arrange: a lone Windows-1252 é as the last byte of the first 64 KiB, then ASCII.
        var bytes = Straddling("é", 1);
        bytes[BufferBoundary] = (byte)'x';
        using var stream = Fixtures.Stream(bytes);

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(1252, encoding.CodePage);
    }

    [Fact]
    public void FallsBackToWindows1252ForAnInvalidByteFarBeyondTheFirstBuffer()
    {
        // Arrange: 200 KiB of valid UTF-8 with one Windows-1252 ü near the end.
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("akira@example.jp,明,田中\r\n", 8000)));
        bytes[^10] = 0xFC;
        using var stream = Fixtures.Stream(bytes);

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.True(bytes.Length > 3 * BufferBoundary);
        Assert.Equal(1252, encoding.CodePage);
    }

    [Fact]
    public void LeavesTheStreamAtItsStart()
    {
        // Arrange
        using var stream = Fixtures.Open("team_utf8.csv");
        stream.Position = 17;

        // Act
        _ = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void TreatsAnEmptyStreamAsUtf8()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        var encoding = TextDecoding.Detect(stream);

        // Assert
        Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41 }, 3)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, 2)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41 }, 2)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, 4)]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF }, 4)]
    [InlineData(new byte[] { 0x45, 0x6D, 0x61, 0x69 }, 0)]
    [InlineData(new byte[] { 0xEF, 0xBB }, 0)]
    [InlineData(new byte[] { }, 0)]
    public void MeasuresTheByteOrderMark(byte[] start, int expected)
    {
        // Act
        var length = TextDecoding.ByteOrderMarkLength(start);

        // Assert
        Assert.Equal(expected, length);
    }

    /// <summary>ASCII lines, then <paramref name="character"/> starting <paramref name="bytesBeforeBoundary"/> bytes before offset 65536, then more text.</summary>
    private static byte[] Straddling(string character, int bytesBeforeBoundary)
    {
        var encoded = Encoding.UTF8.GetBytes(character);
        var bytes = new byte[BufferBoundary + 4096];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = i % 64 == 63 ? (byte)'\n' : (byte)('a' + (i % 26));
        }

        encoded.CopyTo(bytes, BufferBoundary - bytesBeforeBoundary);
        return bytes;
    }

    /// <summary>A seekable stream that returns at most one byte per read, as a slow network stream might.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
    }
}
