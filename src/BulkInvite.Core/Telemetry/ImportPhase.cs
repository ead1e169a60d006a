using System.Diagnostics;

namespace BulkInvite.Core.Telemetry;

/// <summary>
/// One phase of one import in progress: its span (tagged with the import and organization ids, then
/// the phase's counts) and its clock. <see cref="Succeeded"/> records the outcome; disposing it
/// without that records a failure, so a phase that throws is counted too.
/// </summary>
public sealed class ImportPhase : IDisposable
{
    public const string Upload = "upload";
    public const string Check = "check";
    public const string Apply = "apply";

    private readonly BulkInviteTelemetry _telemetry;
    private readonly string _phase;
    private readonly string _importId;
    private readonly string _organizationId;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _ended;

    internal ImportPhase(BulkInviteTelemetry telemetry, string phase, string importId, string organizationId)
    {
        _telemetry = telemetry;
        _phase = phase;
        _importId = importId;
        _organizationId = organizationId;
        _activity = BulkInviteTelemetry.ActivitySource.StartActivity("import." + phase);
        _activity?.SetTag("bulkinvite.import.id", importId);
        _activity?.SetTag("bulkinvite.organization.id", organizationId);
    }

    /// <summary>Ends the phase with its outcome (uploaded, checked, rejected, applied) and counts, set on the span as bulkinvite.* tags.</summary>
    public void Succeeded(string outcome, IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (name, value) in counts)
        {
            _activity?.SetTag("bulkinvite." + name, value);
        }

        End(outcome, ActivityStatusCode.Ok, counts);
    }

    public void Dispose()
    {
        End("failed", ActivityStatusCode.Error, new Dictionary<string, long>());
    }

    private void End(string outcome, ActivityStatusCode status, IReadOnlyDictionary<string, long> counts)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _activity?.SetTag("bulkinvite.outcome", outcome);
        _activity?.SetStatus(status);
        _activity?.Dispose();
        _telemetry.Ended(new ImportPhaseRecord(_phase, _importId, _organizationId, outcome, Stopwatch.GetElapsedTime(_started), counts));
    }
}
