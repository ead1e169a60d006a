using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Dapper;
using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>
/// LookupInvitation as the accept page calls it, without a bearer token, with the token of a real
/// email from the pickup folder: the preview, and the same refusals as AcceptInvitation.
/// </summary>
public abstract class LookupInvitationTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?> { ["BulkInvite:OrganizationNames:acme"] = "ACME Corp" }, store: store);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private InvitationService.InvitationServiceClient Invitations => _server.Invitations;

    /// <summary>The invitee: no bearer token.</summary>
    private InvitationService.InvitationServiceClient Invitee => _server.InvitationsWith(null);

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task TheTokenHolderSeesWhoInvitesThemWhereWithWhichPermissionsUntilWhenAndNothingChanges()
    {
        await _server.InviteAsync(["projects.view", "models.train"], "ann@example.com");
        var token = await TokenOfAsync("ann@example.com");
        var invitation = (await Invitations.ListInvitationsAsync()).Single();

        var auditBefore = await AuditTrailAsync();

        var preview = await LookupAsync(token);
        var again = await LookupAsync(token);
        var auditAfter = await AuditTrailAsync();
        var stillPending = (await Invitations.ListInvitationsAsync()).Single();
        var accepted = await Invitee.AcceptAsync(token);

        Assert.Equal(
            ("acme", "ACME Corp", "test-user", "ann@example.com", "Ann", "Lee", invitation.ExpireTime, ""),
            (preview.OrganizationId, preview.OrganizationDisplayName, preview.InviterDisplayName, preview.Email, preview.FirstName, preview.LastName, preview.ExpireTime, preview.PersonalMessage));
        Assert.Equal(
            [("models.train", "Train models on the organization's data."), ("projects.view", "See the organization's projects and their data.")],
            preview.Permissions.Select(p => (p.Id, p.Description)));
        Assert.Equal(preview, again);
        Assert.Equal(auditBefore, auditAfter);
        Assert.Equal(invitation, stillPending);
        Assert.Equal(InvitationStatus.Accepted, accepted.Invitation.Status);
    }

    [Fact]
    public async Task AnAcceptedInvitationsTokenIsRefusedAsAcceptInvitationRefusesIt()
    {
        await _server.InviteAsync("ann@example.com");
        var token = await TokenOfAsync("ann@example.com");
        await Invitee.AcceptAsync(token);

        await AssertRefusedLikeAcceptAsync(token, StatusCode.FailedPrecondition, "INVITATION_ALREADY_ACCEPTED");
    }

    [Fact]
    public async Task ARevokedInvitationsTokenIsRefusedAsAcceptInvitationRefusesIt()
    {
        await _server.InviteAsync("ann@example.com");
        var token = await TokenOfAsync("ann@example.com");
        var invitation = (await Invitations.ListInvitationsAsync()).Single();
        await Invitations.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = invitation.InvitationId }, cancellationToken: _ct);

        await AssertRefusedLikeAcceptAsync(token, StatusCode.FailedPrecondition, "INVITATION_REVOKED");
    }

    [Fact]
    public async Task ATokenReplacedByAResendIsRefusedWhileTheNewOneIsShown()
    {
        await _server.InviteAsync("ann@example.com");
        var oldToken = await TokenOfAsync("ann@example.com");
        var invitation = (await Invitations.ListInvitationsAsync()).Single();
        await Invitations.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = invitation.InvitationId }, cancellationToken: _ct);
        var newToken = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com", count: 2))[1];

        var preview = await LookupAsync(newToken);

        Assert.Equal("ann@example.com", preview.Email);
        await AssertRefusedLikeAcceptAsync(oldToken, StatusCode.FailedPrecondition, "INVITATION_TOKEN_REPLACED");
    }

    [Fact]
    public async Task AnExpiredInvitationsTokenIsRefusedAndTheLookupStoresNothing()
    {
        await _server.InviteAsync("ann@example.com");
        var token = await TokenOfAsync("ann@example.com");
        _server.Clock.Advance(TimeSpan.FromDays(7));

        var lookup = await Calls.FailsAsync(() => LookupAsync(token));
        string stored;
        using (var database = _server.OpenDatabase())
        {
            stored = database.ExecuteScalar<string>("SELECT status FROM invitations")!;
        }

        AssertRefused(lookup, StatusCode.FailedPrecondition, "INVITATION_EXPIRED");
        Assert.Equal("pending", stored);
        await AssertRefusedLikeAcceptAsync(token, StatusCode.FailedPrecondition, "INVITATION_EXPIRED");
    }

    [Fact]
    public async Task ATokenNeverIssuedIsNotFoundAndAnEmptyOneIsInvalid()
    {
        await AssertRefusedLikeAcceptAsync("bm90LWEtdG9rZW4tdGhlLXNlcnZlci1pc3N1ZWQ", StatusCode.NotFound, "INVITATION_NOT_FOUND");
        await AssertRefusedLikeAcceptAsync(new string('x', 300), StatusCode.NotFound, "INVITATION_NOT_FOUND");
        await AssertRefusedLikeAcceptAsync("", StatusCode.InvalidArgument, "INVALID_REQUEST");
    }

    [Fact]
    public async Task LookupsWithoutABearerTokenAreNotRateLimitedAsAcceptInvitationIsNot()
    {
        using var limited = new BulkInviteServer(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:RequestsPerSecond"] = "1",
            ["RateLimiting:Burst"] = "5",
        }, store: store);
        await limited.InviteAsync("ann@example.com");
        var token = (await PickupFolder.TokensForAsync(limited.MailFolder, "ann@example.com")).Single();
        var invitee = limited.InvitationsWith(null);

        // Five at once and one a second for a bearer token's organization; twenty in a row here.
        var previews = new List<InvitationPreview>();
        for (var i = 0; i < 20; i++)
        {
            previews.Add((await invitee.LookupInvitationAsync(new LookupInvitationRequest { Token = token }, cancellationToken: _ct)).Invitation);
        }

        Assert.All(previews, p => Assert.Equal("ann@example.com", p.Email));
        limited.Dispose();
        limited.DeleteData();
    }

    private async Task<InvitationPreview> LookupAsync(string token) =>
        (await Invitee.LookupInvitationAsync(new LookupInvitationRequest { Token = token }, cancellationToken: _ct)).Invitation;

    private async Task<List<AuditEvent>> AuditTrailAsync() =>
        [.. (await _server.Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme" }, cancellationToken: _ct)).Events];

    private async Task<string> TokenOfAsync(string email) => (await PickupFolder.TokensForAsync(_server.MailFolder, email)).Single();

    /// <summary>LookupInvitation and then AcceptInvitation refuse the token with the same status, reason and resource.</summary>
    private async Task AssertRefusedLikeAcceptAsync(string token, StatusCode code, string reason)
    {
        var lookup = await Calls.FailsAsync(() => LookupAsync(token));
        var accept = await Calls.FailsAsync(() => Invitee.AcceptAsync(token));

        AssertRefused(lookup, code, reason);
        AssertRefused(accept, code, reason);
        Assert.Equal(accept.Status.Detail, lookup.Status.Detail);
        Assert.Equal(accept.GetRpcStatus()?.Details, lookup.GetRpcStatus()?.Details);
    }

    private static void AssertRefused(RpcException error, StatusCode code, string reason)
    {
        Assert.Equal(code, error.StatusCode);
        Assert.Equal(reason, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }
}

public sealed class SqliteLookupInvitationTests() : LookupInvitationTests(TestStore.Sqlite);

public sealed class PostgresLookupInvitationTests(PostgresCluster cluster) : LookupInvitationTests(TestStore.Postgres(cluster));
