using System.Diagnostics;
using System.Text;
using BulkInvite.Client;
using BulkInvite.V1;

namespace BulkInvite.Bench;

/// <summary>One row of the results table.</summary>
/// <param name="Loads">Whether the case loads a whole file (so rows/s means something).</param>
public sealed record Measurement(string Case, int Rows, double Seconds, long PeakBytes, string Note = "", bool Loads = true)
{
    /// <summary>The case this one is compared with in the ratio column, if any.</summary>
    public Measurement? ComparedWith { get; init; }

    /// <summary>The slowest call, in a case that times many (seconds).</summary>
    public double Worst { get; init; }

    /// <summary>Calls that failed, in a case that counts them.</summary>
    public int Failures { get; init; }

    /// <summary>Each run of an end-to-end case.</summary>
    public IReadOnlyList<EndToEndRun> Runs { get; init; } = [];

    /// <summary>The median of one phase over the runs.</summary>
    public double MedianOf(Func<EndToEndRun, double> phase) => Scenarios.Median(Runs.Select(phase).ToList());
}

/// <summary>
/// One end-to-end run: the whole time, its three phases, the server's peak memory, how long it took
/// to start, and the processor time the server used for the import (after its start).
/// </summary>
public sealed record EndToEndRun(double Seconds, double Upload, double Check, double Apply, long PeakBytes, double StartupSeconds, double ServerCpuSeconds = 0)
{
    public string Split => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Seconds:0.00} s = upload {Upload:0.00} + check {Check:0.00} + apply {Apply:0.00} (server CPU {ServerCpuSeconds:0.00} s)");
}

/// <summary>The cases the benchmark measures, each against a fresh server process.</summary>
public sealed class Scenarios(string workFolder, int runs)
{
    private int _serverCount;

    /// <summary>Upload + CheckImport + ApplyPermissions of one file, median over the runs; the peak RSS is the highest seen.</summary>
    public async Task<Measurement> EndToEndAsync(string label, string path, int rows, ServerSetup? setup = null)
    {
        var results = new List<EndToEndRun>();
        for (var run = 0; run < runs; run++)
        {
            results.Add(await EndToEndOnceAsync(label, path, setup ?? ServerSetup.Default));
        }

        return Summarize(label, rows, results);
    }

    /// <summary>
    /// The same file end to end on several server setups, alternating (A, B, A, B, …) so that what
    /// else the machine does weighs on each alike; one measurement per setup, medians over the runs.
    /// </summary>
    public async Task<IReadOnlyList<Measurement>> AlternatingAsync(string path, int rows, IReadOnlyList<(string Label, ServerSetup Setup)> variants)
    {
        var results = variants.Select(_ => new List<EndToEndRun>()).ToList();
        for (var run = 0; run < runs; run++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                results[v].Add(await EndToEndOnceAsync(variants[v].Label, path, variants[v].Setup));
            }
        }

        return variants.Select((v, i) => Summarize(v.Label, rows, results[i])).ToList();
    }

    /// <summary>Starts the server <paramref name="count"/> times per setup, alternating; the median time to its first answered call.</summary>
    public async Task<IReadOnlyList<double>> StartupAsync(int count, IReadOnlyList<ServerSetup> setups)
    {
        var times = setups.Select(_ => new List<double>()).ToList();
        for (var i = 0; i < count; i++)
        {
            for (var s = 0; s < setups.Count; s++)
            {
                await using var server = await StartServerAsync(setups[s]);
                times[s].Add(server.StartupTime.TotalSeconds);
            }
        }

        return times.Select(Median).ToList();
    }

    /// <summary>
    /// The end-to-end apply says the most an apply can in each invitation (a 1,000-character note, its
    /// own lifetime), so its time includes storing it; a server from before issue 15 ignores both fields.
    /// </summary>
    private static readonly ApplyOptions LargestApply = new()
    {
        PersonalMessage = string.Concat(Enumerable.Repeat("Welcome, \"team\"!\n", 100))[..1000],
        InvitationLifetime = TimeSpan.FromDays(14),
    };

    public async Task<EndToEndRun> EndToEndOnceAsync(string label, string path, ServerSetup setup)
    {
        await using var server = await StartServerAsync(setup);
        using var client = server.ClientFor("acme");
        var cpuAtStart = server.CpuSeconds();
        var watch = Stopwatch.StartNew();
        var import = await client.UploadFileAsync(path, "acme");
        var uploaded = watch.Elapsed.TotalSeconds;
        var check = await client.Generated.CheckImportAsync(new CheckImportRequest { ImportId = import.ImportId });
        var checkedAt = watch.Elapsed.TotalSeconds;
        var applied = await client.ApplyAsync(import.ImportId, ["projects.view"], LargestApply);
        watch.Stop();
        if (check.Import.State != ImportState.Checked || applied.InvitedCount == 0)
        {
            throw new InvalidOperationException($"{label}: the import ended {check.Import.State} with {applied.InvitedCount} invited.");
        }

        var total = watch.Elapsed.TotalSeconds;
        var run = new EndToEndRun(total, uploaded, checkedAt - uploaded, total - checkedAt, server.PeakResidentBytes(), server.StartupTime.TotalSeconds, server.CpuSeconds() - cpuAtStart);
        Console.Error.WriteLine($"  {label}: {run.Split}, peak {run.PeakBytes / 1048576.0:0} MB");
        return run;
    }

    private static Measurement Summarize(string label, int rows, List<EndToEndRun> results) =>
        new(label, rows, Median(results.Select(r => r.Seconds).ToList()), results.Max(r => r.PeakBytes), string.Join("; ", results.Select(r => r.Split)))
        {
            Runs = results,
        };

    /// <summary>Fetches every page of a large import's row diagnostics and reports the median fetch time.</summary>
    public async Task<Measurement> PageFetchAsync(string path, int rows)
    {
        await using var server = await StartServerAsync();
        using var client = server.ClientFor("acme");
        var import = await client.UploadFileAsync(path, "acme");
        var first = await client.Generated.CheckImportAsync(new CheckImportRequest { ImportId = import.ImportId });
        var times = new List<double>();
        var token = first.NextPageToken;
        var diagnostics = first.RowDiagnostics.Count;
        while (token.Length > 0)
        {
            var watch = Stopwatch.StartNew();
            var page = await client.Generated.CheckImportAsync(new CheckImportRequest { ImportId = import.ImportId, PageToken = token });
            times.Add(watch.Elapsed.TotalSeconds);
            diagnostics += page.RowDiagnostics.Count;
            token = page.NextPageToken;
        }

        return new Measurement("CheckImport page fetch (100 diagnostics), median", rows, times.Count == 0 ? 0 : Median(times), server.PeakResidentBytes(),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{times.Count} pages, {diagnostics} diagnostics; p99 {Percentile(times, 0.99) * 1000:0.0} ms, slowest {(times.Count == 0 ? 0 : times.Max()) * 1000:0.0} ms"),
            Loads: false)
        {
            Worst = times.Count == 0 ? 0 : times.Max(),
        };
    }

    /// <summary>
    /// Many clients importing small files at once for a while: throughput, latency percentiles, and
    /// every failed call with the step it failed at and the status it got, counted by kind.
    /// </summary>
    public async Task<Measurement> ManySmallImportsAsync(int clients, int rowsPerFile, TimeSpan duration)
    {
        await using var server = await StartServerAsync();
        var latencies = new List<double>();
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var stop = DateTime.UtcNow + duration;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var organization = $"org-{c}";
            using var client = server.ClientFor(organization);
            for (var iteration = 0; DateTime.UtcNow < stop; iteration++)
            {
                var file = SmallFile(c, iteration, rowsPerFile);
                var call = Stopwatch.StartNew();
                var step = "UploadImportFile";
                try
                {
                    var import = await client.UploadFileAsync(new MemoryStream(file), "small.csv", organization);
                    step = "CheckImport";
                    await client.Generated.CheckImportAsync(new CheckImportRequest { ImportId = import.ImportId });
                    step = "ApplyPermissions";
                    await client.ApplyAsync(import.ImportId, ["projects.view"]);
                    lock (latencies)
                    {
                        latencies.Add(call.Elapsed.TotalSeconds);
                    }
                }
                catch (Exception e) when (e is BulkInviteException or Grpc.Core.RpcException or IOException or HttpRequestException)
                {
                    var kind = $"{step}: {FailureStatus(e)}";
                    Console.Error.WriteLine($"client {c}, {kind} after {call.Elapsed.TotalSeconds:0.00} s: {e.Message}");
                    lock (failures)
                    {
                        failures[kind] = failures.GetValueOrDefault(kind) + 1;
                    }
                }
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var failed = failures.Values.Sum();
        var failureNote = failed == 0 ? "0 failed" : $"{failed} failed ({string.Join("; ", failures.Select(f => $"{f.Key} ×{f.Value}"))})";
        return new Measurement(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{clients} clients × {rowsPerFile}-row imports, {duration.TotalSeconds:0} s"), latencies.Count * rowsPerFile, seconds, server.PeakResidentBytes(),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{latencies.Count / seconds:0.0} imports/s, p50 {Percentile(latencies, 0.5) * 1000:0} ms, p99 {Percentile(latencies, 0.99) * 1000:0} ms, {failureNote}"),
            Loads: false)
        {
            Failures = failed,
        };
    }

    /// <summary>The status a failed call got (with its ErrorInfo reason when the server sent one), or the exception's type for a transport failure.</summary>
    private static string FailureStatus(Exception e) => e switch
    {
        BulkInviteException b => b.Reason is { } reason ? $"{b.StatusCode} ({reason})" : b.StatusCode.ToString(),
        Grpc.Core.RpcException r => r.StatusCode.ToString(),
        _ => e.GetType().Name,
    };

    /// <summary>
    /// The same file end to end on the PostgreSQL store, each run on a database of its own in the
    /// cluster, alternating with psql's <c>\copy</c> of the file into a table with a unique email index.
    /// </summary>
    public async Task<(Measurement Baseline, Measurement EndToEnd)> PostgresAsync(BenchPostgres cluster, string path, int rows)
    {
        var copies = new List<double>();
        var results = new List<EndToEndRun>();
        for (var run = 0; run < runs; run++)
        {
            copies.Add(await cluster.CopyBaselineAsync(path));
            Console.Error.WriteLine($"  psql \\copy: {copies[^1]:0.00} s");
            results.Add(await EndToEndOnceAsync("CSV end to end on PostgreSQL", path, new ServerSetup(PostgresConnectionString: cluster.CreateDatabase())));
        }

        var baseline = new Measurement("psql \\copy (unique email index), PostgreSQL", rows, Median(copies), 0,
            "baseline; the file has no duplicate address (a unique index stops \\copy at the first); runs " + string.Join(", ", copies.Select(c => c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))) + " s");
        var endToEnd = Summarize("CSV end to end on PostgreSQL (same file)", rows, results) with { ComparedWith = baseline };
        return (baseline, endToEnd);
    }

    /// <summary>One import of the file, then its invitation emails written in the default pickup mode.</summary>
    public async Task<DrainMeasurement> EmailDrainAsync(string path)
    {
        await using var server = await StartServerAsync();
        return await EmailDrain.RunAsync(server, path);
    }

    public static double Median(List<double> values) => Percentile(values, 0.5);

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    public async Task<ServerUnderTest> StartServerAsync(ServerSetup? setup = null) =>
        await ServerUnderTest.StartAsync(Path.Combine(workFolder, $"server-{Interlocked.Increment(ref _serverCount)}"), setup);

    private static byte[] SmallFile(int client, int iteration, int rows)
    {
        var text = new StringBuilder("Email,First name,Last name\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{client}-{iteration}-{i}@example.com,Ada,Lovelace\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
