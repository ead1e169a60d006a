using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BulkInvite.Server.Security;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>
/// What an operator sees of a real server process: the startup banner, the Prometheus scrape after a
/// real import and its emails, the HTTP health endpoints over the socket, the log lines per import
/// phase and of the email dispatcher, and JSON console logs.
/// </summary>
public sealed partial class OperationsTests(PostgresCluster cluster) : IDisposable
{
    private const int Users = 120;
    private const int BatchSize = 50;
    private readonly string _folder = BulkInviteServer.NewFolder();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => BulkInviteServer.DeleteFolder(_folder);

    [Fact]
    public async Task TheMetricsCountARealImportAndTheEmailsItSent()
    {
        await using var server = await StartAsync();
        var file = Files.ManyUsers(Users, row => row == 7 ? "not-an-email" : $"user{row}@example.com");

        var applied = await ImportAsync(server, file);
        var metrics = await ScrapeUntilAsync(server, m => m.Value("bulkinvite_emails_sent_total") >= Users - 1);

        Assert.Equal(Users - 1, applied.InvitedCount);
        Assert.Equal(1, metrics.Value("bulkinvite_imports_total", ("outcome", "uploaded")));
        Assert.Equal(1, metrics.Value("bulkinvite_imports_total", ("outcome", "checked")));
        Assert.Equal(1, metrics.Value("bulkinvite_imports_total", ("outcome", "applied")));
        Assert.Equal(0, metrics.Value("bulkinvite_imports_total", ("outcome", "failed")));
        Assert.Equal(Users, metrics.Value("bulkinvite_rows_checked_total"));
        Assert.Equal(file.Length, metrics.Value("bulkinvite_upload_bytes_total"));
        Assert.Equal(Users - 1, metrics.Value("bulkinvite_emails_sent_total"));
        Assert.Equal(0, metrics.Value("bulkinvite_emails_failed_total"));
        foreach (var phase in new[] { "upload", "check", "apply" })
        {
            Assert.Equal(1, metrics.Value("bulkinvite_import_phase_duration_seconds_count", ("phase", phase)));
        }

        var gauges = await ScrapeUntilAsync(server, m => m.Value("bulkinvite_outbox_queued") == 0 && m.Value("bulkinvite_invitations", ("status", "pending")) == Users - 1);
        Assert.Equal(Users - 1, gauges.Value("bulkinvite_invitations", ("status", "pending")));
        Assert.Equal(0, gauges.Value("bulkinvite_outbox_due"));
        Assert.True(gauges.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's request metrics are exported");
    }

    [Fact]
    public async Task OnPostgreSqlTheStoreGaugesAndNpgsqlsConnectionMetricsAreExported()
    {
        var database = PostgresCluster.NewDatabaseName();
        var server = await StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__BulkInvite"] = cluster.CreateDatabase(database, migrated: false),
        });

        var applied = await ImportAsync(server, Files.ManyUsers(5));
        var metrics = await ScrapeUntilAsync(server, m => m.Value("bulkinvite_invitations", ("status", "pending")) == 5);

        try
        {
            Assert.Equal(5, applied.InvitedCount);
            Assert.Equal(5, metrics.Value("bulkinvite_invitations", ("status", "pending")));
            Assert.Equal(1, metrics.Value("bulkinvite_imports_total", ("outcome", "applied")));
            // Cumulative figures: the pool's open connections may already be pruned (idle lifetime 10 s) when a loaded machine scrapes.
            var npgsql = "Npgsql's metrics:\n" + string.Join("\n", metrics.Text.Split('\n').Where(l => l.StartsWith("db_", StringComparison.Ordinal)));
            Assert.True(metrics.Has("db_client_connection_count"), npgsql);
            Assert.True(metrics.Value("db_client_connection_npgsql_create_time_seconds_count") > 0, npgsql);
            Assert.True(metrics.Value("db_client_operation_duration_seconds_count") > 0, npgsql);
        }
        finally
        {
            await server.DisposeAsync();
            cluster.DropDatabase(database);
        }
    }

    [Fact]
    public async Task EmailsThatCannotReachTheMailServerAreCountedAsTransportFailures()
    {
        await using var server = await StartAsync(new Dictionary<string, string>
        {
            ["Email__Mode"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = ServerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
        });

        await ImportAsync(server, Files.ManyUsers(2));
        var metrics = await ScrapeUntilAsync(server, m => m.Value("bulkinvite_emails_failed_total", ("reason", "transport")) >= 2);

        Assert.Equal(2, metrics.Value("bulkinvite_emails_failed_total", ("reason", "transport")));
        Assert.Equal(0, metrics.Value("bulkinvite_emails_sent_total"));
        Assert.Equal(2, metrics.Value("bulkinvite_outbox_queued"));
    }

    [Fact]
    public async Task OneLinePerPhaseWithIdsAndCountsAndTheDispatcherSummarizesItsBatches()
    {
        await using var server = await StartAsync();

        var applied = await ImportAsync(server, Files.ManyUsers(Users));
        var output = await OutputUntilAsync(server, o => SentInSummaries(o) >= Users);

        var importId = applied.Import.ImportId;
        Assert.Single(Lines(output, $"Import {importId} of acme uploaded: "));
        Assert.Single(Lines(output, $"Import {importId} of acme checked: {Users} rows, {Users} valid, 0 invalid, in "));
        Assert.Single(Lines(output, $"Import {importId} of acme applied: {Users} invited, 0 skipped, 1 permissions granted, in "));
        Assert.DoesNotContain("@example.com", output, StringComparison.Ordinal);
        Assert.DoesNotContain("users.csv", output, StringComparison.Ordinal);
        var batches = Lines(output, "Invitation emails: ");
        var summaries = Lines(output, "Sent ");
        Assert.Equal((Users + BatchSize - 1) / BatchSize, batches.Count);
        Assert.InRange(summaries.Count, 1, batches.Count - 1);
        Assert.Equal(Users, SentInSummaries(output));
        Assert.EndsWith("; 0 queued", summaries[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBannerSaysWhereItListensWhereDataAndEmailsGoAndWhetherReflectionIsOn()
    {
        await using var server = await StartAsync();

        var banner = await OutputUntilAsync(server, o => o.Contains("Telemetry:", StringComparison.Ordinal));

        Assert.Contains($"Listening:  {server.Address}: gRPC (HTTP/2; h2c on http://), /healthz/live, /healthz/ready, /metrics", banner, StringComparison.Ordinal);
        Assert.Contains($"Store:      SQLite {Path.Combine(_folder, "data", "bulkinvite.db")}", banner, StringComparison.Ordinal);
        Assert.Contains($"Emails:     .eml files in {Path.Combine(_folder, "data", "mail")}", banner, StringComparison.Ordinal);
        Assert.Contains("Reflection: off", banner, StringComparison.Ordinal);
        Assert.Contains("Telemetry:  Prometheus at /metrics; OTLP off", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("Token:", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentTheBannerSaysHowToMintAToken()
    {
        await using var server = await ServerProcess.StartAsync(_folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Authentication__SigningKey"] = TokenSettings.DevelopmentSigningKey,
        });

        var banner = await OutputUntilAsync(server, o => o.Contains("Token:", StringComparison.Ordinal));

        Assert.Contains("Reflection: on", banner, StringComparison.Ordinal);
        Assert.Contains("Token:      dotnet run --project src/BulkInvite.Server -- token --org acme --permission organization.admin", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHealthEndpointsAnswerOverTheSocket()
    {
        await using var server = await StartAsync();
        using var http = Http2Client();

        var live = await http.GetAsync(new Uri($"{server.Address}/healthz/live"), _ct);
        var ready = await http.GetAsync(new Uri($"{server.Address}/healthz/ready"), _ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task WithoutTheSettingThereIsNoScrapeEndpoint()
    {
        await using var server = await ServerProcess.StartAsync(_folder);
        using var http = Http2Client();

        var metrics = await http.GetAsync(new Uri($"{server.Address}/metrics"), _ct);

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
    }

    [Fact]
    public async Task JsonConsoleLogsAreOneJsonObjectPerLine()
    {
        await using var server = await StartAsync(new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });

        var applied = await ImportAsync(server, Files.ManyUsers(3));
        var output = await OutputUntilAsync(server, o => o.Contains("applied: 3 invited", StringComparison.Ordinal));

        var entries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var phases = entries.Where(e => e.GetProperty("Category").GetString() == "BulkInvite.Server.Hosting.ImportPhaseLog").ToList();
        Assert.Equal(3, phases.Count);
        Assert.All(phases, e => Assert.Equal(applied.Import.ImportId, e.GetProperty("State").GetProperty("ImportId").GetString()));
        Assert.Equal("Information", phases[0].GetProperty("LogLevel").GetString());
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "BulkInvite.Server.Hosting.StartupBanner");
    }

    private Task<ServerProcess> StartAsync(Dictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Telemetry__Prometheus__Enabled"] = "true",
            ["Email__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__BulkInvite.Server.Hosting.InvitationDispatchService"] = "Debug",
        };
        foreach (var (key, value) in more ?? [])
        {
            environment[key] = value;
        }

        return ServerProcess.StartAsync(_folder, environment);
    }

    private static async Task<ApplyPermissionsResponse> ImportAsync(ServerProcess server, byte[] file)
    {
        var client = new UserImportService.UserImportServiceClient(server.Channel);
        var import = await client.UploadAsync(file);
        await client.CheckAsync(import.ImportId);
        return await client.ApplyAsync(import.ImportId, "", "projects.view");
    }

    private async Task<PrometheusText> ScrapeUntilAsync(ServerProcess server, Func<PrometheusText, bool> done)
    {
        using var http = Http2Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var metrics = new PrometheusText(await http.GetStringAsync(new Uri($"{server.Address}/metrics"), _ct));
            if (done(metrics) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(250, _ct);
        }
    }

    private async Task<string> OutputUntilAsync(ServerProcess server, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done(server.Output) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, _ct);
        }

        await Task.Delay(500, _ct); // the console logger writes from a queue: let the lines after it out too
        return server.Output;
    }

    private static List<string> Lines(string output, string containing) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(containing, StringComparison.Ordinal)).ToList();

    private static int SentInSummaries(string output) =>
        Lines(output, "Sent ").Select(l => SummarySent().Match(l)).Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The scrape and health endpoints share the h2c gRPC port here: HTTP/2 with prior knowledge.</summary>
    private static HttpClient Http2Client() => new() { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    [GeneratedRegex(@"^Sent (\d+) invitation emails")]
    private static partial Regex SummarySent();
}
