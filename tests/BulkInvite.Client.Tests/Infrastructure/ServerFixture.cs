using System.Net;
using System.Net.Sockets;
using BulkInvite.Testing;

[assembly: AssemblyFixture(typeof(BulkInvite.Client.Tests.Infrastructure.ServerFixture))]

namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>
/// One real BulkInvite server process for every test of the assembly (<see cref="ServerProcess"/>:
/// Production, a signing key of the run's own), in a fresh folder deleted at the end. Each test acts
/// for an organization of its own, with a client or a bulkinvite run whose token is for it.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Admin = "organization.admin";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bulkinvite-client-tests-");
    private ServerProcess? _server;

    public string Url => Server.Address;

    /// <summary>A folder for files a test writes; deleted with the fixture.</summary>
    public string FilesFolder => Directory.CreateDirectory(Path.Combine(_folder.FullName, "files")).FullName;

    /// <summary>The server's pickup folder: each invitation email as a .eml file (Email:Mode Pickup).</summary>
    public string MailFolder => Path.Combine(_folder.FullName, "server", "data", "mail");

    private ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() =>
        _server = await ServerProcess.StartAsync(
            Path.Combine(_folder.FullName, "server"),
            new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    /// <summary>An organization no other test uses.</summary>
    public static string NewOrganization() => $"org-{Guid.NewGuid():N}";

    /// <summary>A token the server accepts, for <paramref name="organization"/>, holding <paramref name="permissions"/> (organization.admin when none are given).</summary>
    public static string Token(string organization, params string[] permissions) =>
        ServerProcess.Token(organization, permissions.Length == 0 ? [Admin] : permissions);

    /// <summary>A well-formed admin token for <paramref name="organization"/> that the server refuses: signed with the public development key, which Production does not trust.</summary>
    public static string UntrustedToken(string organization) => Tokens.For(organization, [Admin]);

    /// <summary>A client of the server acting for <paramref name="organization"/> (as organization.admin when no permissions are given).</summary>
    public BulkInviteClient ClientFor(string organization, params string[] permissions) => ClientWith(Token(organization, permissions));

    /// <summary>A client of the server sending <paramref name="token"/> (none with null).</summary>
    public BulkInviteClient ClientWith(string? token) => new(Url, token);

    /// <summary>bulkinvite with BULKINVITE_TOKEN for <paramref name="organization"/> (organization.admin when no permissions are given).</summary>
    public CliRunner CliFor(string organization, params string[] permissions) => CliWith(Token(organization, permissions));

    /// <summary>bulkinvite with <paramref name="token"/> in BULKINVITE_TOKEN (not set with null).</summary>
    public CliRunner CliWith(string? token) => new(Url, token);

    /// <summary>A URL where nothing listens: a port the system just handed out and took back.</summary>
    public static string UnreachableUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
