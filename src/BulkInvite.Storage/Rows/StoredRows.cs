using System.Data;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;
using Dapper;

namespace BulkInvite.Storage.Rows;

/// <summary>The columns of import_rows, as Dapper reads them, and how rows are read with their diagnostics.</summary>
internal sealed class StoredRow
{
    /// <summary>A row's revision is null until its first edit (the check writes none): read as 1.</summary>
    public const string Columns = "r.row_number, r.email, r.first_name, r.last_name, r.description, r.normalized_email, r.is_valid, COALESCE(r.revision, 1) AS revision";

    public long RowNumber { get; set; }
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Description { get; set; }
    public string? NormalizedEmail { get; set; }
    public bool IsValid { get; set; }
    public long Revision { get; set; }

    /// <summary>The rows with these numbers (those that exist), in row order, with their diagnostics.</summary>
    public static IReadOnlyList<ImportRowRecord> Read(StoreDialect dialect, IDbConnection connection, IDbTransaction? transaction, long importKey, IReadOnlyCollection<int> rowNumbers)
    {
        if (rowNumbers.Count == 0)
        {
            return [];
        }

        var rows = connection.Query<StoredRow>(
            $"SELECT {Columns} FROM import_rows r WHERE r.import_key = @importKey AND r.row_number {dialect.InList("@rowNumbers")} ORDER BY r.row_number",
            new { importKey, rowNumbers = rowNumbers.ToArray() }, transaction).ToList();
        return WithDiagnostics(dialect, connection, transaction, importKey, rows);
    }

    /// <summary>The rows as records, each with its diagnostics in the order found.</summary>
    public static IReadOnlyList<ImportRowRecord> WithDiagnostics(StoreDialect dialect, IDbConnection connection, IDbTransaction? transaction, long importKey, IReadOnlyList<StoredRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var diagnostics = connection.Query<DiagnosticRow>(
                $"SELECT {DiagnosticRow.Columns} FROM diagnostics WHERE import_key = @importKey AND row_number {dialect.InList("@rowNumbers")} ORDER BY row_number, sequence",
                new { importKey, rowNumbers = rows.Select(r => (int)r.RowNumber).ToArray() }, transaction)
            .Select(d => d.ToDiagnostic())
            .ToLookup(d => d.RowNumber);
        return rows.Select(r => r.ToRecord(diagnostics[(int)r.RowNumber].ToList())).ToList();
    }

    public ImportRowRecord ToRecord(IReadOnlyList<Diagnostic> diagnostics) =>
        new((int)RowNumber, Email, FirstName, LastName, Description, NormalizedEmail, IsValid, Revision, diagnostics);
}
