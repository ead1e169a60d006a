using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using Dapper;
using BulkInvite.Storage.Tests.Postgres;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests;

/// <summary>Run on both stores: <see cref="SqliteImportRepositoryTests"/> and <see cref="PostgresImportRepositoryTests"/>.</summary>
public abstract class ImportRepositoryTests(TestDatabase db) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_100_000);
    private readonly TestDatabase _db = db;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private IImportRepository Repository => _db.Repository;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task StoresAndReadsBackAnImport()
    {
        var import = TestDatabase.NewImport() with { Permissions = ["b", "a"], ApplyRequestId = "r-1" };

        await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        var found = await Repository.FindAsync(import.ImportId, _ct);

        Assert.NotNull(found);
        Assert.Equal(import.ImportId, found.ImportId);
        Assert.Equal(import.CreateTime, found.CreateTime);
        Assert.Equal(["b", "a"], found.Permissions);
        Assert.Equal("r-1", found.ApplyRequestId);
        Assert.Equal(ImportState.Uploaded, found.State);
    }

    [Fact]
    public async Task FindsNothingForAnUnknownId() =>
        Assert.Null(await Repository.FindAsync(ImportIds.New(), _ct));

    [Fact]
    public async Task ListsAnOrganizationsImportsNewestFirstAcrossPages()
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        var imports = Enumerable.Range(0, 5).Select(i => TestDatabase.NewImport("acme", start.AddMinutes(i))).ToList();
        imports.Add(TestDatabase.NewImport("acme", start.AddMinutes(4))); // same time as another: the id breaks the tie
        foreach (var import in imports)
        {
            await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        }

        var other = TestDatabase.NewImport("other");
        await Repository.AddAsync(other, TestDatabase.Audit(other), _ct);

        var first = await Repository.ListAsync("acme", null, 4, _ct);
        var last = first[^1];
        var second = await Repository.ListAsync("acme", new ImportCursor(last.CreateTime, last.ImportId), 4, _ct);

        var expected = imports.OrderByDescending(i => i.CreateTime).ThenByDescending(i => i.ImportId, StringComparer.Ordinal).Select(i => i.ImportId);
        Assert.Equal(expected, first.Concat(second).Select(i => i.ImportId));
    }

    [Fact]
    public async Task StagesEveryRowWithItsValuesAndReadsBackTheAddressOfAStagedRow()
    {
        var import = TestDatabase.NewImport();
        await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        using var check = Repository.BeginCheck(import.ImportId);

        check.Stage(
        [
            TestDatabase.User(2, "a@example.com"),
            TestDatabase.User(3, "b@example.com", valid: false),
            new StagedUser(4, "not-an-address", null, "Ann", "", "Sales", false),
        ]);

        Assert.Equal(("a@example.com", "b@example.com", null, null), (check.StagedEmailAt(2), check.StagedEmailAt(3), check.StagedEmailAt(4), check.StagedEmailAt(5)));
        check.Complete(new CheckResult([], 3, 1, 2), Now, TestDatabase.Audited(AuditAction.Checked));
        using var connection = _db.Open();
        Assert.Equal(
            [(2L, "a@example.com", "First", "Last", null, true), (3L, "b@example.com", "First", "Last", null, false), (4L, "not-an-address", "Ann", "", "Sales", false)],
            connection.Query<(long, string, string, string, string?, bool)>(
                "SELECT row_number, email, first_name, last_name, description, is_valid FROM import_rows ORDER BY row_number"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public async Task StagesBatchesOfAnySizeCompletely(int count)
    {
        var import = TestDatabase.NewImport();
        await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        using var check = Repository.BeginCheck(import.ImportId);

        check.Stage(Enumerable.Range(2, count).Select(row => TestDatabase.User(row, $"user{row}@example.com")).ToList());

        Assert.All(Enumerable.Range(2, count), row => Assert.Equal($"user{row}@example.com", check.StagedEmailAt(row)));
        Assert.Null(check.StagedEmailAt(count + 2));
    }

    [Fact]
    public async Task CompletingACheckStoresCountsStateAndDiagnosticsInRowOrder()
    {
        var import = TestDatabase.NewImport();
        await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        using (var check = Repository.BeginCheck(import.ImportId))
        {
            check.AddDiagnostics([Diagnostic.ForRow(5, UserColumns.Email, DiagnosticCode.EmailInvalid, "bad", "x")]);
            check.AddDiagnostics([Diagnostic.ForRow(3, UserColumns.FirstName, DiagnosticCode.FirstNameMissing, "missing", "")]);
            check.Complete(new CheckResult([], 4, 2, 2), Now, TestDatabase.Audited(AuditAction.Checked));
        }

        var stored = await Repository.FindAsync(import.ImportId, _ct);
        var diagnostics = await Repository.ListRowDiagnosticsAsync(import.ImportId, null, 10, _ct);

        Assert.Equal((ImportState.Checked, 4, 2, 2, Now), (stored!.State, stored.TotalRows, stored.ValidRows, stored.InvalidRows, stored.UpdateTime));
        Assert.Equal([3, 5], diagnostics.Select(d => d.Diagnostic.RowNumber));
        Assert.Empty(await Repository.ListFileDiagnosticsAsync(import.ImportId, _ct));
    }

    [Fact]
    public async Task PagesRowDiagnosticsFromACursor()
    {
        var import = TestDatabase.NewImport();
        await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        using (var check = Repository.BeginCheck(import.ImportId))
        {
            check.AddDiagnostics(Enumerable.Range(2, 10).Select(row => Diagnostic.ForRow(row, UserColumns.Email, DiagnosticCode.EmailMissing, "m", "")).ToList());
            check.Complete(new CheckResult([], 10, 0, 10), Now, TestDatabase.Audited(AuditAction.Checked));
        }

        var first = await Repository.ListRowDiagnosticsAsync(import.ImportId, null, 4, _ct);
        var cursor = new DiagnosticCursor(first[^1].Diagnostic.RowNumber, first[^1].Sequence);
        var rest = await Repository.ListRowDiagnosticsAsync(import.ImportId, cursor, 100, _ct);

        Assert.Equal(Enumerable.Range(2, 10), first.Concat(rest).Select(d => d.Diagnostic.RowNumber));
    }

    [Fact]
    public async Task DisposingACheckWithoutCompletingItLeavesNothingBehind()
    {
        var import = TestDatabase.NewImport();
        await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        using (var check = Repository.BeginCheck(import.ImportId))
        {
            check.Stage([TestDatabase.User(2, "a@example.com")]);
            check.AddDiagnostics([Diagnostic.ForRow(2, UserColumns.Email, DiagnosticCode.FormulaPrefix, "w", "")]);
        }

        using var again = Repository.BeginCheck(import.ImportId);
        Assert.Null(again.StagedEmailAt(2));
        Assert.Equal(ImportState.Uploaded, again.Import!.State);
        Assert.Empty(await Repository.ListRowDiagnosticsAsync(import.ImportId, null, 10, _ct));
    }

    [Fact]
    public async Task RejectingDiscardsStagedRowsAndKeepsOnlyTheFileDiagnostics()
    {
        var import = TestDatabase.NewImport();
        await Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        using (var check = Repository.BeginCheck(import.ImportId))
        {
            check.Stage([TestDatabase.User(2, "a@example.com")]);
            check.AddDiagnostics([Diagnostic.ForRow(2, UserColumns.Email, DiagnosticCode.FormulaPrefix, "w", "")]);
            check.Reject([Diagnostic.ForFile(DiagnosticCode.TooManyRows, "too many")], Now, TestDatabase.Audited(AuditAction.Rejected));
        }

        var stored = await Repository.FindAsync(import.ImportId, _ct);
        Assert.Equal(ImportState.Rejected, stored!.State);
        Assert.Equal(DiagnosticCode.TooManyRows, Assert.Single(await Repository.ListFileDiagnosticsAsync(import.ImportId, _ct)).Code);
        Assert.Empty(await Repository.ListRowDiagnosticsAsync(import.ImportId, null, 10, _ct));
        using var connection = _db.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM import_rows"));
    }

    [Fact]
    public async Task ApplyingInvitesOnlyValidRowsWithThePermissionSetAndExpiry()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com", valid: false));

        int invited;
        using (var apply = Repository.BeginApply(import.ImportId))
        {
            invited = apply.InviteValidUsers(["projects.view", "models.train"], new Core.Invitations.InvitationBatch("tester", TimeSpan.FromDays(7)), Now);
            apply.Complete(apply.Import! with { State = ImportState.Applied, InvitedCount = invited }, TestDatabase.Audit(apply.Import!, AuditAction.Applied));
        }

        var invitation = Assert.Single(await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, null), Now, null, 10, _ct));
        Assert.Equal(1, invited);
        Assert.Equal(
            ("a@example.com", "First", "Last", "tester", InvitationStatus.Pending, Now.AddDays(7), import.ImportId),
            (invitation.Email, invitation.FirstName, invitation.LastName, invitation.Inviter, invitation.Status, invitation.ExpireTime, invitation.ImportId));
        Assert.Equal(["projects.view", "models.train"], invitation.Permissions);
        Assert.Equal(ImportState.Applied, (await Repository.FindAsync(import.ImportId, _ct))!.State);
    }

    [Fact]
    public async Task ApplyingSkipsAddressesPendingInTheSameOrganizationOnly()
    {
        await ApplyAsync(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")));
        await ApplyAsync(await _db.AddCheckedImportAsync("globex", TestDatabase.User(2, "b@example.com")));

        var second = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com"));
        var invited = await ApplyAsync(second);

        Assert.Equal(1, invited);
    }

    [Fact]
    public async Task CheckWarnsAboutAddressesAlreadyPendingInTheOrganization()
    {
        await ApplyAsync(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")));
        await ApplyAsync(await _db.AddCheckedImportAsync("globex", TestDatabase.User(2, "b@example.com")));

        var second = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com"));

        var warning = Assert.Single(await Repository.ListRowDiagnosticsAsync(second.ImportId, null, 10, _ct)).Diagnostic;
        Assert.Equal((2, DiagnosticCode.AlreadyInvited, Severity.Warning, "a@example.com"), (warning.RowNumber, warning.Code, warning.Severity, warning.Value));
    }

    [Fact]
    public async Task TwoImportsAppliedAtTheSameMomentInviteEachSharedAddressOnce()
    {
        var shared = Enumerable.Range(0, 300).Select(i => $"user{i}@example.com").ToArray();
        var first = await _db.AddCheckedImportAsync("acme", shared.Select((e, i) => TestDatabase.User(i + 2, e)).ToArray());
        var second = await _db.AddCheckedImportAsync("acme", shared.Reverse().Select((e, i) => TestDatabase.User(i + 2, e)).Append(TestDatabase.User(400, "own@example.com")).ToArray());

        var counts = await Task.WhenAll(Task.Run(() => ApplyAsync(first), _ct), Task.Run(() => ApplyAsync(second), _ct));

        using var connection = _db.Open();
        Assert.Equal(301, counts.Sum());
        Assert.Equal(301, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM invitations"));
        Assert.Equal(301, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT normalized_email) FROM invitations"));
    }

    [Fact]
    public async Task DeletingAnImportRemovesItsStagedRowsAndDiagnosticsAndRecordsIt()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"));
        using (var check = Repository.BeginCheck(import.ImportId))
        {
            check.AddDiagnostics([Diagnostic.ForRow(2, UserColumns.Email, DiagnosticCode.FormulaPrefix, "w", "")]);
            check.Complete(new CheckResult([], 1, 1, 0), Now, TestDatabase.Audited(AuditAction.Checked));
        }

        Assert.True(await Repository.DeleteAsync(import.ImportId, TestDatabase.Audit(import, AuditAction.Deleted), _ct));
        Assert.False(await Repository.DeleteAsync(import.ImportId, TestDatabase.Audit(import, AuditAction.Deleted), _ct));

        using var connection = _db.Open();
        Assert.Null(await Repository.FindAsync(import.ImportId, _ct));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM import_rows"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM diagnostics"));
        Assert.Equal(1, connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM audit_events WHERE action = {(int)AuditAction.Deleted}"));
    }

    [Fact]
    public async Task AnAppliedImportKeepsItsRowsAndDeletingItKeepsItsInvitationsWithTheirData()
    {
        var applied = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"), TestDatabase.User(3, "b@example.com"), TestDatabase.User(4, "c@example.com", valid: false));
        await ApplyAsync(applied);

        using var connection = _db.Open();
        Assert.Equal(3, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM import_rows"));
        Assert.True(await Repository.DeleteAsync(applied.ImportId, TestDatabase.Audit(applied, AuditAction.Deleted), _ct));

        Assert.Null(await Repository.FindAsync(applied.ImportId, _ct));
        Assert.False(await Repository.DeleteAsync(applied.ImportId, TestDatabase.Audit(applied, AuditAction.Deleted), _ct));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM import_rows")); // the row nobody was invited from went
        var invitations = await _db.Invitations.ListAsync(new InvitationFilter("acme", InvitationStatus.Unspecified, applied.ImportId), Now, null, 10, _ct);
        Assert.Equal(
            [("b@example.com", "First", applied.ImportId, "tester"), ("a@example.com", "First", applied.ImportId, "tester")],
            invitations.Select(i => (i.Email, i.FirstName, i.ImportId, i.Inviter)));
        Assert.All(invitations, i => Assert.Equal(["projects.view"], i.Permissions));
    }

    [Fact]
    public async Task RecordsTheAuditEntryWithEachChangeAndNoneForARolledBackCheck()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"));
        var abandoned = TestDatabase.NewImport();
        await Repository.AddAsync(abandoned, TestDatabase.Audit(abandoned), _ct);
        using (var check = Repository.BeginCheck(abandoned.ImportId))
        {
            check.Stage([TestDatabase.User(2, "b@example.com")]);
        }

        await ApplyAsync(import);
        var events = await _db.AuditLog.ListAsync("acme", null, 10, _ct);

        Assert.Equal(
            [(AuditAction.Applied, import.ImportId), (AuditAction.Uploaded, abandoned.ImportId), (AuditAction.Checked, import.ImportId), (AuditAction.Uploaded, import.ImportId)],
            events.Select(e => (e.Action, e.ImportId)));
        Assert.Equal((1, 1, "tester"), (events[2].TotalRows, events[2].ValidRows, events[2].Actor));
        Assert.Empty(await _db.AuditLog.ListAsync("globex", null, 10, _ct));
    }

    [Fact]
    public async Task ListsImportsNeverAppliedCreatedBeforeACutoffOldestFirst()
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        var old = TestDatabase.NewImport("acme", start);
        var older = TestDatabase.NewImport("globex", start.AddDays(-1));
        var recent = TestDatabase.NewImport("acme", start.AddDays(5));
        foreach (var i in new[] { old, older, recent })
        {
            await Repository.AddAsync(i, TestDatabase.Audit(i), _ct);
        }

        var applied = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"));
        await ApplyAsync(applied);

        var expired = await Repository.ListUnappliedBeforeAsync(start.AddDays(1), 10, _ct);

        Assert.Equal([older.ImportId, old.ImportId], expired.Select(i => i.ImportId));
    }

    private Task<int> ApplyAsync(ImportRecord import)
    {
        using var apply = Repository.BeginApply(import.ImportId);
        var invited = apply.InviteValidUsers(["projects.view"], new Core.Invitations.InvitationBatch("tester", TimeSpan.FromDays(7)), Now);
        apply.Complete(apply.Import! with { State = ImportState.Applied, InvitedCount = invited }, TestDatabase.Audit(apply.Import!, AuditAction.Applied));
        return Task.FromResult(invited);
    }

    [Fact]
    public async Task APurgeSparesAnImportAppliedAfterThePurgeListedIt()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"));
        var listed = Assert.Single(await Repository.ListUnappliedBeforeAsync(Now.AddDays(30), 10, _ct));

        _db.Apply(import, Now); // applied (by another call, or another server) between the listing and the delete
        var purged = await Repository.DeleteAsync(listed.ImportId, TestDatabase.Audit(listed, AuditAction.Purged), _ct);

        Assert.False(purged);
        Assert.Equal(ImportState.Applied, (await Repository.FindAsync(import.ImportId, _ct))!.State);
        Assert.DoesNotContain(await _db.AuditLog.ListAsync("acme", null, 10, _ct), e => e.Action == AuditAction.Purged);
        Assert.True(await Repository.DeleteAsync(listed.ImportId, TestDatabase.Audit(listed, AuditAction.Deleted), _ct)); // a user's delete still deletes it
    }
}

public sealed class SqliteImportRepositoryTests() : ImportRepositoryTests(new SqliteTestDatabase());

public sealed class PostgresImportRepositoryTests(PostgresCluster cluster) : ImportRepositoryTests(new PostgresTestDatabase(cluster));
