using BulkInvite.Core.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// OpenTelemetry for the server: a span per RPC (ASP.NET Core) and per import phase (BulkInvite),
/// PostgreSQL commands (Npgsql); the BulkInvite metrics, the store's gauges, ASP.NET Core's and
/// Npgsql's; read by Prometheus at /metrics when Telemetry:Prometheus:Enabled, and sent over OTLP
/// when an endpoint is configured (docs/operations.md).
/// </summary>
public static class TelemetryExtensions
{
    public const string ServiceName = "bulkinvite";

    /// <summary>The OTLP endpoint variable the OpenTelemetry SDK reads itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddBulkInviteTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedSettings<TelemetrySettings>(TelemetrySettings.SectionName, settings => settings.Problems());
        services.AddHostedService<StoreMetrics>();
        services.AddHostedService<ImportPhaseLog>();

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(BulkInviteTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(BulkInviteTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                // Always collected; served only when enabled (MapBulkInviteTelemetry). It costs nothing until scraped.
                .AddPrometheusExporter());

        // Read here, not later: exporters are registered with the services. A test host's settings are
        // part of this configuration too.
        var endpoint = builder.Configuration[$"{TelemetrySettings.SectionName}:Otlp:Endpoint"];
        if (!string.IsNullOrEmpty(endpoint) && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, uri);
        }
        else if (!string.IsNullOrEmpty(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter(); // the endpoint, protocol and headers from the OTEL_EXPORTER_OTLP_* variables
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint (/metrics), when Telemetry:Prometheus:Enabled; open like the health endpoints.</summary>
    public static WebApplication MapBulkInviteTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>($"{TelemetrySettings.SectionName}:Prometheus:Enabled"))
        {
            app.MapPrometheusScrapingEndpoint();
        }

        return app;
    }
}
