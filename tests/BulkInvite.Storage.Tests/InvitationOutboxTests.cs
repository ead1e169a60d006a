using Dapper;
using BulkInvite.Storage.Tests.Postgres;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests;

/// <summary>Run on both stores: <see cref="SqliteInvitationOutboxTests"/> and <see cref="PostgresInvitationOutboxTests"/>.</summary>
public abstract class InvitationOutboxTests(TestDatabase db) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_100_000);
    private readonly TestDatabase _db = db;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AClaimedEmailIsNotClaimedAgainUntilItsClaimRunsOut()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com")), Now);

        var first = await _db.Outbox.ClaimDueAsync(Now, Now.AddMinutes(5), 10, _ct);
        var meanwhile = await _db.Outbox.ClaimDueAsync(Now.AddMinutes(4), Now.AddMinutes(9), 10, _ct);
        var afterClaim = await _db.Outbox.ClaimDueAsync(Now.AddMinutes(5), Now.AddMinutes(10), 10, _ct);

        Assert.Equal(["a@example.com", "b@example.com"], first.Select(m => m.Email).Order());
        Assert.All(first, m => Assert.Equal((1, "acme", "tester"), (m.Attempts, m.OrganizationId, m.Inviter)));
        Assert.Empty(meanwhile);
        Assert.All(afterClaim, m => Assert.Equal(2, m.Attempts));
        Assert.Equal(2, afterClaim.Count);
    }

    [Fact]
    public async Task ASentEmailIsNeverClaimedAgain()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        var claimed = Assert.Single(await _db.Outbox.ClaimDueAsync(Now, Now.AddMinutes(5), 10, _ct));

        await _db.Outbox.MarkSentAsync(claimed, Now.AddSeconds(1), _ct);

        Assert.Empty(await _db.Outbox.ClaimDueAsync(Now.AddDays(30), Now.AddDays(31), 10, _ct));
        var invitation = (await _db.Invitations.FindAsync(claimed.InvitationId, _ct))!;
        Assert.Equal((Core.Invitations.DeliveryState.Sent, Now.AddSeconds(1)), (invitation.Delivery.State, invitation.Delivery.SentTime));
    }

    [Fact]
    public async Task AFailedAttemptIsDueAgainAtItsNextAttemptUntilGivenUp()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        var claimed = Assert.Single(await _db.Outbox.ClaimDueAsync(Now, Now.AddMinutes(5), 10, _ct));

        await _db.Outbox.MarkFailedAsync(claimed, "Connection refused", Now.AddSeconds(30), _ct);
        var early = await _db.Outbox.ClaimDueAsync(Now.AddSeconds(29), Now.AddMinutes(5), 10, _ct);
        var retry = Assert.Single(await _db.Outbox.ClaimDueAsync(Now.AddSeconds(30), Now.AddMinutes(5), 10, _ct));
        await _db.Outbox.MarkFailedAsync(retry, "Mailbox unavailable", null, _ct);

        Assert.Empty(early);
        Assert.Equal(2, retry.Attempts);
        Assert.Empty(await _db.Outbox.ClaimDueAsync(Now.AddDays(30), Now.AddDays(31), 10, _ct));
        var invitation = (await _db.Invitations.FindAsync(retry.InvitationId, _ct))!;
        Assert.Equal((Core.Invitations.DeliveryState.Failed, 2, "Mailbox unavailable"), (invitation.Delivery.State, invitation.Delivery.Attempts, invitation.Delivery.LastError));
    }

    [Fact]
    public async Task AnEmailResentWhileTheEarlierOneWasBeingSentStillGoesOut()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        var first = Assert.Single(await _db.Outbox.ClaimDueAsync(Now, Now.AddMinutes(5), 10, _ct));
        using (var change = _db.Invitations.BeginChange(first.InvitationId))
        {
            change.Resend(Now.AddSeconds(1), Now.AddDays(8), null, Core.Auditing.AuditEvents.For(change.Invitation!, "tester", Core.Auditing.AuditAction.InvitationResent, Now));
        }

        await _db.Outbox.MarkSentAsync(first, Now.AddSeconds(2), _ct); // the first email went out after the resend
        var second = Assert.Single(await _db.Outbox.ClaimDueAsync(Now.AddSeconds(3), Now.AddMinutes(5), 10, _ct));

        Assert.Equal((1, 2, 1), (first.Sequence, second.Sequence, second.Attempts));
        Assert.Equal(Core.Invitations.DeliveryState.Queued, (await _db.Invitations.FindAsync(first.InvitationId, _ct))!.Delivery.State);
    }

    [Fact]
    public async Task IssuingATokenKeepsOnlyItsHashAndRetiresTheInvitationsEarlierTokens()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        var claimed = Assert.Single(await _db.Outbox.ClaimDueAsync(Now, Now.AddMinutes(5), 10, _ct));
        var first = Core.Invitations.AcceptToken.New();
        var second = Core.Invitations.AcceptToken.New();

        await _db.Outbox.IssueTokenAsync(claimed.InvitationId, first.Hash, Now, _ct);
        await _db.Outbox.IssueTokenAsync(claimed.InvitationId, second.Hash, Now.AddMinutes(1), _ct);

        using var connection = _db.Open();
        var tokens = connection.Query<(string Hash, long? ReplaceTime)>("SELECT token_hash, replace_time FROM invitation_tokens ORDER BY create_time").ToList();
        Assert.Equal([(first.Hash, Now.AddMinutes(1).ToUnixTimeMilliseconds()), (second.Hash, null)], tokens);
        Assert.DoesNotContain(first.Value, string.Join(' ', tokens.Select(t => t.Hash)), StringComparison.Ordinal);
    }
}

public sealed class SqliteInvitationOutboxTests() : InvitationOutboxTests(new SqliteTestDatabase());

public sealed class PostgresInvitationOutboxTests(PostgresCluster cluster) : InvitationOutboxTests(new PostgresTestDatabase(cluster));
