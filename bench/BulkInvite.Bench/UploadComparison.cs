using System.Diagnostics;
using System.Globalization;

namespace BulkInvite.Bench;

/// <summary>
/// The two uploads of one file side by side, each on a fresh server (SQLite): UploadImportFile (one
/// stream) and the resumable upload (one WriteUpload per MiB, each appended and flushed to disk before
/// its answer, then the SHA-256 of every stored byte on the finishing write). Median over the runs.
/// </summary>
public static class UploadComparison
{
    public static async Task<int> RunAsync(int rows, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("bulkinvite-bench-").FullName;
        try
        {
            var file = Path.Combine(folder, "upload.csv");
            UserFileGenerator.WriteCsv(file, rows);
            var megabytes = new FileInfo(file).Length / 1e6;
            var scenarios = new Scenarios(folder, runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| upload of a {rows:N0}-row CSV ({megabytes:0.0} MB) | seconds | MB/s | server peak RSS | runs |"));
            Console.WriteLine("|---|---:|---:|---:|---|");
            foreach (var (label, resumable) in new[] { ("UploadImportFile (one stream)", false), ("StartResumableUpload + WriteUpload (1 MiB each)", true) })
            {
                var times = new List<double>();
                long peak = 0;
                for (var run = 0; run < runs; run++)
                {
                    await using var server = await scenarios.StartServerAsync();
                    using var client = server.ClientFor("acme");
                    var watch = Stopwatch.StartNew();
                    var import = resumable ? await client.UploadFileResumablyAsync(file, "acme") : await client.UploadFileAsync(file, "acme");
                    times.Add(watch.Elapsed.TotalSeconds);
                    peak = Math.Max(peak, server.PeakResidentBytes());
                    if (import.SizeBytes != new FileInfo(file).Length)
                    {
                        throw new InvalidOperationException($"{label}: the import has {import.SizeBytes} bytes.");
                    }
                }

                var median = Scenarios.Median(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {median:0.000} | {megabytes / median:0.0} | {peak / 1048576.0:0} MB | {string.Join(", ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
