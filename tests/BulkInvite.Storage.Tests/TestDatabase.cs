using System.Data.Common;
using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Core.Reading;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using BulkInvite.Testing;

namespace BulkInvite.Storage.Tests;

/// <summary>
/// A fresh, migrated database of one store for one test, deleted afterwards: the repository tests
/// run once on <see cref="SqliteTestDatabase"/> and once on <see cref="Postgres.PostgresTestDatabase"/>.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The store under test, over the engine's dialect.</summary>
    public abstract Store Store { get; }

    public IImportRepository Repository => Store.Imports;

    public IInvitationRepository Invitations => Store.Invitations;

    public IInvitationOutbox Outbox => Store.Outbox;

    public IAuditLog AuditLog => Store.AuditLog;

    /// <summary>A connection to the database, for assertions on what it stored.</summary>
    public DbConnection Open() => Store.Dialect.Open();

    /// <summary>
    /// Whether another writer could take the row with this key at once, without waiting: SQLite's
    /// one write lock is free, or no PostgreSQL transaction holds the row's lock.
    /// </summary>
    public abstract bool IsFreeToWrite(string table, string keyColumn, object key);

    public static ImportRecord NewImport(string organizationId = "acme", DateTimeOffset? created = null)
    {
        var time = created ?? DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        return new ImportRecord
        {
            ImportId = ImportIds.New(),
            OrganizationId = organizationId,
            FileName = "users.csv",
            Format = FileFormat.Csv,
            SizeBytes = 10,
            Sha256 = new string('a', 64),
            State = ImportState.Uploaded,
            CreateTime = time,
            UpdateTime = time,
        };
    }

    public static readonly Caller Tester = new("tester", "acme", new HashSet<string> { "organization.admin" });

    /// <summary>The audit entry a test records with a change.</summary>
    public static AuditEvent Audit(ImportRecord import, AuditAction action = AuditAction.Uploaded) =>
        AuditEvents.For(import, Tester, action, import.UpdateTime);

    public static Func<ImportRecord, AuditEvent> Audited(AuditAction action) => import => Audit(import, action);

    public static StagedUser User(int row, string email, bool valid = true) =>
        new(row, email, email.ToLowerInvariant(), "First", "Last", null, valid);

    /// <summary>Adds an import and checks it with the given users, as a completed check would store them.</summary>
    public async Task<ImportRecord> AddCheckedImportAsync(string organizationId, params StagedUser[] users)
    {
        var import = NewImport(organizationId);
        await Repository.AddAsync(import, Audit(import), CancellationToken.None);
        using var check = Repository.BeginCheck(import.ImportId);
        check.Stage(users);
        check.AddAlreadyInvitedWarnings("already invited", import.CreateTime);
        check.AddAlreadyMemberWarnings("already a member");
        var valid = users.Count(u => u.IsValid);
        return check.Complete(new CheckResult([], users.Length, valid, users.Length - valid), import.CreateTime, Audited(AuditAction.Checked));
    }

    /// <summary>Applies a checked import at <paramref name="now"/> as ApplyPermissions does, by default with invitations valid for 7 days.</summary>
    public int Apply(ImportRecord import, DateTimeOffset now, InvitationBatch? batch = null)
    {
        using var apply = Repository.BeginApply(import.ImportId);
        var invited = apply.InviteValidUsers(["projects.view"], batch ?? new InvitationBatch("tester", TimeSpan.FromDays(7)), now);
        apply.Complete(apply.Import! with { State = ImportState.Applied, InvitedCount = invited }, Audit(apply.Import!, AuditAction.Applied));
        return invited;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary>A real SQLite database file in a fresh temporary folder, migrated, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public SqliteTestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "bulkinvite-tests", Guid.NewGuid().ToString("N"));
        Options = new StorageOptions
        {
            ConnectionString = $"Data Source={Path.Combine(Folder, "db", "bulkinvite.db")}",
            BusyTimeout = TimeSpan.FromSeconds(30),
        };
        Dialect = new SqliteDialect(Options);
        Store = new Store(Dialect);
        Store.Migrate(NullLogger.Instance);
    }

    public string Folder { get; }

    public StorageOptions Options { get; }

    public SqliteDialect Dialect { get; }

    public override Store Store { get; }

    // A writer that does not wait (busy_timeout 0) gets the write lock only when nobody holds it.
    public override bool IsFreeToWrite(string table, string keyColumn, object key)
    {
        using var connection = new SqliteConnection($"Data Source={Options.DatabasePath};Pooling=False");
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 0");
        try
        {
            connection.Execute("BEGIN IMMEDIATE; ROLLBACK;");
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
