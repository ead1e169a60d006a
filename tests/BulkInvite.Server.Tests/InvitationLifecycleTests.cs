using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Google.Rpc;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>
/// Invitations after ApplyPermissions, through a real gRPC channel, with the emails the server writes
/// to its pickup folder (the default delivery): accept, revoke, resend and expiry on the server's clock.
/// </summary>
public abstract class InvitationLifecycleTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    private InvitationService.InvitationServiceClient Invitations => _server.Invitations;

    /// <summary>AcceptInvitation as the invitee calls it: without a bearer token.</summary>
    private InvitationService.InvitationServiceClient Invitee => _server.InvitationsWith(null);

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task ApplyingWritesOneEmailPerInvitationWithItsOwnLinkToThePickupFolder()
    {
        var applied = await _server.InviteAsync("ann@example.com", "bob@example.com", "cy@example.com");

        await InvitationCalls.WaitUntilAsync(async () => (await Invitations.ListInvitationsAsync()).All(i => i.Delivery.State == DeliveryState.Sent), "every email is sent");
        var emails = PickupFolder.Read(_server.MailFolder);
        Assert.Equal(3, applied.InvitedCount);
        Assert.Equal(["ann@example.com", "bob@example.com", "cy@example.com"], emails.Select(e => e.Recipient()).Order());
        Assert.Equal(3, emails.Select(e => InvitationCalls.AcceptLink(e.TextBody ?? "").Token).Distinct().Count());
        Assert.All(emails, e => Assert.Contains("projects.view", e.HtmlBody, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.Equal("test-user invited you to join acme", e.Subject));
    }

    [Fact]
    public async Task AcceptingWithTheTokenOfTheEmailMakesAMemberWithTheBatchPermissionsOnce()
    {
        await _server.InviteAsync(["models.train", "projects.view"], "ann@example.com");
        var token = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com")).Single();

        var accepted = await Invitee.AcceptAsync(token);
        var again = await Calls.FailsAsync(() => Invitee.AcceptAsync(token));

        Assert.Equal(("acme", "ann@example.com", "Ann", "Lee"), (accepted.Member.OrganizationId, accepted.Member.Email, accepted.Member.FirstName, accepted.Member.LastName));
        Assert.Equal(["models.train", "projects.view"], accepted.Member.Permissions);
        Assert.Equal(InvitationStatus.Accepted, accepted.Invitation.Status);
        Assert.Equal(_server.Clock.GetUtcNow(), accepted.Member.JoinTime.ToDateTimeOffset());
        Assert.Equal(["ann@example.com"], (await Invitations.ListMembersAsync()).Select(m => m.Email));
        AssertRefused(again, "INVITATION_ALREADY_ACCEPTED");
    }

    [Fact]
    public async Task AnUnknownTokenIsNotFoundAndAnEmptyOneIsInvalid()
    {
        var unknown = await Calls.FailsAsync(() => Invitee.AcceptAsync("bm90LWEtdG9rZW4tdGhlLXNlcnZlci1pc3N1ZWQ"));
        var empty = await Calls.FailsAsync(() => Invitee.AcceptAsync(""));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }

    [Fact]
    public async Task ARevokedInvitationsTokenIsRefusedAndItsUnsentEmailCancelled()
    {
        await _server.InviteAsync("ann@example.com");
        var token = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com")).Single();
        var invitation = (await Invitations.ListInvitationsAsync()).Single();

        var revoked = (await Invitations.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = invitation.InvitationId }, cancellationToken: TestContext.Current.CancellationToken)).Invitation;
        var accept = await Calls.FailsAsync(() => Invitee.AcceptAsync(token));
        var resend = await Calls.FailsAsync(async () => await Invitations.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = invitation.InvitationId }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(InvitationStatus.Revoked, revoked.Status);
        AssertRefused(accept, "INVITATION_REVOKED");
        AssertRefused(resend, "INVITATION_REVOKED");
        Assert.Empty(await Invitations.ListMembersAsync());
    }

    [Fact]
    public async Task ResendingSendsANewTokenWithANewExpiryAndRefusesTheOldOne()
    {
        await _server.InviteAsync("ann@example.com");
        var oldToken = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com")).Single();
        var invitation = (await Invitations.ListInvitationsAsync()).Single();
        _server.Clock.Advance(TimeSpan.FromDays(3));

        var resent = (await Invitations.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = invitation.InvitationId }, cancellationToken: TestContext.Current.CancellationToken)).Invitation;
        var newToken = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com", count: 2))[1];
        var old = await Calls.FailsAsync(() => Invitee.AcceptAsync(oldToken));
        var accepted = await Invitee.AcceptAsync(newToken);

        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(_server.Clock.GetUtcNow().AddDays(7), resent.ExpireTime.ToDateTimeOffset());
        Assert.Equal((InvitationStatus.Pending, DeliveryState.Queued), (resent.Status, resent.Delivery.State));
        AssertRefused(old, "INVITATION_TOKEN_REPLACED");
        Assert.Equal(invitation.InvitationId, accepted.Invitation.InvitationId);
    }

    [Fact]
    public async Task AnInvitationExpiresOnTheClockAndThenNeitherAcceptsNorBlocksANewOne()
    {
        await _server.InviteAsync("ann@example.com");
        var token = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com")).Single();
        _server.Clock.Advance(TimeSpan.FromDays(7));

        var accept = await Calls.FailsAsync(() => Invitee.AcceptAsync(token));
        var expired = await Invitations.ListInvitationsAsync(InvitationStatus.Expired);
        var reinvited = await _server.InviteAsync("ann@example.com");

        AssertRefused(accept, "INVITATION_EXPIRED");
        Assert.Single(expired);
        Assert.Equal((1, 0), (reinvited.InvitedCount, reinvited.SkippedCount));
        Assert.Equal(reinvited.Import.ImportId, (await Invitations.ListInvitationsAsync(InvitationStatus.Pending)).Single().ImportId);
    }

    [Fact]
    public async Task ResendingAnExpiredInvitationMakesItPendingAgain()
    {
        await _server.InviteAsync("ann@example.com");
        var invitation = (await Invitations.ListInvitationsAsync()).Single();
        _server.Clock.Advance(TimeSpan.FromDays(10));

        var resent = (await Invitations.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = invitation.InvitationId }, cancellationToken: TestContext.Current.CancellationToken)).Invitation;
        var token = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com", count: 2))[1];

        Assert.Equal(InvitationStatus.Pending, resent.Status);
        Assert.Equal(InvitationStatus.Accepted, (await Invitee.AcceptAsync(token)).Invitation.Status);
    }

    [Fact]
    public async Task ASecondImportAfterAcceptanceWarnsThatTheAddressIsAMemberAndSkipsIt()
    {
        await _server.InviteAsync("ann@example.com");
        await Invitee.AcceptAsync((await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com")).Single());

        var import = await _server.Client.UploadAsync(InvitationCalls.Csv("ann@example.com", "bob@example.com"));
        var check = await _server.Client.CheckAsync(import.ImportId);
        var applied = await _server.Client.ApplyAsync(import.ImportId, "", "projects.view");

        var warning = Assert.Single(check.RowDiagnostics);
        Assert.Equal((2, DiagnosticCode.AlreadyMember, Severity.Warning), (warning.RowNumber, warning.Code, warning.Severity));
        Assert.Equal((1, 1), (applied.InvitedCount, applied.SkippedCount));
    }

    [Fact]
    public async Task ListsInvitationsNewestFirstByStatusAndImportAcrossPages()
    {
        var first = await _server.InviteAsync("a@example.com", "b@example.com", "c@example.com");
        var second = await _server.InviteAsync("d@example.com", "e@example.com");
        var revoked = (await Invitations.ListInvitationsAsync(importId: first.Import.ImportId))[0];
        await Invitations.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = revoked.InvitationId }, cancellationToken: TestContext.Current.CancellationToken);

        var page1 = await Invitations.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = "acme", PageSize = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        var page2 = await Invitations.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = "acme", PageSize = 3, PageToken = page1.NextPageToken }, cancellationToken: TestContext.Current.CancellationToken);
        var foreignToken = await Calls.FailsAsync(async () => await Invitations.ListInvitationsAsync(
            new ListInvitationsRequest { OrganizationId = "acme", Status = InvitationStatus.Pending, PageToken = page1.NextPageToken }, cancellationToken: TestContext.Current.CancellationToken));

        var all = page1.Invitations.Concat(page2.Invitations).Select(i => long.Parse(i.InvitationId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, all.Count);
        Assert.Equal(all.OrderDescending(), all);
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal(2, (await Invitations.ListInvitationsAsync(importId: second.Import.ImportId)).Count);
        Assert.Equal([revoked.InvitationId], (await Invitations.ListInvitationsAsync(InvitationStatus.Revoked)).Select(i => i.InvitationId));
        Assert.Equal(4, (await Invitations.ListInvitationsAsync(InvitationStatus.Pending)).Count);
        Assert.Equal(StatusCode.InvalidArgument, foreignToken.StatusCode);
    }

    [Fact]
    public async Task RevokeResendAndAcceptAreRecordedInTheAuditTrail()
    {
        await _server.InviteAsync("ann@example.com", "bob@example.com");
        var invitations = await Invitations.ListInvitationsAsync();
        await Invitations.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = invitations[0].InvitationId }, cancellationToken: TestContext.Current.CancellationToken);
        await Invitations.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = invitations[1].InvitationId }, cancellationToken: TestContext.Current.CancellationToken);
        var token = (await PickupFolder.TokensForAsync(_server.MailFolder, invitations[1].Email, count: 2))[1];
        await Invitee.AcceptAsync(token);

        var events = (await _server.Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme", PageSize = 3 }, cancellationToken: TestContext.Current.CancellationToken)).Events;

        Assert.Equal(
            [
                (AuditAction.InvitationAccepted, "invitee", invitations[1].InvitationId),
                (AuditAction.InvitationResent, "test-user", invitations[1].InvitationId),
                (AuditAction.InvitationRevoked, "test-user", invitations[0].InvitationId),
            ],
            events.Select(e => (e.Action, e.Actor, e.InvitationId)));
        Assert.All(events, e => Assert.Equal(invitations[0].ImportId, e.ImportId));
    }

    private static void AssertRefused(RpcException error, string reason)
    {
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(reason, violation.Type);
        Assert.StartsWith("invitations/", violation.Subject, StringComparison.Ordinal);
    }
}

public sealed class SqliteInvitationLifecycleTests() : InvitationLifecycleTests(TestStore.Sqlite);

public sealed class PostgresInvitationLifecycleTests(PostgresCluster cluster) : InvitationLifecycleTests(TestStore.Postgres(cluster));
