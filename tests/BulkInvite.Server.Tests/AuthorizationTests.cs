using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Google.Rpc;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>The organization comes from the token; inviters grant only what they hold; other organizations' imports do not exist.</summary>
public abstract class AuthorizationTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task UploadingForAnotherOrganizationIsDenied()
    {
        var globexAdmin = _server.ClientFor("globex");

        var error = await Calls.FailsAsync(() => globexAdmin.UploadAsync(Files.Fixture("team_utf8.csv"), organizationId: "acme"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Empty(await ListAsync(_server.Client));
    }

    [Fact]
    public async Task AnotherOrganizationsImportIsNotFoundForEveryRpc()
    {
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.Client.CheckAsync(import.ImportId);
        var globex = _server.ClientFor("globex");

        var errors = new[]
        {
            await Calls.FailsAsync(() => globex.CheckAsync(import.ImportId)),
            await Calls.FailsAsync(() => globex.ApplyAsync(import.ImportId, "", "projects.view")),
            await Calls.FailsAsync(async () => await globex.GetImportAsync(new GetImportRequest { ImportId = import.ImportId }, cancellationToken: _ct)),
            await Calls.FailsAsync(async () => await globex.DeleteImportAsync(new DeleteImportRequest { ImportId = import.ImportId }, cancellationToken: _ct)),
        };

        Assert.All(errors, e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
        Assert.Equal(ImportState.Checked, (await _server.Client.GetImportAsync(new GetImportRequest { ImportId = import.ImportId }, cancellationToken: _ct)).Import.State);
    }

    [Fact]
    public async Task ListingAnotherOrganizationsImportsIsDenied()
    {
        var error = await Calls.FailsAsync(() => ListAsync(_server.ClientFor("globex"), "acme"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Theory]
    [InlineData("projects.view")]
    [InlineData("models.train", "annotations.review")]
    public async Task ACallerWhoIsNotAnInviterCannotUploadCheckOrApply(params string[] permissions)
    {
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        var member = _server.ClientWith(Tokens.For("acme", permissions));

        var errors = new[]
        {
            await Calls.FailsAsync(() => member.UploadAsync(Files.Fixture("team_utf8.csv"))),
            await Calls.FailsAsync(() => member.CheckAsync(import.ImportId)),
            await Calls.FailsAsync(() => member.ApplyAsync(import.ImportId, "", "projects.view")),
        };

        Assert.All(errors, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.All(errors, e => Assert.Equal("members.invite", MissingPermissions(e)));
    }

    [Fact]
    public async Task AnInviterCanImportAndGrantWhatTheyHold()
    {
        var inviter = _server.ClientWith(Tokens.For("acme", ["members.invite", "projects.view"]));
        var import = await inviter.UploadAsync(Files.Fixture("team_utf8.csv"));
        await inviter.CheckAsync(import.ImportId);

        var applied = await inviter.ApplyAsync(import.ImportId, "", "projects.view");

        Assert.Equal(4, applied.InvitedCount);
    }

    [Fact]
    public async Task AnInviterCannotGrantPermissionsTheyDoNotHold()
    {
        var inviter = _server.ClientWith(Tokens.For("acme", ["members.invite", "projects.view"]));
        var import = await inviter.UploadAsync(Files.Fixture("team_utf8.csv"));
        await inviter.CheckAsync(import.ImportId);

        var error = await Calls.FailsAsync(() => inviter.ApplyAsync(import.ImportId, "", "projects.view", "models.deploy", "organization.admin"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("models.deploy,organization.admin", MissingPermissions(error));
        Assert.Contains("models.deploy", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ImportState.Checked, (await inviter.GetImportAsync(new GetImportRequest { ImportId = import.ImportId }, cancellationToken: _ct)).Import.State);
    }

    [Fact]
    public async Task ThePermissionsAreCheckedAgainAtApplyTimeWhoeverUploaded()
    {
        // An admin uploads and checks; an inviter holding less applies: what counts is the applier's token.
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.Client.CheckAsync(import.ImportId);
        var inviter = _server.ClientWith(Tokens.For("acme", ["members.invite"]));

        var error = await Calls.FailsAsync(() => inviter.ApplyAsync(import.ImportId, "", "models.train"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("models.train", MissingPermissions(error));
    }

    [Fact]
    public async Task AnAdminHoldsEveryPermission()
    {
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.Client.CheckAsync(import.ImportId);

        var applied = await _server.Client.ApplyAsync(new ApplyPermissionsRequest
        {
            ImportId = import.ImportId,
            Permissions = { "models.deploy", "organization.admin" },
            ConfirmPrivilegedPermissions = true,
        });

        Assert.Equal(["models.deploy", "organization.admin"], applied.Import.Permissions);
    }

    private static string? MissingPermissions(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata.GetValueOrDefault("missing_permissions");

    private async Task<IReadOnlyList<Import>> ListAsync(UserImportService.UserImportServiceClient client, string organizationId = "acme") =>
        (await client.ListImportsAsync(new ListImportsRequest { OrganizationId = organizationId }, cancellationToken: _ct)).Imports;
}

public sealed class SqliteAuthorizationTests() : AuthorizationTests(TestStore.Sqlite);

public sealed class PostgresAuthorizationTests(PostgresCluster cluster) : AuthorizationTests(TestStore.Postgres(cluster));
