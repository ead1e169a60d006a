namespace BulkInvite.Storage;

/// <summary>Rows appended to one table in bulk: <see cref="Insert{T}"/> calls fill once per item with the column values (string, integer, boolean or null).</summary>
internal interface IBulkSink : IDisposable
{
    void Insert<T>(IReadOnlyList<T> items, Action<T, object?[]> fill);
}
