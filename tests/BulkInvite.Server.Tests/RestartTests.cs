using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;

namespace BulkInvite.Server.Tests;

/// <summary>Every step works after the server restarts between steps: a new host on the same database file.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _folder = BulkInviteServer.NewFolder();

    public void Dispose() => BulkInviteServer.DeleteFolder(_folder);

    [Fact]
    public async Task AnImportUploadedBeforeARestartIsCheckedAndAppliedAfterIt()
    {
        string importId;
        using (var before = new BulkInviteServer(_folder))
        {
            importId = (await before.Client.UploadAsync(Files.Fixture("team_libreoffice.xlsx"))).ImportId;
        }

        CheckImportResponse check;
        using (var afterUpload = new BulkInviteServer(_folder))
        {
            check = await afterUpload.Client.CheckAsync(importId);
        }

        using var afterCheck = new BulkInviteServer(_folder);
        var applied = await afterCheck.Client.ApplyAsync(importId, "", "projects.view");
        var again = await afterCheck.Client.CheckAsync(importId);

        Assert.Equal((ImportState.Checked, 4), (check.Import.State, check.Import.ValidRows));
        Assert.Equal(check.RowDiagnostics, again.RowDiagnostics);
        Assert.Equal((ImportState.Applied, 4), (applied.Import.State, applied.InvitedCount));
    }

    [Fact]
    public async Task AnUploadCutShortByACrashLeavesNothingAfterTheRestart()
    {
        using (var before = new BulkInviteServer(_folder))
        {
            await before.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        }

        // What a process killed mid-upload leaves in the uploads folder.
        var part = Path.Combine(_folder, "uploads", "00112233445566778899aabbccddeeff.part");
        await File.WriteAllTextAsync(part, "Email,First", TestContext.Current.CancellationToken);

        using var after = new BulkInviteServer(_folder);
        var imports = await after.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(File.Exists(part));
        Assert.Single(imports.Imports);
    }
}
