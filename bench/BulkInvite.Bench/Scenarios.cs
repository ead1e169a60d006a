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
}

/// <summary>The cases the benchmark measures, each against a fresh server process.</summary>
public sealed class Scenarios(string workFolder, int runs)
{
    private int _serverCount;

    /// <summary>Upload + CheckImport + ApplyPermissions of one file, median over the runs; the peak RSS is the highest seen.</summary>
    public async Task<Measurement> EndToEndAsync(string label, string path, int rows)
    {
        var times = new List<double>();
        var phases = new List<string>();
        long peak = 0;
        for (var run = 0; run < runs; run++)
        {
            await using var server = await StartServerAsync();
            using var client = server.ClientFor("acme");
            var watch = Stopwatch.StartNew();
            var import = await client.UploadFileAsync(path, "acme");
            var uploaded = watch.Elapsed.TotalSeconds;
            var check = await client.Generated.CheckImportAsync(new CheckImportRequest { ImportId = import.ImportId });
            var checkedAt = watch.Elapsed.TotalSeconds;
            var applied = await client.ApplyAsync(import.ImportId, ["projects.view"]);
            watch.Stop();
            phases.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{watch.Elapsed.TotalSeconds:0.00} s = upload {uploaded:0.00} + check {checkedAt - uploaded:0.00} + apply {watch.Elapsed.TotalSeconds - checkedAt:0.00}"));
            if (check.Import.State != ImportState.Checked || applied.InvitedCount == 0)
            {
                throw new InvalidOperationException($"{label}: the import ended {check.Import.State} with {applied.InvitedCount} invited.");
            }

            times.Add(watch.Elapsed.TotalSeconds);
            peak = Math.Max(peak, server.PeakResidentBytes());
        }

        return new Measurement(label, rows, Median(times), peak, string.Join("; ", phases));
    }

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
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{times.Count} pages, {diagnostics} diagnostics; p99 {Percentile(times, 0.99) * 1000:0.0} ms"),
            Loads: false);
    }

    /// <summary>Many clients importing small files at once for a while: throughput, latency percentiles, failures.</summary>
    public async Task<Measurement> ManySmallImportsAsync(int clients, int rowsPerFile, TimeSpan duration)
    {
        await using var server = await StartServerAsync();
        var latencies = new List<double>();
        var failures = 0;
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
                try
                {
                    var import = await client.UploadFileAsync(new MemoryStream(file), "small.csv", organization);
                    await client.Generated.CheckImportAsync(new CheckImportRequest { ImportId = import.ImportId });
                    await client.ApplyAsync(import.ImportId, ["projects.view"]);
                    lock (latencies)
                    {
                        latencies.Add(call.Elapsed.TotalSeconds);
                    }
                }
                catch (BulkInviteException e)
                {
                    Console.Error.WriteLine($"client {c}: {e.Message}");
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        return new Measurement(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{clients} clients × {rowsPerFile}-row imports, {duration.TotalSeconds:0} s"), latencies.Count * rowsPerFile, seconds, server.PeakResidentBytes(),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{latencies.Count / seconds:0.0} imports/s, p50 {Percentile(latencies, 0.5) * 1000:0} ms, p99 {Percentile(latencies, 0.99) * 1000:0} ms, {failures} failed"),
            Loads: false);
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

    public async Task<ServerUnderTest> StartServerAsync() =>
        await ServerUnderTest.StartAsync(Path.Combine(workFolder, $"server-{Interlocked.Increment(ref _serverCount)}"));

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
