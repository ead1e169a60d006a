using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>Every step works after the server restarts between steps: a new host on the same data.</summary>
public abstract class RestartTests(TestStore store) : IDisposable
{
    private readonly string _folder = BulkInviteServer.NewFolder();

    public void Dispose() => store.Delete(_folder);

    [Fact]
    public async Task AnImportUploadedBeforeARestartIsCheckedAndAppliedAfterIt()
    {
        string importId;
        using (var before = new BulkInviteServer(_folder, store: store))
        {
            importId = (await before.Client.UploadAsync(Files.Fixture("team_libreoffice.xlsx"))).ImportId;
        }

        CheckImportResponse check;
        using (var afterUpload = new BulkInviteServer(_folder, store: store))
        {
            check = await afterUpload.Client.CheckAsync(importId);
        }

        using var afterCheck = new BulkInviteServer(_folder, store: store);
        var applied = await afterCheck.Client.ApplyAsync(importId, "", "projects.view");
        var again = await afterCheck.Client.CheckAsync(importId);

        Assert.Equal((ImportState.Checked, 4), (check.Import.State, check.Import.ValidRows));
        Assert.Equal(check.RowDiagnostics, again.RowDiagnostics);
        Assert.Equal((ImportState.Applied, 4), (applied.Import.State, applied.InvitedCount));
    }

    [Fact]
    public async Task AnUploadCutShortByACrashIsNeverTakenForAFileAndIsGoneAfterTheRestart()
    {
        DateTimeOffset crashTime;
        using (var before = new BulkInviteServer(_folder, store: store))
        {
            await before.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
            crashTime = before.Clock.GetUtcNow() - TimeSpan.FromDays(8); // older than the retention: gone on any store
        }

        // What a process killed mid-upload leaves behind.
        store.LeaveUploadCutShort(_folder, "00112233445566778899aabbccddeeff", crashTime);

        using var after = new BulkInviteServer(_folder, store: store);
        var imports = await after.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 0; i < 200 && after.StoredFiles().Any(f => f.EndsWith(".part", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Single(imports.Imports);
        Assert.Equal([imports.Imports[0].ImportId + ".upload"], after.StoredFiles());
    }
}

public sealed class SqliteRestartTests() : RestartTests(TestStore.Sqlite);

public sealed class PostgresRestartTests(PostgresCluster cluster) : RestartTests(TestStore.Postgres(cluster));
