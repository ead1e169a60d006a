using System.CommandLine;
using System.Globalization;
using BulkInvite.Bench;

var rows = new Option<int>("--rows") { Description = "Rows of the large CSV.", DefaultValueFactory = _ => 1_000_000 };
var smallRows = new Option<int>("--small-rows") { Description = "Rows of the smaller CSV and of the XLSX.", DefaultValueFactory = _ => 100_000 };
var runs = new Option<int>("--runs") { Description = "Runs per end-to-end case; the table shows the median.", DefaultValueFactory = _ => 3 };
var clients = new Option<int>("--clients") { Description = "Concurrent clients in the many-small-imports case.", DefaultValueFactory = _ => 16 };
var seconds = new Option<int>("--seconds") { Description = "How long the many-small-imports case runs.", DefaultValueFactory = _ => 30 };
var smoke = new Option<bool>("--smoke") { Description = "Tiny sizes, one run: checks the benchmark works (CI); its numbers mean nothing." };

var run = new Command("run", "Runs every case and prints the table.") { rows, smallRows, runs, clients, seconds, smoke };
run.SetAction(async (result, cancellationToken) =>
{
    var isSmoke = result.GetValue(smoke);
    var options = new BenchOptions(
        isSmoke ? 2_000 : result.GetValue(rows),
        isSmoke ? 500 : result.GetValue(smallRows),
        isSmoke ? 1 : result.GetValue(runs),
        isSmoke ? 4 : result.GetValue(clients),
        isSmoke ? 3 : result.GetValue(seconds));
    return await Bench.RunAsync(options, cancellationToken);
});

var drainRows = new Option<int>("--rows") { Description = "Rows of the imported CSV.", DefaultValueFactory = _ => 100_000 };
var drain = new Command("drain", "Only the email drain: one import, then its emails in pickup mode (emails/s, peak WAL, peak RSS).") { drainRows };
drain.SetAction(async (result, _) => await Bench.DrainAsync(result.GetValue(drainRows)));

var uploadRows = new Option<int>("--rows") { Description = "Rows of the uploaded CSV.", DefaultValueFactory = _ => 1_000_000 };
var uploadRuns = new Option<int>("--runs") { Description = "Runs of each upload; the table shows the median.", DefaultValueFactory = _ => 3 };
var upload = new Command("upload", "Only the upload: UploadImportFile beside the resumable upload, of one file (seconds, MB/s, peak RSS).") { uploadRows, uploadRuns };
upload.SetAction(async (result, _) => await UploadComparison.RunAsync(result.GetValue(uploadRows), result.GetValue(uploadRuns)));

var abRows = new Option<int>("--rows") { Description = "Rows of the CSV.", DefaultValueFactory = _ => 1_000_000 };
var abRuns = new Option<int>("--runs") { Description = "Runs per server, alternating.", DefaultValueFactory = _ => 5 };
var aFolder = new Option<string?>("--a") { Description = "Folder of server A's BulkInvite.Server.dll (default: the one built with the benchmark)." };
var bFolder = new Option<string?>("--b") { Description = "Folder of server B's BulkInvite.Server.dll (default: the one built with the benchmark)." };
var aEnv = new Option<string[]>("--a-env") { Description = "NAME=VALUE added to server A's environment; repeatable.", DefaultValueFactory = _ => [] };
var bEnv = new Option<string[]>("--b-env") { Description = "NAME=VALUE added to server B's environment; repeatable.", DefaultValueFactory = _ => [] };
var cFolder = new Option<string?>("--c") { Description = "Folder of a third server C (with --c-env, or alone): compared too." };
var cEnv = new Option<string[]>("--c-env") { Description = "NAME=VALUE added to server C's environment; repeatable.", DefaultValueFactory = _ => [] };
var dFolder = new Option<string?>("--d") { Description = "Folder of a fourth server D (with --d-env, or alone): compared too." };
var dEnv = new Option<string[]>("--d-env") { Description = "NAME=VALUE added to server D's environment; repeatable.", DefaultValueFactory = _ => [] };
var ab = new Command("ab", "Two (or up to four) server builds or settings side by side: the same CSV end to end, alternating A, B, …; medians and each one's time over A's.")
{
    abRows, abRuns, aFolder, bFolder, aEnv, bEnv, cFolder, cEnv, dFolder, dEnv,
};
ab.SetAction(async (result, _) =>
{
    List<ServerSetup> setups = [Setup(result.GetValue(aFolder), result.GetValue(aEnv)!), Setup(result.GetValue(bFolder), result.GetValue(bEnv)!)];
    foreach (var (folder, environment) in new[] { (cFolder, cEnv), (dFolder, dEnv) })
    {
        if (result.GetValue(folder) is not null || result.GetValue(environment) is { Length: > 0 })
        {
            setups.Add(Setup(result.GetValue(folder), result.GetValue(environment)!));
        }
    }

    return await Bench.CompareAsync(result.GetValue(abRows), result.GetValue(abRuns), setups);
});

var clientsCount = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 16 };
var clientsSeconds = new Option<int>("--seconds") { Description = "How long each run lasts.", DefaultValueFactory = _ => 30 };
var clientsRuns = new Option<int>("--runs") { Description = "Runs, each on a fresh server.", DefaultValueFactory = _ => 3 };
var manyClients = new Command("clients", "Only the many-small-imports case, several times: throughput, latency, every failed call with its status.") { clientsCount, clientsSeconds, clientsRuns };
manyClients.SetAction(async (result, _) => await Bench.ManyClientsAsync(result.GetValue(clientsCount), result.GetValue(clientsSeconds), result.GetValue(clientsRuns)));

var postgresRows = new Option<int>("--rows") { Description = "Rows of the CSV (no duplicate address).", DefaultValueFactory = _ => 1_000_000 };
var postgresRuns = new Option<int>("--runs") { Description = "Runs of each, alternating.", DefaultValueFactory = _ => 3 };
var postgres = new Command("postgres", "Only the PostgreSQL case: psql \\copy beside the CSV end to end on the PostgreSQL store, in one throwaway cluster.") { postgresRows, postgresRuns };
postgres.SetAction(async (result, _) => await Bench.PostgresAsync(result.GetValue(postgresRows), result.GetValue(postgresRuns)));

var output = new Option<string>("--output", "-o") { Description = "The file to write.", Required = true };
var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "csv" };
var generate = new Command("generate", "Writes a realistic user file.") { rows, format, output };
generate.SetAction(result =>
{
    var path = result.GetValue(output)!;
    if (result.GetValue(format) == "xlsx")
    {
        UserFileGenerator.WriteXlsx(path, result.GetValue(rows));
    }
    else
    {
        UserFileGenerator.WriteCsv(path, result.GetValue(rows));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {new FileInfo(path).Length / 1e6:0.0} MB"));
    return 0;
});

return await new RootCommand("BulkInvite benchmark.") { run, drain, upload, generate, ab, manyClients, postgres }.Parse(args).InvokeAsync();

static ServerSetup Setup(string? folder, string[] environment) => new(
    folder is null ? null : Path.GetFullPath(folder),
    environment.Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => e.Length > 1 ? e[1] : ""));
