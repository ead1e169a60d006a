using System.Text;
using System.Text.RegularExpressions;
using BulkInvite.V1;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>The invitation calls the tests make, and the files and links they need.</summary>
public static partial class InvitationCalls
{
    /// <summary>A CSV of the given addresses, each with a first and a last name.</summary>
    public static byte[] Csv(params string[] emails)
    {
        var text = new StringBuilder("Email,First name,Last name\n");
        foreach (var email in emails)
        {
            text.Append(email).Append(",Ann,Lee\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Uploads, checks and applies a file of the given addresses, as an admin of the organization.</summary>
    public static async Task<ApplyPermissionsResponse> InviteAsync(this BulkInviteServer server, params string[] emails) =>
        await server.InviteAsync(["projects.view", "images.annotate"], emails);

    public static async Task<ApplyPermissionsResponse> InviteAsync(this BulkInviteServer server, string[] permissions, params string[] emails)
    {
        var import = await server.Client.UploadAsync(Csv(emails));
        await server.Client.CheckAsync(import.ImportId);
        return await server.Client.ApplyAsync(import.ImportId, "", permissions);
    }

    /// <summary>Uploads and checks a file of the given addresses; returns the import id, ready to apply.</summary>
    public static async Task<string> CheckedImportAsync(this UserImportService.UserImportServiceClient client, params string[] emails)
    {
        var import = await client.UploadAsync(Csv(emails));
        await client.CheckAsync(import.ImportId);
        return import.ImportId;
    }

    /// <summary>ApplyPermissions with every field the request sets.</summary>
    public static async Task<ApplyPermissionsResponse> ApplyAsync(this UserImportService.UserImportServiceClient client, ApplyPermissionsRequest request) =>
        await client.ApplyPermissionsAsync(request, cancellationToken: TestContext.Current.CancellationToken);

    public static async Task<InvitationPreview> LookupAsync(this InvitationService.InvitationServiceClient client, string token) =>
        (await client.LookupInvitationAsync(new LookupInvitationRequest { Token = token }, cancellationToken: TestContext.Current.CancellationToken)).Invitation;

    public static async Task<Invitation> ResendAsync(this InvitationService.InvitationServiceClient client, string invitationId, string requestId = "") =>
        (await client.ResendInvitationAsync(new ResendInvitationRequest { InvitationId = invitationId, RequestId = requestId }, cancellationToken: TestContext.Current.CancellationToken)).Invitation;

    public static async Task<List<Invitation>> ListInvitationsAsync(
        this InvitationService.InvitationServiceClient client, InvitationStatus status = InvitationStatus.Unspecified, string importId = "", string organizationId = Calls.Organization) =>
        [.. (await client.ListInvitationsAsync(
            new ListInvitationsRequest { OrganizationId = organizationId, Status = status, ImportId = importId, PageSize = 1000 },
            cancellationToken: TestContext.Current.CancellationToken)).Invitations];

    public static async Task<Invitation> GetAsync(this InvitationService.InvitationServiceClient client, string invitationId) =>
        (await client.GetInvitationAsync(new GetInvitationRequest { InvitationId = invitationId }, cancellationToken: TestContext.Current.CancellationToken)).Invitation;

    public static async Task<AcceptInvitationResponse> AcceptAsync(this InvitationService.InvitationServiceClient client, string token) =>
        await client.AcceptInvitationAsync(new AcceptInvitationRequest { Token = token }, cancellationToken: TestContext.Current.CancellationToken);

    public static async Task<List<Member>> ListMembersAsync(this InvitationService.InvitationServiceClient client, string organizationId = Calls.Organization) =>
        [.. (await client.ListMembersAsync(new ListMembersRequest { OrganizationId = organizationId }, cancellationToken: TestContext.Current.CancellationToken)).Members];

    /// <summary>The accept link in an email's text, and the token it carries.</summary>
    public static (string Link, string Token) AcceptLink(string text)
    {
        var match = AcceptLinkPattern().Match(text);
        Assert.True(match.Success, "The email has no accept link:\n" + text);
        return (match.Value, Uri.UnescapeDataString(match.Groups["token"].Value));
    }

    /// <summary>Polls until the condition holds (at most 60 s: a shared machine under load), so background delivery has time to happen.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + what);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"http://localhost:8080/invitations/accept\?token=(?<token>[A-Za-z0-9_%-]+)")]
    private static partial Regex AcceptLinkPattern();
}
