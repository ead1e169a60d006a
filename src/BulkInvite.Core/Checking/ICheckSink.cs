namespace BulkInvite.Core.Checking;

/// <summary>Where the check puts what it finds: the storage of one import, or memory in tests.</summary>
public interface ICheckSink
{
    /// <summary>The duplicate key of the row staged at that row number, or null: confirms a duplicate found by its hash.</summary>
    string? StagedEmailAt(int rowNumber);

    /// <summary>Stores user rows, every one whatever its verdict, in row order.</summary>
    void Stage(IReadOnlyList<StagedUser> users);

    void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics);

    /// <summary>
    /// Every batch read so far is stored and the writer is about to wait for the reader: a sink that
    /// commits in steps (a check while uploading, whose reader waits for the upload) commits here,
    /// so it never holds a write lock while waiting.
    /// </summary>
    void Drained()
    {
    }
}
