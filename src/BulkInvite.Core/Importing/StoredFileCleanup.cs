using Microsoft.Extensions.Logging;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Deleting an uploaded file once nothing needs it: after an apply, a delete or a purge committed,
/// or after storing an import failed. It must never turn a committed result into an error, nor
/// hide the error that made the file useless: a file that cannot be deleted now (a read-only or
/// broken uploads store) is logged and left to the sweep (<see cref="IUploadStore.DeleteAbandonedAsync"/>).
/// </summary>
public static partial class StoredFileCleanup
{
    public static void DeleteOrLeaveToSweep(IUploadStore files, string importId, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            files.Delete(importId);
        }
#pragma warning disable CA1031 // Whatever the store throws, the change is committed; the sweep deletes the file later.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFileLeft(logger, importId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The uploaded file of import {ImportId} could not be deleted ({Reason}); the abandoned-upload sweep deletes it later")]
    private static partial void LogFileLeft(ILogger logger, string importId, string reason);
}
