using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

/// <summary>The C# client's helpers for fixing rows and the results file, against the real server process.</summary>
public sealed class ClientRowsTests(ServerFixture server)
{
    private const string Team = "Email,First name,Last name\nann@example.com,Ann,Lee\nnot-an-email,Bob,Ray\nANN@example.com,Ann,Again\n";

    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsFixesAndRemovesRowsThenAppliesThemAsFixed()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.UploadFileAsync(Files.Csv(server.FilesFolder, Team), _organization, cancellationToken: _cancellationToken);
        await client.CheckAsync(import.ImportId, _cancellationToken);

        var errors = await client.ListImportRowsAsync(import.ImportId, RowFilter.Errors, _cancellationToken).ToListAsync(_cancellationToken);
        var bob = await client.GetImportRowAsync(import.ImportId, 3, _cancellationToken);
        var fixedRows = await client.UpdateImportRowsAsync(import.ImportId, [new RowEdit { RowNumber = 3, ExpectedRevision = bob!.Revision, Email = "bob@example.com" }], _cancellationToken);
        var removed = await client.RemoveImportRowsAsync(import.ImportId, [4], _cancellationToken);
        var stale = await Assert.ThrowsAsync<RowsChangedException>(() =>
            client.UpdateImportRowsAsync(import.ImportId, [new RowEdit { RowNumber = 3, ExpectedRevision = bob.Revision, FirstName = "Robert" }], _cancellationToken));
        var applied = await client.ApplyAsync(import.ImportId, ["projects.view"], _cancellationToken);

        Assert.Equal([3, 4], errors.Select(r => r.RowNumber));
        Assert.True(fixedRows.Rows.Single().Valid);
        Assert.Equal((2, 2, 0), (removed.Import.TotalRows, removed.Import.ValidRows, removed.Import.InvalidRows));
        Assert.Equal(("ROW_REVISION_MISMATCH", $"imports/{import.ImportId}/rows/3"), (stale.Reason, stale.Violations.Single().Subject));
        Assert.Equal(2, applied.InvitedCount);
    }

    [Fact]
    public async Task ExportsTheResultsFileAndTheRowsToFix()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.UploadFileAsync(Files.Csv(server.FilesFolder, Team), _organization, cancellationToken: _cancellationToken);
        await client.CheckAsync(import.ImportId, _cancellationToken);

        using var all = new MemoryStream();
        using var toFix = new MemoryStream();
        var allName = await client.ExportResultsAsync(import.ImportId, FileFormat.Csv, ResultsScope.AllRows, all, _cancellationToken);
        await client.ExportResultsAsync(import.ImportId, FileFormat.Csv, ResultsScope.RowsToFix, toFix, _cancellationToken);

        Assert.EndsWith(".csv", allName, StringComparison.Ordinal);
        var lines = System.Text.Encoding.UTF8.GetString(all.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Email,First name,Last name,Status,Reason", "ann@example.com,Ann,Lee,will be invited,"], lines[..2]);
        Assert.Equal(3, System.Text.Encoding.UTF8.GetString(toFix.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
