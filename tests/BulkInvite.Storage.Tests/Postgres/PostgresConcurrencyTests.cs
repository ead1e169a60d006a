using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using Dapper;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests.Postgres;

/// <summary>
/// What SQLite's single writer guarantees, on PostgreSQL where transactions run at once: checks and
/// applies of one import take turns, dispatchers never share an email (the purge that spares what
/// was applied meanwhile runs on both stores: <see cref="ImportRepositoryTests"/>).
/// </summary>
public sealed class PostgresConcurrencyTests(PostgresCluster cluster) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_100_000);
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(500);
    private readonly PostgresTestDatabase _db = new(cluster);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ASecondCheckOfAnImportWaitsForTheFirstAndThenSeesItChecked()
    {
        var import = TestDatabase.NewImport();
        await _db.Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        using var first = _db.Repository.BeginCheck(import.ImportId);
        first.Stage([TestDatabase.User(2, "a@example.com")]);

        var second = Task.Run(() =>
        {
            using var check = _db.Repository.BeginCheck(import.ImportId);
            return check.Import!.State;
        }, _ct);
        await Task.Delay(Blocked, _ct);
        Assert.False(second.IsCompleted);
        first.Complete(new CheckResult([], 1, 1, 0), Now, TestDatabase.Audited(AuditAction.Checked));

        Assert.Equal(ImportState.Checked, await second);
    }

    [Fact]
    public async Task ASecondApplyOfAnImportWaitsForTheFirstAndThenSeesItApplied()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"));
        int invited;
        Task<ImportState> second;
        using (var first = _db.Repository.BeginApply(import.ImportId))
        {
            invited = first.InviteValidUsers(["projects.view"], new Core.Invitations.InvitationBatch("tester", TimeSpan.FromDays(7)), Now);
            second = Task.Run(() =>
            {
                using var apply = _db.Repository.BeginApply(import.ImportId);
                return apply.Import!.State;
            }, _ct);
            await Task.Delay(Blocked, _ct);
            Assert.False(second.IsCompleted);
            first.Complete(first.Import! with { State = ImportState.Applied, InvitedCount = invited }, TestDatabase.Audit(first.Import!, AuditAction.Applied));
        }

        Assert.Equal(ImportState.Applied, await second);
        Assert.Equal(1, invited);
    }

    [Fact]
    public async Task AnApplyWaitsForAnotherImportsUncommittedInvitationOfTheSameAddressAndThenSkipsIt()
    {
        var first = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com"));
        var second = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "b@example.com"), TestDatabase.User(3, "c@example.com"));
        Task<int> secondInvited;
        using (var apply = _db.Repository.BeginApply(first.ImportId))
        {
            Assert.Equal(2, apply.InviteValidUsers(["projects.view"], new Core.Invitations.InvitationBatch("tester", TimeSpan.FromDays(7)), Now));
            secondInvited = Task.Run(() => _db.Apply(second, Now), _ct);
            await Task.Delay(Blocked, _ct);
            Assert.False(secondInvited.IsCompleted); // b@example.com is held by the first apply's index entry
            apply.Complete(apply.Import! with { State = ImportState.Applied, InvitedCount = 2 }, TestDatabase.Audit(apply.Import!, AuditAction.Applied));
        }

        Assert.Equal(1, await secondInvited);
        using var connection = _db.Open();
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com"], connection.Query<string>("SELECT normalized_email FROM invitations ORDER BY 1"));
    }

    [Fact]
    public async Task DispatchersClaimingAtOnceNeverClaimTheSameEmail()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", Enumerable.Range(0, 200).Select(i => TestDatabase.User(i + 2, $"user{i}@example.com")).ToArray()), Now);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await _db.Outbox.ClaimDueAsync(Now, Now.AddMinutes(5), 7, _ct) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(m => m.InvitationId));
            }

            return mine;
        }, _ct)));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
    }
}
