using System.Collections.Concurrent;
using System.Globalization;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Checking;

/// <summary>
/// Checks the rows of a sheet (rules 4, 5, 8 and 11 of docs/import-rules.md, with the row rules of
/// <see cref="UserRowValidator"/>): finds the header, validates every row, reports duplicates, and
/// streams staged users and diagnostics to a sink in batches, so memory stays flat however long
/// the file is.
/// </summary>
public sealed class UserFileChecker(int maxRows, int batchSize = 1000)
{
    public CheckResult Check(ISheetReader sheet, ICheckSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            return CheckRows(sheet, sink, cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            return CheckResult.Rejected(Diagnostic.ForFile(e.Code, e.Message));
        }
    }

    private CheckResult CheckRows(ISheetReader sheet, ICheckSink sink, CancellationToken cancellationToken)
    {
        var header = NextNonBlank(sheet);
        if (header is null)
        {
            return CheckResult.Rejected(Diagnostic.ForFile(DiagnosticCode.FileEmpty,
                "The file is empty: it has no header and no users (in a workbook, only the first worksheet is read). Upload a file whose first row is the header Email, First name, Last name."));
        }

        if (header.Problems.Count > 0)
        {
            var problem = header.Problems[0];
            return CheckResult.Rejected(Diagnostic.ForFile(DiagnosticCode.FileUnreadable,
                string.Create(CultureInfo.InvariantCulture, $"The header (row {header.RowNumber}) cannot be read: {problem.Message}"), problem.Value));
        }

        if (HeaderRule.Match(header.Cells, out var headerProblem) is not { } columnCount)
        {
            return CheckResult.Rejected(headerProblem!);
        }

        using var writer = new BatchWriter(sink, cancellationToken);
        var batch = new List<RowCheck>(batchSize);
        var total = 0;
        while (NextNonBlank(sheet) is { } row)
        {
            if (++total > maxRows)
            {
                return CheckResult.Rejected(Diagnostic.ForFile(DiagnosticCode.TooManyRows,
                    string.Create(CultureInfo.InvariantCulture, $"The file has more than {maxRows:N0} user rows, the most one import accepts. Split it into several files.")));
            }

            batch.Add(UserRowValidator.Validate(row, columnCount));
            if (batch.Count == batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Add(batch);
                batch = new List<RowCheck>(batchSize);
            }
        }

        writer.Add(batch);
        var invalid = writer.Complete();
        if (total == 0)
        {
            return CheckResult.Rejected(Diagnostic.ForFile(DiagnosticCode.NoUserRows,
                "The file has a header but no user rows. Add one row per user below the header."));
        }

        return new CheckResult([], total, total - invalid, invalid);
    }

    private static SheetRow? NextNonBlank(ISheetReader sheet)
    {
        while (sheet.ReadRow() is { } row)
        {
            if (!row.IsBlank)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>Resolves duplicates within the batch and against earlier batches, then writes it. Returns the invalid rows.</summary>
    private static int Flush(List<RowCheck> batch, ICheckSink sink, DuplicateIndex firstRows)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var toStage = new List<StagedUser>(batch.Count);
        var inBatch = new Dictionary<int, string>();
        var diagnostics = new List<Diagnostic>();
        var invalid = 0;

        // A first occurrence is in this batch (not written yet) or staged by an earlier one.
        string? EmailAt(int rowNumber) => inBatch.TryGetValue(rowNumber, out var email) ? email : sink.StagedEmailAt(rowNumber);

        foreach (var row in batch)
        {
            if (row.User is { } user)
            {
                if (firstRows.FirstRowOf(user.NormalizedEmail, row.RowNumber, EmailAt) is { } firstRow)
                {
                    InsertAfterEmailDiagnostics(row.Diagnostics, Diagnostic.ForRow(row.RowNumber, UserColumns.Email, DiagnosticCode.DuplicateEmail,
                        $"This address already appears on row {firstRow}; each user can be listed once. Remove this row.", row.RawEmail));
                }
                else
                {
                    inBatch.Add(row.RowNumber, user.NormalizedEmail);
                    toStage.Add(user);
                }
            }

            diagnostics.AddRange(row.Diagnostics);
            if (row.HasError)
            {
                invalid++;
            }
        }

        sink.Stage(toStage);
        sink.AddDiagnostics(diagnostics);
        return invalid;
    }

    // Keeps a row's diagnostics in column order: the duplicate goes with the other Email ones.
    private static void InsertAfterEmailDiagnostics(List<Diagnostic> diagnostics, Diagnostic duplicate)
    {
        var index = diagnostics.FindLastIndex(d => d.Column == UserColumns.Email) + 1;
        diagnostics.Insert(index, duplicate);
    }

    /// <summary>
    /// Resolves duplicates and writes batches to the sink on a thread of its own, so reading and
    /// validating the next rows (one core) overlaps storing the previous ones (the other). At most a
    /// few batches wait between the two, so memory stays flat. The sink is only ever used from this
    /// thread, one call at a time.
    /// </summary>
    private sealed class BatchWriter : IDisposable
    {
        private const int WaitingBatches = 4;

        private readonly BlockingCollection<List<RowCheck>> _queue = new(WaitingBatches);
        private readonly CancellationTokenSource _stop;
        private readonly Task<int> _writing;

        public BatchWriter(ICheckSink sink, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _writing = Task.Factory.StartNew(() => Write(sink), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public void Add(List<RowCheck> batch)
        {
            try
            {
                _queue.Add(batch, _stop.Token);
            }
            catch (OperationCanceledException) when (_writing.IsFaulted)
            {
                _writing.GetAwaiter().GetResult(); // the writer's own error, rather than the cancellation it caused
                throw;
            }
        }

        /// <summary>Waits for every batch to be written; returns the invalid rows.</summary>
        public int Complete()
        {
            _queue.CompleteAdding();
            return _writing.GetAwaiter().GetResult();
        }

        /// <summary>Stops the writer (when the check ends early) and waits for it, so nobody uses the sink afterwards.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _queue.CompleteAdding();
            ((IAsyncResult)_writing).AsyncWaitHandle.WaitOne();
            _queue.Dispose();
            _stop.Dispose();
        }

        private int Write(ICheckSink sink)
        {
            var firstRows = new DuplicateIndex();
            var invalid = 0;
            try
            {
                foreach (var batch in _queue.GetConsumingEnumerable(_stop.Token))
                {
                    invalid += Flush(batch, sink, firstRows);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw;
            }
            catch
            {
                _stop.Cancel(); // wakes a reader waiting to add a batch
                throw;
            }

            return invalid;
        }
    }
}
