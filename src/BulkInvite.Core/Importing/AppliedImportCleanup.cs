using System.Threading.Channels;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Drops the staged users of imports just applied, one after the other, after the apply answered:
/// deleting a million staged rows takes a while, and the caller need not wait for it. The retention
/// sweep catches any a crash left behind.
/// </summary>
public sealed class AppliedImportCleanup(IImportRepository imports)
{
    private readonly Channel<string> _applied = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(string importId) => _applied.Writer.TryWrite(importId);

    /// <summary>Drops staged users as imports are applied, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var importId in _applied.Reader.ReadAllAsync(cancellationToken))
        {
            await imports.DropStagedUsersAsync(importId, cancellationToken);
        }
    }
}
