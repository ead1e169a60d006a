using BulkInvite.Core.Checking;

namespace BulkInvite.Storage.Rows;

/// <summary>A row of prechecks, as Dapper reads it: a check while uploading, running or complete with its result.</summary>
internal sealed class PrecheckRow
{
    public const int Running = 0;
    public const int Complete = 1;

    public long State { get; set; }
    public long TotalRows { get; set; }
    public long ValidRows { get; set; }
    public long InvalidRows { get; set; }
    public string? ColumnMappings { get; set; }

    /// <summary>The result a complete pre-check stored (its header warnings are staged as row-0 diagnostics), or null while it runs.</summary>
    public CheckResult? ToResult() => State == Complete
        ? new CheckResult([], (int)TotalRows, (int)ValidRows, (int)InvalidRows) { Columns = ColumnMappingsJson.Deserialize(ColumnMappings) }
        : null;
}
