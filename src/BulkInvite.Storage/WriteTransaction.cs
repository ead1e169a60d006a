using System.Data.Common;

namespace BulkInvite.Storage;

/// <summary>
/// One write transaction on a connection of its own, begun as the dialect begins writes (SQLite's
/// one writer, PostgreSQL's row locks). Disposed without a commit, it rolls back and closes the
/// connection. Made through <see cref="Start{T}"/>, which runs its first reads and disposes it when
/// they throw: a transaction nobody holds would otherwise keep its lock (SQLite's single write lock,
/// a PostgreSQL row) until the connection is finalized.
/// </summary>
internal abstract class WriteTransaction : IDisposable
{
    protected WriteTransaction(StoreDialect dialect, DbConnection connection)
    {
        Dialect = dialect;
        Connection = connection;
        try
        {
            Transaction = dialect.BeginWrite(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected StoreDialect Dialect { get; }

    protected DbConnection Connection { get; }

    protected DbTransaction Transaction { get; }

    /// <summary>Runs the transaction's first reads; disposes it when they throw.</summary>
    public static T Start<T>(T transaction)
        where T : WriteTransaction
    {
        ArgumentNullException.ThrowIfNull(transaction);
        try
        {
            transaction.Load();
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>Reads (and locks) what the transaction works on, and prepares what it reuses.</summary>
    protected abstract void Load();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Transaction.Dispose(); // rolls back unless committed
            Connection.Dispose();
        }
    }
}
