using BulkInvite.Client.Tests.Infrastructure;

namespace BulkInvite.Client.Tests;

/// <summary>Records fit a terminal without breaking an address, and are tab-separated lines in a pipe.</summary>
public sealed class CliOutputTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();

    private CliRunner Cli => server.CliFor(_organization);

    [Fact]
    public async Task DrawsErrorsOnAn80ColumnTerminalWithEveryAddressWholeAndNoLineWider()
    {
        var path = Files.Csv(server.FilesFolder, LongBadAddresses(12));

        var result = await Cli.RunWithTerminalOutAsync(80, "import", path, "-p", "projects.view", "--all");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80: {line}"));
        Assert.All(Enumerable.Range(0, 12), i => Assert.Contains(lines, l => l.Contains(LongBadAddress(i), StringComparison.Ordinal)));
        Assert.Contains("│ Row │ Column │ Value", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesRecordsAsTabSeparatedLinesWhenStdoutIsNotATerminal()
    {
        var path = Files.Csv(server.FilesFolder, LongBadAddresses(2));

        var result = await Cli.RunAsync("import", path, "-p", "projects.view");

        Assert.Contains("Code\tRow\tColumn\tValue\tProblem\n", result.Out, StringComparison.Ordinal);
        Assert.Contains($"EMAIL_INVALID\t3\tEmail\t{LongBadAddress(0)}\tThe address has no @.\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("│", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsRecordsAsBlocksWhenATableCannotFitTheTerminal()
    {
        using var client = server.ClientFor(_organization);
        await client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: TestContext.Current.CancellationToken);

        var result = await Cli.RunWithTerminalOutAsync(40, "imports");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("│", result.Out, StringComparison.Ordinal);
        Assert.Contains("team_utf8.csv", TextTable.RowWith(result.Out, "File").Last(), StringComparison.Ordinal);
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 40, $"wider than 40: {line}"));
    }

    /// <summary>The real process on a real pseudo-terminal 80 columns wide (util-linux `script`), as a person runs it.</summary>
    [Fact]
    public async Task TheRealProcessOnAnEightyColumnTerminalKeepsEveryAddressWhole()
    {
        var path = Files.Csv(server.FilesFolder, LongBadAddresses(5));

        var (exitCode, screen) = await CliProcess.RunOnTerminalAsync(server.Url, ServerFixture.Token(_organization), 80, "n", "import", path, "-p", "projects.view", "--all");

        Assert.Equal(1, exitCode);
        var lines = screen.Split('\n');
        Assert.All(Enumerable.Range(0, 5), i => Assert.Contains(lines, l => l.Contains(LongBadAddress(i), StringComparison.Ordinal)));
        Assert.Contains("│ Row │ Column │ Value", screen, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied.", screen, StringComparison.Ordinal);
    }

    private static string LongBadAddresses(int count) =>
        "Email,First name,Last name\nvalid.person@example.com,Valid,Person\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{LongBadAddress(i)},First,Last\n"));

    // 40 characters, no @: longer than a squeezed column, shorter than a terminal line.
    private static string LongBadAddress(int i) => $"firstname.lastname{i:D2}.example-company.com";
}
