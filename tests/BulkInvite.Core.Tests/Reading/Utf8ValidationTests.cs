using System.Text;
using System.Text.Unicode;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Reading;

/// <summary>UTF-8 validated a chunk at a time reaches the verdict of the whole file, however the chunks split its characters.</summary>
public sealed class Utf8ValidationTests
{
    [Fact]
    public void MultiByteCharactersSplitAcrossChunksOfEverySizeAreValid()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes("\uFEFFEmail,Prénom\nakira@example.jp,明 田中 😀,Bjørn\n");

        foreach (var size in Enumerable.Range(1, 9))
        {
            // Act
            var validation = Feed(bytes, size);

            // Assert
            Assert.True(validation.IsValidAtEnd, $"chunks of {size} bytes");
        }
    }

    [Fact]
    public void AWindows1252ByteLateInTheFileIsNotUtf8()
    {
        // Arrange: é written as the single byte 0xE9, as Excel's Windows-1252 CSV has it
        var bytes = Encoding.UTF8.GetBytes(new string('a', 100_000) + ",Ren").Concat(new byte[] { 0xE9, (byte)',', (byte)'x' }).ToArray();

        // Act
        var validation = Feed(bytes, 4096);

        // Assert
        Assert.False(validation.IsValid);
        Assert.False(validation.IsValidAtEnd);
    }

    [Fact]
    public void AFileThatEndsInsideACharacterIsNotValidAtTheEnd()
    {
        // Arrange: the first two of 明's three bytes
        var bytes = Encoding.UTF8.GetBytes("Email,明")[..^1];

        // Act
        var validation = Feed(bytes, 3);

        // Assert
        Assert.True(validation.IsValid);
        Assert.False(validation.IsValidAtEnd);
    }

    [Fact]
    public void RandomBytesInRandomChunksGetTheVerdictOfTheWholeFile()
    {
        // Arrange: mostly ASCII with lead and continuation bytes mixed in, so both verdicts occur
        var random = new Random(14);
        var alphabet = new byte[] { (byte)'a', (byte)',', (byte)'\n', 0xC3, 0xA9, 0xE6, 0x98, 0x8E, 0xF0, 0x9F, 0x98, 0x80, 0xE9, 0xFF, 0x80 };
        for (var sample = 0; sample < 2000; sample++)
        {
            var bytes = Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();

            // Act
            var validation = Feed(bytes, random.Next(1, 6));

            // Assert
            Assert.Equal(Utf8.IsValid(bytes), validation.IsValidAtEnd);
        }
    }

    private static Utf8Validation Feed(byte[] bytes, int chunkSize)
    {
        var validation = new Utf8Validation();
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            validation.Append(bytes.AsSpan(offset, Math.Min(chunkSize, bytes.Length - offset)));
        }

        return validation;
    }
}
