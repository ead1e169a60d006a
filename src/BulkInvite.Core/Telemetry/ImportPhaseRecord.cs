namespace BulkInvite.Core.Telemetry;

/// <summary>How an import phase ended: what, which import, the outcome, how long, and its counts (rows, bytes, invited…).</summary>
public sealed record ImportPhaseRecord(string Phase, string ImportId, string OrganizationId, string Outcome, TimeSpan Duration, IReadOnlyDictionary<string, long> Counts);
