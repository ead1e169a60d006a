using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Google.Rpc;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>
/// Invitation emails through a real SMTP server (smtp4dev, started by the tests), and the whole
/// lifecycle driven by the links in the messages it received.
/// </summary>
public abstract class SmtpDeliveryTests(TestStore store, Smtp4devFixture fixture) : IClassFixture<Smtp4devFixture>, IDisposable
{
    private readonly BulkInviteServer _server = new(settings: Smtp4dev.ServerSettings(fixture.Smtp.SmtpPort), store: store);
    private readonly string _domain = Smtp4devFixture.NewDomain();

    private Smtp4dev Smtp => fixture.Smtp;

    private InvitationService.InvitationServiceClient Invitee => _server.InvitationsWith(null);

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task AnImportOfNUsersDeliversExactlyNMessagesWithTheirRecipientsAndLinks()
    {
        var addresses = Enumerable.Range(1, 12).Select(i => $"user{i}@{_domain}").ToArray();

        var applied = await _server.InviteAsync(addresses);
        var messages = await WaitForMessagesAsync(12);
        // Later polls, on a later clock, send nothing more.
        _server.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(500, TestContext.Current.CancellationToken);

        Assert.Equal(12, applied.InvitedCount);
        Assert.Equal(addresses.Order(), (await Smtp.MessagesToAsync(_domain)).Select(m => m.To).Order());
        Assert.All(messages, m => Assert.Equal("test-user invited you to join acme", m.Subject));
        var tokens = messages.Select(m => InvitationCalls.AcceptLink(m.Text).Token).ToList();
        Assert.Equal(12, tokens.Distinct().Count());
        var someone = messages[5];
        Assert.Equal(someone.To, (await Invitee.AcceptAsync(InvitationCalls.AcceptLink(someone.Text).Token)).Member.Email);
        Assert.All(await _server.Invitations.ListInvitationsAsync(), i => Assert.Equal((DeliveryState.Sent, 1), (i.Delivery.State, i.Delivery.Attempts)));
    }

    [Fact]
    public async Task TheLinksInTheMessagesDriveAcceptRevokeResendExpiryAndASecondImportSkipsTheMember()
    {
        string ann = $"ann@{_domain}", bob = $"bob@{_domain}", cy = $"cy@{_domain}", dan = $"dan@{_domain}";
        await _server.InviteAsync(ann, bob, cy);
        var first = await WaitForMessagesAsync(3);
        var invitations = (await _server.Invitations.ListInvitationsAsync()).ToDictionary(i => i.Email, i => i.InvitationId);

        // Accept: the link's token makes ann a member.
        var member = (await Invitee.AcceptAsync(TokenTo(first, ann))).Member;
        // Revoke: bob's link is refused from then on.
        await _server.Invitations.RevokeInvitationAsync(new RevokeInvitationRequest { InvitationId = invitations[bob] }, cancellationToken: TestContext.Current.CancellationToken);
        var revoked = await Calls.FailsAsync(() => Invitee.AcceptAsync(TokenTo(first, bob)));
        // Resend: cy gets a second message with a new link; the first link is dead.
        await _server.Invitations.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = invitations[cy] }, cancellationToken: TestContext.Current.CancellationToken);
        var resent = (await WaitForMessagesAsync(4)).Where(m => m.To == cy).Select(m => InvitationCalls.AcceptLink(m.Text).Token).ToList();
        var replaced = await Calls.FailsAsync(() => Invitee.AcceptAsync(TokenTo(first, cy)));
        // Expiry: eight days later the new link has expired too.
        _server.Clock.Advance(TimeSpan.FromDays(8));
        var expired = await Calls.FailsAsync(() => Invitee.AcceptAsync(resent.Single(t => t != TokenTo(first, cy))));
        // A second import: ann is a member and skipped, dan is invited and mailed.
        var second = await _server.InviteAsync(ann, dan);
        var all = await WaitForMessagesAsync(5);

        Assert.Equal(ann, member.Email);
        Assert.Equal(["images.annotate", "projects.view"], member.Permissions);
        Assert.Equal("INVITATION_REVOKED", ViolationType(revoked));
        Assert.Equal(2, resent.Count);
        Assert.Equal("INVITATION_TOKEN_REPLACED", ViolationType(replaced));
        Assert.Equal("INVITATION_EXPIRED", ViolationType(expired));
        Assert.Equal((1, 1), (second.InvitedCount, second.SkippedCount));
        Assert.Equal([ann, bob, cy, cy, dan], all.Select(m => m.To).Order());
        Assert.Equal([ann], (await _server.Invitations.ListMembersAsync()).Select(m => m.Email));
    }

    [Fact]
    public async Task AMessageNamesTheInviterAndOrganizationAndQuotesTheNoteEncodedInItsHtml()
    {
        var ann = $"ann@{_domain}";
        var named = _server.ClientWith(Tokens.For(Calls.Organization, ["organization.admin"], subject: "ines", name: "Inès Moreau", organizationName: "ACME Corp"));
        var importId = await named.CheckedImportAsync(ann);

        await named.ApplyAsync(new ApplyPermissionsRequest
        {
            ImportId = importId,
            Permissions = { "projects.view" },
            PersonalMessage = "Hello \"Ann\", welcome!\nSee <script>alert(1)</script> you soon",
        });
        var message = (await WaitForMessagesAsync(1)).Single();
        var html = await Smtp.HtmlAsync(message.Id);

        Assert.Equal("Inès Moreau invited you to join ACME Corp", message.Subject);
        Assert.Contains("  > Hello \"Ann\", welcome!\n  > See <script>alert(1)</script> you soon\n", message.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  - See the organization's projects and their data. (projects.view)", message.Text, StringComparison.Ordinal);
        Assert.Contains("Hello &quot;Ann&quot;, welcome!<br>", html, StringComparison.Ordinal);
        Assert.Contains("See &lt;script&gt;alert(1)&lt;/script&gt; you soon</blockquote>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    /// <summary>Waits until smtp4dev holds exactly this many messages to the test's domain.</summary>
    private async Task<List<ReceivedMessage>> WaitForMessagesAsync(int count)
    {
        List<ReceivedMessage> messages = [];
        await InvitationCalls.WaitUntilAsync(async () => (messages = await Smtp.MessagesToAsync(_domain)).Count >= count, $"{count} messages reach smtp4dev");
        Assert.Equal(count, messages.Count);
        return messages;
    }

    private static string TokenTo(List<ReceivedMessage> messages, string address) =>
        InvitationCalls.AcceptLink(messages.Single(m => m.To == address).Text).Token;

    private static string ViolationType(RpcException error)
    {
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        return Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Type;
    }
}

public sealed class SqliteSmtpDeliveryTests(Smtp4devFixture fixture) : SmtpDeliveryTests(TestStore.Sqlite, fixture);

public sealed class PostgresSmtpDeliveryTests(PostgresCluster cluster, Smtp4devFixture fixture) : SmtpDeliveryTests(TestStore.Postgres(cluster), fixture);
