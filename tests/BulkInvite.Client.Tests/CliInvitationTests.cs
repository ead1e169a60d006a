using System.Text.Json;
using System.Text.RegularExpressions;
using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;
using Spectre.Console.Testing;

namespace BulkInvite.Client.Tests;

/// <summary>bulkinvite invitations list|resend|revoke and members list, against the invitations a real import created.</summary>
public sealed partial class CliInvitationTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task ListsTheInvitationsOfAnImportWithTheDeliveryOfEachEmail()
    {
        var importId = await ImportTeamAsync();

        var text = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "invitations", "list", "--import", importId);
        var json = await Cli.RunAsync("invitations", "list", "--json");

        Assert.Equal((0, 0), (text.ExitCode, json.ExitCode));
        var ines = TextTable.RowWith(text.Out, "ines.garcia@example.es");
        Assert.Equal(("Inès García", "PENDING", importId, "projects.view"), (ines[2], ines[3], ines[6], ines[7]));
        Assert.Contains(ines[4], new[] { "QUEUED", "SENT" });
        Assert.StartsWith("Invitation\tEmail\tName\tStatus\tDelivery", text.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var invitations = document.RootElement.GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(4, invitations.Count);
        Assert.All(invitations, i => Assert.StartsWith("DELIVERY_STATE_", i.GetProperty("delivery").GetProperty("state").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiltersByStatus()
    {
        await ImportTeamAsync();
        var id = await InvitationIdAsync("bjorn.olsen@example.no");
        await Cli.RunAsync("invitations", "revoke", id, "--yes");

        var revoked = await Cli.RunAsync("invitations", "list", "--status", "revoked");
        var pending = await Cli.RunAsync("invitations", "list", "--status", "pending");

        Assert.Equal(2, revoked.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("REVOKED", TextTable.RowWith(revoked.Out, "bjorn.olsen@example.no")[3]);
        Assert.DoesNotContain("bjorn.olsen", pending.Out, StringComparison.Ordinal);
        Assert.Equal(4, pending.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ResendsAnInvitationWithANewExpiryAfterConfirmingOnATerminal()
    {
        await ImportTeamAsync();
        var id = await InvitationIdAsync("akira.tanaka@example.jp");
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        terminal.Input.PushTextWithEnter("y");

        var (result, _) = await Cli.RunOnTerminalAsync(terminal, "invitations", "resend", id);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Resend the invitation of akira.tanaka@example.jp (PENDING)?", result.Error, StringComparison.Ordinal);
        Assert.Contains($"Invitation {id} of akira.tanaka@example.jp resent: now PENDING", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokesNothingWithoutYesWhenNoTerminalCanConfirm()
    {
        await ImportTeamAsync();
        var id = await InvitationIdAsync("marie.curie@example.fr");

        var declined = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "invitations", "revoke", id);
        var revoked = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "invitations", "revoke", id, "--yes", "--output", "json");

        Assert.Equal(1, declined.ExitCode);
        Assert.Contains("pass --yes", declined.Error, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        using var json = JsonDocument.Parse(revoked.Out);
        Assert.Equal("INVITATION_STATUS_REVOKED", json.RootElement.GetProperty("invitation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExitsWith2ForAnUnknownInvitation()
    {
        var result = await Cli.RunAsync("invitations", "resend", "999999999", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bulkinvite invitations list", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheMembersWhoAcceptedTheirInvitation()
    {
        await ImportTeamAsync();
        using var client = server.ClientFor(_organization);
        await client.GeneratedInvitations.AcceptInvitationAsync(new AcceptInvitationRequest { Token = await AcceptTokenAsync("ines.garcia@example.es") }, cancellationToken: _cancellationToken);

        var text = await CliProcess.RunAsync(server.Url, ServerFixture.Token(_organization), "members", "list");
        var json = await Cli.RunAsync("members", "list", "--json");

        Assert.Equal((0, 0), (text.ExitCode, json.ExitCode));
        Assert.Equal(["ines.garcia@example.es", "Inès García", "projects.view"], TextTable.RowWith(text.Out, "ines.garcia@example.es")[..3]);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("ines.garcia@example.es", Assert.Single(document.RootElement.GetProperty("members").EnumerateArray()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task SaysThereAreNoMembersYet()
    {
        var result = await Cli.RunAsync("members", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"No members in {_organization} yet.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    private async Task<string> ImportTeamAsync()
    {
        var result = await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "-p", "projects.view", "--yes", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("import").GetProperty("importId").GetString()!;
    }

    private async Task<string> InvitationIdAsync(string email)
    {
        using var client = server.ClientFor(_organization);
        return (await client.ListInvitationsAsync(_organization, cancellationToken: _cancellationToken).SingleAsync(i => i.Email == email, _cancellationToken)).InvitationId;
    }

    /// <summary>The token of the accept link in the email the server wrote to its pickup folder for <paramref name="email"/> in this test's organization.</summary>
    private async Task<string> AcceptTokenAsync(string email)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            foreach (var file in Directory.Exists(server.MailFolder) ? Directory.EnumerateFiles(server.MailFolder, "*.eml") : [])
            {
                // Every test's organization invites the same team: the email must be this organization's.
                var text = (await File.ReadAllTextAsync(file, _cancellationToken)).Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
                if (text.Contains(email, StringComparison.OrdinalIgnoreCase) && text.Contains(_organization, StringComparison.Ordinal))
                {
                    return AcceptLink().Match(text).Groups["token"].Value;
                }
            }

            await Task.Delay(100, _cancellationToken);
        }

        throw new Xunit.Sdk.XunitException($"No email to {email} in {server.MailFolder}.");
    }

    [GeneratedRegex(@"accept\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex AcceptLink();
}
