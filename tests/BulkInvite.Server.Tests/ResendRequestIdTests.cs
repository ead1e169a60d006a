using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Dapper;

namespace BulkInvite.Server.Tests;

/// <summary>
/// ResendInvitation's request_id through a real gRPC channel: a retried resend neither makes another
/// token nor sends another email (the pickup folder holds one email per resend); a new id resends.
/// </summary>
public abstract class ResendRequestIdTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    private InvitationService.InvitationServiceClient Invitations => _server.Invitations;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task TwoResendsWithOneRequestIdMakeOneTokenAndSendOneEmail()
    {
        await _server.InviteAsync("ann@example.com");
        await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com");
        var invitation = (await Invitations.ListInvitationsAsync()).Single();
        _server.Clock.Advance(TimeSpan.FromHours(1));

        var first = await Invitations.ResendAsync(invitation.InvitationId, "resend-1");
        _server.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await Invitations.ResendAsync(invitation.InvitationId, "resend-1");
        await InvitationCalls.WaitUntilAsync(async () => (await Invitations.GetAsync(invitation.InvitationId)).Delivery.State == DeliveryState.Sent, "the resent email is sent");
        var tokens = await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com", count: 2);

        // The same resend: its expiry and time, not a second one's (its email may have gone out meanwhile).
        Assert.Equal(WithoutDelivery(first), WithoutDelivery(retried));
        Assert.Equal(2, PickupFolder.Read(_server.MailFolder).Count);
        Assert.Equal(2, TokenCount());
        Assert.Equal(InvitationStatus.Accepted, (await _server.InvitationsWith(null).AcceptAsync(tokens[1])).Invitation.Status);
    }

    [Fact]
    public async Task AResendWithANewRequestIdResendsAgain()
    {
        await _server.InviteAsync("ann@example.com");
        await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com"); // sent before the resend, which would otherwise replace it unsent
        var invitation = (await Invitations.ListInvitationsAsync()).Single();

        await Invitations.ResendAsync(invitation.InvitationId, "resend-1");
        await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com", count: 2);
        await Invitations.ResendAsync(invitation.InvitationId, "resend-2");
        var emails = await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com", count: 3);

        Assert.Equal(3, emails.Select(e => InvitationCalls.AcceptLink(e.Text()).Token).Distinct().Count());
        Assert.Equal(3, TokenCount());
    }

    [Fact]
    public async Task ResendsWithoutARequestIdEachResend()
    {
        await _server.InviteAsync("ann@example.com");
        await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com"); // sent before the resend, which would otherwise replace it unsent
        var invitation = (await Invitations.ListInvitationsAsync()).Single();

        await Invitations.ResendAsync(invitation.InvitationId);
        await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com", count: 2);
        await Invitations.ResendAsync(invitation.InvitationId);

        Assert.Equal(3, (await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com", count: 3)).Count);
    }

    private static Invitation WithoutDelivery(Invitation invitation)
    {
        var copy = invitation.Clone();
        copy.Delivery = null;
        return copy;
    }

    private long TokenCount()
    {
        using var connection = _server.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM invitation_tokens");
    }
}

public sealed class SqliteResendRequestIdTests() : ResendRequestIdTests(TestStore.Sqlite);

public sealed class PostgresResendRequestIdTests(PostgresCluster cluster) : ResendRequestIdTests(TestStore.Postgres(cluster));
