using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>
/// Granting a privileged permission (members.invite, organization.admin) to a whole batch needs
/// confirm_privileged_permissions, through a real gRPC channel; a retry of an applied import still
/// gets its stored result first.
/// </summary>
public abstract class PrivilegedPermissionTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task GrantingPrivilegedPermissionsWithoutConfirmationIsAFailedPreconditionNamingThemAndInvitesNobody()
    {
        var importId = await Client.CheckedImportAsync("ann@example.com", "bob@example.com");

        var error = await Calls.FailsAsync(() => Client.ApplyAsync(Request(importId, confirm: false, ["projects.view", "organization.admin", "members.invite"])));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("PRIVILEGED_PERMISSIONS_NOT_CONFIRMED", status.GetDetail<ErrorInfo>().Reason);
        var violations = status.GetDetail<PreconditionFailure>().Violations;
        Assert.Equal(["members.invite", "organization.admin"], violations.Select(v => v.Subject));
        Assert.All(violations, v => Assert.Equal("PRIVILEGED_PERMISSIONS_NOT_CONFIRMED", v.Type));
        Assert.Equal("Invite users to the organization.", violations[0].Description);
        Assert.Contains("members.invite and organization.admin to every person the import invites to acme (up to 2)", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("confirm_privileged_permissions", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ImportState.Checked, (await Client.GetImportAsync(new GetImportRequest { ImportId = importId }, cancellationToken: TestContext.Current.CancellationToken)).Import.State);
        Assert.Empty(await _server.Invitations.ListInvitationsAsync());
    }

    [Fact]
    public async Task GrantingPrivilegedPermissionsWithConfirmationInvites()
    {
        var importId = await Client.CheckedImportAsync("ann@example.com", "bob@example.com");

        var applied = await Client.ApplyAsync(Request(importId, confirm: true, ["members.invite", "projects.view"]));

        Assert.Equal(2, applied.InvitedCount);
        Assert.All(await _server.Invitations.ListInvitationsAsync(), i => Assert.Equal(["members.invite", "projects.view"], i.Permissions));
    }

    [Fact]
    public async Task OtherPermissionsNeedNoConfirmation()
    {
        var importId = await Client.CheckedImportAsync("ann@example.com");

        var applied = await Client.ApplyAsync(Request(importId, confirm: false, ["projects.view", "models.deploy"]));

        Assert.Equal(1, applied.InvitedCount);
    }

    [Fact]
    public async Task ARetryOfAnAppliedImportGetsItsStoredResultWithoutConfirmingAgain()
    {
        var importId = await Client.CheckedImportAsync("ann@example.com", "bob@example.com");
        var applied = await Client.ApplyAsync(Request(importId, confirm: true, ["organization.admin"], "req-1"));

        var sameRequestId = await Client.ApplyAsync(Request(importId, confirm: false, ["organization.admin"], "req-1"));
        var samePermissions = await Client.ApplyAsync(Request(importId, confirm: false, ["organization.admin"]));

        Assert.Equal(applied, sameRequestId);
        Assert.Equal(applied, samePermissions);
        Assert.Equal(2, (await _server.Invitations.ListInvitationsAsync()).Count);
    }

    [Fact]
    public async Task ListPermissionsMarksThePrivilegedOnes()
    {
        var catalog = await Client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["members.invite", "organization.admin"], catalog.Permissions.Where(p => p.Privileged).Select(p => p.Id));
    }

    private static ApplyPermissionsRequest Request(string importId, bool confirm, string[] permissions, string requestId = "") => new()
    {
        ImportId = importId,
        Permissions = { permissions },
        ConfirmPrivilegedPermissions = confirm,
        RequestId = requestId,
    };
}

public sealed class SqlitePrivilegedPermissionTests() : PrivilegedPermissionTests(TestStore.Sqlite);

public sealed class PostgresPrivilegedPermissionTests(PostgresCluster cluster) : PrivilegedPermissionTests(TestStore.Postgres(cluster));
