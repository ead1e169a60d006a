using System.Security.Cryptography;
using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

/// <summary>
/// UploadFileResumablyAsync against a real server process: a file in 1 MiB writes, and the same
/// upload carried on across the server being killed mid-upload and started again on its data.
/// </summary>
public sealed class ClientResumableUploadTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadsAFileInWritesOfAtMostOneMebibyteAndReportsTheBytesTheServerStored()
    {
        var path = Files.Users(server.FilesFolder, valid: 60_000);
        var size = new FileInfo(path).Length;
        var reports = new List<UploadProgress>();
        using var client = server.ClientFor(_organization);

        var import = await client.UploadFileResumablyAsync(path, _organization, new ListProgress(reports), _ct);
        var check = await client.CheckAsync(import.ImportId, _ct);

        Assert.True(size > 2 * BulkInviteClient.MaxChunkBytes, "the file must need several writes");
        Assert.Equal([0, size], new[] { reports[0].BytesSent, reports[^1].BytesSent });
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.InRange(pair.Second.BytesSent - pair.First.BytesSent, 1, BulkInviteClient.MaxChunkBytes));
        Assert.Equal((ImportState.Uploaded, size, Sha256(path)), (import.State, import.SizeBytes, import.Sha256));
        Assert.Equal(60_000, check.Import.ValidRows);
    }

    [Fact]
    public async Task AnUploadCarriesOnFromWhatTheServerStoredWhenTheServerIsKilledMidUploadAndStartedAgain()
    {
        var folder = Directory.CreateTempSubdirectory("bulkinvite-resume-");
        var port = ServerProcess.FreePort();
        var first = await ServerProcess.StartAsync(folder.FullName, port: port);
        var path = Files.Users(server.FilesFolder, valid: 80_000);
        var size = new FileInfo(path).Length;
        var reports = new List<UploadProgress>();
        Task<ServerProcess>? restarted = null;
        long storedWhenKilled = 0;
        var progress = new ActionProgress(report =>
        {
            reports.Add(report);
            if (restarted is null && report.BytesSent > 0)
            {
                // Killed as a crash, right after it stored the first write; it comes back a moment later on the same data and port.
                storedWhenKilled = report.BytesSent;
                first.DisposeAsync().AsTask().GetAwaiter().GetResult();
                restarted = Task.Run(async () =>
                {
                    await Task.Delay(500, _ct);
                    return await ServerProcess.StartAsync(folder.FullName, port: port);
                }, _ct);
            }
        });
        using var client = new BulkInviteClient(first.Address, new BulkInviteClientOptions
        {
            Token = ServerProcess.Token(_organization, ServerFixture.Admin),
            InitialBackoff = TimeSpan.FromMilliseconds(200),
            MaxBackoff = TimeSpan.FromSeconds(1),
            ResumeWithin = TimeSpan.FromSeconds(90),
        });

        try
        {
            var import = await client.UploadFileResumablyAsync(path, _organization, progress, _ct);
            var check = await client.CheckAsync(import.ImportId, _ct);

            Assert.NotNull(restarted);
            Assert.InRange(storedWhenKilled, 1, size - 1);
            var afterKill = reports.SkipWhile(r => r.BytesSent < storedWhenKilled).Skip(1).ToList();
            Assert.All(afterKill, r => Assert.True(r.BytesSent >= storedWhenKilled, $"resumed from {r.BytesSent}, before the {storedWhenKilled} bytes stored"));
            Assert.Equal((size, Sha256(path)), (import.SizeBytes, import.Sha256));
            Assert.Equal((ImportState.Checked, 80_000), (check.Import.State, check.Import.ValidRows));
        }
        finally
        {
            if (restarted is not null)
            {
                await (await restarted).DisposeAsync();
            }
            else
            {
                await first.DisposeAsync();
            }

            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnUploadTheCallerCancelsIsCancelledOnTheServerAndFreesItsSlot()
    {
        var path = Files.Users(server.FilesFolder, valid: 60_000);
        using var client = server.ClientFor(_organization);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var progress = new ActionProgress(report =>
        {
            if (report.BytesSent > 0)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UploadFileResumablyAsync(path, _organization, progress, cancel.Token));
        // The organization's four slots (the server's default) are all free again: four uploads start.
        var started = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var request = new StartResumableUploadRequest { Metadata = new ImportFileMetadata { OrganizationId = _organization, FileName = "held.csv" } };
            started.Add((await client.Generated.StartResumableUploadAsync(request, cancellationToken: _ct)).UploadId);
        }

        foreach (var uploadId in started)
        {
            await client.Generated.CancelResumableUploadAsync(new CancelResumableUploadRequest { UploadId = uploadId }, cancellationToken: _ct);
        }

        Assert.Equal(4, started.Distinct().Count());
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Records every report on the uploading thread, in order.</summary>
    private sealed class ListProgress(List<UploadProgress> reports) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => reports.Add(value);
    }

    /// <summary>Runs an action on the uploading thread for every report, before the upload goes on.</summary>
    private sealed class ActionProgress(Action<UploadProgress> action) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => action(value);
    }
}
