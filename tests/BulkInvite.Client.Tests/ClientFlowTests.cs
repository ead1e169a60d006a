using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

public sealed class ClientFlowTests : IDisposable
{
    private readonly ServerFixture _server;
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly BulkInviteClient _client;
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    public ClientFlowTests(ServerFixture server)
    {
        _server = server;
        _client = server.ClientFor(_organization);
    }

    [Fact]
    public async Task ChecksTheXlsxFixtureAndInvitesItsFourValidUsers()
    {
        var import = await _client.UploadFileAsync(Files.Fixture("team_libreoffice.xlsx"), _organization, cancellationToken: _cancellationToken);

        var check = await _client.CheckAsync(import.ImportId, _cancellationToken);
        var applied = await _client.ApplyAsync(import.ImportId, ["projects.view", "images.annotate"], _cancellationToken);

        var diagnostic = Assert.Single(check.RowDiagnostics);
        Assert.Equal((4, "Email", DiagnosticCode.EmailInvalid, "not-an-email"), (diagnostic.RowNumber, diagnostic.Column, diagnostic.Code, diagnostic.Value));
        Assert.Equal((4, 0, ImportState.Applied), (applied.InvitedCount, applied.SkippedCount, applied.Import.State));
    }

    [Fact]
    public async Task ImportFileRunsTheWholeFlowAndSaysWhatItCameTo()
    {
        var first = await _client.ImportFileAsync(Files.Fixture("team_libreoffice.xlsx"), _organization, ["projects.view"], cancellationToken: _cancellationToken);
        var again = await _client.ImportFileAsync(Files.Fixture("team_utf8.csv"), _organization, ["projects.view"], new ImportFileOptions { Resumable = true }, _cancellationToken);

        Assert.Equal((ImportOutcome.Invited, 4, ImportState.Applied), (first.Outcome, first.InvitedCount, first.Import.State));
        Assert.Equal(DiagnosticCode.EmailInvalid, Assert.Single(first.RowDiagnostics).Code);
        Assert.Equal($"4 users invited to {_organization}", first.Summary);
        Assert.Equal((ImportOutcome.NobodyToInvite, 0, 4), (again.Outcome, again.InvitedCount, again.SkippedCount));
        Assert.Equal($"Nobody invited to {_organization}: all 4 valid rows are already invited or members", again.Summary);
    }

    [Fact]
    public async Task ImportFileOfARejectedFileAppliesNothingAndSaysWhy()
    {
        var path = Path.Combine(_server.FilesFolder, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "Emial,First name,Last name\nann@example.com,Ann,Lee\n", _cancellationToken);

        var result = await _client.ImportFileAsync(path, _organization, ["projects.view"], cancellationToken: _cancellationToken);

        Assert.Equal((ImportOutcome.Rejected, ImportState.Rejected, 0), (result.Outcome, result.Import.State, result.InvitedCount));
        Assert.StartsWith($"File rejected, nobody invited to {_organization}: HeaderMismatch", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GathersEveryPageOfDiagnostics()
    {
        var path = Files.Users(_server.FilesFolder, valid: 1, invalid: 1_500);
        var import = await _client.UploadFileAsync(path, _organization, cancellationToken: _cancellationToken);

        var check = await _client.CheckAsync(import.ImportId, _cancellationToken);

        Assert.Equal(1_500, check.RowDiagnostics.Count);
        Assert.Equal(Enumerable.Range(3, 1_500), check.RowDiagnostics.Select(d => d.RowNumber));
    }

    [Fact]
    public async Task ListsAnOrganizationsImportsNewestFirst()
    {
        var first = await _client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await Task.Delay(20, _cancellationToken); // creation times are kept to the millisecond
        var second = await _client.UploadFileAsync(Files.Fixture("team_libreoffice.xlsx"), _organization, cancellationToken: _cancellationToken);

        var listed = await _client.ListImportsAsync(_organization, _cancellationToken).Select(i => i.ImportId).ToListAsync(_cancellationToken);

        Assert.Equal([second.ImportId, first.ImportId], listed);
    }

    [Fact]
    public async Task DeletesAnImportSoThatItIsNotFoundAnyMore()
    {
        var import = await _client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);

        await _client.DeleteImportAsync(import.ImportId, _cancellationToken);

        await Assert.ThrowsAsync<ImportNotFoundException>(() => _client.GetImportAsync(import.ImportId, _cancellationToken));
    }

    [Fact]
    public async Task DownloadsAnXlsxSampleThatPassesTheCheckWithNoDiagnostic()
    {
        using var sample = new MemoryStream();

        var fileName = await _client.DownloadSampleAsync(FileFormat.Xlsx, sample, _cancellationToken);
        sample.Position = 0;
        var import = await _client.UploadFileAsync(sample, fileName, _organization, cancellationToken: _cancellationToken);
        var check = await _client.CheckAsync(import.ImportId, _cancellationToken);

        Assert.EndsWith(".xlsx", fileName, StringComparison.Ordinal);
        Assert.Equal(ImportState.Checked, check.Import.State);
        Assert.Empty(check.FileDiagnostics);
        Assert.Empty(check.RowDiagnostics);
    }

    [Fact]
    public async Task ListsTheAuditTrailNewestFirst()
    {
        var import = await _client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await _client.CheckAsync(import.ImportId, _cancellationToken);
        await _client.ApplyAsync(import.ImportId, ["projects.view"], _cancellationToken);

        var events = await _client.ListAuditEventsAsync(_organization, _cancellationToken).ToListAsync(_cancellationToken);

        Assert.Equal([AuditAction.Applied, AuditAction.Checked, AuditAction.Uploaded], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal((import.ImportId, "test-user", _organization), (e.ImportId, e.Actor, e.OrganizationId)));
        Assert.Equal(["projects.view"], events[0].Permissions);
        Assert.Equal(4, events[0].InvitedCount);
    }

    [Fact]
    public async Task ListsThePermissionCatalog()
    {
        var permissions = await _client.ListPermissionsAsync(_cancellationToken);

        Assert.Contains(permissions, p => p.Id == "projects.view" && p.Description.Length > 0);
    }

    public void Dispose() => _client.Dispose();
}
