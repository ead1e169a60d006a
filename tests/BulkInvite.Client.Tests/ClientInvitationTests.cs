using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

public sealed class ClientInvitationTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsResendsAndRevokesTheInvitationsOfAnImport()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await client.CheckAsync(import.ImportId, _cancellationToken);
        await client.ApplyAsync(import.ImportId, ["projects.view"], _cancellationToken);

        var listed = await client.ListInvitationsAsync(_organization, importId: import.ImportId, cancellationToken: _cancellationToken).ToListAsync(_cancellationToken);
        var resent = await client.ResendInvitationAsync(listed[0].InvitationId, _cancellationToken);
        var revoked = await client.RevokeInvitationAsync(listed[1].InvitationId, _cancellationToken);
        var pending = await client.ListInvitationsAsync(_organization, InvitationStatus.Pending, cancellationToken: _cancellationToken).ToListAsync(_cancellationToken);

        Assert.Equal(4, listed.Count);
        Assert.Equal(InvitationStatus.Pending, resent.Status);
        Assert.Equal(InvitationStatus.Revoked, revoked.Status);
        Assert.Equal(3, pending.Count);
        Assert.DoesNotContain(pending, i => i.InvitationId == revoked.InvitationId);
        Assert.Empty(await client.ListMembersAsync(_organization, _cancellationToken).ToListAsync(_cancellationToken));
    }

    [Fact]
    public async Task ThrowsInvitationNotFoundForAnUnknownInvitation()
    {
        using var client = server.ClientFor(_organization);

        var error = await Assert.ThrowsAsync<InvitationNotFoundException>(() => client.GetInvitationAsync("987654321", _cancellationToken));

        Assert.Equal(("987654321", "INVITATION_NOT_FOUND"), (error.InvitationId, error.Reason));
    }

    [Fact]
    public async Task AppliesWithANoteALifetimeAndTheConfirmationPrivilegedPermissionsNeed()
    {
        using var client = server.ClientFor(_organization);
        var import = await client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await client.CheckAsync(import.ImportId, _cancellationToken);
        const string note = "Welcome, \"team\"!\nSee you Monday";

        var unconfirmed = await Assert.ThrowsAsync<FailedPreconditionException>(() =>
            client.ApplyAsync(import.ImportId, ["projects.view", "members.invite"], new ApplyOptions { PersonalMessage = note }, _cancellationToken));
        var applied = await client.ApplyAsync(
            import.ImportId,
            ["projects.view", "members.invite"],
            new ApplyOptions { PersonalMessage = note, InvitationLifetime = TimeSpan.FromDays(14), ConfirmPrivilegedPermissions = true },
            _cancellationToken);
        var invitations = await client.ListInvitationsAsync(_organization, importId: import.ImportId, cancellationToken: _cancellationToken).ToListAsync(_cancellationToken);

        Assert.Equal("PRIVILEGED_PERMISSIONS_NOT_CONFIRMED", unconfirmed.Reason);
        Assert.Equal(["members.invite"], unconfirmed.PrivilegedPermissions);
        Assert.Equal(4, applied.InvitedCount);
        Assert.All(invitations, i => Assert.Equal(
            (note, TimeSpan.FromDays(14)),
            (i.PersonalMessage, i.ExpireTime.ToDateTimeOffset() - i.CreateTime.ToDateTimeOffset())));
    }

    [Fact]
    public async Task ImportFileAsyncAppliesWithItsApplyOptions()
    {
        using var client = server.ClientFor(_organization);

        var result = await client.ImportFileAsync(
            Files.Fixture("team_utf8.csv"), _organization, ["organization.admin"],
            new ImportFileOptions { Apply = new ApplyOptions { PersonalMessage = "Hi", InvitationLifetime = TimeSpan.FromDays(2), ConfirmPrivilegedPermissions = true } },
            _cancellationToken);
        var invitation = await client.ListInvitationsAsync(_organization, cancellationToken: _cancellationToken).FirstAsync(_cancellationToken);

        Assert.Equal(4, result.InvitedCount);
        Assert.Equal(("Hi", TimeSpan.FromDays(2)), (invitation.PersonalMessage, invitation.ExpireTime.ToDateTimeOffset() - invitation.CreateTime.ToDateTimeOffset()));
    }
}
