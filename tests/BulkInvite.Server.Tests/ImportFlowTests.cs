using System.Security.Cryptography;
using System.Text;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Dapper;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>The whole flow through a real gRPC channel: upload, check, apply.</summary>
public abstract class ImportFlowTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Theory]
    [InlineData("team_utf8.csv", FileFormat.Csv)]
    [InlineData("team_excel_fr_semicolon.csv", FileFormat.Csv)]
    [InlineData("team_unicode_text.csv", FileFormat.Csv)]
    [InlineData("team_libreoffice.xlsx", FileFormat.Xlsx)]
    [InlineData("team_libreoffice.xls", FileFormat.Xls)]
    public async Task InvitesTheFourValidUsersOfEachSampleFile(string fixture, FileFormat format)
    {
        var content = Files.Fixture(fixture);

        var uploaded = await Client.UploadAsync(content, fixture, chunkSize: 100);
        var check = await Client.CheckAsync(uploaded.ImportId);
        var applied = await Client.ApplyAsync(uploaded.ImportId, "", "projects.view", "images.annotate");

        Assert.Equal((ImportState.Uploaded, format, content.Length), (uploaded.State, uploaded.Format, (int)uploaded.SizeBytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), uploaded.Sha256);
        Assert.Equal((ImportState.Checked, 5, 4, 1), (check.Import.State, check.Import.TotalRows, check.Import.ValidRows, check.Import.InvalidRows));
        Assert.Empty(check.FileDiagnostics);
        var error = Assert.Single(check.RowDiagnostics);
        Assert.Equal((4, "Email", DiagnosticCode.EmailInvalid, Severity.Error, "not-an-email"), (error.RowNumber, error.Column, error.Code, error.Severity, error.Value));
        Assert.Equal((4, 0, ImportState.Applied), (applied.InvitedCount, applied.SkippedCount, applied.Import.State));
        Assert.Equal(["images.annotate", "projects.view"], applied.Import.Permissions);
    }

    [Fact]
    public async Task DetectsTheFormatFromTheContentNotTheName()
    {
        var xls = await Client.UploadAsync(Files.Fixture("team_libreoffice.xls"), "named-as.xlsx");
        var xlsx = await Client.UploadAsync(Files.Fixture("team_libreoffice.xlsx"), "named-as.csv");
        var png = await Client.UploadAsync(Files.Png(), "picture.csv");

        Assert.Equal((FileFormat.Xls, FileFormat.Xlsx, FileFormat.Unspecified), (xls.Format, xlsx.Format, png.Format));
        Assert.Equal(4, (await Client.CheckAsync(xls.ImportId)).Import.ValidRows);
    }

    [Fact]
    public async Task StoresTheNamesAsTheSpreadsheetProgramWroteThem()
    {
        var semicolon = await Client.UploadAsync(Files.Fixture("team_excel_fr_semicolon.csv"));
        var utf16 = await Client.UploadAsync(Files.Fixture("team_unicode_text.csv"));
        await Client.CheckAsync(semicolon.ImportId);
        await Client.CheckAsync(utf16.ImportId);

        using var db = _server.OpenDatabase();
        const string namesOf = "SELECT r.first_name || ' ' || r.last_name FROM import_rows r JOIN imports i ON i.import_key = r.import_key WHERE i.import_id = @id ORDER BY r.row_number";
        var names = db.Query<string>(namesOf, new { id = utf16.ImportId }).ToList();
        var latin = db.Query<string>(namesOf, new { id = semicolon.ImportId }).ToList();

        Assert.Contains(names, n => n.Any(c => c > '\u3000')); // the Japanese row survived UTF-16
        Assert.Contains(latin, n => n.Any(c => c is >= 'À' and <= 'ÿ')); // Windows-1252 accents decoded
        Assert.DoesNotContain(latin.Concat(names), n => n.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"Email\",\"First name\",\"Last name\"\r\nann@example.com,Ann,Lee\r\n", true)]
    [InlineData("email;first_name;last_name;description\nann@example.com;Ann;Lee;\"Team; lead\"\n", false)]
    [InlineData("EMAIL\tFIRST NAME\tLAST NAME\rann@example.com\tAnn\tLee\r", false)]
    public async Task ReadsCsvDialectsExcelAndScriptsWrite(string text, bool bom)
    {
        var import = await Client.UploadAsync(Files.Utf8Csv(text, bom));

        var check = await Client.CheckAsync(import.ImportId);

        Assert.Equal((ImportState.Checked, 1, 1), (check.Import.State, check.Import.TotalRows, check.Import.ValidRows));
        Assert.Empty(check.RowDiagnostics);
    }

    [Fact]
    public async Task ReportsEveryRowProblemWithItsRowAndColumnAndStillChecksTheFile()
    {
        var csv = "Email,First name,Last name,Description\n" +
                  "ann@example.com,Ann,Lee,\n" +
                  "\n" +
                  ",Bob,Ray,\n" +
                  "ANN@Example.com,Ann,Again,\n" +
                  "cid@example.com,,Cole,=HYPERLINK(\"x\")\n" +
                  "dee@example.com,Dee,Dunn,,extra\n";

        var import = await Client.UploadAsync(Files.Utf8Csv(csv));
        var check = await Client.CheckAsync(import.ImportId);

        var found = check.RowDiagnostics.Select(d => (d.RowNumber, d.Column, d.Code)).ToList();
        Assert.Equal(
            [
                (4, "Email", DiagnosticCode.EmailMissing),
                (5, "Email", DiagnosticCode.DuplicateEmail),
                (6, "First name", DiagnosticCode.FirstNameMissing),
                (6, "Description", DiagnosticCode.FormulaPrefix),
                (7, "", DiagnosticCode.ExtraFields),
            ],
            found);
        Assert.Contains("row 2", check.RowDiagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal((ImportState.Checked, 5, 1, 4), (check.Import.State, check.Import.TotalRows, check.Import.ValidRows, check.Import.InvalidRows));
    }

    [Theory]
    [InlineData("columns_reordered.xlsx")]
    [InlineData("columns_reordered.xls")]
    [InlineData("columns_french_excel_semicolon.csv")]
    [InlineData("excel_mac_reordered.xlsx")]
    public async Task ChecksAndAppliesAFileWhoseColumnsAreInAnotherOrderOrNamedByAnAlias(string fixture)
    {
        var import = await Client.UploadAsync(Files.Fixture(fixture));

        var check = await Client.CheckAsync(import.ImportId);
        var applied = await Client.ApplyAsync(import.ImportId, "", "projects.view");

        Assert.Empty(check.FileDiagnostics);
        var invalid = Assert.Single(check.RowDiagnostics);
        Assert.Equal(("Email", DiagnosticCode.EmailInvalid, "not-an-email"), (invalid.Column, invalid.Code, invalid.Value));
        Assert.Equal(ImportState.Checked, check.Import.State);
        Assert.Equal(check.Import.ValidRows, applied.InvitedCount);
    }

    [Fact]
    public async Task StoresTheWarningAboutAColumnNotImportedWithTheFileDiagnosticsAndStillAppliesTheFile()
    {
        var import = await Client.UploadAsync(Files.Fixture("columns_extra.xlsx"));

        var check = await Client.CheckAsync(import.ImportId);
        var rows = await Client.AllRowDiagnosticsAsync(import.ImportId, pageSize: 1);
        var applied = await Client.ApplyAsync(import.ImportId, "", "projects.view");

        Assert.Equal((ImportState.Checked, 5, 4), (check.Import.State, check.Import.TotalRows, check.Import.ValidRows));
        var warning = Assert.Single(check.FileDiagnostics);
        Assert.Equal((0, "", Severity.Warning), (warning.RowNumber, warning.Column, warning.Severity));
        Assert.StartsWith("Department (E) is not imported", warning.Message, StringComparison.Ordinal);
        Assert.Equal([(4, DiagnosticCode.EmailInvalid)], rows.Select(d => (d.RowNumber, d.Code)));
        Assert.Equal(4, applied.InvitedCount);
    }

    [Fact]
    public async Task ASecondImportWarnsAboutAndSkipsAddressesAlreadyInvited()
    {
        var first = await Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await Client.CheckAsync(first.ImportId);
        await Client.ApplyAsync(first.ImportId, "", "projects.view");

        var second = await Client.UploadAsync(Files.Fixture("team_libreoffice.xlsx"));
        var check = await Client.CheckAsync(second.ImportId);
        var applied = await Client.ApplyAsync(second.ImportId, "", "projects.view");

        Assert.Equal(4, check.RowDiagnostics.Count(d => d.Code == DiagnosticCode.AlreadyInvited && d.Severity == Severity.Warning));
        Assert.Equal(4, check.Import.ValidRows);
        Assert.Equal((0, 4), (applied.InvitedCount, applied.SkippedCount));
    }

    [Fact]
    public async Task AnAddressIsInvitedOncePerOrganizationButEachOrganizationGetsItsOwn()
    {
        var globexClient = _server.ClientFor("globex");
        var acme = await Client.UploadAsync(Files.Fixture("team_utf8.csv"), organizationId: "acme");
        var globex = await globexClient.UploadAsync(Files.Fixture("team_utf8.csv"), organizationId: "globex");
        await Client.CheckAsync(acme.ImportId);
        await globexClient.CheckAsync(globex.ImportId);

        var acmeApplied = await Client.ApplyAsync(acme.ImportId, "", "projects.view");
        var globexApplied = await globexClient.ApplyAsync(globex.ImportId, "", "projects.view");

        Assert.Equal((4, 4), (acmeApplied.InvitedCount, globexApplied.InvitedCount));
        using var db = _server.OpenDatabase();
        Assert.Equal(8, db.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations WHERE status = 'pending'"));
    }

    [Fact]
    public async Task InvitationsCarryThePermissionSetAndExpireAfterSevenDays()
    {
        var import = await Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await Client.CheckAsync(import.ImportId);

        await Client.ApplyAsync(import.ImportId, "", "models.train", "projects.view", "models.train");

        using var db = _server.OpenDatabase();
        var invitations = db.Query<(string Permissions, long CreateTime, long ExpireTime)>(
            "SELECT m.permissions, i.create_time, i.expire_time FROM invitations i JOIN imports m ON m.apply_key = i.invitation_id / 4294967296").ToList();
        Assert.Equal(4, invitations.Count);
        Assert.All(invitations, i => Assert.Equal("[\"models.train\",\"projects.view\"]", i.Permissions));
        Assert.All(invitations, i => Assert.Equal(TimeSpan.FromDays(7), TimeSpan.FromMilliseconds(i.ExpireTime - i.CreateTime)));
        Assert.All(invitations, i => Assert.Equal(_server.Clock.GetUtcNow().ToUnixTimeMilliseconds(), i.CreateTime));
    }

    [Theory]
    [InlineData(FileFormat.Csv)]
    [InlineData(FileFormat.Xlsx)]
    public async Task TheSampleFilePassesItsOwnCheckWithNoDiagnostic(FileFormat format)
    {
        using var call = Client.GetSampleFile(new GetSampleFileRequest { Format = format }, cancellationToken: TestContext.Current.CancellationToken);
        var bytes = new List<byte>();
        var names = new List<string>();
        while (await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken))
        {
            names.Add(call.ResponseStream.Current.FileName);
            bytes.AddRange(call.ResponseStream.Current.Chunk.ToByteArray());
        }

        var import = await Client.UploadAsync([.. bytes], names[0]);
        var check = await Client.CheckAsync(import.ImportId);

        Assert.EndsWith(format == FileFormat.Csv ? ".csv" : ".xlsx", names[0], StringComparison.Ordinal);
        Assert.Equal(format, import.Format);
        Assert.Equal(ImportState.Checked, check.Import.State);
        Assert.True(check.Import.ValidRows > 0);
        Assert.Equal(check.Import.TotalRows, check.Import.ValidRows);
        Assert.Empty(check.FileDiagnostics);
        Assert.Empty(check.RowDiagnostics);
    }

    [Fact]
    public async Task ListsThePermissionCatalog()
    {
        var response = await Client.ListPermissionsAsync(new ListPermissionsRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            ["projects.view", "images.annotate", "annotations.review", "models.train", "models.deploy", "members.invite", "organization.admin"],
            response.Permissions.Select(p => p.Id));
        Assert.All(response.Permissions, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public async Task GetsListsAndDeletesImports()
    {
        var older = await Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        _server.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await _server.ClientFor("globex").UploadAsync(Files.Fixture("team_utf8.csv"), organizationId: "globex");
        var ct = TestContext.Current.CancellationToken;

        var fetched = await Client.GetImportAsync(new GetImportRequest { ImportId = older.ImportId }, cancellationToken: ct);
        var page1 = await Client.ListImportsAsync(new ListImportsRequest { OrganizationId = "acme", PageSize = 1 }, cancellationToken: ct);
        var page2 = await Client.ListImportsAsync(new ListImportsRequest { OrganizationId = "acme", PageSize = 1, PageToken = page1.NextPageToken }, cancellationToken: ct);
        await Client.DeleteImportAsync(new DeleteImportRequest { ImportId = older.ImportId }, cancellationToken: ct);
        var afterDelete = await Client.ListImportsAsync(new ListImportsRequest { OrganizationId = "acme" }, cancellationToken: ct);

        Assert.Equal(older, fetched.Import);
        Assert.Equal([newer.ImportId, older.ImportId], page1.Imports.Concat(page2.Imports).Select(i => i.ImportId));
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal([newer.ImportId], afterDelete.Imports.Select(i => i.ImportId));
        Assert.DoesNotContain(older.ImportId + ".upload", _server.StoredFiles());
    }

    [Fact]
    public async Task DeletingAnAppliedImportKeepsItsInvitations()
    {
        var import = await Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        await Client.CheckAsync(import.ImportId);
        await Client.ApplyAsync(import.ImportId, "", "projects.view");

        await Client.DeleteImportAsync(new DeleteImportRequest { ImportId = import.ImportId }, cancellationToken: TestContext.Current.CancellationToken);

        var again = await Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        var check = await Client.CheckAsync(again.ImportId);
        Assert.Equal(4, check.RowDiagnostics.Count(d => d.Code == DiagnosticCode.AlreadyInvited));
    }

    [Fact]
    public async Task PagesThroughRowDiagnosticsInRowOrder()
    {
        var import = await Client.UploadAsync(Files.ManyUsers(250, row => $"bad-{row}"));

        var first = await Client.CheckAsync(import.ImportId);
        var all = await Client.AllRowDiagnosticsAsync(import.ImportId, pageSize: 40);
        var capped = await Client.CheckAsync(import.ImportId, pageSize: 5000);

        Assert.Equal(100, first.RowDiagnostics.Count);
        Assert.NotEqual("", first.NextPageToken);
        Assert.Equal(Enumerable.Range(2, 250), all.Select(d => d.RowNumber));
        Assert.Equal(250, capped.RowDiagnostics.Count);
        Assert.Equal("", capped.NextPageToken);
    }

    [Fact]
    public async Task ChecksOnceAndReturnsTheStoredResultAfterwards()
    {
        var import = await Client.UploadAsync(Files.Fixture("team_utf8.csv"));
        var first = await Client.CheckAsync(import.ImportId);

        _server.Clock.Advance(TimeSpan.FromHours(1));
        var second = await Client.CheckAsync(import.ImportId);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task UploadsOneByteChunksAndFullMebibyteChunks()
    {
        var small = Files.Fixture("team_utf8.csv");
        var large = Files.ManyUsers(60_000);

        var bytewise = await Client.UploadAsync(small, chunkSize: 1, sizeBytes: small.Length, sha256: Convert.ToHexStringLower(SHA256.HashData(small)));
        var mebibytes = await Client.UploadAsync(large, chunkSize: 1024 * 1024, sizeBytes: large.Length);
        var check = await Client.CheckAsync(mebibytes.ImportId);

        Assert.Equal(small.Length, bytewise.SizeBytes);
        Assert.True(large.Length > 1024 * 1024);
        Assert.Equal(60_000, check.Import.ValidRows);
    }

    [Fact]
    public async Task KeepsNonAsciiNamesAndWarnsAboutNonAsciiAddresses()
    {
        var csv = Encoding.UTF8.GetBytes("Email,First name,Last name\nuser@münchen.de,Jürgen,Groß\nzoë@example.com,Zoë,Ångström\n");
        var import = await Client.UploadAsync(csv);

        var check = await Client.CheckAsync(import.ImportId);

        var warning = Assert.Single(check.RowDiagnostics);
        Assert.Equal((3, DiagnosticCode.EmailNonAscii, Severity.Warning), (warning.RowNumber, warning.Code, warning.Severity));
        using var db = _server.OpenDatabase();
        Assert.Equal("user@xn--mnchen-3ya.de", db.ExecuteScalar<string>("SELECT normalized_email FROM import_rows WHERE row_number = 2"));
    }
}

public sealed class SqliteImportFlowTests() : ImportFlowTests(TestStore.Sqlite);

public sealed class PostgresImportFlowTests(PostgresCluster cluster) : ImportFlowTests(TestStore.Postgres(cluster));
