using System.Text;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Reading;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Core.Importing;

/// <summary>
/// Checks a streamed upload while it arrives (BulkInvite:CheckWhileUploading): each chunk also goes
/// to a spool file of its own, which the check reads as it grows (<see cref="GrowingFileStream"/>)
/// on threads of its own, staging rows and diagnostics in short transactions
/// (<see cref="IPrecheckStaging"/>) under the import key it reserved. CheckImport then only adds
/// what depends on the moment (already invited, already a member) and completes the import with the
/// stored result.
/// </summary>
/// <remarks>
/// An optimization, never a second opinion: it runs only on what the full check would read as UTF-8
/// CSV, with the same reader and rules, and anything else (a workbook, a UTF-16 or UTF-32 byte order
/// mark, a byte that is not UTF-8, which the full check reads as Windows-1252, a rejected file, a
/// failure, a CheckImport that took over) abandons it: what it staged is deleted and CheckImport
/// checks the stored file as without it. The upload never waits for the check to catch up (the
/// spool takes up any lag, on disk); at its end it waits only for the short transaction that
/// reserves the key, and for the batch being staged to commit (<see cref="PauseStaging"/>).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "Not disposed by its owner: the upload's end closes the spool (CompleteUploadAsync, FailUploadAsync), the check's own task the rest when it ends; the CancellationTokenSource has no timer.")]
public sealed partial class UploadPrecheck
{
    private readonly IPrecheckStore _store;
    private readonly BulkInviteOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _importId;
    private readonly int _expectedRows;
    private readonly FileStream _spool;
    private readonly GrowingFileStream _growing;
    private readonly Utf8Validation _utf8 = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<long?> _key = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _written;
    private volatile string? _abandoned;
    private volatile TaskCompletionSource? _importInsert;

    private UploadPrecheck(IPrecheckStore store, BulkInviteOptions options, TimeProvider clock, ILogger logger, string importId, long declaredSize)
    {
        _store = store;
        _options = options;
        _clock = clock;
        _logger = logger;
        _importId = importId;
        _expectedRows = (int)Math.Min(options.MaxRows, declaredSize / 50); // as ImportChecker guesses from the size
        var path = Path.Combine(Path.GetTempPath(), $"bulkinvite-precheck-{Guid.NewGuid():N}.csv");
        _spool = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.DeleteOnClose);
        try
        {
            _growing = new GrowingFileStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024));
        }
        catch
        {
            _spool.Dispose();
            throw;
        }

        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path); // both handles keep it; nothing is left behind, even by a killed process
        }

        Finished = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>How far it has read, for StreamCheckImport while CheckImport waits for it.</summary>
    public CheckProgress Progress { get; } = new();

    /// <summary>Ends when the pre-check has stored its result, or was abandoned and deleted what it staged; never faults.</summary>
    public Task<CheckResult?> Finished { get; }

    /// <summary>A pre-check of the upload that starts, or null when the server checks at CheckImport only.</summary>
    public static UploadPrecheck? Start(IPrecheckStore store, BulkInviteOptions options, TimeProvider clock, ILogger logger, string importId, long declaredSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.CheckWhileUploading ? new UploadPrecheck(store, options, clock, logger, importId, declaredSize) : null;
    }

    /// <summary>Takes the next bytes of the file, once the upload has stored them.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (_abandoned is not null || chunk.IsEmpty)
        {
            return;
        }

        if (!_utf8.Append(chunk.Span))
        {
            Abandon("a byte is not UTF-8 (the full check reads the file as Windows-1252)");
            return;
        }

        try
        {
            await _spool.WriteAsync(chunk, cancellationToken); // unbuffered: the reader's handle sees it at once
        }
#pragma warning disable CA1031 // A spool that cannot be written (a full temporary folder) ends the pre-check, never the upload.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Abandon("the spool could not be written: " + e.Message);
            return;
        }

        _written += chunk.Length;
        _growing.Grew(_written);
    }

    /// <summary>
    /// The upload is complete and verified: lets the check read to the end, and returns the key its
    /// import is to be stored under (reserved by the pre-check), or null when there is none.
    /// </summary>
    public async Task<long?> CompleteUploadAsync()
    {
        await CloseSpoolAsync();
        if (!_utf8.IsValidAtEnd)
        {
            Abandon("the file ends inside a UTF-8 character");
        }
        else
        {
            _growing.Complete();
        }

        return await _key.Task;
    }

    /// <summary>
    /// Stops staging after the batch in hand, committed, until the returned pause is disposed: the
    /// upload stores its import meanwhile, which on SQLite needs the one writer that a check faster
    /// than its own commits would otherwise keep taking back (the upload's end then waited for most
    /// of the check).
    /// </summary>
    public IDisposable PauseStaging()
    {
        var pause = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _importInsert = pause;
        return new Resume(this, pause);
    }

    /// <summary>The upload failed or was cancelled: stops the check, which deletes what it staged.</summary>
    public async Task FailUploadAsync()
    {
        Abandon("the upload did not complete");
        await CloseSpoolAsync();
        await Finished;
    }

    private async Task CloseSpoolAsync()
    {
        try
        {
            await _spool.DisposeAsync();
        }
#pragma warning disable CA1031 // Nothing is buffered, so closing cannot lose bytes the reader needs; it must not fail the upload.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Abandon("the spool could not be closed: " + e.Message);
        }
    }

    private void Abandon(string reason)
    {
        if (_abandoned is null)
        {
            _abandoned = reason;
            _growing.Fail(new OperationCanceledException(reason));
            _stop.Cancel();
        }
    }

    private CheckResult? Run()
    {
        IPrecheckStaging? staging = null;
        try
        {
            if (!IsUtf8Csv())
            {
                Abandon("the file is not CSV text without a UTF-16 or UTF-32 byte order mark");
                return null;
            }

            staging = _store.Begin(_importId, _clock.Now());
            _key.TrySetResult(staging.ImportKey);
            CheckResult result;
            using (var sheet = new CsvSheetReader(_growing, _options.ToReadingLimits(), Encoding.UTF8))
            {
                result = new UserFileChecker(_options.MaxRows, expectedRows: _expectedRows).Check(Progress.Count(sheet, _growing), new YieldingSink(this, staging), _stop.Token);
            }

            if (_abandoned is not null)
            {
                return null;
            }

            if (result.IsRejected)
            {
                Abandon("the file is rejected, which the full check reports itself");
                return null;
            }

            staging.Finish(result, _clock.Now());
            return result;
        }
#pragma warning disable CA1031 // Whatever stopped the pre-check, CheckImport checks the file itself.
        catch (PrecheckTakenOverException)
        {
            Abandon("CheckImport, the deletion of the import or the sweep took it over");
            return null;
        }
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (_abandoned is null)
            {
                LogFailed(_logger, _importId, e);
            }

            Abandon("it failed");
            return null;
        }
        finally
        {
            _key.TrySetResult(null);
            if (_abandoned is not null)
            {
                LogAbandoned(_logger, _importId, _abandoned);
                Discard(staging);
            }

            staging?.Dispose();
            _growing.Dispose();
        }
    }

    /// <summary>Whether the file's start is what the full check detects as CSV and reads as UTF-8 (with or without its byte order mark).</summary>
    private bool IsUtf8Csv()
    {
        var sample = new byte[FileFormatDetector.TextSampleBytes];
        _growing.Position = 0;
        var read = _growing.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        _growing.Position = 0;
        var start = sample.AsSpan(0, read);
        return FileFormatDetector.IsCsvStart(start) && TextDecoding.ByteOrderMarkLength(start) is 0 or 3;
    }

    private void Discard(IPrecheckStaging? staging)
    {
        try
        {
            staging?.Discard();
        }
#pragma warning disable CA1031 // What is left is deleted by the sweep or by CheckImport, which deletes the key's rows before checking.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogLeft(_logger, _importId, e.Message);
        }
    }

    /// <summary>Called by the check's writer after each batch: commits and waits while the upload stores its import.</summary>
    private void YieldIfAsked(IPrecheckStaging staging)
    {
        if (_importInsert is { } pause)
        {
            staging.Drained();
            pause.Task.Wait(_stop.Token);
        }
    }

    /// <summary>The staging, which gives way to the upload's insert of its import between batches.</summary>
    private sealed class YieldingSink(UploadPrecheck precheck, IPrecheckStaging staging) : ICheckSink
    {
        public string? StagedEmailAt(int rowNumber) => staging.StagedEmailAt(rowNumber);

        public void Stage(IReadOnlyList<StagedUser> users) => staging.Stage(users);

        public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
        {
            staging.AddDiagnostics(diagnostics); // a batch's last call
            precheck.YieldIfAsked(staging);
        }

        public void Drained() => staging.Drained();
    }

    private sealed class Resume(UploadPrecheck precheck, TaskCompletionSource pause) : IDisposable
    {
        public void Dispose()
        {
            precheck._importInsert = null;
            pause.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Import {ImportId}: not checked while uploading ({Reason}); CheckImport checks the stored file")]
    private static partial void LogAbandoned(ILogger logger, string importId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: the check while uploading failed; CheckImport checks the stored file")]
    private static partial void LogFailed(ILogger logger, string importId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: what the check while uploading staged could not be deleted now ({Reason}); the sweep or CheckImport deletes it")]
    private static partial void LogLeft(ILogger logger, string importId, string reason);
}
