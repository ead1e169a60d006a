namespace BulkInvite.Server.Hosting;

/// <summary>Where telemetry goes ("Telemetry" section; docs/operations.md).</summary>
public sealed class TelemetrySettings
{
    public const string SectionName = "Telemetry";

    public PrometheusSettings Prometheus { get; set; } = new();

    public OtlpSettings Otlp { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrEmpty(Otlp.Endpoint) && !Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out _))
        {
            yield return $"Telemetry:Otlp:Endpoint must be an absolute URL (http://collector:4317), not \"{Otlp.Endpoint}\".";
        }
    }

    public sealed class PrometheusSettings
    {
        /// <summary>Serve the metrics in Prometheus text format at /metrics.</summary>
        public bool Enabled { get; set; }
    }

    public sealed class OtlpSettings
    {
        /// <summary>The OTLP collector to send traces and metrics to; OTEL_EXPORTER_OTLP_ENDPOINT works too.</summary>
        public string? Endpoint { get; set; }
    }
}
