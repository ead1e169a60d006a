using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Invitations;
using Dapper;
using BulkInvite.Storage.Tests.Postgres;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests;

/// <summary>Run on both stores: <see cref="SqliteInvitationRepositoryTests"/> and <see cref="PostgresInvitationRepositoryTests"/>.</summary>
public abstract class InvitationRepositoryTests(TestDatabase db) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_100_000);
    private readonly TestDatabase _db = db;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ApplyingQueuesOneEmailPerInvitationAndNoTokenYet()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com"));

        _db.Apply(import, Now);

        using var connection = _db.Open();
        var emails = connection.Query<(long InvitationId, string State)>("SELECT invitation_id, delivery_state FROM invitations").ToList();
        Assert.Equal(2, emails.Count);
        Assert.Equal(2, emails.Select(e => e.InvitationId).Distinct().Count());
        Assert.All(emails, e => Assert.Equal("queued", e.State));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM invitation_tokens")); // made when each email is sent
        var invitation = (await _db.Invitations.FindAsync(emails[0].InvitationId, _ct))!;
        Assert.Equal((InvitationStatus.Pending, "tester", DeliveryState.Queued), (invitation.Status, invitation.Inviter, invitation.Delivery.State));
    }

    [Fact]
    public async Task WhatAnApplySaysIsStoredOnceWithItsImportAndReadByEachOfItsInvitations()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com"));
        var batch = new InvitationBatch("tester", TimeSpan.FromDays(14))
        {
            InviterDisplayName = "Inès Moreau",
            OrganizationDisplayName = "ACME Corp",
            PersonalMessage = "Welcome, \"all\"!\nSee you Monday.",
        };

        _db.Apply(import, Now, batch);

        var invitations = await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, null, 10, _ct);
        var claimed = await _db.Outbox.ClaimDueAsync(Now, Now.AddMinutes(1), 10, _ct);
        using var connection = _db.Open();
        Assert.Equal(2, invitations.Count);
        Assert.All(invitations, i => Assert.Equal(
            ("Inès Moreau", "ACME Corp", batch.PersonalMessage, TimeSpan.FromDays(14), Now.AddDays(14)),
            (i.InviterDisplayName, i.OrganizationDisplayName, i.PersonalMessage, i.Lifetime, i.ExpireTime)));
        Assert.All(claimed, m => Assert.Equal(("Inès Moreau", "ACME Corp", batch.PersonalMessage), (m.InviterDisplayName, m.OrganizationDisplayName, m.PersonalMessage)));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM imports WHERE personal_message = @PersonalMessage", new { batch.PersonalMessage }));
    }

    [Fact]
    public async Task AnInvitationWhoseApplyStoredNoNamesIsNamedByItsInvitersSubjectAndItsOrganizationsId()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        using (var connection = _db.Open())
        {
            // As an import applied before the names were stored reads.
            connection.Execute("UPDATE imports SET inviter_name = NULL, organization_name = NULL, personal_message = NULL, invitation_lifetime = NULL");
        }

        var invitation = (await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, null, 10, _ct)).Single();

        Assert.Equal(("tester", "acme", "", null), (invitation.InviterDisplayName, invitation.OrganizationDisplayName, invitation.PersonalMessage, invitation.Lifetime));
    }

    [Fact]
    public async Task AResendKeepsItsRequestIdWithTheInvitation()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        var id = (await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, null, 10, _ct)).Single().InvitationId;

        InvitationRecord resent;
        using (var change = _db.Invitations.BeginChange(id))
        {
            resent = change.Resend(Now.AddDays(1), Now.AddDays(8), "resend-1", AuditEvents.For(change.Invitation!, "tester", AuditAction.InvitationResent, Now));
        }

        Assert.Equal("resend-1", resent.LastResendRequestId);
        Assert.Equal("resend-1", (await _db.Invitations.FindAsync(id, _ct))!.LastResendRequestId);
    }

    [Fact]
    public async Task AnExpiredInvitationStillStoredAsPendingDoesNotBlockANewOne()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        var later = Now.AddDays(8);

        var invited = _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), later);

        using var connection = _db.Open();
        Assert.Equal(1, invited);
        Assert.Equal(["expired", "pending"], connection.Query<string>("SELECT status FROM invitations ORDER BY invitation_id"));
    }

    [Fact]
    public async Task AcceptingMakesTheAddressAMemberWithTheInvitationsPermissions()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "Ann@Example.com")), Now);
        var token = await IssueTokenAsync();

        using (var accept = _db.Invitations.BeginAccept(AcceptToken.HashOf(token)))
        {
            var (member, invitation) = accept.Accept(Now.AddHours(1), AuditEvents.For(accept.Invitation!, "invitee", AuditAction.InvitationAccepted, Now));
            Assert.Equal(("Ann@Example.com", "ann@example.com", Now.AddHours(1)), (member.Email, member.NormalizedEmail, member.JoinTime));
            Assert.Equal(["projects.view"], member.Permissions);
            Assert.Equal(InvitationStatus.Accepted, invitation.Status);
        }

        var members = await _db.Invitations.ListMembersAsync("acme", null, 10, _ct);
        Assert.Equal(["ann@example.com"], members.Select(m => m.NormalizedEmail));
        Assert.Empty(await _db.Invitations.ListMembersAsync("globex", null, 10, _ct));
    }

    [Fact]
    public async Task CheckWarnsAboutMembersAndApplyingSkipsThem()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        using (var accept = _db.Invitations.BeginAccept(AcceptToken.HashOf(await IssueTokenAsync())))
        {
            accept.Accept(Now, AuditEvents.For(accept.Invitation!, "invitee", AuditAction.InvitationAccepted, Now));
        }

        var second = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com"));
        var invited = _db.Apply(second, Now);

        var warning = Assert.Single(await _db.Repository.ListRowDiagnosticsAsync(second.ImportId, null, 10, _ct)).Diagnostic;
        Assert.Equal((2, DiagnosticCode.AlreadyMember, Severity.Warning), (warning.RowNumber, warning.Code, warning.Severity));
        Assert.Equal(1, invited);
    }

    [Fact]
    public async Task ResendingRetiresTheTokenAndQueuesANewEmailInPlaceOfTheUnsentOne()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        var oldToken = await IssueTokenAsync();
        var id = (await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, null, 10, _ct)).Single().InvitationId;

        using (var change = _db.Invitations.BeginChange(id))
        {
            change.Resend(Now.AddDays(1), Now.AddDays(8), null, AuditEvents.For(change.Invitation!, "tester", AuditAction.InvitationResent, Now));
        }

        using var connection = _db.Open();
        Assert.Equal((2L, "queued"), connection.QuerySingle<(long, string)>("SELECT emails, delivery_state FROM invitations"));
        var claimed = Assert.Single(await _db.Outbox.ClaimDueAsync(Now.AddDays(1), Now.AddDays(1).AddMinutes(5), 10, _ct));
        Assert.Equal(2, claimed.Sequence);
        using var old = _db.Invitations.BeginAccept(AcceptToken.HashOf(oldToken));
        Assert.True(old.TokenReplaced);
        Assert.Equal(Now.AddDays(8), old.Invitation!.ExpireTime);
    }

    [Fact]
    public async Task ListsByStatusAsOfTheGivenTimeNewestFirst()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "old@example.com")), Now);
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "new@example.com")), Now.AddDays(5));
        var at = Now.AddDays(9); // the first has expired, the second not

        var pending = await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Pending, null), at, null, 10, _ct);
        var expired = await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Expired, null), at, null, 10, _ct);
        var all = await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), at, null, 10, _ct);

        Assert.Equal(["new@example.com"], pending.Select(i => i.Email));
        Assert.Equal(["old@example.com"], expired.Select(i => i.Email));
        Assert.Equal(["new@example.com", "old@example.com"], all.Select(i => i.Email));
    }

    [Fact]
    public async Task ListsAnOrganizationsInvitationsNewestFirstAcrossItsAppliesPageByPage()
    {
        // More applies than one query of apply keys reads, each of one to three rows, with another
        // organization's applies between them.
        var expected = new List<string>();
        for (var apply = 0; apply < 60; apply++)
        {
            var users = Enumerable.Range(0, 1 + (apply % 3)).Select(n => TestDatabase.User(2 + n, $"u{apply}-{n}@example.com")).ToArray();
            _db.Apply(await _db.AddCheckedImportAsync("acme", users), Now);
            _db.Apply(await _db.AddCheckedImportAsync("globex", TestDatabase.User(2, $"g{apply}@example.com")), Now);
            expected.InsertRange(0, users.Reverse().Select(u => u.Email));
        }

        var listed = new List<string>();
        long? before = null;
        while (true)
        {
            var page = await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, before, 7, _ct);
            listed.AddRange(page.Select(i => i.Email));
            if (page.Count < 7)
            {
                break;
            }

            before = page[^1].InvitationId;
        }

        Assert.Equal(expected, listed);
        var firstHundred = await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, null, 100, _ct);
        Assert.Equal(expected.Take(100), firstHundred.Select(i => i.Email));
    }

    /// <summary>What the dispatcher does as it sends the latest queued email: makes its token and stores the hash.</summary>
    private async Task<string> IssueTokenAsync()
    {
        using var connection = _db.Open();
        var invitationId = connection.QuerySingle<long>("SELECT invitation_id FROM invitations WHERE delivery_state = 'queued' ORDER BY invitation_id DESC LIMIT 1");
        var token = AcceptToken.New();
        await _db.Outbox.IssueTokenAsync(invitationId, token.Hash, Now, _ct);
        return token.Value;
    }
}

public sealed class SqliteInvitationRepositoryTests() : InvitationRepositoryTests(new SqliteTestDatabase());

public sealed class PostgresInvitationRepositoryTests(PostgresCluster cluster) : InvitationRepositoryTests(new PostgresTestDatabase(cluster));
