using System.Data.Common;
using BulkInvite.Server.Security;
using BulkInvite.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>
/// The real server, hosted in-process on a real store (a SQLite file in a temporary folder by
/// default, or a PostgreSQL database: <see cref="TestStore"/>), reached through a real GrpcChannel.
/// Several instances can share one folder (and so one database) to simulate a restart.
/// </summary>
public sealed class BulkInviteServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private GrpcChannel? _channel;

    /// <param name="services">Changes to the server's services after its own, such as a faulty store around the real one.</param>
    public BulkInviteServer(string? folder = null, IDictionary<string, string?>? settings = null, TestStore? store = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Folder = folder ?? NewFolder();
        Store = store ?? TestStore.Sqlite;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // Retries fall due on the test's clock; the dispatcher looks for them often.
            ["Email:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in Store.Settings(Folder))
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    public TestStore Store { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>What the server logged, at the levels its Logging settings let through.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A client acting as an admin of <see cref="Calls.Organization"/>.</summary>
    public UserImportService.UserImportServiceClient Client => new(Channel);

    public GrpcChannel Channel => _channel ??= ChannelWith(Tokens.Admin(Calls.Organization));

    /// <summary>The invitation service, as an admin of <see cref="Calls.Organization"/>.</summary>
    public InvitationService.InvitationServiceClient Invitations => new(Channel);

    /// <summary>The invitation service with another token (or none, with null: how AcceptInvitation is called).</summary>
    public InvitationService.InvitationServiceClient InvitationsWith(string? token) => new(ChannelWith(token));

    /// <summary>Where the server writes invitation emails in the default Pickup mode.</summary>
    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>A client of the same server sending another token (or none, with null).</summary>
    public UserImportService.UserImportServiceClient ClientWith(string? token) => new(ChannelWith(token));

    /// <summary>A client acting as an admin of another organization.</summary>
    public UserImportService.UserImportServiceClient ClientFor(string organizationId) => ClientWith(Tokens.Admin(organizationId));

    public GrpcChannel ChannelWith(string? token) => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = new BearerTokenHandler(token) { InnerHandler = Server.CreateHandler() },
        DisposeHttpClient = true,
    });

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "bulkinvite-tests", Guid.NewGuid().ToString("N"));

    public static string DatabasePath(string folder) => Path.Combine(folder, "bulkinvite.db");

    /// <summary>A connection to the server's database, for assertions on what it stored.</summary>
    public DbConnection OpenDatabase() => Store.OpenDatabase(Folder);

    /// <summary>The uploaded files the server stores: "{import id}.upload" once complete, "{import id}.part" while written.</summary>
    public IReadOnlyList<string> StoredFiles() => Store.StoredFiles(Folder);

    /// <summary>Deletes the folder and the server's data, once every server on them is disposed.</summary>
    public void DeleteData() => Store.Delete(Folder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Deletes the folder once every server on it is disposed.</summary>
    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
