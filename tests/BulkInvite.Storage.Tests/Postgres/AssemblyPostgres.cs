using BulkInvite.Testing;
// One PostgreSQL cluster for the whole assembly; each test clones a database of its own from it.
[assembly: AssemblyFixture(typeof(BulkInvite.Testing.PostgresCluster))]
