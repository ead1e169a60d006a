using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using BulkInvite.Core.Telemetry;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Dapper;
using Google.Protobuf;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>
/// BulkInvite:CheckWhileUploading: a streamed UTF-8 CSV is checked as it uploads, and CheckImport
/// then gives exactly what the full check gives; anything else (Windows-1252, a workbook, a pre-check
/// cut short) is checked in full, and nothing a pre-check staged outlives it.
/// </summary>
public abstract class CheckWhileUploadingTests : IDisposable
{
    private const string Permission = "projects.view";

    private readonly TestStore _store;
    private readonly BulkInviteServer _on;
    private readonly BulkInviteServer _off;
    private readonly ConcurrentQueue<Activity> _checkSpans = new();
    private readonly ActivityListener _listener;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    protected CheckWhileUploadingTests(TestStore store)
    {
        _store = store;
        _on = new BulkInviteServer(store: store, settings: new Dictionary<string, string?> { ["BulkInvite:CheckWhileUploading"] = "true" });
        _off = new BulkInviteServer(store: store, settings: new Dictionary<string, string?> { ["BulkInvite:CheckWhileUploading"] = "false" });
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BulkInviteTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.OperationName == "import.check")
                {
                    _checkSpans.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var server in new[] { _on, _off })
        {
            server.Dispose();
            server.DeleteData();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TheSameCsvGivesTheSameCheckAndApplyWithTheOptionOnAndOff()
    {
        // Arrange: 5,000 rows in 4 KB chunks, so the pre-check stages while the upload goes on
        var content = MixedCsv(5_000);

        // Act
        var on = await UploadCheckAndApplyAsync(_on, content, chunkSize: 4096);
        var off = await UploadCheckAndApplyAsync(_off, content, chunkSize: 4096);

        // Assert
        Assert.Equal((1L, 0L), (on.Prechecked, off.Prechecked));
        Assert.Equal(off.Check, on.Check);
        Assert.Equal(off.Diagnostics, on.Diagnostics);
        Assert.Equal(off.Rows, on.Rows);
        Assert.Equal(off.Applied, on.Applied);
        Assert.Contains(on.Check.FileDiagnostics, d => d.Code == DiagnosticCode.ColumnsNotImported);
        Assert.Contains(on.Diagnostics, d => d.Code == DiagnosticCode.DuplicateEmail);
        Assert.Contains(on.Rows, r => r.FirstName == "明");
        Assert.Equal(5_000, on.Check.Import.TotalRows);
        Assert.Equal(0, await CountAsync(_on, "prechecks"));
    }

    [Fact]
    public async Task AWindows1252CsvIsCheckedInFullWithTheSameResult()
    {
        // Arrange: é as the single byte 0xE9 in the last row, 200 KB into the file
        var content = MixedCsv(3_000).Concat(Encoding.Latin1.GetBytes("rene@example.fr,Ren\u00e9,Dupont,late\n")).ToArray();

        // Act
        var on = await UploadCheckAndApplyAsync(_on, content, chunkSize: 8192);
        var off = await UploadCheckAndApplyAsync(_off, content, chunkSize: 8192);

        // Assert
        Assert.Equal((0L, 0L), (on.Prechecked, off.Prechecked));
        Assert.Equal(off.Check, on.Check);
        Assert.Equal(off.Diagnostics, on.Diagnostics);
        Assert.Equal(off.Rows, on.Rows);
        Assert.Equal(off.Applied, on.Applied);
        Assert.Contains(on.Rows, r => r.FirstName == "René");
        Assert.Equal(0, await CountAsync(_on, "prechecks"));
    }

    [Fact]
    public async Task AnXlsxUploadIsCheckedInFull()
    {
        // Arrange
        var content = Files.Fixture("team_libreoffice.xlsx");

        // Act
        var on = await UploadCheckAndApplyAsync(_on, content, chunkSize: 1024, fileName: "team.xlsx");
        var off = await UploadCheckAndApplyAsync(_off, content, chunkSize: 1024, fileName: "team.xlsx");

        // Assert
        Assert.Equal((0L, 0L), (on.Prechecked, off.Prechecked));
        Assert.Equal(off.Check, on.Check);
        Assert.Equal(off.Rows, on.Rows);
        Assert.Equal(off.Applied, on.Applied);
        Assert.Equal((ImportState.Checked, 4), (on.Check.Import.State, on.Check.Import.ValidRows));
    }

    [Fact]
    public async Task AnUploadCancelledMidStreamLeavesNothingStaged()
    {
        // Arrange: an upload the pre-check has started staging
        var content = MixedCsv(60_000);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var call = _on.Client.UploadImportFile(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest
        {
            Metadata = new ImportFileMetadata { OrganizationId = Calls.Organization, FileName = "users.csv" },
        }, _ct);
        for (var offset = 0; offset < content.Length / 2; offset += 16 * 1024)
        {
            await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFrom(content, offset, 16 * 1024) }, _ct);
        }

        var staged = await EventuallyAsync(async () => await CountAsync(_on, "prechecks") == 1 && await CountAsync(_on, "import_rows") > 0);

        // Act
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        call.Dispose();
        var cleared = await EventuallyAsync(async () =>
            await CountAsync(_on, "prechecks") + await CountAsync(_on, "import_rows") + await CountAsync(_on, "diagnostics") == 0);

        // Assert
        Assert.True(staged, "the pre-check staged rows while the upload went on");
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.True(cleared, "the cancelled upload's pre-check deleted what it staged");
        Assert.Equal(0, await CountAsync(_on, "imports"));
    }

    [Fact]
    public async Task APrecheckCutShortIsReplacedByTheFullCheckWithoutDoubledRows()
    {
        // Arrange: what a restart mid-pre-check leaves: rows and diagnostics staged under the
        // import's key, its record still running
        var content = MixedCsv(2_500);
        var import = await _off.Client.UploadAsync(content, chunkSize: 8192);
        var reference = await UploadCheckAndApplyAsync(_on, content, chunkSize: 8192);
        await using (var database = _off.OpenDatabase())
        {
            var importKey = await database.ExecuteScalarAsync<long>("SELECT import_key FROM imports WHERE import_id = @id", new { id = import.ImportId });
            await database.ExecuteAsync("INSERT INTO prechecks (import_id, import_key, state, start_time, update_time) VALUES (@id, @importKey, 0, 0, 0)", new { id = import.ImportId, importKey });
            await database.ExecuteAsync(
                "INSERT INTO import_rows (import_key, row_number, email, first_name, last_name, description, normalized_email, is_valid) " +
                "VALUES (@importKey, 2, 'ghost@example.com', 'Ghost', 'Row', NULL, 'ghost@example.com', @valid), (@importKey, 9999, 'extra@example.com', 'Extra', 'Row', NULL, 'extra@example.com', @valid)",
                new { importKey, valid = true });
            await database.ExecuteAsync(
                "INSERT INTO diagnostics (import_key, row_number, column_name, code, severity, message, value) VALUES (@importKey, 3, 'email', 1, 1, 'staged before the restart', '')",
                new { importKey });
        }

        // Act
        var check = await CheckAndApplyAsync(_off, import.ImportId);

        // Assert
        Assert.Equal(0L, check.Prechecked);
        Assert.Equal(reference.Check, check.Check);
        Assert.Equal(reference.Diagnostics, check.Diagnostics);
        Assert.Equal(reference.Rows, check.Rows);
        Assert.Equal(2_500, await CountAsync(_off, "import_rows"));
        Assert.Equal(0, await CountAsync(_off, "prechecks"));
    }

    [Fact]
    public async Task ACompletePrecheckIsUsedByACheckImportOnAnotherServer()
    {
        // Arrange: a second server on the same data (a replica, or the server after a restart) and a
        // pre-check that completed on the first
        var content = MixedCsv(2_000);
        var reference = await UploadCheckAndApplyAsync(_off, content, chunkSize: 8192);
        var import = await _on.Client.UploadAsync(content, chunkSize: 8192);
        var complete = await EventuallyAsync(async () => await CountAsync(_on, "prechecks WHERE state = 1") == 1);
        using var replica = new BulkInviteServer(_on.Folder, store: _store);

        // Act
        var check = await CheckAndApplyAsync(replica, import.ImportId);

        // Assert
        Assert.True(complete);
        Assert.Equal(1L, check.Prechecked);
        Assert.Equal(reference.Check, check.Check);
        Assert.Equal(reference.Diagnostics, check.Diagnostics);
        Assert.Equal(reference.Rows, check.Rows);
    }

    [Fact]
    public async Task TheSweepDeletesAPrecheckWhoseUploadNeverEndedWithWhatItStaged()
    {
        // Arrange: a pre-check idle for an hour whose import was never stored (its server stopped
        // mid-upload), and one whose import is stored and waits for CheckImport
        var waiting = await _on.Client.UploadAsync(MixedCsv(100));
        await EventuallyAsync(async () => await CountAsync(_on, "prechecks WHERE state = 1") == 1);
        var idle = (_on.Clock.GetUtcNow() - TimeSpan.FromHours(1)).ToUnixTimeMilliseconds();
        await using (var database = _on.OpenDatabase())
        {
            await database.ExecuteAsync("UPDATE prechecks SET update_time = @idle", new { idle });
            await database.ExecuteAsync("INSERT INTO prechecks (import_id, import_key, state, start_time, update_time) VALUES (@id, 424242, 0, @idle, @idle)", new { id = new string('c', 32), idle });
            await database.ExecuteAsync(
                "INSERT INTO import_rows (import_key, row_number, email, first_name, last_name, description, normalized_email, is_valid) " +
                "VALUES (424242, 2, 'cut@example.com', 'Cut', 'Short', NULL, 'cut@example.com', @valid)", new { valid = true });
        }

        // Act: the sweep runs when a server starts
        using var restarted = new BulkInviteServer(_on.Folder, store: _store);
        _ = restarted.Client; // starts the host
        var swept = await EventuallyAsync(async () => await CountAsync(_on, "prechecks") == 1);
        var check = await restarted.Client.CheckAsync(waiting.ImportId);

        // Assert
        Assert.True(swept);
        Assert.Equal(0, await CountAsync(_on, "import_rows WHERE import_key = 424242"));
        Assert.Equal((ImportState.Checked, 100), (check.Import.State, check.Import.TotalRows));
        Assert.Equal(1L, LastCheckSpan(waiting.ImportId).GetTagItem("bulkinvite.prechecked"));
    }

    /// <summary>
    /// A CSV with a column not imported (a header warning), invalid addresses, duplicates, formula
    /// warnings, blank lines and names in several scripts.
    /// </summary>
    private static byte[] MixedCsv(int rows)
    {
        var text = new StringBuilder("Email,First name,Last name,Department\n");
        for (var row = 2; row < rows + 2; row++)
        {
            var line = (row % 97, row % 89, row % 53, row % 31) switch
            {
                (0, _, _, _) => $"not-an-address-{row},Bad,Row,x",
                (_, 0, _, _) => $"user{row - 50}@example.com,Dup,\"Lee, Jr\",y",
                (_, _, 0, _) => $"ming{row}@example.jp,明,田中,\"多 行\"",
                (_, _, _, 0) => $"formula{row}@example.com,=SUM(A1),Ray,z",
                _ => $"user{row}@example.com,Ana-María,Núñez,Équipe",
            };
            text.Append(line).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<Outcome> UploadCheckAndApplyAsync(BulkInviteServer server, byte[] content, int chunkSize, string fileName = "users.csv")
    {
        var import = await server.Client.UploadAsync(content, fileName, chunkSize: chunkSize);
        return await CheckAndApplyAsync(server, import.ImportId);
    }

    /// <summary>What the check and the apply return, without what differs between two imports of one file (ids and times).</summary>
    private async Task<Outcome> CheckAndApplyAsync(BulkInviteServer server, string importId)
    {
        var first = await server.Client.CheckAsync(importId, pageSize: 7);
        var diagnostics = await server.Client.AllRowDiagnosticsAsync(importId, pageSize: 7);
        var rows = await server.Client.AllRowsAsync(importId);
        var applied = await server.Client.ApplyAsync(importId, "", Permission);
        var check = new CheckImportResponse(first) { Import = Comparable(first.Import) };
        check.RowDiagnostics.Clear();
        check.NextPageToken = "";
        var prechecked = LastCheckSpan(importId).GetTagItem("bulkinvite.prechecked") as long? ?? -1;
        return new Outcome(check, diagnostics, rows.Select(r => new ImportRow(r) { Revision = 0 }).ToList(), (applied.InvitedCount, applied.SkippedCount), prechecked);
    }

    private Activity LastCheckSpan(string importId) =>
        _checkSpans.Last(span => Equals(span.GetTagItem("bulkinvite.import.id"), importId));

    private static Import Comparable(Import import) => new(import) { ImportId = "", CreateTime = null, UpdateTime = null };

    private static async Task<long> CountAsync(BulkInviteServer server, string tableAndCondition)
    {
        await using var database = server.OpenDatabase();
        return await database.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM " + tableAndCondition);
    }

    /// <summary>Polls until the condition holds (true) or 30 seconds pass (false): what a background step does is seen when it is done.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return false;
    }

    private sealed record Outcome(CheckImportResponse Check, List<Diagnostic> Diagnostics, List<ImportRow> Rows, (int Invited, int Skipped) Applied, long Prechecked);
}

public sealed class SqliteCheckWhileUploadingTests() : CheckWhileUploadingTests(TestStore.Sqlite);

public sealed class PostgresCheckWhileUploadingTests(PostgresCluster cluster) : CheckWhileUploadingTests(TestStore.Postgres(cluster));
