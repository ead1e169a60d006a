using System.Text;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Tests.Reading;

/// <summary>A file read while it is written: waits for bytes, ends when complete, fails when the upload fails.</summary>
public sealed class GrowingFileStreamTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"growing-{Guid.NewGuid():N}.bin");
    private readonly FileStream _writer;
    private readonly GrowingFileStream _growing;
    private long _written;

    public GrowingFileStreamTests()
    {
        _writer = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
        _growing = new GrowingFileStream(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
    }

    public void Dispose()
    {
        _growing.Dispose();
        _writer.Dispose();
        File.Delete(_path);
    }

    [Fact]
    public async Task AReadPastTheBytesWrittenWaitsUntilMoreAreWritten()
    {
        // Arrange
        Write("Email,"u8);
        var buffer = new byte[64];
        Assert.Equal(6, _growing.Read(buffer));

        // Act: nothing more is written yet, so the read cannot end until the writer writes
        var waiting = Task.Run(() => _growing.Read(buffer), TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var endedBeforeTheWrite = waiting.IsCompleted;
        Write("First name\n"u8);
        var read = await waiting;

        // Assert
        Assert.False(endedBeforeTheWrite);
        Assert.Equal("First name\n", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task ReadsEndAndTheLengthIsKnownOnceTheFileIsComplete()
    {
        // Arrange
        Write("Email\nann@example.com\n"u8);
        var length = Task.Run(() => _growing.Length, TestContext.Current.CancellationToken);

        // Act
        _growing.Complete();
        var all = new byte[100];
        var read = _growing.ReadAtLeast(all, all.Length, throwOnEndOfStream: false);

        // Assert
        Assert.Equal(22, await length);
        Assert.Equal(22, read);
        Assert.Equal(0, _growing.Read(all));
    }

    [Fact]
    public async Task AWaitingReadAndEveryLaterOneFailWhenTheUploadFails()
    {
        // Arrange
        Write("Email\n"u8);
        _growing.Position = 6;
        var waiting = Task.Run(() => _growing.Read(new byte[10]), TestContext.Current.CancellationToken);

        // Act
        _growing.Fail(new OperationCanceledException("the client cancelled"));

        // Assert
        var error = await Assert.ThrowsAsync<IOException>(() => waiting);
        Assert.Contains("the client cancelled", error.Message, StringComparison.Ordinal);
        _growing.Position = 0;
        Assert.Throws<IOException>(() => _growing.Read(new byte[10]));
    }

    [Fact]
    public async Task TheCsvReaderGivesRowsBeforeTheFileIsComplete()
    {
        // Arrange: 20,000 rows written, the file not complete
        var text = new StringBuilder("Email,First name\n");
        for (var row = 2; row < 20_002; row++)
        {
            text.Append("user").Append(row.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("@example.com,Ann\n");
        }

        Write(Encoding.UTF8.GetBytes(text.ToString()));

        // Act: the file is completed only once 15,000 rows were read (or the read gave up waiting)
        var reading = Task.Run(() =>
        {
            using var reader = new CsvSheetReader(_growing, ReadingLimits.Default, Encoding.UTF8);
            var rows = 0;
            while (rows < 15_000 && reader.ReadRow() is not null)
            {
                rows++;
            }

            return rows;
        }, TestContext.Current.CancellationToken);
        var readBeforeCompletion = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)) == reading;
        _growing.Complete();

        // Assert
        Assert.True(readBeforeCompletion, "the reader waited for the end of the file");
        Assert.Equal(15_000, await reading);
    }

    [Theory]
    [InlineData("Email,First name,Description\r\nada@example.com,Ada,\"Line 1\r\nLine 2\"\r\ngrace@example.com,Grace,\"never closed\r\nemilie@example.fr,Émilie,x\r\n")]
    [InlineData("sep=;\r\nEmail;First name\r\nann@example.com;Ann, Lee\r\nbob@example.com;\"Bob \"\"B\"\"\"\r\n")]
    [InlineData("\uFEFFEmail,First name,Last name\n明@example.jp,明,田中\nbjorn@example.no,Bjørn,Olsen\n,,\nbad,\"x,y\",z")]
    [InlineData("Email,Description\r\nada@example.com,\"Ada,Lovelace\r\nuser@example.com,Name\r\nuser2@example.com,Name2")]
    public async Task ACsvReadAsItGrowsGivesTheRowsOfTheWholeFile(string text)
    {
        // Arrange: the same bytes, whole in memory and written 5 bytes at a time
        var bytes = Encoding.UTF8.GetBytes(text);
        var limits = ReadingLimits.Default with { MaxCsvRecordBytes = 40 };
        List<SheetRow> expected;
        using (var whole = new CsvSheetReader(Fixtures.Stream(bytes), limits))
        {
            expected = Fixtures.ReadAll(whole);
        }

        // Act
        var writing = Task.Run(async () =>
        {
            for (var offset = 0; offset < bytes.Length; offset += 5)
            {
                Write(bytes.AsSpan(offset, Math.Min(5, bytes.Length - offset)));
                await Task.Yield();
            }

            _growing.Complete();
        }, TestContext.Current.CancellationToken);
        List<SheetRow> rows;
        using (var growing = new CsvSheetReader(_growing, limits, Encoding.UTF8))
        {
            rows = Fixtures.ReadAll(growing);
        }

        await writing;

        // Assert
        Assert.Equal(Describe(expected), Describe(rows));
    }

    private static List<string> Describe(List<SheetRow> rows) =>
        rows.Select(r => $"{r.RowNumber}: [{string.Join("|", r.Cells)}] {string.Join(";", r.Problems.Select(p => $"{p.ColumnIndex} {p.Code} {p.Value}"))}").ToList();

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _writer.Write(bytes);
        _written += bytes.Length;
        _growing.Grew(_written);
    }
}
