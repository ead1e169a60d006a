using System.Data;
using System.Data.Common;
using BulkInvite.Core.Checking;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// Where a check stores the rows and diagnostics of one import inside one write transaction: every
/// row and diagnostic goes in through the dialect's bulk sink (SQLite's prepared multi-row insert,
/// PostgreSQL's binary COPY), a batch at a time, under the import's integer key. The check at
/// CheckImport uses one for its whole transaction; a check while uploading one per short transaction.
/// </summary>
internal sealed class StagedRows : IDisposable
{
    private static readonly string[] RowColumns =
        ["import_key", "row_number", "email", "first_name", "last_name", "description", "normalized_email", "is_valid"];

    private static readonly string[] DiagnosticColumns = ["import_key", "row_number", "column_name", "code", "severity", "message", "value"];

    // Boxed once: the sinks take each row's values as objects, and these repeat on every row.
    private static readonly object Valid = true;
    private static readonly object NotValid = false;

    private readonly object _importKey;
    private readonly IBulkSink _rows;
    private readonly IBulkSink _diagnostics;
    private readonly DbCommand _stagedEmailAt;

    public StagedRows(StoreDialect dialect, DbConnection connection, DbTransaction transaction, long importKey)
    {
        _importKey = importKey;
        _rows = dialect.OpenBulkSink(connection, transaction, "import_rows", RowColumns);
        _diagnostics = dialect.OpenBulkSink(connection, transaction, "diagnostics", DiagnosticColumns);
        // Prepared once: the check asks for every duplicate it finds.
        _stagedEmailAt = connection.CreateCommand();
        _stagedEmailAt.Transaction = transaction;
        _stagedEmailAt.CommandText = "SELECT normalized_email FROM import_rows WHERE import_key = @import_key AND row_number = @row_number";
        AddParameter(_stagedEmailAt, "import_key", DbType.Int64, importKey);
        AddParameter(_stagedEmailAt, "row_number", DbType.Int32, 0);
        _stagedEmailAt.Prepare();
    }

    /// <summary>Deletes the rows and diagnostics staged under a key, inside the caller's transaction.</summary>
    public static void Delete(DbConnection connection, DbTransaction transaction, StoreDialect dialect, long importKey)
    {
        connection.Execute("DELETE FROM import_rows WHERE import_key = @importKey", new { importKey }, transaction, dialect.GrowingWorkTimeout);
        connection.Execute("DELETE FROM diagnostics WHERE import_key = @importKey", new { importKey }, transaction, dialect.GrowingWorkTimeout);
    }

    /// <inheritdoc cref="ICheckSink.StagedEmailAt"/>
    public string? StagedEmailAt(int rowNumber)
    {
        _stagedEmailAt.Parameters[1].Value = rowNumber;
        return _stagedEmailAt.ExecuteScalar() as string;
    }

    /// <inheritdoc cref="ICheckSink.Stage"/>
    public void Stage(IReadOnlyList<StagedUser> users) =>
        _rows.Insert(users, (user, values) =>
        {
            values[0] = _importKey;
            values[1] = user.RowNumber;
            values[2] = user.Email;
            values[3] = user.FirstName;
            values[4] = user.LastName;
            values[5] = user.Description;
            values[6] = user.NormalizedEmail;
            values[7] = user.IsValid ? Valid : NotValid;
        });

    /// <inheritdoc cref="ICheckSink.AddDiagnostics"/>
    public void AddDiagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        _diagnostics.Insert(diagnostics, (d, values) =>
        {
            values[0] = _importKey;
            values[1] = d.RowNumber;
            values[2] = d.Column;
            values[3] = (int)d.Code;
            values[4] = (int)d.Severity;
            values[5] = d.Message;
            values[6] = d.Value;
        });

    public void Dispose()
    {
        _rows.Dispose();
        _diagnostics.Dispose();
        _stagedEmailAt.Dispose();
    }

    private static void AddParameter(DbCommand command, string name, DbType type, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
