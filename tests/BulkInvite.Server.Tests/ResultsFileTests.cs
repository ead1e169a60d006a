using System.Text;
using BulkInvite.Core.Reading;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Grpc.Core;
using static BulkInvite.Server.Tests.Infrastructure.RowCalls;
using FileFormat = BulkInvite.V1.FileFormat;

namespace BulkInvite.Server.Tests;

/// <summary>ExportImportResults through a real gRPC channel, each file read back with the project's own readers.</summary>
public abstract class ResultsFileTests(TestStore store) : IDisposable
{
    // The file's own header names, in its own order, with a column that is not imported.
    private const string Team =
        "Nachname,E-Mail,Vorname,Abteilung,Notes\n" +
        "Lee,ann@example.com,Ann,Sales,\n" +
        "Ray,not-an-email,Bob,Sales,=HYPERLINK(\"http://x\")\n" +
        "Cole,cid@example.com,,IT,+1 555\n" +
        "Again,ANN@example.com,Ann,IT,\n" +
        "Dunn,@dee@example.com,Dee,IT,-note\n" +
        "Moss,eve@example.com,Eve,IT,\n";

    private readonly BulkInviteServer _server = new(store: store);

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Theory]
    [InlineData(FileFormat.Csv)]
    [InlineData(FileFormat.Xlsx)]
    public async Task WritesEveryRowWithItsMappedColumnsStatusAndReasonAndEscapesFormulas(FileFormat format)
    {
        await _server.InviteAsync("eve@example.com");
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var (name, content) = await Client.ExportAsync(id, format);
        var rows = Read(content, format);

        Assert.Equal($"bulk-invite-results-{id}.{(format == FileFormat.Csv ? "csv" : "xlsx")}", name);
        Assert.Equal(["Nachname", "E-Mail", "Vorname", "Notes", "Status", "Reason"], rows[0]);
        Assert.Equal(["Lee", "ann@example.com", "Ann", "", "will be invited"], rows[1]); // an empty Reason, the last cell
        Assert.Equal(["Ray", "not-an-email", "Bob", "'=HYPERLINK(\"http://x\")", "error"], rows[2][..5]);
        Assert.Equal(["Cole", "cid@example.com", "", "'+1 555", "error"], rows[3][..5]);
        Assert.Contains("first name is missing", rows[3][5], StringComparison.Ordinal);
        Assert.Contains("row 2", rows[4][5], StringComparison.Ordinal);
        Assert.Equal(["Dunn", "'@dee@example.com", "Dee", "'-note"], rows[5][..4]);
        Assert.Equal(["Moss", "eve@example.com", "Eve", "", "skipped: already invited"], rows[6][..5]);
        Assert.Equal(7, rows.Count);
    }

    [Fact]
    public async Task SaysWhatTheApplyDidWithEachRow()
    {
        await _server.InviteAsync("eve@example.com");
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;
        await Client.ApplyAsync(id, "", "projects.view");

        var rows = Read((await Client.ExportAsync(id, FileFormat.Csv)).Content, FileFormat.Csv);

        Assert.Equal(["invited", "error", "error", "error", "error", "skipped: already invited"], rows.Skip(1).Select(r => r[4]));
    }

    [Theory]
    [InlineData(FileFormat.Csv)]
    [InlineData(FileFormat.Xlsx)]
    public async Task TheRowsToFixFileCorrectedAndUploadedAgainPassesTheCheck(FileFormat format)
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var (name, content) = await Client.ExportAsync(id, format, ResultsScope.RowsToFix);
        var rows = Read(content, format);
        // What an admin does: correct each row the Reason names, and upload the file again.
        var corrected = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = row.Take(5).Select((c, i) => i == 0 && c.StartsWith("'@", StringComparison.Ordinal) ? c[2..] : c).ToArray();
            cells[0] = cells[0] switch { "not-an-email" => "bob@example.com", "ANN@example.com" => "ann.again@example.com", var e => e };
            cells[1] = cells[1].Length == 0 ? "Cid" : cells[1];
            corrected.AppendJoin(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
        }

        var again = await Client.UploadAndCheckAsync(corrected.ToString());

        Assert.StartsWith("bulk-invite-rows-to-fix-", name, StringComparison.Ordinal);
        Assert.Equal(["Email", "First name", "Last name", "Description", "Reason"], rows[0]);
        Assert.Equal(["not-an-email", "cid@example.com", "ANN@example.com", "'@dee@example.com"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal((ImportState.Checked, 4, 4), (again.Import.State, again.Import.TotalRows, again.Import.ValidRows));
        Assert.DoesNotContain(again.FileDiagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public async Task AReportOfAHundredThousandRowsStreamsWhole()
    {
        var id = (await Client.CheckAsync((await Client.UploadAsync(Files.ManyUsers(100_000, n => n % 1000 == 0 ? $"bad{n}" : $"user{n}@example.com"))).ImportId)).Import.ImportId;

        var (_, csv) = await Client.ExportAsync(id, FileFormat.Csv);
        var (_, xlsx) = await Client.ExportAsync(id, FileFormat.Xlsx);
        var csvRows = Read(csv, FileFormat.Csv);
        var xlsxRows = Read(xlsx, FileFormat.Xlsx);

        Assert.Equal(100_001, csvRows.Count);
        Assert.Equal(csvRows, xlsxRows);
        Assert.Equal(100, csvRows.Count(r => r[3] == "error"));
        Assert.Equal(["user100001@example.com", "First", "Last", "will be invited"], csvRows[^1]);
    }

    [Fact]
    public async Task RefusesAnImportNotCheckedYetAndAFormatItCannotWrite()
    {
        var uploaded = await Client.UploadAsync(Files.Utf8Csv(Team));
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var notChecked = await Calls.FailsAsync(() => Client.ExportAsync(uploaded.ImportId, FileFormat.Csv));
        var xls = await Calls.FailsAsync(() => Client.ExportAsync(id, FileFormat.Xls));

        Assert.Equal(StatusCode.FailedPrecondition, notChecked.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, xls.StatusCode);
    }

    /// <summary>Every row of the file, each cell as the project's reader reads it, trailing empty cells dropped.</summary>
    private static List<string[]> Read(byte[] content, FileFormat format)
    {
        using var reader = SheetReaders.Open(new MemoryStream(content), (Core.Reading.FileFormat)format, ReadingLimits.Default);
        var rows = new List<string[]>();
        while (reader.ReadRow() is { } row)
        {
            var cells = row.Cells.ToList();
            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            rows.Add([.. cells]);
        }

        return rows;
    }
}

public sealed class SqliteResultsFileTests() : ResultsFileTests(TestStore.Sqlite);

public sealed class PostgresResultsFileTests(PostgresCluster cluster) : ResultsFileTests(TestStore.Postgres(cluster));
