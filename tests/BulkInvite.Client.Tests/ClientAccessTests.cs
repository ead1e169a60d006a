using BulkInvite.Client.Tests.Infrastructure;
using Grpc.Core;

namespace BulkInvite.Client.Tests;

/// <summary>The token in use: without one, or with one the server refuses or that lacks a permission, calls fail with typed exceptions.</summary>
public sealed class ClientAccessTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThrowsAuthenticationRequiredForAnUploadWithoutAToken()
    {
        using var client = server.ClientWith(null);

        var error = await Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("bearer token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrowsAuthenticationRequiredForATokenTheServerDoesNotTrust()
    {
        using var client = server.ClientWith(ServerFixture.UntrustedToken(_organization));

        var error = await Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task ThrowsAccessDeniedNamingThePermissionAnInviterGrantsWithoutHoldingIt()
    {
        using var client = server.ClientFor(_organization, "members.invite", "projects.view");
        var import = await client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await client.CheckAsync(import.ImportId, _cancellationToken);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => client.ApplyAsync(import.ImportId, ["projects.view", "models.train"], _cancellationToken));

        Assert.Equal((StatusCode.PermissionDenied, "PERMISSION_DENIED"), (error.StatusCode, error.Reason));
        Assert.Equal(["models.train"], error.MissingPermissions);
        Assert.Contains("models.train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrowsAccessDeniedNamingMembersInviteForAnUploadByATokenThatCannotInvite()
    {
        using var client = server.ClientFor(_organization, "projects.view");

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken));

        Assert.Equal(["members.invite"], error.MissingPermissions);
    }

    [Fact]
    public async Task ThrowsAccessDeniedWithNoMissingPermissionForAnotherOrganization()
    {
        using var client = server.ClientFor(_organization);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(async () => await client.ListImportsAsync(ServerFixture.NewOrganization(), _cancellationToken).ToListAsync(_cancellationToken));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Empty(error.MissingPermissions);
    }

    [Fact]
    public async Task FindsNoImportOfAnotherOrganization()
    {
        using var owner = server.ClientFor(_organization);
        var import = await owner.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        using var stranger = server.ClientFor(ServerFixture.NewOrganization());

        var error = await Assert.ThrowsAsync<ImportNotFoundException>(() => stranger.GetImportAsync(import.ImportId, _cancellationToken));

        Assert.Equal(import.ImportId, error.ImportId);
    }
}
