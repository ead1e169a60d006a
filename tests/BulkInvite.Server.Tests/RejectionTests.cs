using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>Files with a file-level problem are REJECTED with one clear diagnostic, and nothing can be applied from them.</summary>
public abstract class RejectionTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?> { ["BulkInvite:MaxRows"] = "3" }, store: store);

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    public static TheoryData<string, byte[], DiagnosticCode> RejectedFiles => new()
    {
        { "an empty file", [], DiagnosticCode.FileEmpty },
        { "only a byte order mark", [0xEF, 0xBB, 0xBF], DiagnosticCode.FileEmpty },
        { "only blank lines", Files.Utf8Csv("\r\n , , \r\n\r\n"), DiagnosticCode.FileEmpty },
        { "a misspelled column", Files.Utf8Csv("First name,Emial,Last name\nAnn,ann@example.com,Lee\n"), DiagnosticCode.HeaderMismatch },
        { "a missing column", Files.Utf8Csv("Email,First name\nann@example.com,Ann\n"), DiagnosticCode.HeaderMismatch },
        { "a full name instead of first and last names", Files.Utf8Csv("Email,Name,Team\nann@example.com,Ann Lee,Sales\n"), DiagnosticCode.HeaderMismatch },
        { "a header and no users", Files.Utf8Csv("Email,First name,Last name\n\n  \n"), DiagnosticCode.NoUserRows },
        { "more rows than the limit", Files.ManyUsers(4), DiagnosticCode.TooManyRows },
        { "a PNG image", Files.Png(), DiagnosticCode.UnsupportedFormat },
        { "an xlsb workbook", Files.Xlsb(), DiagnosticCode.UnsupportedFormat },
        { "a truncated xlsx", Files.TruncatedXlsx(), DiagnosticCode.FileUnreadable },
    };

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public async Task RejectsAFileWith(string problem, byte[] content, DiagnosticCode expected)
    {
        var import = await Client.UploadAsync(content, "users.xlsx");

        var check = await Client.CheckAsync(import.ImportId);

        Assert.True(check.Import.State == ImportState.Rejected, problem);
        var diagnostic = Assert.Single(check.FileDiagnostics);
        Assert.Equal((0, expected, Severity.Error), (diagnostic.RowNumber, diagnostic.Code, diagnostic.Severity));
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        Assert.Empty(check.RowDiagnostics);
        Assert.Equal((0, 0), (check.Import.TotalRows, check.Import.ValidRows));
    }

    [Fact]
    public async Task TheHeaderMismatchMessageShowsTheExpectedAndTheFoundHeaderAndTheClosestName()
    {
        var import = await Client.UploadAsync(Files.Utf8Csv("Emial,Given name,Surname\nann@example.com,Ann,Lee\n"));

        var diagnostic = (await Client.CheckAsync(import.ImportId)).FileDiagnostics.Single();

        Assert.Contains("It needs Email, First name and Last name, in any order", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("the file's header is \"Emial, Given name, Surname\"", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("Found \"Emial\": did you mean Email?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedImportCannotBeApplied()
    {
        var import = await Client.UploadAsync(Files.Png());
        await Client.CheckAsync(import.ImportId);

        var error = await Calls.FailsAsync(() => Client.ApplyAsync(import.ImportId, "", "projects.view"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("rejected", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteRejectionTests() : RejectionTests(TestStore.Sqlite);

public sealed class PostgresRejectionTests(PostgresCluster cluster) : RejectionTests(TestStore.Postgres(cluster));
