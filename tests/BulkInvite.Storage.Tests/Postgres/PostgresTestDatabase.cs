using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Postgres;

namespace BulkInvite.Storage.Tests.Postgres;

/// <summary>A fresh database of the assembly's PostgreSQL cluster, migrated (cloned from the template), dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly PostgresCluster _cluster;

    public PostgresTestDatabase(PostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        Name = PostgresCluster.NewDatabaseName();
        ConnectionString = cluster.CreateDatabase(Name);
        Database = new PostgresDatabase(ConnectionString);
        Repository = new PostgresImportRepository(Database);
        Invitations = new PostgresInvitationRepository(Database);
        Outbox = new PostgresInvitationOutbox(Database);
        AuditLog = new PostgresAuditLog(Database);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public PostgresDatabase Database { get; }

    public override IImportRepository Repository { get; }

    public override IInvitationRepository Invitations { get; }

    public override IInvitationOutbox Outbox { get; }

    public override IAuditLog AuditLog { get; }

    public override DbConnection Open() => Database.Open();

    protected override void Dispose(bool disposing)
    {
        Database.Dispose();
        _cluster.DropDatabase(Name);
    }
}
