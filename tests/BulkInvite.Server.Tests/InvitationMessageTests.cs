using System.Globalization;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>
/// What an apply says in each invitation, through a real gRPC channel and the emails in the pickup
/// folder: the inviter's note, the batch's lifetime (honoured on the server's clock, kept by a
/// resend), and the inviter's and the organization's names for people.
/// </summary>
public abstract class InvitationMessageTests(TestStore store) : IDisposable
{
    private const string Note = "Welcome to the team, \"Ann\"!\nWe start Monday, 9:00 - bring a laptop, a pen.\r\nSee you then";

    private readonly BulkInviteServer _server = new(store: store);
    private readonly List<BulkInviteServer> _others = [];
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private InvitationService.InvitationServiceClient Invitations => _server.Invitations;

    private InvitationService.InvitationServiceClient Invitee => _server.InvitationsWith(null);

    public void Dispose()
    {
        foreach (var server in _others.Append(_server))
        {
            server.Dispose();
            server.DeleteData();
        }
    }

    [Fact]
    public async Task TheNoteAndLifetimeOfTheBatchAreShownByListGetLookupAndTheEmail()
    {
        var importId = await _server.Client.CheckedImportAsync("ann@example.com", "bob@example.com");
        var expires = _server.Clock.GetUtcNow().AddDays(14);

        await _server.Client.ApplyAsync(Request(importId, Note, TimeSpan.FromDays(14)));
        var email = (await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com")).Single();
        var listed = await Invitations.ListInvitationsAsync();
        var got = await Invitations.GetAsync(listed[0].InvitationId);
        var preview = await Invitee.LookupAsync(InvitationCalls.AcceptLink(email.Text()).Token);

        Assert.All(listed, i => Assert.Equal((Note, expires), (i.PersonalMessage, i.ExpireTime.ToDateTimeOffset())));
        Assert.Equal((Note, expires), (got.PersonalMessage, got.ExpireTime.ToDateTimeOffset()));
        Assert.Equal((Note, expires), (preview.PersonalMessage, preview.ExpireTime.ToDateTimeOffset()));
        Assert.Contains(
            "test-user wrote:\n\n  > Welcome to the team, \"Ann\"!\n  > We start Monday, 9:00 - bring a laptop, a pen.\n  > See you then\n",
            email.Text(), StringComparison.Ordinal);
        Assert.Contains(
            "<blockquote style=\"margin: 0 0 1em 0; padding-left: 1em; border-left: 3px solid #ccc;\">Welcome to the team, &quot;Ann&quot;!<br>\n" +
            "We start Monday, 9:00 - bring a laptop, a pen.<br>\nSee you then</blockquote>",
            email.Html(), StringComparison.Ordinal);
        Assert.Contains($"expires on {expires.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)}", email.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScriptInTheNoteIsEncodedInTheHtmlPartAndShownAsTextInThePlainPart()
    {
        var importId = await _server.Client.CheckedImportAsync("ann@example.com");

        await _server.Client.ApplyAsync(Request(importId, "<script>alert('hi')</script><img src=x onerror=alert(1)>"));
        var email = (await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com")).Single();

        Assert.DoesNotContain("<script", email.Html(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", email.Html(), StringComparison.Ordinal);
        Assert.Contains("  > <script>alert('hi')</script><img src=x onerror=alert(1)>\n", email.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutANoteOrALifetimeTheEmailHasNoQuoteAndTheInvitationTheConfiguredLifetime()
    {
        var importId = await _server.Client.CheckedImportAsync("ann@example.com");

        await _server.Client.ApplyAsync(Request(importId));
        var email = (await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com")).Single();
        var invitation = (await Invitations.ListInvitationsAsync()).Single();

        Assert.Equal(("", _server.Clock.GetUtcNow().AddDays(7)), (invitation.PersonalMessage, invitation.ExpireTime.ToDateTimeOffset()));
        Assert.DoesNotContain("wrote:", email.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("<blockquote", email.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoteOrLifetimeBeyondTheLimitsIsInvalidAndInvitesNobody()
    {
        var importId = await _server.Client.CheckedImportAsync("ann@example.com");

        var tooLong = await Calls.FailsAsync(() => _server.Client.ApplyAsync(Request(importId, new string('a', 1001))));
        var control = await Calls.FailsAsync(() => _server.Client.ApplyAsync(Request(importId, "Hello\u001b[2J")));
        var tooShort = await Calls.FailsAsync(() => _server.Client.ApplyAsync(Request(importId, lifetime: TimeSpan.FromHours(23))));
        var tooLongLived = await Calls.FailsAsync(() => _server.Client.ApplyAsync(Request(importId, lifetime: TimeSpan.FromDays(31))));
        var unnormalized = await Calls.FailsAsync(() => _server.Client.ApplyAsync(new ApplyPermissionsRequest
        {
            ImportId = importId,
            Permissions = { "projects.view" },
            InvitationLifetime = new Duration { Seconds = 86_400 * 2, Nanos = -1 },
        }));
        var atTheLimits = await _server.Client.ApplyAsync(Request(importId, new string('a', 1000), TimeSpan.FromDays(30)));

        Assert.Equal("personal_message", Field(tooLong));
        Assert.Equal("personal_message", Field(control));
        Assert.Contains("U+001B", control.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("invitation_lifetime", Field(tooShort));
        Assert.Equal("invitation_lifetime", Field(tooLongLived));
        Assert.Equal("invitation_lifetime", Field(unnormalized));
        Assert.Equal(1, atTheLimits.InvitedCount);
        Assert.Equal(_server.Clock.GetUtcNow().AddDays(30), (await Invitations.ListInvitationsAsync()).Single().ExpireTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task AnInvitationOfAShortLivedBatchExpiresWhenItsLifetimeEnds()
    {
        var importId = await _server.Client.CheckedImportAsync("ann@example.com");
        await _server.Client.ApplyAsync(Request(importId, lifetime: TimeSpan.FromDays(1)));
        var token = (await PickupFolder.TokensForAsync(_server.MailFolder, "ann@example.com")).Single();

        _server.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        var stillOpen = await Invitee.LookupAsync(token);
        _server.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await Calls.FailsAsync(() => Invitee.AcceptAsync(token));

        Assert.Equal("ann@example.com", stillOpen.Email);
        Assert.Equal(StatusCode.FailedPrecondition, expired.StatusCode);
        Assert.Equal("INVITATION_EXPIRED", Assert.Single(expired.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Type);
    }

    [Fact]
    public async Task AResentInvitationKeepsItsBatchsLifetimeAndNote()
    {
        var importId = await _server.Client.CheckedImportAsync("ann@example.com");
        await _server.Client.ApplyAsync(Request(importId, Note, TimeSpan.FromDays(3)));
        var invitation = (await Invitations.ListInvitationsAsync()).Single();
        _server.Clock.Advance(TimeSpan.FromDays(5));

        var resent = await Invitations.ResendAsync(invitation.InvitationId);
        var emails = await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com", count: 2);

        Assert.Equal(_server.Clock.GetUtcNow().AddDays(3), resent.ExpireTime.ToDateTimeOffset());
        Assert.Equal((InvitationStatus.Pending, Note), (resent.Status, resent.PersonalMessage));
        Assert.Contains("  > See you then\n", emails[1].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInvitationNamesTheInviterAndTheOrganizationByTheTokensNames()
    {
        var named = _server.ClientWith(Tokens.For(Calls.Organization, ["organization.admin"], subject: "ines", name: "Inès Moreau", organizationName: "ACME Corp"));
        var importId = await named.CheckedImportAsync("ann@example.com");

        await named.ApplyAsync(Request(importId));
        var email = (await PickupFolder.EmailsToAsync(_server.MailFolder, "ann@example.com")).Single();
        var invitation = (await Invitations.ListInvitationsAsync()).Single();
        var preview = await Invitee.LookupAsync(InvitationCalls.AcceptLink(email.Text()).Token);

        Assert.Equal(("ines", "Inès Moreau", "ACME Corp"), (invitation.Inviter, invitation.InviterDisplayName, invitation.OrganizationDisplayName));
        Assert.Equal(("Inès Moreau", "ACME Corp"), (preview.InviterDisplayName, preview.OrganizationDisplayName));
        Assert.Equal("Inès Moreau invited you to join ACME Corp", email.Subject);
        Assert.Contains("Inès Moreau invited you to join ACME Corp with these permissions:", email.Text(), StringComparison.Ordinal);
        Assert.Contains("  - See the organization's projects and their data. (projects.view)\n", email.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutNameClaimsTheInvitationNamesTheConfiguredOrganizationAndTheInvitersSubject()
    {
        var server = Other(new Dictionary<string, string?> { ["BulkInvite:OrganizationNames:acme"] = "ACME Configured" });
        var importId = await server.Client.CheckedImportAsync("ann@example.com");

        await server.Client.ApplyAsync(Request(importId));
        var email = (await PickupFolder.EmailsToAsync(server.MailFolder, "ann@example.com")).Single();
        var invitation = (await server.Invitations.ListInvitationsAsync()).Single();

        Assert.Equal(("test-user", "ACME Configured"), (invitation.InviterDisplayName, invitation.OrganizationDisplayName));
        Assert.Equal("test-user invited you to join ACME Configured", email.Subject);
    }

    [Fact]
    public async Task WithNeitherClaimsNorConfigurationTheInvitationFallsBackToIds()
    {
        var importId = await _server.Client.CheckedImportAsync("ann@example.com");

        await _server.Client.ApplyAsync(Request(importId));
        var invitation = (await Invitations.ListInvitationsAsync()).Single();

        Assert.Equal(("test-user", "acme"), (invitation.InviterDisplayName, invitation.OrganizationDisplayName));
    }

    private static ApplyPermissionsRequest Request(string importId, string message = "", TimeSpan? lifetime = null) => new()
    {
        ImportId = importId,
        Permissions = { "projects.view" },
        PersonalMessage = message,
        InvitationLifetime = lifetime is { } l ? Duration.FromTimeSpan(l) : null,
    };

    private static string Field(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field;
    }

    private BulkInviteServer Other(Dictionary<string, string?> settings)
    {
        var server = new BulkInviteServer(settings: settings, store: _server.Store);
        _others.Add(server);
        return server;
    }
}

public sealed class SqliteInvitationMessageTests() : InvitationMessageTests(TestStore.Sqlite);

public sealed class PostgresInvitationMessageTests(PostgresCluster cluster) : InvitationMessageTests(TestStore.Postgres(cluster));
