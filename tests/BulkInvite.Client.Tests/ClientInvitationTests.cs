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
}
