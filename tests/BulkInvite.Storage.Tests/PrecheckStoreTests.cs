using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Storage.Tests.Postgres;
using BulkInvite.Testing;
using Dapper;

namespace BulkInvite.Storage.Tests;

/// <summary>
/// The staging of a check while uploading, on both stores: it stops once another writer took its
/// import over, and the sweep deletes only what no import owns.
/// </summary>
public abstract class PrecheckStoreTests(TestDatabase db) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_100_000);
    private readonly TestDatabase _db = db;
    private readonly IPrecheckStore _prechecks = db.Store.CreatePrecheckStore(TimeProvider.System);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AStagingWhoseImportWasDeletedStopsAndLeavesNothingBehind()
    {
        // Arrange: rows staged and committed, then the import stored under the key and deleted
        var import = TestDatabase.NewImport();
        using var staging = _prechecks.Begin(import.ImportId, Now);
        staging.Stage([TestDatabase.User(2, "ann@example.com")]);
        staging.AddDiagnostics([]);
        staging.Drained();
        await _db.Repository.AddAsync(import, TestDatabase.Audit(import), staging.ImportKey, _ct);
        await _db.Repository.DeleteAsync(import.ImportId, TestDatabase.Audit(import, Core.Auditing.AuditAction.Deleted), _ct);

        // Act
        var error = Record.Exception(() => staging.Stage([TestDatabase.User(3, "bob@example.com")]));
        staging.Discard();

        // Assert
        Assert.IsType<PrecheckTakenOverException>(error);
        Assert.Equal((0L, 0L), (Count("prechecks"), Count($"import_rows WHERE import_key = {staging.ImportKey}")));
    }

    [Fact]
    public async Task ACheckTakesACompletePrechecksResultAndItsRows()
    {
        // Arrange
        var import = TestDatabase.NewImport();
        long importKey;
        using (var staging = _prechecks.Begin(import.ImportId, Now))
        {
            importKey = staging.ImportKey;
            staging.Stage([TestDatabase.User(2, "ann@example.com"), TestDatabase.User(3, "bad", valid: false)]);
            staging.AddDiagnostics([new Diagnostic(3, "email", DiagnosticCode.EmailInvalid, Severity.Error, "not an address", "bad")]);
            staging.Finish(new CheckResult([], 2, 1, 1) { Columns = [new ColumnMapping(1, "Email", UserField.Email)] }, Now);
        }

        await _db.Repository.AddAsync(import, TestDatabase.Audit(import), importKey, _ct);

        // Act
        CheckResult? taken;
        using (var check = _db.Repository.BeginCheck(import.ImportId))
        {
            taken = check.TakePrecheck();
            check.Complete(taken!, Now, TestDatabase.Audited(Core.Auditing.AuditAction.Checked));
        }

        // Assert
        Assert.Equal((2, 1, 1), (taken!.TotalRows, taken.ValidRows, taken.InvalidRows));
        Assert.Equal([new ColumnMapping(1, "Email", UserField.Email)], taken.Columns);
        Assert.Equal((0L, 2L), (Count("prechecks"), Count($"import_rows WHERE import_key = {importKey}")));
        Assert.Single(await _db.Repository.ListRowDiagnosticsAsync(import.ImportId, null, 10, _ct));
    }

    [Fact]
    public async Task TheSweepDeletesTheRowsOfAnIdlePrecheckOnlyWhenNoImportHasItsKey()
    {
        // Arrange: three pre-checks idle since Now: one whose upload never ended, one whose import
        // waits for CheckImport, one whose import was checked (its rows are the import's)
        var never = Staged(TestDatabase.NewImport());
        var waiting = TestDatabase.NewImport();
        var waitingKey = Staged(waiting);
        await _db.Repository.AddAsync(waiting, TestDatabase.Audit(waiting), waitingKey, _ct);
        var checkedImport = TestDatabase.NewImport();
        var checkedKey = Staged(checkedImport);
        await _db.Repository.AddAsync(checkedImport, TestDatabase.Audit(checkedImport), checkedKey, _ct);
        using (var connection = _db.Open())
        {
            connection.Execute("UPDATE imports SET state = @checkedState WHERE import_key = @checkedKey", new { checkedState = (int)ImportState.Checked, checkedKey });
        }

        // Act
        var deleted = await _prechecks.DeleteAbandonedAsync(Now.AddMinutes(1), _ct);

        // Assert
        Assert.Equal(2, deleted);
        Assert.Equal(0L, Count($"import_rows WHERE import_key = {never}"));
        Assert.Equal((1L, 1L), (Count($"prechecks WHERE import_key = {waitingKey}"), Count($"import_rows WHERE import_key = {waitingKey}")));
        Assert.Equal((0L, 1L), (Count($"prechecks WHERE import_key = {checkedKey}"), Count($"import_rows WHERE import_key = {checkedKey}")));
    }

    private long Staged(Core.Importing.ImportRecord import)
    {
        using var staging = _prechecks.Begin(import.ImportId, Now);
        staging.Stage([TestDatabase.User(2, "ann@example.com")]);
        staging.AddDiagnostics([]);
        staging.Drained();
        using var connection = _db.Open();
        connection.Execute("UPDATE prechecks SET update_time = @now", new { now = Now.ToUnixTimeMilliseconds() });
        return staging.ImportKey;
    }

    private long Count(string tableAndCondition)
    {
        using var connection = _db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM " + tableAndCondition);
    }
}

public sealed class SqlitePrecheckStoreTests() : PrecheckStoreTests(new SqliteTestDatabase());

public sealed class PostgresPrecheckStoreTests(PostgresCluster cluster) : PrecheckStoreTests(new PostgresTestDatabase(cluster));
