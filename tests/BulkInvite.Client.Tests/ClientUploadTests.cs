using System.Security.Cryptography;
using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

public sealed class ClientUploadTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    [Fact]
    public async Task UploadsALargeFileInChunksOfAtMostOneMebibyteAndReportsProgressUpToItsSize()
    {
        var path = Files.Users(server.FilesFolder, valid: 60_000);
        var size = new FileInfo(path).Length;
        var reports = new List<UploadProgress>();
        using var client = server.ClientFor(_organization);

        var import = await client.UploadFileAsync(path, _organization, new ListProgress(reports), TestContext.Current.CancellationToken);

        Assert.True(size > 2 * BulkInviteClient.MaxChunkBytes, "the file must need several chunks");
        Assert.Equal(size, reports[^1].BytesSent);
        Assert.All(reports, r => Assert.Equal(size, r.TotalBytes));
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.InRange(pair.Second.BytesSent - pair.First.BytesSent, 1, BulkInviteClient.MaxChunkBytes));
        Assert.Equal((ImportState.Uploaded, size), (import.State, import.SizeBytes));
    }

    [Fact]
    public async Task SendsTheLowercaseHexSha256ThatTheServerVerifies()
    {
        var path = Files.Fixture("team_libreoffice.xlsx");
        using var client = server.ClientFor(_organization);

        var import = await client.UploadFileAsync(path, _organization, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), import.Sha256);
        Assert.Equal((FileFormat.Xlsx, "team_libreoffice.xlsx"), (import.Format, import.FileName));
    }

    [Fact]
    public async Task UploadsAStreamThatCannotSeek()
    {
        var bytes = File.ReadAllBytes(Files.Fixture("team_utf8.csv"));
        using var stream = new ForwardOnlyStream(bytes);
        using var client = server.ClientFor(_organization);

        var import = await client.UploadFileAsync(stream, "piped.csv", _organization, cancellationToken: TestContext.Current.CancellationToken);
        var check = await client.CheckAsync(import.ImportId, TestContext.Current.CancellationToken);

        Assert.Equal(bytes.Length, import.SizeBytes);
        Assert.Equal(4, check.Import.ValidRows);
    }

    /// <summary>Records every report on the uploading thread, in order.</summary>
    private sealed class ListProgress(List<UploadProgress> reports) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => reports.Add(value);
    }

    /// <summary>A pipe: bytes can be read once, front to back, and the length is unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
