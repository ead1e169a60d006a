using BulkInvite.Server.Security;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>The server as users start it: its own process, listening on a socket, configured from its environment.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string _folder = BulkInviteServer.NewFolder();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => BulkInviteServer.DeleteFolder(_folder);

    [Fact]
    public async Task ServesTheWholeFlowOverASocketWithTheDatabaseUnderTheWorkingDirectory()
    {
        await using var server = await ServerProcess.StartAsync(_folder);
        var client = new UserImportService.UserImportServiceClient(server.Channel);

        var import = await client.UploadAsync(Files.Fixture("team_excel_fr_semicolon.csv"));
        var check = await client.CheckAsync(import.ImportId);
        var applied = await client.ApplyAsync(import.ImportId, "", "projects.view");

        Assert.Equal((4, 1), (check.Import.ValidRows, check.Import.InvalidRows));
        Assert.Equal(4, applied.InvitedCount);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "bulkinvite.db")));
    }

    [Fact]
    public async Task OutsideDevelopmentReflectionIsOffAndCallsNeedAToken()
    {
        await using var server = await ServerProcess.StartAsync(_folder);

        var reflection = await Calls.FailsAsync(() => ListServicesAsync(server));
        var anonymous = await Calls.FailsAsync(async () =>
            await new UserImportService.UserImportServiceClient(server.ChannelWith(null)).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct));

        Assert.Equal(StatusCode.Unimplemented, reflection.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task ReflectionCanBeTurnedOnForGrpcurl()
    {
        await using var server = await ServerProcess.StartAsync(_folder, new Dictionary<string, string> { ["Grpc__EnableReflection"] = "true" });

        var services = await ListServicesAsync(server);

        Assert.Contains("bulkinvite.v1.UserImportService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task RefusesToStartOutsideDevelopmentWithTheDevelopmentKey()
    {
        var (exitCode, _, error) = await ServerProcess.RunAsync(_folder, new Dictionary<string, string> { ["Authentication__SigningKey"] = TokenSettings.DevelopmentSigningKey });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("development key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesToStartWithoutAKey()
    {
        var (exitCode, _, error) = await ServerProcess.RunAsync(_folder, new Dictionary<string, string> { ["Authentication__SigningKey"] = "" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("No token signing key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTokenCommandMintsATokenTheServerAccepts()
    {
        var (exitCode, output, _) = await ServerProcess.RunAsync(_folder, new Dictionary<string, string>(), "token", "--org", "acme", "--permission", "members.invite", "--permission", "projects.view");
        await using var server = await ServerProcess.StartAsync(_folder);
        var client = new UserImportService.UserImportServiceClient(server.ChannelWith(output.Trim()));

        var import = await client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await client.CheckAsync(import.ImportId);
        var denied = await Calls.FailsAsync(() => client.ApplyAsync(import.ImportId, "", "models.deploy"));

        Assert.Equal(0, exitCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(4, (await client.ApplyAsync(import.ImportId, "", "projects.view")).InvitedCount);
    }

    [Fact]
    public async Task HelpPrintsTheCommandsTheMainSettingsAndWhereTheDocsAreWithoutStarting()
    {
        var (exitCode, output, error) = await ServerProcess.RunAsync(_folder, new Dictionary<string, string>(), "--help");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("run ", output, StringComparison.Ordinal);
        Assert.Contains("token ", output, StringComparison.Ordinal);
        foreach (var setting in new[] { "--urls", "Storage:Provider", "ConnectionStrings:BulkInvite", "Email:Mode", "Email:AcceptBaseUrl", "Authentication:SigningKey", "Authentication:ClockSkew", "Logging:Console:FormatterName", "docs/operations.md" })
        {
            Assert.Contains(setting, output, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(_folder, "data")), "--help created the database: the server started");
    }

    [Fact]
    public async Task RunStartsTheServerAsNoCommandDoes()
    {
        await using var server = await ServerProcess.StartAsync(_folder, arguments: ["run"]);

        var permissions = await new UserImportService.UserImportServiceClient(server.Channel).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: _ct);

        Assert.NotEmpty(permissions.Permissions);
    }

    [Fact]
    public async Task ABusyPortIsOneClearLineAndANonZeroExit()
    {
        await using var running = await ServerProcess.StartAsync(_folder);

        var (exitCode, output, error) = await ServerProcess.RunAsync(Path.Combine(_folder, "second"), new Dictionary<string, string>(), "--urls", running.Address);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal(
            $"Port {running.Port} is already in use: another BulkInvite is probably running; stop it or start with --urls http://localhost:PORT on another port.",
            error.TrimEnd());
    }

    [Fact]
    public async Task SettingsThatAreNotValidAreListedInOneLineBeforeAnythingStarts()
    {
        var (exitCode, output, error) = await ServerProcess.RunAsync(_folder, new Dictionary<string, string>
        {
            ["BulkInvite__MaxRows"] = "0",
            ["Email__Mode"] = "Smtp",
            ["Authentication__ClockSkew"] = "-00:00:05",
            ["RateLimiting__Burst"] = "0",
            ["Storage__BusyTimeout"] = "00:00:00",
            ["Telemetry__Otlp__Endpoint"] = "collector",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("BulkInvite cannot start: ", error, StringComparison.Ordinal);
        Assert.Contains("BulkInvite:MaxRows must be positive.", error, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Host is not set", error, StringComparison.Ordinal);
        Assert.Contains("Authentication:ClockSkew cannot be negative.", error, StringComparison.Ordinal);
        Assert.Contains("RateLimiting:Burst must be positive.", error, StringComparison.Ordinal);
        Assert.Contains("Storage:BusyTimeout, CheckpointInterval and WalCheckpointBytes must be positive.", error, StringComparison.Ordinal);
        Assert.Contains("Telemetry:Otlp:Endpoint must be an absolute URL", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "data", "bulkinvite.db")), "the database was created before the settings were checked");
    }

    private async Task<List<string>> ListServicesAsync(ServerProcess server)
    {
        var reflection = new ServerReflection.ServerReflectionClient(server.Channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: _ct);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, _ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(_ct));
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
    }
}
