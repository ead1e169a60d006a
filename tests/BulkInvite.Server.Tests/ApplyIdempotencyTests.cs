using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Dapper;
using Google.Rpc;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>ApplyPermissions invites each valid user exactly once, however often and however concurrently it is called.</summary>
public abstract class ApplyIdempotencyTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task RepeatingTheCallWithTheSamePermissionsReturnsTheStoredResultAndInvitesNobody()
    {
        var import = await CheckedAsync(Files.Fixture("team_utf8.csv"));
        var first = await Client.ApplyAsync(import, "", "projects.view", "models.train");
        _server.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await Client.ApplyAsync(import, "", "models.train", "projects.view", "projects.view");

        Assert.Equal(first, again);
        Assert.Equal(4, InvitationCount());
    }

    [Fact]
    public async Task RepeatingTheCallWithTheSameRequestIdReturnsTheStoredResult()
    {
        var import = await CheckedAsync(Files.Fixture("team_utf8.csv"));
        var first = await Client.ApplyAsync(import, "req-42", "projects.view");

        var retried = await Client.ApplyAsync(import, "req-42", "projects.view");

        Assert.Equal(first, retried);
        Assert.Equal(4, InvitationCount());
    }

    [Fact]
    public async Task OtherPermissionsForAnAppliedImportAreAFailedPrecondition()
    {
        var import = await CheckedAsync(Files.Fixture("team_utf8.csv"));
        await Client.ApplyAsync(import, "req-1", "projects.view");

        var error = await Calls.FailsAsync(() => Client.ApplyAsync(import, "req-2", "organization.admin"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("IMPORT_ALREADY_APPLIED", error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Single().Type);
        Assert.Contains("projects.view", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(4, InvitationCount());
    }

    [Fact]
    public async Task OfTwoConcurrentCallsOneAppliesAndTheOtherGetsTheSameResult()
    {
        var import = await CheckedAsync(Files.ManyUsers(2000));

        var results = await Task.WhenAll(
            Task.Run(() => Client.ApplyAsync(import, "", "projects.view")),
            Task.Run(() => Client.ApplyAsync(import, "", "projects.view")));

        Assert.Equal(results[0], results[1]);
        Assert.Equal((2000, 0), (results[0].InvitedCount, results[0].SkippedCount));
        Assert.Equal(2000, InvitationCount());
    }

    [Fact]
    public async Task TwoImportsWithOverlappingAddressesAppliedAtOnceInviteEachAddressOnce()
    {
        var first = await CheckedAsync(Files.ManyUsers(1500));
        var second = await CheckedAsync(Files.ManyUsers(1500, row => $"user{row + 1000}@example.com"));

        var results = await Task.WhenAll(
            Task.Run(() => Client.ApplyAsync(first, "", "projects.view")),
            Task.Run(() => Client.ApplyAsync(second, "", "projects.view")));

        Assert.Equal(2500, results.Sum(r => r.InvitedCount));
        Assert.Equal(500, results.Sum(r => r.SkippedCount));
        Assert.Equal(2500, InvitationCount());
        using var db = _server.OpenDatabase();
        Assert.Equal(2500, db.ExecuteScalar<long>("SELECT COUNT(DISTINCT normalized_email) FROM invitations"));
    }

    [Fact]
    public async Task ConcurrentChecksOfOneImportCheckItOnce()
    {
        var import = await Client.UploadAsync(Files.ManyUsers(3000, row => row % 10 == 0 ? $"bad-{row}" : $"user{row}@example.com"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Client.CheckAsync(import.ImportId, pageSize: 1000))));

        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Equal(300, results[0].Import.InvalidRows);
        using var db = _server.OpenDatabase();
        Assert.Equal(300, db.ExecuteScalar<long>("SELECT COUNT(*) FROM diagnostics"));
    }

    private async Task<string> CheckedAsync(byte[] content)
    {
        var import = await Client.UploadAsync(content);
        await Client.CheckAsync(import.ImportId);
        return import.ImportId;
    }

    private long InvitationCount()
    {
        using var db = _server.OpenDatabase();
        return db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations");
    }
}

public sealed class SqliteApplyIdempotencyTests() : ApplyIdempotencyTests(TestStore.Sqlite);

public sealed class PostgresApplyIdempotencyTests(PostgresCluster cluster) : ApplyIdempotencyTests(TestStore.Postgres(cluster));
