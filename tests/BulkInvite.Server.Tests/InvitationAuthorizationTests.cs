using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>Who may read and change invitations: inviters of the organization; AcceptInvitation needs only the invitation token.</summary>
public abstract class InvitationAuthorizationTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task EveryCallButAcceptNeedsABearerToken()
    {
        await _server.InviteAsync("ann@example.com");
        var token = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com")).Single();
        var id = (await _server.Invitations.ListInvitationsAsync()).Single().InvitationId;
        var anonymous = _server.InvitationsWith(null);

        var refused = new[]
        {
            await Calls.FailsAsync(async () => await anonymous.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = "acme" }, cancellationToken: _ct)),
            await Calls.FailsAsync(async () => await anonymous.GetInvitationAsync(new GetInvitationRequest { InvitationId = id }, cancellationToken: _ct)),
            await Calls.FailsAsync(async () => await anonymous.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = id }, cancellationToken: _ct)),
            await Calls.FailsAsync(async () => await anonymous.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = id }, cancellationToken: _ct)),
            await Calls.FailsAsync(async () => await anonymous.ListMembersAsync(new ListMembersRequest { OrganizationId = "acme" }, cancellationToken: _ct)),
        };
        var accepted = await anonymous.AcceptAsync(token);

        Assert.All(refused, e => Assert.Equal(StatusCode.Unauthenticated, e.StatusCode));
        Assert.Equal("ann@example.com", accepted.Member.Email);
    }

    [Fact]
    public async Task ReadingAndChangingInvitationsNeedsAnInviter()
    {
        await _server.InviteAsync("ann@example.com");
        var id = (await _server.Invitations.ListInvitationsAsync()).Single().InvitationId;
        var viewer = _server.InvitationsWith(Tokens.For("acme", ["projects.view"]));
        var inviter = _server.InvitationsWith(Tokens.For("acme", ["members.invite"]));

        var denied = new[]
        {
            await Calls.FailsAsync(async () => await viewer.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = "acme" }, cancellationToken: _ct)),
            await Calls.FailsAsync(async () => await viewer.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = id }, cancellationToken: _ct)),
            await Calls.FailsAsync(async () => await viewer.ListMembersAsync(new ListMembersRequest { OrganizationId = "acme" }, cancellationToken: _ct)),
        };
        var revoked = await inviter.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = id }, cancellationToken: _ct);

        Assert.All(denied, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(InvitationStatus.Revoked, revoked.Invitation.Status);
    }

    [Fact]
    public async Task AnotherOrganizationsInvitationsAreNotFoundAndItsListsRefused()
    {
        await _server.InviteAsync("ann@example.com");
        var id = (await _server.Invitations.ListInvitationsAsync()).Single().InvitationId;
        var globex = _server.InvitationsWith(Tokens.Admin("globex"));

        var get = await Calls.FailsAsync(async () => await globex.GetInvitationAsync(new GetInvitationRequest { InvitationId = id }, cancellationToken: _ct));
        var revoke = await Calls.FailsAsync(async () => await globex.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = id }, cancellationToken: _ct));
        var resend = await Calls.FailsAsync(async () => await globex.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = id }, cancellationToken: _ct));
        var list = await Calls.FailsAsync(async () => await globex.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = "acme" }, cancellationToken: _ct));
        var unknown = await Calls.FailsAsync(async () => await _server.Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = "999999" }, cancellationToken: _ct));

        Assert.Equal([StatusCode.NotFound, StatusCode.NotFound, StatusCode.NotFound], new[] { get, revoke, resend }.Select(e => e.StatusCode));
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(InvitationStatus.Pending, (await _server.Invitations.GetAsync(id)).Status);
    }
}

public sealed class SqliteInvitationAuthorizationTests() : InvitationAuthorizationTests(TestStore.Sqlite);

public sealed class PostgresInvitationAuthorizationTests(PostgresCluster cluster) : InvitationAuthorizationTests(TestStore.Postgres(cluster));
