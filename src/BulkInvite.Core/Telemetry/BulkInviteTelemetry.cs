using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BulkInvite.Core.Telemetry;

/// <summary>
/// What BulkInvite tells an operator, in System.Diagnostics terms (no OpenTelemetry here: the host
/// exports them): a span per import phase, the counters and histograms of the import flow and of
/// email delivery. Tags carry ids, counts, outcomes and reason classes, never addresses or names.
/// One per server (from the host's IMeterFactory), so servers sharing a process do not mix.
/// </summary>
public sealed class BulkInviteTelemetry : IDisposable
{
    /// <summary>The name of the ActivitySource and of the Meter.</summary>
    public const string Name = "BulkInvite";

    /// <summary>The source of the import phase spans ("import.upload", "import.check", "import.apply").</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long> _imports;
    private readonly Counter<long> _rowsChecked;
    private readonly Histogram<double> _phaseDuration;
    private readonly Counter<long> _uploadBytes;
    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailsFailed;

    public BulkInviteTelemetry(IMeterFactory? meters = null)
    {
        Meter = meters?.Create(Name) ?? new Meter(Name);
        _imports = Meter.CreateCounter<long>("bulkinvite.imports", "{import}",
            "Import phases ended, by outcome: uploaded, checked, rejected (the check refused the file), applied, failed (a phase that threw).");
        _rowsChecked = Meter.CreateCounter<long>("bulkinvite.rows.checked", "{row}", "User rows read and checked; its rate is the check throughput.");
        _phaseDuration = Meter.CreateHistogram<double>("bulkinvite.import.phase.duration", "s", "How long each import phase (upload, check, apply) took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });
        _uploadBytes = Meter.CreateCounter<long>("bulkinvite.upload.bytes", "By", "Bytes of files uploaded and stored.");
        _emailsSent = Meter.CreateCounter<long>("bulkinvite.emails.sent", "{email}", "Invitation emails handed to the mail transport.");
        _emailsFailed = Meter.CreateCounter<long>("bulkinvite.emails.failed", "{email}",
            "Failed attempts at sending an invitation email (retried later), by reason class: transport (no connection to the mail server), message (the server refused the message), store (the accept token could not be stored).");
    }

    /// <summary>The meter of these instruments; the host adds its observable gauges (read from the store) to it.</summary>
    public Meter Meter { get; }

    /// <summary>Raised when an import phase ends, for the host's one log line per upload, check and apply.</summary>
    public event Action<ImportPhaseRecord>? PhaseEnded;

    /// <summary>Starts timing a phase of one import, with its span; end it with <see cref="ImportPhase.Succeeded"/> or dispose it (a failure).</summary>
    public ImportPhase StartPhase(string phase, string importId, string organizationId) => new(this, phase, importId, organizationId);

    public void RowsChecked(long rows) => _rowsChecked.Add(rows);

    public void UploadBytes(long bytes) => _uploadBytes.Add(bytes);

    public void EmailSent() => _emailsSent.Add(1);

    public void EmailFailed(string reasonClass) => _emailsFailed.Add(1, new KeyValuePair<string, object?>("reason", reasonClass));

    internal void Ended(ImportPhaseRecord record)
    {
        _imports.Add(1, new KeyValuePair<string, object?>("outcome", record.Outcome));
        _phaseDuration.Record(record.Duration.TotalSeconds, new KeyValuePair<string, object?>("phase", record.Phase), new KeyValuePair<string, object?>("outcome", record.Outcome));
        PhaseEnded?.Invoke(record);
    }

    public void Dispose() => Meter.Dispose();
}
