using System.Text;
using BulkInvite.Core.Invitations;
using BulkInvite.Server.Security;
using BulkInvite.Server.Web;
using BulkInvite.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// More lines for the startup banner from another part of the server (the web page adds where it is
/// served): register one as a singleton. It is given the addresses the server listens on.
/// </summary>
public interface IStartupBannerLines
{
    IEnumerable<string> Lines(IReadOnlyCollection<string> addresses);
}

/// <summary>
/// One short block at Information once the server listens: each address and what it serves, the
/// store and database (never a password), where emails go, whether reflection is on, where
/// telemetry goes and, in Development, how to mint a token.
/// </summary>
internal sealed partial class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IHostEnvironment environment,
    StorageBackend storage,
    StorageOptions storageOptions,
    EmailOptions email,
    IEnumerable<IStartupBannerLines> more,
    ILogger<StartupBanner> logger) : IHostedService
{
    public const string TokenCommand = "dotnet run --project src/BulkInvite.Server -- token --org acme --permission organization.admin";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var banner = Text();
                LogBanner(logger, banner);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal string Text()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var prometheus = configuration.GetValue<bool>($"{TelemetrySettings.SectionName}:Prometheus:Enabled");
        var endpoints = "/healthz/live, /healthz/ready" + (prometheus ? ", /metrics" : "");
        var page = WebPageSettings.From(configuration);
        var text = new StringBuilder("BulkInvite is ready");
        foreach (var address in addresses)
        {
            var pagePort = Uri.TryCreate(address, UriKind.Absolute, out var bound) && page.IsPagePort(bound.Port);
            text.Append("\n  Listening:  ").Append(address).Append(": ")
                .Append(pagePort ? "the web page and gRPC-Web (HTTP/1.1), " : "gRPC (HTTP/2; h2c on http://), ").Append(endpoints);
        }

        foreach (var line in more.SelectMany(m => m.Lines(addresses)))
        {
            text.Append("\n  ").Append(line);
        }

        text.Append("\n  Store:      ").Append(Store());
        text.Append("\n  Emails:     ").Append(Emails());
        text.Append("\n  Reflection: ").Append(GrpcSettings.From(configuration, environment).EnableReflection ? "on (grpcurl, buf curl)" : "off (Grpc:EnableReflection)");
        text.Append("\n  Telemetry:  ").Append(Telemetry(prometheus));
        if (environment.IsDevelopment() && !string.IsNullOrEmpty(TokenSettings.From(configuration).SigningKey))
        {
            text.Append("\n  Token:      ").Append(TokenCommand);
        }

        return text.ToString();
    }

    private string Store()
    {
        if (storageOptions.Engine == StorageProvider.Postgres)
        {
            var database = new NpgsqlConnectionStringBuilder(storageOptions.ConnectionString);
            return $"PostgreSQL database {database.Database} on {database.Host}:{database.Port} as {database.Username} (uploads in the database)";
        }

        return $"SQLite {storageOptions.DatabasePath} (uploads in {storageOptions.ResolvedUploadsPath})";
    }

    private string Emails() => email.Mode == EmailMode.Smtp
        ? $"SMTP {email.Smtp.Host}:{email.Smtp.Port} ({email.Smtp.Security}), from {email.From}"
        : $".eml files in {EmailServiceCollectionExtensions.PickupDirectory(email, storage.DataDirectory)} (Email:Mode Pickup)";

    private string Telemetry(bool prometheus)
    {
        var otlp = configuration[$"{TelemetrySettings.SectionName}:Otlp:Endpoint"] is { Length: > 0 } endpoint ? endpoint
            : configuration[TelemetryExtensions.OtlpEndpointVariable] is { Length: > 0 } variable ? variable
            : null;
        return (prometheus ? "Prometheus at /metrics" : "Prometheus off (Telemetry:Prometheus:Enabled)")
            + "; " + (otlp is null ? "OTLP off (Telemetry:Otlp:Endpoint)" : $"OTLP to {otlp}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Banner}")]
    private static partial void LogBanner(ILogger logger, string banner);
}
