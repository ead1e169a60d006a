namespace BulkInvite.Core.Importing;

/// <summary>The uploaded files, stored under their import id.</summary>
public interface IUploadStore
{
    /// <summary>A new file that becomes visible only when committed; disposing it uncommitted deletes it.</summary>
    IUploadTarget Create(string importId);

    /// <summary>Opens a committed file as a seekable stream.</summary>
    Stream OpenRead(string importId);

    void Delete(string importId);

    /// <summary>
    /// Deletes what no import needs any more: files no import names that nothing was written to
    /// since <paramref name="writtenBefore"/> (an upload cut short, an import deleted whose file
    /// could not be), and files of applied imports (a delete after the apply that failed). Safe to
    /// run on every server at once. Returns how many files.
    /// </summary>
    Task<int> DeleteAbandonedAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken);
}
