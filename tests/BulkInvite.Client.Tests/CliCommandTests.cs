using System.Text.Json;
using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

public sealed class CliCommandTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task WritesAnXlsxSampleThatImportsWithNoDiagnostic()
    {
        var path = Path.Combine(server.FilesFolder, $"{Guid.NewGuid():N}.xlsx");

        var sample = await Cli.RunAsync("sample", "--format", "xlsx", "-o", path);
        var import = await Cli.RunAsync("import", path, "--org", _organization, "-p", "projects.view", "--yes", "--output", "json");

        Assert.Equal(0, sample.ExitCode);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(path)[..2]);
        Assert.Equal(0, import.ExitCode);
        using var json = JsonDocument.Parse(import.Out);
        Assert.Empty(json.RootElement.GetProperty("fileDiagnostics").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("rowDiagnostics").EnumerateArray());
        Assert.True(json.RootElement.GetProperty("invitedCount").GetInt32() > 0);
    }

    [Fact]
    public async Task WritesACsvSampleWhenNoFormatIsGiven()
    {
        var path = Path.Combine(server.FilesFolder, $"{Guid.NewGuid():N}.csv");

        var sample = await Cli.RunAsync("sample", "-o", path);

        Assert.Equal(0, sample.ExitCode);
        Assert.StartsWith("Email,First name,Last name", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsThePermissions()
    {
        var text = await Cli.RunAsync("permissions");
        var json = await Cli.RunAsync("permissions", "--output", "json");

        Assert.Equal((0, 0), (text.ExitCode, json.ExitCode));
        Assert.Equal("projects.view", TextTable.RowWith(text.Out, "projects.view")[0]);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Contains("organization.admin", document.RootElement.GetProperty("permissions").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListsAnOrganizationsImportsNewestFirst()
    {
        using var client = server.ClientFor(_organization);
        var older = await client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: TestContext.Current.CancellationToken);
        await Task.Delay(20, TestContext.Current.CancellationToken); // creation times are kept to the millisecond
        var newer = await client.UploadFileAsync(Files.Fixture("team_libreoffice.xlsx"), _organization, cancellationToken: TestContext.Current.CancellationToken);

        var text = await Cli.RunAsync("imports", "--org", _organization);
        var json = await Cli.RunAsync("imports", "--org", _organization, "--output", "json");

        Assert.Equal((0, 0), (text.ExitCode, json.ExitCode));
        Assert.True(text.Out.IndexOf(newer.ImportId, StringComparison.Ordinal) < text.Out.IndexOf(older.ImportId, StringComparison.Ordinal), text.Out);
        Assert.Equal("UPLOADED", TextTable.RowWith(text.Out, newer.ImportId)[3]);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal([newer.ImportId, older.ImportId], document.RootElement.GetProperty("imports").EnumerateArray().Select(i => i.GetProperty("importId").GetString()));
    }

    [Fact]
    public async Task ShowsOneImport()
    {
        await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes");
        using var client = server.ClientFor(_organization);
        var id = (await client.ListImportsAsync(_organization, TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken)).ImportId;

        var result = await Cli.RunAsync("imports", "show", id);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(id, result.Out, StringComparison.Ordinal);
        Assert.Contains("APPLIED", result.Out, StringComparison.Ordinal);
        Assert.Contains("4 (0 skipped: already invited or members)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheAuditTrailNewestFirst()
    {
        await Cli.RunAsync("import", Files.Fixture("team_utf8.csv"), "--org", _organization, "-p", "projects.view", "--yes");

        var text = await Cli.RunAsync("audit", "--org", _organization);
        var json = await Cli.RunAsync("audit", "--org", _organization, "--output", "json");

        Assert.Equal((0, 0), (text.ExitCode, json.ExitCode));
        var applied = TextTable.RowWith(text.Out, "APPLIED");
        Assert.Equal(("test-user", "APPLIED", "team_utf8.csv", "4", "projects.view"), (applied[1], applied[2], applied[4], applied[7], applied[8]));
        Assert.True(text.Out.IndexOf("APPLIED", StringComparison.Ordinal) < text.Out.IndexOf("CHECKED", StringComparison.Ordinal), text.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(
            ["AUDIT_ACTION_APPLIED", "AUDIT_ACTION_CHECKED", "AUDIT_ACTION_UPLOADED"],
            document.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task ExitsWith2AndSaysSoForAnUnknownImport()
    {
        var result = await Cli.RunAsync("imports", "show", Guid.NewGuid().ToString("N"), "--output", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("NOT_FOUND", json.RootElement.GetProperty("error").GetProperty("status").GetString());
        Assert.Contains("was not found", result.Error, StringComparison.Ordinal);
    }
}
