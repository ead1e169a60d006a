using BulkInvite.Testing;
// One PostgreSQL cluster for the whole assembly: each server on PostgreSQL gets a database of its own.
[assembly: AssemblyFixture(typeof(BulkInvite.Testing.PostgresCluster))]
