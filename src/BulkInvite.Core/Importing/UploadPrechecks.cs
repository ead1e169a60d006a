using System.Collections.Concurrent;

namespace BulkInvite.Core.Importing;

/// <summary>
/// The checks while uploading that run in this process, by import id, so that CheckImport can wait
/// for one before it opens its transaction (waiting inside it would hold SQLite's one writer, which
/// the pre-check needs to finish). A pre-check on another server is not here: CheckImport takes
/// over from it through the store.
/// </summary>
public sealed class UploadPrechecks : IAsyncDisposable
{
    /// <summary>How long a stopping server waits for its pre-checks to end (an upload in progress was cut off, which stops its own).</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, UploadPrecheck> _running = new(StringComparer.Ordinal);

    internal void Add(string importId, UploadPrecheck precheck)
    {
        _running[importId] = precheck;
        _ = precheck.Finished.ContinueWith(_ => _running.TryRemove(new KeyValuePair<string, UploadPrecheck>(importId, precheck)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The import's pre-check running in this process, or null.</summary>
    public UploadPrecheck? Find(string importId) => _running.TryGetValue(importId, out var precheck) ? precheck : null;

    /// <summary>Lets the pre-checks still running end before the store they write to is closed; what is left the sweep deletes.</summary>
    public async ValueTask DisposeAsync()
    {
        var running = Task.WhenAll(_running.Values.Select(p => p.Finished));
        await Task.WhenAny(running, Task.Delay(StopWait));
    }
}
