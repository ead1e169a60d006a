using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Where a check while uploading (<see cref="UploadPrecheck"/>) stages what it finds: under an
/// import key reserved before the import exists, in short transactions, so no write lock is held
/// while the upload goes on.
/// </summary>
public interface IPrecheckStore
{
    /// <summary>Reserves the import's key and records that its pre-check runs, in one short transaction.</summary>
    IPrecheckStaging Begin(string importId, DateTimeOffset now);

    /// <summary>
    /// Deletes, with what they staged, the pre-checks nothing moved since <paramref name="idleBefore"/>
    /// whose import does not exist (its upload failed, or its server stopped) or is no longer
    /// UPLOADED. Safe to run on every server at once. Returns how many.
    /// </summary>
    Task<int> DeleteAbandonedAsync(DateTimeOffset idleBefore, CancellationToken cancellationToken);
}

/// <summary>
/// One pre-check's staging. Its sink methods are called from one thread at a time (the check's
/// writer); each group of them runs in a short transaction that first makes sure the pre-check is
/// still wanted, and <see cref="ICheckSink.Drained"/> commits before the writer waits for more rows.
/// Throws <see cref="PrecheckTakenOverException"/> once someone else took the import over.
/// </summary>
public interface IPrecheckStaging : ICheckSink, IDisposable
{
    /// <summary>The key reserved for the import: the import is stored under it.</summary>
    long ImportKey { get; }

    /// <summary>Commits the last rows with the result (counts and column mapping) and marks the pre-check complete.</summary>
    void Finish(CheckResult result, DateTimeOffset now);

    /// <summary>
    /// Deletes the pre-check's record and what it staged, unless someone else took it over (then it
    /// deleted them, or checks the file under that key). Rolls back what was not committed first.
    /// </summary>
    void Discard();
}

/// <summary>The pre-check's record is gone: CheckImport, the deletion of the import or the sweep took it over.</summary>
public sealed class PrecheckTakenOverException : Exception
{
    public PrecheckTakenOverException()
        : base("The check while uploading was taken over: its record is gone.")
    {
    }

    public PrecheckTakenOverException(string message)
        : base(message)
    {
    }

    public PrecheckTakenOverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
