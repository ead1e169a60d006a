using System.Text.Json;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Importing;
using BulkInvite.Core.Reading;

namespace BulkInvite.Storage.Rows;

/// <summary>The columns of the imports table, as Dapper reads them.</summary>
internal sealed class ImportRow
{
    public const string Columns =
        "import_id, organization_id, file_name, format, size_bytes, sha256, state, total_rows, valid_rows, invalid_rows, " +
        "invited_count, skipped_count, permissions, apply_request_id, create_time, update_time, warning_rows, already_invited_rows, " +
        "already_member_rows, skipped_already_invited_count, skipped_already_member_count";

    /// <summary><see cref="Columns"/> and the import's key, which only storage uses.</summary>
    public const string KeyedColumns = Columns + ", import_key";

    public string ImportId { get; set; } = "";
    public long ImportKey { get; set; }
    public string OrganizationId { get; set; } = "";
    public string FileName { get; set; } = "";
    public long Format { get; set; }
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";
    public long State { get; set; }
    public long TotalRows { get; set; }
    public long ValidRows { get; set; }
    public long InvalidRows { get; set; }
    public long InvitedCount { get; set; }
    public long SkippedCount { get; set; }
    public string Permissions { get; set; } = "[]";
    public string? ApplyRequestId { get; set; }
    public long CreateTime { get; set; }
    public long UpdateTime { get; set; }
    public long WarningRows { get; set; }
    public long AlreadyInvitedRows { get; set; }
    public long AlreadyMemberRows { get; set; }
    public long SkippedAlreadyInvitedCount { get; set; }
    public long SkippedAlreadyMemberCount { get; set; }

    public static object Parameters(ImportRecord import) => new
    {
        import.ImportId,
        import.OrganizationId,
        import.FileName,
        Format = (int)import.Format,
        import.SizeBytes,
        import.Sha256,
        State = (int)import.State,
        import.TotalRows,
        import.ValidRows,
        import.InvalidRows,
        import.InvitedCount,
        import.SkippedCount,
        Permissions = Json(import.Permissions),
        import.ApplyRequestId,
        CreateTime = import.CreateTime.ToUnixTimeMilliseconds(),
        UpdateTime = import.UpdateTime.ToUnixTimeMilliseconds(),
        import.WarningRows,
        import.AlreadyInvitedRows,
        import.AlreadyMemberRows,
        import.SkippedAlreadyInvitedCount,
        import.SkippedAlreadyMemberCount,
    };

    public static string Json(IReadOnlyList<string> permissions) => JsonSerializer.Serialize(permissions);

    public ImportRecord ToRecord() => new()
    {
        ImportId = ImportId,
        OrganizationId = OrganizationId,
        FileName = FileName,
        Format = (FileFormat)Format,
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        State = (ImportState)State,
        TotalRows = (int)TotalRows,
        ValidRows = (int)ValidRows,
        InvalidRows = (int)InvalidRows,
        InvitedCount = (int)InvitedCount,
        SkippedCount = (int)SkippedCount,
        Permissions = JsonSerializer.Deserialize<List<string>>(Permissions) ?? [],
        ApplyRequestId = ApplyRequestId,
        CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(CreateTime),
        UpdateTime = DateTimeOffset.FromUnixTimeMilliseconds(UpdateTime),
        WarningRows = (int)WarningRows,
        AlreadyInvitedRows = (int)AlreadyInvitedRows,
        AlreadyMemberRows = (int)AlreadyMemberRows,
        SkippedAlreadyInvitedCount = (int)SkippedAlreadyInvitedCount,
        SkippedAlreadyMemberCount = (int)SkippedAlreadyMemberCount,
    };
}

/// <summary>The columns of the diagnostics table, as Dapper reads them.</summary>
internal sealed class DiagnosticRow
{
    public const string Columns = "sequence, row_number, column_name, code, severity, message, value";

    public long Sequence { get; set; }
    public long RowNumber { get; set; }
    public string ColumnName { get; set; } = "";
    public long Code { get; set; }
    public long Severity { get; set; }
    public string Message { get; set; } = "";
    public string Value { get; set; } = "";

    public Diagnostic ToDiagnostic() =>
        new((int)RowNumber, ColumnName, (DiagnosticCode)Code, (Severity)Severity, Message, Value);
}
