using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>StreamCheckImport: the check with progress, ending with the same first page CheckImport gives.</summary>
public sealed class CheckProgressTests : IDisposable
{
    // Progress every millisecond, so a check of a few thousand rows reports some whatever the machine's speed.
    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?> { ["BulkInvite:CheckProgressInterval"] = "00:00:00.001" });
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task ALargeFileReportsGrowingProgressThenTheFirstPageOfTheResult()
    {
        var content = Files.ManyUsers(20_000, row => row % 1000 == 0 ? $"bad-address-{row}" : $"user{row}@example.com");
        var import = await _server.Client.UploadAsync(content);

        var messages = await ReadAllAsync(_server.Client.StreamCheckImport(new StreamCheckImportRequest { ImportId = import.ImportId, PageSize = 5 }, cancellationToken: _ct));

        var progress = messages.TakeWhile(m => m.EventCase == StreamCheckImportResponse.EventOneofCase.Progress).Select(m => m.Progress).ToList();
        Assert.NotEmpty(progress);
        Assert.Equal(progress.Select(p => p.RowsRead).Order(), progress.Select(p => p.RowsRead));
        Assert.All(progress, p => Assert.Equal(content.Length, p.SizeBytes));
        Assert.All(progress, p => Assert.InRange(p.BytesRead, 0, content.Length));
        Assert.All(progress, p => Assert.InRange(p.RowsRead, 0, 20_001));
        var last = Assert.Single(messages.SkipWhile(m => m.EventCase == StreamCheckImportResponse.EventOneofCase.Progress));
        Assert.Equal((ImportState.Checked, 20_000, 20), (last.Result.Import.State, last.Result.Import.TotalRows, last.Result.Import.InvalidRows));
        Assert.Equal(await _server.Client.CheckAsync(import.ImportId, pageSize: 5), last.Result);
    }

    [Fact]
    public async Task AnImportAlreadyCheckedStreamsOnlyItsResult()
    {
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        var check = await _server.Client.CheckAsync(import.ImportId);

        var messages = await ReadAllAsync(_server.Client.StreamCheckImport(new StreamCheckImportRequest { ImportId = import.ImportId }, cancellationToken: _ct));

        Assert.Equal(check, Assert.Single(messages).Result);
    }

    [Fact]
    public async Task AnUnknownImportIsNotFound()
    {
        var error = await Calls.FailsAsync(() => ReadAllAsync(_server.Client.StreamCheckImport(new StreamCheckImportRequest { ImportId = new string('a', 32) }, cancellationToken: _ct)));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private static async Task<List<StreamCheckImportResponse>> ReadAllAsync(AsyncServerStreamingCall<StreamCheckImportResponse> call)
    {
        using (call)
        {
            var messages = new List<StreamCheckImportResponse>();
            await foreach (var message in call.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                messages.Add(message);
            }

            return messages;
        }
    }
}
