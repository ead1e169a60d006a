using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Dapper;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>The audit trail, and personal data kept no longer than needed.</summary>
public abstract class AuditAndRetentionTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?>
    {
        ["BulkInvite:ImportRetention"] = "7.00:00:00",
        ["BulkInvite:RetentionSweepInterval"] = "01:00:00",
    }, store: store);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task RecordsWhoDidWhatToWhichImportWithPermissionsAndCounts()
    {
        var inviter = _server.ClientWith(Tokens.For("acme", ["members.invite", "projects.view"], subject: "ines"));
        var applied = await inviter.UploadAsync(Files.Fixture("team_utf8.csv"), "team.csv");
        await inviter.CheckAsync(applied.ImportId);
        await inviter.ApplyAsync(applied.ImportId, "", "projects.view");
        var rejected = await _server.Client.UploadAsync(Files.Png(), "logo.png");
        await _server.Client.CheckAsync(rejected.ImportId);
        await _server.Client.DeleteImportAsync(new DeleteImportRequest { ImportId = rejected.ImportId }, cancellationToken: _ct);

        var events = (await _server.Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme" }, cancellationToken: _ct)).Events;

        Assert.Equal(
            [
                (AuditAction.Deleted, "test-user", rejected.ImportId),
                (AuditAction.Rejected, "test-user", rejected.ImportId),
                (AuditAction.Uploaded, "test-user", rejected.ImportId),
                (AuditAction.Applied, "ines", applied.ImportId),
                (AuditAction.Checked, "ines", applied.ImportId),
                (AuditAction.Uploaded, "ines", applied.ImportId),
            ],
            events.Select(e => (e.Action, e.Actor, e.ImportId)));
        var apply = events.Single(e => e.Action == AuditAction.Applied);
        Assert.Equal(["projects.view"], apply.Permissions);
        Assert.Equal((5, 4, 1, 4, 0, "team.csv"), (apply.TotalRows, apply.ValidRows, apply.InvalidRows, apply.InvitedCount, apply.SkippedCount, apply.FileName));
        Assert.All(events, e => Assert.Equal("acme", e.OrganizationId));
    }

    [Fact]
    public async Task PagesTheAuditTrailAndShowsNoOtherOrganizationsEvents()
    {
        for (var i = 0; i < 3; i++)
        {
            await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        }

        await _server.ClientFor("globex").UploadAsync(Files.Fixture("team_utf8.csv"), organizationId: "globex");

        var first = await _server.Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme", PageSize = 2 }, cancellationToken: _ct);
        var second = await _server.Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme", PageSize = 2, PageToken = first.NextPageToken }, cancellationToken: _ct);

        var ids = first.Events.Concat(second.Events).Select(e => e.EventId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal("", second.NextPageToken);
    }

    [Fact]
    public async Task OnlyAnAdminOfTheOrganizationReadsItsAuditTrail()
    {
        var inviter = _server.ClientWith(Tokens.For("acme", ["members.invite"]));

        var notAdmin = await Calls.FailsAsync(async () => await inviter.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme" }, cancellationToken: _ct));
        var otherOrganization = await Calls.FailsAsync(async () => await _server.ClientFor("globex").ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme" }, cancellationToken: _ct));

        Assert.Equal(StatusCode.PermissionDenied, notAdmin.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherOrganization.StatusCode);
    }

    [Fact]
    public async Task ApplyingDeletesTheStoredFileAndKeepsTheRowsTheInvitationsReadOnce()
    {
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.Client.CheckAsync(import.ImportId);

        await _server.Client.ApplyAsync(import.ImportId, "", "projects.view");

        using var db = _server.OpenDatabase();
        Assert.Empty(_server.StoredFiles());
        // Each person's address and names are stored once, in the import's rows (the invalid row's
        // too, for what became of it); the invitations hold none.
        Assert.Equal(5, db.ExecuteScalar<long>("SELECT COUNT(*) FROM import_rows"));
        Assert.Equal(4, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations"));
        // The stored result stays readable, and a retry still gets it.
        Assert.Equal(4, (await _server.Client.ApplyAsync(import.ImportId, "", "projects.view")).InvitedCount);
    }

    [Fact]
    public async Task ImportsNeverAppliedArePurgedAfterTheRetentionWithTheirFiles()
    {
        var uploaded = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        var checkedOnly = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.Client.CheckAsync(checkedOnly.ImportId);
        var applied = await _server.Client.UploadAsync(Files.Fixture("team_libreoffice.xlsx"));
        await _server.Client.CheckAsync(applied.ImportId);
        await _server.Client.ApplyAsync(applied.ImportId, "", "projects.view");
        _server.Clock.Advance(TimeSpan.FromDays(6));
        var recent = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));

        // Two days later the first two are past the 7 days; the hourly sweep runs on the server's clock.
        _server.Clock.Advance(TimeSpan.FromDays(2));
        await WaitUntilAsync(async () => (await ListIdsAsync()).Count == 2);

        Assert.Equal([recent.ImportId, applied.ImportId], await ListIdsAsync());
        Assert.Equal([recent.ImportId + ".upload"], _server.StoredFiles());
        var purged = (await _server.Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme" }, cancellationToken: _ct)).Events
            .Where(e => e.Action == AuditAction.Purged).ToList();
        Assert.Equal(new[] { checkedOnly.ImportId, uploaded.ImportId }.Order(), purged.Select(e => e.ImportId).Order());
        Assert.All(purged, e => Assert.Equal("system", e.Actor));
    }

    private async Task<List<string>> ListIdsAsync() =>
        (await _server.Client.ListImportsAsync(new ListImportsRequest { OrganizationId = "acme" }, cancellationToken: _ct)).Imports.Select(i => i.ImportId).ToList();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600 && !await condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class SqliteAuditAndRetentionTests() : AuditAndRetentionTests(TestStore.Sqlite);

public sealed class PostgresAuditAndRetentionTests(PostgresCluster cluster) : AuditAndRetentionTests(TestStore.Postgres(cluster));
