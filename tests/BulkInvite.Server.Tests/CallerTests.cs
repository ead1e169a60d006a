using BulkInvite.Server.Security;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>GetCaller and ListPermissions tell a client who it is and what it may grant, as the server reads the token.</summary>
public sealed class CallerTests : IDisposable
{
    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?> { ["BulkInvite:OrganizationNames:globex"] = "Globex Corporation" });
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    private static string Token(string organizationId, string[] permissions, string? name = null, string? organizationName = null)
    {
        var now = DateTimeOffset.UtcNow;
        return TokenIssuer.Mint(Tokens.Development, "u-42", organizationId, permissions, now, now.AddHours(1), name, organizationName);
    }

    [Fact]
    public async Task GetCallerNamesTheCallerAndTheOrganizationFromTheTokensNameClaims()
    {
        var client = _server.ClientWith(Token("acme", ["members.invite", "projects.view"], name: "Ann Lee", organizationName: "ACME"));

        var caller = await client.GetCallerAsync(new GetCallerRequest(), cancellationToken: _ct);

        Assert.Equal(("u-42", "Ann Lee", "acme", "ACME", true), (caller.Subject, caller.DisplayName, caller.OrganizationId, caller.OrganizationDisplayName, caller.CanInvite));
        Assert.Equal(["members.invite", "projects.view"], caller.Permissions);
        Assert.Equal(["projects.view", "members.invite"], caller.GrantablePermissions);
    }

    [Fact]
    public async Task WithoutNameClaimsGetCallerFallsBackToTheConfiguredOrganizationNameAndTheIds()
    {
        var configured = await _server.ClientWith(Token("globex", ["organization.admin"])).GetCallerAsync(new GetCallerRequest(), cancellationToken: _ct);
        var unnamed = await _server.ClientWith(Token("initech", ["projects.view"])).GetCallerAsync(new GetCallerRequest(), cancellationToken: _ct);

        Assert.Equal(("u-42", "Globex Corporation"), (configured.DisplayName, configured.OrganizationDisplayName));
        Assert.Equal(("u-42", "initech", false), (unnamed.DisplayName, unnamed.OrganizationDisplayName, unnamed.CanInvite));
        Assert.Empty(unnamed.GrantablePermissions);
    }

    [Fact]
    public async Task ListPermissionsMarksWhatTheCallerMayGrantAndWhyNotAndWhichArePrivileged()
    {
        var client = _server.ClientWith(Token("acme", ["members.invite", "projects.view"]));

        var permissions = (await client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct)).Permissions.ToDictionary(p => p.Id);

        Assert.True(permissions["projects.view"].Grantable);
        Assert.Equal("", permissions["projects.view"].NotGrantableReason);
        Assert.False(permissions["models.deploy"].Grantable);
        Assert.Contains("You do not hold models.deploy", permissions["models.deploy"].NotGrantableReason, StringComparison.Ordinal);
        Assert.Equal(["members.invite", "organization.admin"], permissions.Values.Where(p => p.Privileged).Select(p => p.Id).Order());
    }

    [Fact]
    public async Task ACallerWhoCannotInviteMayGrantNothingAndIsToldWhy()
    {
        var client = _server.ClientWith(Token("acme", ["projects.view"]));

        var permissions = (await client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct)).Permissions;

        Assert.All(permissions, p => Assert.False(p.Grantable));
        Assert.All(permissions, p => Assert.Contains("that needs members.invite or organization.admin", p.NotGrantableReason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdminMayGrantEveryPermission()
    {
        var permissions = (await _server.Client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct)).Permissions;

        Assert.All(permissions, p => Assert.True(p.Grantable, p.Id));
    }
}
