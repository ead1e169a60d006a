using System.Text.Json;
using BulkInvite.Core.Checking;

namespace BulkInvite.Storage.Rows;

/// <summary>
/// An import's column mapping as the imports table keeps it: a JSON array of {Position, Header,
/// Field}. Headers are cut to <see cref="ColumnMapping.MaxHeaderLength"/> characters, so even a
/// header of 16,384 columns stays within about 2 MB; it is read only by the calls that return it.
/// </summary>
internal static class ColumnMappingsJson
{
    public static string Serialize(IReadOnlyList<ColumnMapping> columns) => JsonSerializer.Serialize(columns);

    public static IReadOnlyList<ColumnMapping> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ColumnMapping>>(json) ?? [];
}
