using BulkInvite.Server.Security;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using Grpc.Health.V1;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>Every RPC but health needs a valid token: missing, expired, wrongly signed or wrongly addressed tokens are UNAUTHENTICATED.</summary>
public abstract class AuthenticationTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    public static TheoryData<string> Rpcs => new()
    {
        "UploadImportFile", "CheckImport", "ApplyPermissions", "GetImport", "ListImports", "DeleteImport", "GetSampleFile", "ListPermissions", "ListAuditEvents",
    };

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", Tokens.For("acme", ["organization.admin"], validFor: TimeSpan.FromMinutes(-5)) },
        { "signed with another key", Tokens.For("acme", ["organization.admin"], settings: new TokenSettings { SigningKey = Convert.ToBase64String(new byte[32]) }) },
        { "for another audience", Tokens.For("acme", ["organization.admin"], settings: new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey, Audience = "billing" }) },
        { "from another issuer", Tokens.For("acme", ["organization.admin"], settings: new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey, Issuer = "someone-else" }) },
        { "not a token", "not.a.token" },
        { "without an organization", Tokens.For("", ["organization.admin"]) },
    };

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task EveryRpcWithoutATokenIsUnauthenticated(string rpc)
    {
        var error = await Calls.FailsAsync(() => CallAsync(_server.ClientWith(null), rpc));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ATokenThatIsNotValidIsUnauthenticated(string problem, string token)
    {
        var error = await Calls.FailsAsync(() => CallAsync(_server.ClientWith(token), "ListPermissions"));

        Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{problem}: {error.StatusCode}");
    }

    [Fact]
    public async Task AValidTokenIsAccepted()
    {
        var response = await _server.ClientWith(Tokens.For("acme", ["projects.view"])).ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(response.Permissions);
    }

    [Fact]
    public async Task HealthNeedsNoToken()
    {
        var health = new Health.HealthClient(_server.ChannelWith(null));

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ImportIdsAreRandom128BitHex()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"))).ImportId);
        }

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static async Task CallAsync(UserImportService.UserImportServiceClient client, string rpc)
    {
        var ct = TestContext.Current.CancellationToken;
        const string id = "0123456789abcdef0123456789abcdef";
        switch (rpc)
        {
            case "UploadImportFile":
                await client.UploadAsync(Files.Fixture("team_utf8.csv"));
                break;
            case "CheckImport":
                await client.CheckAsync(id);
                break;
            case "ApplyPermissions":
                await client.ApplyAsync(id, "", "projects.view");
                break;
            case "GetImport":
                await client.GetImportAsync(new GetImportRequest { ImportId = id }, cancellationToken: ct);
                break;
            case "ListImports":
                await client.ListImportsAsync(new ListImportsRequest { OrganizationId = "acme" }, cancellationToken: ct);
                break;
            case "DeleteImport":
                await client.DeleteImportAsync(new DeleteImportRequest { ImportId = id }, cancellationToken: ct);
                break;
            case "GetSampleFile":
                using (var call = client.GetSampleFile(new GetSampleFileRequest { Format = FileFormat.Csv }, cancellationToken: ct))
                {
                    await call.ResponseStream.MoveNext(ct);
                }

                break;
            case "ListPermissions":
                await client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: ct);
                break;
            case "ListAuditEvents":
                await client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = "acme" }, cancellationToken: ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null);
        }
    }
}

public sealed class SqliteAuthenticationTests() : AuthenticationTests(TestStore.Sqlite);

public sealed class PostgresAuthenticationTests(PostgresCluster cluster) : AuthenticationTests(TestStore.Postgres(cluster));
