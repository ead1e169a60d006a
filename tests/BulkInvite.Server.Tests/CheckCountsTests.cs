using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;

namespace BulkInvite.Server.Tests;

/// <summary>The check's finer counts and column mapping, and the apply's skipped split, as stored and returned.</summary>
public abstract class CheckCountsTests(TestStore store) : IDisposable
{
    private readonly BulkInviteServer _server = new(store: store);

    private UserImportService.UserImportServiceClient Client => _server.Client;

    private InvitationService.InvitationServiceClient Invitee => _server.InvitationsWith(null);

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task ReturnsHowEachColumnWasMappedOnEveryPageAndInTheStreamedResult()
    {
        var import = await Client.UploadAsync(Files.Utf8Csv("Phone,Courriel,Prénom,Nom,,Department\n1,ann@example.com,Ann,Lee,,x\n2,bad,Bob,Ray,,y\n"));

        var first = await Client.CheckAsync(import.ImportId, pageSize: 1);
        var second = await Client.CheckAsync(import.ImportId, pageSize: 1, pageToken: first.NextPageToken);
        using var stream = Client.StreamCheckImport(new StreamCheckImportRequest { ImportId = import.ImportId }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(await stream.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
        var streamed = stream.ResponseStream.Current.Result;

        Assert.Equal(
            [(1, "Phone", ImportField.Ignored), (2, "Courriel", ImportField.Email), (3, "Prénom", ImportField.FirstName), (4, "Nom", ImportField.LastName),
             (5, "", ImportField.Ignored), (6, "Department", ImportField.Ignored)],
            first.ColumnMappings.Select(c => (c.ColumnNumber, c.Header, c.Field)));
        Assert.Equal(first.ColumnMappings, second.ColumnMappings);
        Assert.Equal(first.ColumnMappings, streamed.ColumnMappings);
    }

    [Fact]
    public async Task ReturnsTheMappingOfAFileRejectedAfterItsHeaderWasRead()
    {
        var import = await Client.UploadAsync(Files.Utf8Csv("Email,Email,First name\nann@example.com,ann@example.com,Ann\n"));

        var check = await Client.CheckAsync(import.ImportId);

        Assert.Equal(ImportState.Rejected, check.Import.State);
        Assert.Equal([ImportField.Email, ImportField.Email, ImportField.FirstName], check.ColumnMappings.Select(c => c.Field));
    }

    [Fact]
    public async Task CountsTheRowsWithWarningsAndThoseAnApplyWouldSkipThenTheSkippedSplit()
    {
        await _server.InviteAsync("ann@example.com", "bob@example.com");
        await Invitee.AcceptAsync((await PickupFolder.TokensForAsync(_server.MailFolder, "bob@example.com")).Single());
        var csv = "Email,First name,Last name\n" +
                  "ann@example.com,Ann,Lee\n" + // already invited
                  "bob@example.com,=Bob,Ray\n" + // a member, and a formula warning: one row with warnings
                  "cid@example.com,Cid,-Cole\n" + // a formula warning
                  "dee@example.com,Dee,Dunn\n" +
                  "bad,Eve,Moss\n";

        var check = await Client.UploadAndCheckAsync(csv);
        var applied = await Client.ApplyAsync(check.Import.ImportId, "", "projects.view");

        Assert.Equal((5, 4, 1, 3), RowCalls.Counts(check.Import));
        Assert.Equal((1, 1), (check.Import.AlreadyInvitedRows, check.Import.AlreadyMemberRows));
        Assert.Equal((2, 2, 1, 1), (applied.InvitedCount, applied.SkippedCount, applied.Import.SkippedAlreadyInvitedCount, applied.Import.SkippedAlreadyMemberCount));
        Assert.Equal((1, 1), ((await Client.GetImportAsync(new GetImportRequest { ImportId = check.Import.ImportId }, cancellationToken: TestContext.Current.CancellationToken)).Import.SkippedAlreadyInvitedCount, applied.Import.SkippedAlreadyMemberCount));
    }
}

public sealed class SqliteCheckCountsTests() : CheckCountsTests(TestStore.Sqlite);

public sealed class PostgresCheckCountsTests(PostgresCluster cluster) : CheckCountsTests(TestStore.Postgres(cluster));
