using System.Data.Common;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using Dapper;
using Npgsql;
using BulkInvite.Testing;

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

    // NOWAIT fails at once, instead of waiting, when another transaction holds the row's lock.
    public override bool IsFreeToWrite(string table, string keyColumn, object key)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        try
        {
            connection.Execute($"SELECT 1 FROM {table} WHERE {keyColumn} = @key FOR UPDATE NOWAIT", new { key }, transaction);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        Dialect.Dispose();
        _cluster.DropDatabase(Name);
    }
}
