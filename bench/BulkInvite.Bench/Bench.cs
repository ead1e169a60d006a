using System.Globalization;
using System.Text;

namespace BulkInvite.Bench;

public sealed record BenchOptions(int Rows, int SmallRows, int Runs, int Clients, int Seconds);

/// <summary>Generates the files, measures every case side by side in one run, prints the table.</summary>
public static class Bench
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("bulkinvite-bench-").FullName;
        try
        {
            var large = Path.Combine(folder, "large.csv");
            var small = Path.Combine(folder, "small.csv");
            var xlsx = Path.Combine(folder, "small.xlsx");
            UserFileGenerator.WriteCsv(large, options.Rows);
            UserFileGenerator.WriteCsv(small, options.SmallRows);
            UserFileGenerator.WriteXlsx(xlsx, options.SmallRows);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Files: {options.Rows:N0} rows CSV {new FileInfo(large).Length / 1e6:0.0} MB, {options.SmallRows:N0} rows CSV and XLSX ({new FileInfo(xlsx).Length / 1e6:0.0} MB)."));

            var scenarios = new Scenarios(folder, options.Runs);
            var baselineTimes = new List<double>();
            long baselinePeak = 0;
            for (var i = 0; i < options.Runs; i++)
            {
                var (seconds, peak) = await SqliteBaseline.RunAsync(large, folder);
                baselineTimes.Add(seconds);
                baselinePeak = Math.Max(baselinePeak, peak);
            }

            var baseline = new Measurement("sqlite3 .import --csv (unique email index)", options.Rows, Scenarios.Median(baselineTimes), baselinePeak, "baseline; peak is sqlite3's");
            Print([baseline]);
            var csv = await scenarios.EndToEndAsync("CSV end to end (upload + check + apply)", large, options.Rows) with { ComparedWith = baseline };
            var smallCsv = await scenarios.EndToEndAsync("CSV end to end, smaller file", small, options.SmallRows);
            var xlsxCase = await scenarios.EndToEndAsync("XLSX end to end, same rows as the smaller CSV", xlsx, options.SmallRows) with { ComparedWith = smallCsv };
            var pages = await scenarios.PageFetchAsync(large, options.Rows);
            var many = await scenarios.ManySmallImportsAsync(options.Clients, 1000, TimeSpan.FromSeconds(options.Seconds));
            var results = new List<Measurement> { baseline, csv, smallCsv, xlsxCase, pages, many };

            var unique = Path.Combine(folder, "large-unique.csv");
            UserFileGenerator.WriteCsv(unique, options.Rows, unique: true);
            Measurement copy, postgres;
            await using (var cluster = await BenchPostgres.StartAsync())
            {
                (copy, postgres) = await scenarios.PostgresAsync(cluster, unique, options.Rows);
            }

            results.Add(copy);
            results.Add(postgres);

            Console.WriteLine();
            Print(results);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\nServer start to its first answered call (lever 1's cost), median over the large CSV's runs: {csv.MedianOf(r => r.StartupSeconds):0.00} s; server processor time for the large CSV, median: {csv.MedianOf(r => r.ServerCpuSeconds):0.00} s." +
                $"\nServer peak RSS, large CSV / smaller CSV: {(double)csv.PeakBytes / smallCsv.PeakBytes:0.00}×. The ratio column compares the CSV with sqlite3, the XLSX with the CSV of the same rows, and the PostgreSQL case with psql's \\copy of its file."));
            Console.WriteLine();
            var drain = await scenarios.EmailDrainAsync(small);
            EmailDrain.Print("Invitation emails of the smaller CSV, pickup mode", drain);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}"));
            Console.WriteLine();
            Targets.Print(Targets.Of(csv, smallCsv, xlsxCase, pages, many, postgres, drain));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Only the email drain of one import of <paramref name="rows"/> rows.</summary>
    public static async Task<int> DrainAsync(int rows)
    {
        var folder = Directory.CreateTempSubdirectory("bulkinvite-bench-").FullName;
        try
        {
            var file = Path.Combine(folder, "drain.csv");
            UserFileGenerator.WriteCsv(file, rows);
            EmailDrain.Print(string.Create(CultureInfo.InvariantCulture, $"Invitation emails of a {rows:N0}-row CSV, pickup mode"),
                await new Scenarios(folder, 1).EmailDrainAsync(file));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Only the many-small-imports case, <paramref name="runs"/> times, each on a fresh server.</summary>
    public static async Task<int> ManyClientsAsync(int clients, int seconds, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("bulkinvite-bench-").FullName;
        try
        {
            var scenarios = new Scenarios(folder, 1);
            var results = new List<Measurement>();
            for (var run = 0; run < runs; run++)
            {
                results.Add(await scenarios.ManySmallImportsAsync(clients, 1000, TimeSpan.FromSeconds(seconds)));
                Console.Error.WriteLine($"  run {run + 1}: {results[^1].Note}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}"));
            Print(results);
            return results.Sum(r => r.Failures) == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Only the PostgreSQL case: psql's \\copy and the end to end on the PostgreSQL store, alternating, in one cluster.</summary>
    public static async Task<int> PostgresAsync(int rows, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("bulkinvite-bench-").FullName;
        try
        {
            var file = Path.Combine(folder, "unique.csv");
            UserFileGenerator.WriteCsv(file, rows, unique: true);
            await using var cluster = await BenchPostgres.StartAsync();
            var (copy, postgres) = await new Scenarios(folder, runs).PostgresAsync(cluster, file, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}"));
            Print([copy, postgres]);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Servers A, B, … on the same CSV, alternating, with medians of each phase and each one's time over A's.</summary>
    public static async Task<int> CompareAsync(int rows, int runs, IReadOnlyList<ServerSetup> setups)
    {
        var folder = Directory.CreateTempSubdirectory("bulkinvite-bench-").FullName;
        try
        {
            var file = Path.Combine(folder, "ab.csv");
            UserFileGenerator.WriteCsv(file, rows);
            var scenarios = new Scenarios(folder, runs);
            var results = await scenarios.AlternatingAsync(file, rows, setups.Select((s, i) => (Describe(((char)('A' + i)).ToString(), s), s)).ToList());
            var startup = await scenarios.StartupAsync(runs, setups);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}"));
            PrintPhases(results, startup);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The machine's load averages (1, 5, 15 minutes), as /proc/loadavg gives them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Describe(string name, ServerSetup setup) =>
        name + " (" + (setup.ServerFolder ?? "this build") + (setup.Environment is { Count: > 0 } environment ? ", " + string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}")) : "") + ")";

    /// <summary>End-to-end medians per phase, side by side, with each case's ratio to the first.</summary>
    public static void PrintPhases(IReadOnlyList<Measurement> results, IReadOnlyList<double>? startup = null)
    {
        var table = new StringBuilder();
        table.AppendLine("| case | rows | end to end | upload | check | apply | server CPU | server peak RSS | startup | vs first | CPU vs first |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Case} | {r.Rows:N0} | {r.Seconds:0.00} s | {r.MedianOf(x => x.Upload):0.00} | {r.MedianOf(x => x.Check):0.00} | {r.MedianOf(x => x.Apply):0.00} | {r.MedianOf(x => x.ServerCpuSeconds):0.00} s | {r.PeakBytes / 1048576.0:0} MB | {(startup is null ? "—" : $"{startup[i]:0.00} s")} | {r.Seconds / results[0].Seconds:0.00}× | {r.MedianOf(x => x.ServerCpuSeconds) / results[0].MedianOf(x => x.ServerCpuSeconds):0.00}× |"));
        }

        Console.Write(table);
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Case}: {r.Note}");
        }
    }

    private static void Print(IReadOnlyList<Measurement> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| case | rows | seconds | rows/s | server peak RSS | ratio | notes |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var perSecond = r.Seconds > 0 && r.Loads ? (r.Rows / r.Seconds).ToString("N0", CultureInfo.InvariantCulture) : "—";
            var ratio = r.ComparedWith is { Seconds: > 0 } reference ? (r.Seconds / reference.Seconds).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "—";
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Case} | {r.Rows:N0} | {r.Seconds:0.000} | {perSecond} | {(r.PeakBytes > 0 ? $"{r.PeakBytes / 1048576.0:0} MB" : "—")} | {ratio} | {r.Note} |"));
        }

        Console.Write(table);
    }
}
