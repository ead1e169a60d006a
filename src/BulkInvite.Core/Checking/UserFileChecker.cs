using System.Collections.Concurrent;
using System.Globalization;
using BulkInvite.Core.Reading;

namespace BulkInvite.Core.Checking;

/// <summary>
/// Checks the rows of a sheet (rules 4, 5, 8 and 11 of docs/import-rules.md, with the row rules of
/// <see cref="UserRowValidator"/>): maps the header's columns, validates every row, reports
/// duplicates, and streams staged users and diagnostics to a sink in batches, so memory stays flat
/// however long the file is. The header's warnings (columns not imported) go to the sink first, as
/// diagnostics on row 0, and are in the result's file diagnostics too.
/// </summary>
/// <param name="expectedRows">A guess of the file's rows, which sizes the duplicate index up front (0: grown as rows come).</param>
public sealed class UserFileChecker(int maxRows, int batchSize = 1000, int expectedRows = 0)
{
    public CheckResult Check(ISheetReader sheet, ICheckSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(sink);
        HeaderMatch? header = null;
        try
        {
            return CheckRows(sheet, sink, match => header = match, cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            return Rejected(header, Diagnostic.ForFile(e.Code, e.Message));
        }
    }

    private CheckResult CheckRows(ISheetReader sheet, ICheckSink sink, Action<HeaderMatch> mapped, CancellationToken cancellationToken)
    {
        var headerRow = NextNonBlank(sheet);
        if (headerRow is null)
        {
            return CheckResult.Rejected(Diagnostic.ForFile(DiagnosticCode.FileEmpty,
                "The file is empty: it has no header and no users (in a workbook, only the first worksheet is read). Upload a file whose first row is the header Email, First name, Last name."));
        }

        if (headerRow.Problems.Count > 0)
        {
            var problem = headerRow.Problems[0];
            return CheckResult.Rejected(Diagnostic.ForFile(DiagnosticCode.FileUnreadable,
                string.Create(CultureInfo.InvariantCulture, $"The header (row {headerRow.RowNumber}) cannot be read: {problem.Message}"), problem.Value));
        }

        var header = HeaderRule.Match(headerRow.Cells, headerRow.RowNumber);
        mapped(header);
        if (header.Layout is not { } layout)
        {
            return new CheckResult(header.Diagnostics, 0, 0, 0) { Columns = header.Columns };
        }

        if (header.Diagnostics.Count > 0)
        {
            sink.AddDiagnostics(header.Diagnostics); // before the writer's thread starts; only it uses the sink afterwards
        }

        var firstRows = new DuplicateIndex(Math.Min(expectedRows, maxRows));
        using var writer = new BatchWriter(sink, firstRows, cancellationToken);
        var batch = new List<RowCheck>(batchSize);
        var total = 0;
        while (NextNonBlank(sheet) is { } row)
        {
            if (++total > maxRows)
            {
                return Rejected(header, Diagnostic.ForFile(DiagnosticCode.TooManyRows,
                    string.Create(CultureInfo.InvariantCulture, $"The file has more than {maxRows:N0} user rows, the most one import accepts. Split it into several files.")));
            }

            var check = UserRowValidator.Validate(row, layout);
            if (check.Row.NormalizedEmail is { } address)
            {
                check.ProbableFirstRow = firstRows.Probe(address, check.RowNumber);
            }

            batch.Add(check);
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
            return Rejected(header, Diagnostic.ForFile(DiagnosticCode.NoUserRows,
                "The file has a header but no user rows. Add one row per user below the header."));
        }

        return new CheckResult(header.Diagnostics, total, total - invalid, invalid) { Columns = header.Columns };
    }

    /// <summary>A file rejected after its header was read keeps the header's warnings and mapping.</summary>
    private static CheckResult Rejected(HeaderMatch? header, Diagnostic error) =>
        header is null ? CheckResult.Rejected(error) : new CheckResult([.. header.Diagnostics, error], 0, 0, 0) { Columns = header.Columns };

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

    /// <summary>
    /// Confirms the batch's probable duplicates (found by their hash as the rows were validated)
    /// within the batch and against earlier batches, then writes it: every row, in row order, a
    /// duplicate as an invalid row. Returns the invalid rows.
    /// </summary>
    private static int Flush(List<RowCheck> batch, ICheckSink sink, DuplicateIndex firstRows)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var toStage = new List<StagedUser>(batch.Count);
        var diagnostics = new List<Diagnostic>();
        var invalid = 0;

        // A probable first row is the first of its hash, so its address is its own: in this batch
        // (rows in row order, not written yet) or staged by an earlier one.
        string? EmailAt(int rowNumber)
        {
            if (rowNumber < batch[0].RowNumber)
            {
                return sink.StagedEmailAt(rowNumber);
            }

            var index = IndexOfRow(batch, rowNumber);
            return index >= 0 ? batch[index].Row.NormalizedEmail : null;
        }

        foreach (var row in batch)
        {
            var values = row.Row;
            if (values.NormalizedEmail is { } address && row.ProbableFirstRow is { } probable
                && firstRows.Confirm(address, row.RowNumber, probable, EmailAt) is { } firstRow)
            {
                DuplicateEmailRule.InsertAfterEmailDiagnostics(row.Diagnostics, DuplicateEmailRule.Diagnostic(row.RowNumber, firstRow, row.RawEmail));
                values = values with { IsValid = false };
            }

            toStage.Add(values);
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

    /// <summary>The index of the row with that number in a batch (in row order), or -1.</summary>
    private static int IndexOfRow(List<RowCheck> batch, int rowNumber)
    {
        var low = 0;
        var high = batch.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = batch[middle].RowNumber;
            if (found == rowNumber)
            {
                return middle;
            }

            (low, high) = found < rowNumber ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    /// <summary>
    /// Confirms duplicates and writes batches to the sink on a thread of its own, so reading,
    /// validating and hashing the next rows (one core) overlaps storing the previous ones (the other). At most a
    /// few batches wait between the two, so memory stays flat. The sink is only ever used from this
    /// thread, one call at a time.
    /// </summary>
    private sealed class BatchWriter : IDisposable
    {
        private const int WaitingBatches = 4;

        private readonly BlockingCollection<List<RowCheck>> _queue = new(WaitingBatches);
        private readonly CancellationTokenSource _stop;
        private readonly Task<int> _writing;
        private readonly DuplicateIndex _firstRows;

        public BatchWriter(ICheckSink sink, DuplicateIndex firstRows, CancellationToken cancellationToken)
        {
            _firstRows = firstRows;
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
            var invalid = 0;
            try
            {
                while (!_queue.IsCompleted)
                {
                    if (!_queue.TryTake(out var batch))
                    {
                        sink.Drained();
                        if (!_queue.TryTake(out batch, Timeout.Infinite, _stop.Token))
                        {
                            break; // completed while waiting
                        }
                    }

                    invalid += Flush(batch, sink, _firstRows);
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
