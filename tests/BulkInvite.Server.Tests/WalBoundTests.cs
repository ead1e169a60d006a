using BulkInvite.Server.Tests.Infrastructure;

namespace BulkInvite.Server.Tests;

/// <summary>
/// SQLite's write-ahead log while the invitation emails of an import go out (the default pickup
/// mode): the dispatcher's writes never let it pass Storage:WalCheckpointBytes by more than one of
/// its transactions, and the periodic checkpoint empties it once nothing writes. Without the bound,
/// these 3,000 emails grow the log by about 60 MB.
/// </summary>
public sealed class WalBoundTests : IDisposable
{
    private const int Emails = 3_000;
    private const long Threshold = 2 * 1024 * 1024;

    // What one dispatcher transaction adds past the threshold, generously: a token, an acknowledgement.
    private const long OneTransaction = 256 * 1024;

    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?>
    {
        ["Storage:WalCheckpointBytes"] = Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:BatchSize"] = "200",
    });

    private string Wal => BulkInviteServer.DatabasePath(_server.Folder) + "-wal";

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task TheLogStaysWithinItsThresholdWhileEmailsGoOutAndIsEmptiedOnceIdle()
    {
        var import = await _server.Client.UploadAsync(Files.ManyUsers(Emails));
        await _server.Client.CheckAsync(import.ImportId);
        var afterApply = await ApplyAndMeasureAsync(import.ImportId);

        long peak = 0;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (Sent() < Emails)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out: {Sent()} of {Emails} emails were written.");
            peak = Math.Max(peak, SizeOf(Wal));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        peak = Math.Max(peak, SizeOf(Wal));
        _server.Clock.Advance(TimeSpan.FromSeconds(5)); // Storage:CheckpointInterval: the checkpoint runs on the server's clock
        await InvitationCalls.WaitUntilAsync(() => Task.FromResult(SizeOf(Wal) == 0), "the idle log is emptied");

        Assert.True(peak <= Math.Max(afterApply, Threshold + OneTransaction), $"The log reached {peak:N0} bytes; the apply left {afterApply:N0}.");
        Assert.Equal(0, SizeOf(Wal));
    }

    // What the check and the apply wrote is theirs, not the drain's: the bound starts from there.
    private async Task<long> ApplyAndMeasureAsync(string importId)
    {
        var applied = await _server.Client.ApplyAsync(importId, "", "projects.view");
        Assert.Equal(Emails, applied.InvitedCount);
        return SizeOf(Wal);
    }

    private int Sent() => Directory.Exists(_server.MailFolder) ? Directory.EnumerateFiles(_server.MailFolder, "*.eml").Count() : 0;

    private static long SizeOf(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? info.Length : 0;
    }
}
