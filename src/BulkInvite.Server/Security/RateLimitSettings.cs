namespace BulkInvite.Server.Security;

/// <summary>The request rate each organization may sustain ("RateLimiting" section).</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "RateLimiting";

    public int RequestsPerSecond { get; set; } = 20;
    public int Burst { get; set; } = 100;
}
