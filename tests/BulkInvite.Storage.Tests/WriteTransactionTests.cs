using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Tests.Postgres;
using BulkInvite.Testing;
using Dapper;

namespace BulkInvite.Storage.Tests;

/// <summary>
/// A write transaction whose first read fails rolls back and lets the next writer in at once,
/// instead of holding SQLite's one write lock (or a PostgreSQL row lock) until its connection is
/// finalized. The failure is real: a stored row the transaction cannot read. Run on both stores.
/// </summary>
public abstract class WriteTransactionTests(TestDatabase db) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_100_000);
    private readonly TestDatabase _db = db;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AnApplyWhoseImportCannotBeReadReleasesTheImportForTheNextWriter()
    {
        var import = await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com"));
        Corrupt("UPDATE imports SET permissions = 'not json' WHERE import_id = @id", import.ImportId);

        Assert.ThrowsAny<Exception>(() => _db.Repository.BeginApply(import.ImportId));

        Assert.True(_db.IsFreeToWrite("imports", "import_id", import.ImportId));
    }

    [Fact]
    public async Task ACheckWhoseImportCannotBeReadReleasesTheImportForTheNextWriter()
    {
        var import = TestDatabase.NewImport();
        await _db.Repository.AddAsync(import, TestDatabase.Audit(import), _ct);
        Corrupt("UPDATE imports SET permissions = 'not json' WHERE import_id = @id", import.ImportId);

        Assert.ThrowsAny<Exception>(() => _db.Repository.BeginCheck(import.ImportId));

        Assert.True(_db.IsFreeToWrite("imports", "import_id", import.ImportId));
    }

    [Fact]
    public async Task AChangeOfAnInvitationThatCannotBeReadReleasesItForTheNextWriter()
    {
        var invitationId = await InviteAsync();
        Corrupt("UPDATE invitations SET status = 'unknown' WHERE invitation_id = @id", invitationId);

        Assert.Throws<InvalidOperationException>(() => _db.Invitations.BeginChange(invitationId));

        Assert.True(_db.IsFreeToWrite("invitations", "invitation_id", invitationId));
    }

    [Fact]
    public async Task AnAcceptOfAnInvitationThatCannotBeReadReleasesItForTheNextWriter()
    {
        var invitationId = await InviteAsync();
        await _db.Outbox.IssueTokenAsync(invitationId, "token-hash", Now, _ct);
        Corrupt("UPDATE invitations SET status = 'unknown' WHERE invitation_id = @id", invitationId);

        Assert.Throws<InvalidOperationException>(() => _db.Invitations.BeginAccept("token-hash"));

        Assert.True(_db.IsFreeToWrite("invitations", "invitation_id", invitationId));
    }

    [Fact]
    public async Task ATransactionThatReadsItsRowHoldsItUntilDisposed()
    {
        var invitationId = await InviteAsync();

        using (var change = _db.Invitations.BeginChange(invitationId))
        {
            Assert.Equal(InvitationStatus.Pending, change.Invitation!.Status);
            Assert.False(_db.IsFreeToWrite("invitations", "invitation_id", invitationId)); // the probe sees a held lock
        }

        Assert.True(_db.IsFreeToWrite("invitations", "invitation_id", invitationId));
    }

    private async Task<long> InviteAsync()
    {
        _db.Apply(await _db.AddCheckedImportAsync("acme", TestDatabase.User(2, "a@example.com")), Now);
        using var connection = _db.Open();
        return connection.ExecuteScalar<long>("SELECT invitation_id FROM invitations");
    }

    private void Corrupt(string sql, object id)
    {
        using var connection = _db.Open();
        connection.Execute(sql, new { id });
    }
}

public sealed class SqliteWriteTransactionTests() : WriteTransactionTests(new SqliteTestDatabase());

public sealed class PostgresWriteTransactionTests(PostgresCluster cluster) : WriteTransactionTests(new PostgresTestDatabase(cluster));
