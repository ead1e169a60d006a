using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;

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
        Dialect = new PostgresDialect(ConnectionString);
        Store = new Store(Dialect);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public PostgresDialect Dialect { get; }

    public override Store Store { get; }

    protected override void Dispose(bool disposing)
    {
        Dialect.Dispose();
        _cluster.DropDatabase(Name);
    }
}
