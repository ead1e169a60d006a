using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Google.Rpc;
using Grpc.Core;
using static BulkInvite.Server.Tests.Infrastructure.RowCalls;

namespace BulkInvite.Server.Tests;

/// <summary>Fixing rows in place (ListImportRows, UpdateImportRows, RemoveImportRows) through a real gRPC channel.</summary>
public abstract class RowEditingTests(TestStore store) : IDisposable
{
    // Row 2 and row 5 share an address: row 5 is the duplicate. Row 3 has an invalid address, row 4 no first name.
    private const string Team =
        "Email,First name,Last name,Description\n" +
        "ann@example.com,Ann,Lee,\n" +
        "not-an-email,Bob,Ray,\n" +
        "cid@example.com,,Cole,\n" +
        "ANN@example.com,Ann,Again,\n" +
        "dee@example.com,Dee,Dunn,\n";

    private readonly BulkInviteServer _server = new(store: store);

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task ListsEveryRowWithItsValuesRevisionAndDiagnosticsAndFiltersErrorsAndWarnings()
    {
        var check = await Client.UploadAndCheckAsync(Team + "=eve@example.com,Eve,Moss,\n");
        var id = check.Import.ImportId;

        var all = await Client.AllRowsAsync(id, pageSize: 2);
        var errors = await Client.AllRowsAsync(id, RowFilter.Errors);
        var warnings = await Client.AllRowsAsync(id, RowFilter.Warnings);

        Assert.Equal([2, 3, 4, 5, 6, 7], all.Select(r => r.RowNumber));
        Assert.All(all, r => Assert.Equal(1, r.Revision));
        Assert.Equal(("not-an-email", "Bob", "Ray", false), (all[1].Email, all[1].FirstName, all[1].LastName, all[1].Valid));
        Assert.Equal(DiagnosticCode.EmailInvalid, Assert.Single(all[1].Diagnostics).Code);
        Assert.Equal([3, 4, 5], errors.Select(r => r.RowNumber));
        Assert.Equal([7], warnings.Select(r => r.RowNumber));
        Assert.Equal((6, 3, 3, 1), check.Import.Counts());
    }

    [Fact]
    public async Task FixingAnInvalidAddressMakesTheRowValidAndChangesTheCounts()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var fixedRow = await Client.UpdateAsync(id, Edit(3, email: "  bob@example.com "));
        var check = await Client.CheckAsync(id);

        var row = Assert.Single(fixedRow.Rows);
        Assert.Equal((3, "bob@example.com", 2L, true), (row.RowNumber, row.Email, row.Revision, row.Valid));
        Assert.Empty(row.Diagnostics);
        Assert.Empty(fixedRow.AffectedRowNumbers);
        Assert.Equal((5, 3, 2, 0), fixedRow.Import.Counts());
        Assert.Equal((5, 3, 2, 0), check.Import.Counts());
        Assert.DoesNotContain(check.RowDiagnostics, d => d.RowNumber == 3);
    }

    [Fact]
    public async Task AnEditThatBreaksARowIsReportedAsAnyOtherDiagnostic()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var broken = await Client.UpdateAsync(id, Edit(6, firstName: "", lastName: "Du\u0007nn", description: new string('x', 1001)));

        var row = Assert.Single(broken.Rows);
        Assert.False(row.Valid);
        Assert.Equal(
            [("First name", DiagnosticCode.FirstNameMissing), ("Last name", DiagnosticCode.InvalidCharacters), ("Description", DiagnosticCode.ValueTooLong)],
            row.Diagnostics.Select(d => (d.Column, d.Code)));
        Assert.Equal((5, 1, 4, 0), broken.Import.Counts());
        Assert.Equal(row.Diagnostics, (await Client.AllRowDiagnosticsAsync(id)).Where(d => d.RowNumber == 6));
    }

    [Fact]
    public async Task FixingTheFirstRowOfAnAddressClearsTheDuplicateOfTheLaterRow()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var changed = await Client.UpdateAsync(id, Edit(2, email: "ann.lee@example.com"));
        var later = await Client.RowAsync(id, 5);

        Assert.Equal([5], changed.AffectedRowNumbers);
        Assert.True(later.Valid);
        Assert.Empty(later.Diagnostics);
        Assert.Equal(1, later.Revision); // its cells did not change
        Assert.Equal((5, 3, 2, 0), changed.Import.Counts());
    }

    [Fact]
    public async Task GivingARowTheAddressOfALaterRowMakesTheLaterRowTheDuplicate()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        // Row 3 takes Dee's address: row 3 comes first, so row 6 becomes its duplicate.
        var changed = await Client.UpdateAsync(id, Edit(3, email: "DEE@example.com"));
        var dee = await Client.RowAsync(id, 6);

        Assert.True(Assert.Single(changed.Rows).Valid);
        Assert.Equal([6], changed.AffectedRowNumbers);
        var duplicate = Assert.Single(dee.Diagnostics);
        Assert.Equal((DiagnosticCode.DuplicateEmail, "dee@example.com"), (duplicate.Code, duplicate.Value));
        Assert.Contains("row 3", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal((5, 2, 3, 0), changed.Import.Counts());
    }

    [Fact]
    public async Task GivingARowTheAddressOfAnEarlierRowMakesItADuplicate()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var changed = await Client.UpdateAsync(id, Edit(6, email: "cid@example.com"));

        var row = Assert.Single(changed.Rows);
        Assert.Equal((false, DiagnosticCode.DuplicateEmail), (row.Valid, Assert.Single(row.Diagnostics).Code));
        Assert.Contains("row 4", row.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Empty(changed.AffectedRowNumbers);
    }

    [Fact]
    public async Task RemovingTheFirstRowOfAnAddressClearsTheDuplicateAndTheRowIsNoLongerCounted()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var removed = await Client.RemoveAsync(id, 2, 3);
        var again = await Client.RemoveAsync(id, 2, 3);
        var rows = await Client.AllRowsAsync(id);

        Assert.Equal([5], removed.AffectedRowNumbers);
        Assert.Equal((3, 2, 1, 0), removed.Import.Counts());
        Assert.Equal((3, 2, 1, 0), again.Import.Counts());
        Assert.Empty(again.AffectedRowNumbers);
        Assert.Equal([4, 5, 6], rows.Select(r => r.RowNumber));
        Assert.True(rows[1].Valid);
    }

    [Fact]
    public async Task AnEditFromAnOlderRevisionFailsTheWholeRequestWithAbortedNamingTheRow()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;
        await Client.UpdateAsync(id, Edit(3, email: "bob@example.com"));

        var error = await Calls.FailsAsync(() => Client.UpdateAsync(id, Edit(4, firstName: "Cid"), Edit(3, revision: 1, email: "robert@example.com")));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("ROW_REVISION_MISMATCH", status.GetDetail<ErrorInfo>()!.Reason);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(($"imports/{id}/rows/3", "ROW_REVISION_MISMATCH"), (violation.Subject, violation.Type));
        Assert.Equal(("bob@example.com", 2L), ((await Client.RowAsync(id, 3)).Email, (await Client.RowAsync(id, 3)).Revision));
        Assert.False((await Client.RowAsync(id, 4)).Valid); // the other edit of the request was not stored either
    }

    [Fact]
    public async Task OfTwoConcurrentEditsOfOneRowOneWinsAndTheOtherIsTold()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;
        var second = _server.ClientWith(Tokens.Admin(Calls.Organization));

        for (var round = 0; round < 5; round++)
        {
            var revision = (await Client.RowAsync(id, 3)).Revision;
            var calls = new[]
            {
                Client.UpdateAsync(id, Edit(3, revision, email: $"first{round}@example.com")),
                second.UpdateAsync(id, Edit(3, revision, email: $"second{round}@example.com")),
            };
            var outcomes = await Task.WhenAll(calls.Select(async c =>
            {
                try
                {
                    return (Row: (await c).Rows.Single(), Error: (RpcException?)null);
                }
                catch (RpcException e)
                {
                    return (Row: (ImportRow?)null, Error: e);
                }
            }));

            var winner = Assert.Single(outcomes, o => o.Row is not null).Row!;
            var loser = Assert.Single(outcomes, o => o.Error is not null).Error!;
            Assert.Equal(StatusCode.Aborted, loser.StatusCode);
            var stored = await Client.RowAsync(id, 3);
            Assert.Equal((winner.Email, revision + 1), (stored.Email, stored.Revision));
        }
    }

    [Fact]
    public async Task AnotherOrganizationsImportIsNotFound()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;
        var stranger = _server.ClientFor("globex");

        var list = await Calls.FailsAsync(() => stranger.AllRowsAsync(id));
        var update = await Calls.FailsAsync(() => stranger.UpdateAsync(id, Edit(3, email: "bob@example.com")));
        var remove = await Calls.FailsAsync(() => stranger.RemoveAsync(id, 3));
        var export = await Calls.FailsAsync(() => stranger.ExportAsync(id, FileFormat.Csv));

        Assert.All([list, update, remove, export], e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
        Assert.False((await Client.RowAsync(id, 3)).Valid);
    }

    [Fact]
    public async Task RowsChangeOnlyWhileTheImportIsChecked()
    {
        var uploaded = await Client.UploadAsync(Files.Utf8Csv(Team));
        var applied = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;
        await Client.ApplyAsync(applied, "", "projects.view");

        var beforeCheck = await Calls.FailsAsync(() => Client.UpdateAsync(uploaded.ImportId, Edit(3, email: "bob@example.com")));
        var listBeforeCheck = await Calls.FailsAsync(() => Client.AllRowsAsync(uploaded.ImportId));
        var afterApply = await Calls.FailsAsync(() => Client.RemoveAsync(applied, 3));

        Assert.Equal((StatusCode.FailedPrecondition, "IMPORT_NOT_CHECKED"), (beforeCheck.StatusCode, beforeCheck.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason));
        Assert.Equal(StatusCode.FailedPrecondition, listBeforeCheck.StatusCode);
        Assert.Equal((StatusCode.FailedPrecondition, "IMPORT_ALREADY_APPLIED"), (afterApply.StatusCode, afterApply.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason));
        Assert.Equal(5, (await Client.AllRowsAsync(applied)).Count); // an applied import's rows can still be listed
    }

    [Fact]
    public async Task RefusesRequestsBeyondTheLimitsOrWithoutValuesOrForRowsThatDoNotExist()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var tooMany = await Calls.FailsAsync(() => Client.UpdateAsync(id, [.. Enumerable.Range(2, 1001).Select(n => Edit(n, firstName: "X"))]));
        var tooManyRemoved = await Calls.FailsAsync(() => Client.RemoveAsync(id, [.. Enumerable.Range(2, 1001)]));
        var noValue = await Calls.FailsAsync(() => Client.UpdateAsync(id, Edit(3)));
        var noRow = await Calls.FailsAsync(() => Client.UpdateAsync(id, Edit(99, email: "x@example.com")));
        var tooLong = await Calls.FailsAsync(() => Client.UpdateAsync(id, Edit(3, description: new string('x', 40_000))));

        Assert.All([tooMany, tooManyRemoved, noValue, noRow, tooLong], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal("edits[0].row_number", Assert.Single(noRow.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal((5, 2, 3, 0), (await Client.CheckAsync(id)).Import.Counts());
    }

    [Fact]
    public async Task RecordsEditsAndRemovalsInTheAuditTrailWithRowNumbersNeverValues()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;
        await Client.UpdateAsync(id, Edit(4, firstName: "Cid"), Edit(3, email: "bob@example.com"));
        await Client.RemoveAsync(id, 6);

        var events = (await Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = Calls.Organization },
            cancellationToken: TestContext.Current.CancellationToken)).Events;

        var removed = events[0];
        var updated = events[1];
        Assert.Equal((AuditAction.RowsRemoved, id, 6), (removed.Action, removed.ImportId, Assert.Single(removed.RowNumbers)));
        Assert.Equal((AuditAction.RowsUpdated, id), (updated.Action, updated.ImportId));
        Assert.Equal([3, 4], updated.RowNumbers);
        Assert.Equal((5, 4, 1), (updated.TotalRows, updated.ValidRows, updated.InvalidRows));
        Assert.DoesNotContain("bob@example.com", updated.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAfterFixesInvitesExactlyTheRowsAsFixed()
    {
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;
        await Client.UpdateAsync(id, Edit(3, email: "bob@example.com", firstName: "Robert"), Edit(4, firstName: "Cid"));
        await Client.RemoveAsync(id, 6);

        var applied = await Client.ApplyAsync(id, "", "projects.view");
        var invitations = await _server.Invitations.ListInvitationsAsync(importId: id);

        Assert.Equal((3, 0), (applied.InvitedCount, applied.SkippedCount));
        Assert.Equal(
            [("ann@example.com", "Ann"), ("bob@example.com", "Robert"), ("cid@example.com", "Cid")],
            invitations.Select(i => (i.Email, i.FirstName)).Order());
    }

    [Fact]
    public async Task ATokenOfCheckImportContinuesAfterAnEditWithoutSkippingOrRepeatingRows()
    {
        var csv = "Email,First name,Last name\n" + string.Concat(Enumerable.Range(2, 10).Select(n => $"bad{n},N{n},L{n}\n"));
        var id = (await Client.UploadAndCheckAsync(csv)).Import.ImportId;
        var first = await Client.CheckAsync(id, pageSize: 4); // rows 2-5, one diagnostic each

        await Client.UpdateAsync(id, Edit(3, email: "ok3@example.com"), Edit(8, email: "ok8@example.com"), Edit(9, firstName: ""));
        var rest = new List<Diagnostic>();
        var token = first.NextPageToken;
        while (token.Length > 0)
        {
            var page = await Client.CheckAsync(id, pageSize: 4, pageToken: token);
            rest.AddRange(page.RowDiagnostics);
            token = page.NextPageToken;
        }

        Assert.Equal([2, 3, 4, 5], first.RowDiagnostics.Select(d => d.RowNumber));
        // Rows after the token as they are now: 8 fixed, 9 with one more error; nothing before it again.
        Assert.Equal([6, 7, 9, 9, 10, 11], rest.Select(d => d.RowNumber));
    }

    [Fact]
    public async Task AnEditToAnAddressAlreadyInvitedGetsTheWarningAndTheCountsSayIt()
    {
        await _server.InviteAsync("zoe@example.com");
        var id = (await Client.UploadAndCheckAsync(Team)).Import.ImportId;

        var changed = await Client.UpdateAsync(id, Edit(3, email: "Zoe@example.com"));
        var applied = await Client.ApplyAsync(id, "", "projects.view");

        var row = Assert.Single(changed.Rows);
        Assert.Equal((true, DiagnosticCode.AlreadyInvited), (row.Valid, Assert.Single(row.Diagnostics).Code));
        Assert.Equal((1, 1), (changed.Import.AlreadyInvitedRows, changed.Import.WarningRows));
        Assert.Equal((2, 1, 1, 0), (applied.InvitedCount, applied.SkippedCount, applied.Import.SkippedAlreadyInvitedCount, applied.Import.SkippedAlreadyMemberCount));
    }
}

public sealed class SqliteRowEditingTests() : RowEditingTests(TestStore.Sqlite);

public sealed class PostgresRowEditingTests(PostgresCluster cluster) : RowEditingTests(TestStore.Postgres(cluster));
