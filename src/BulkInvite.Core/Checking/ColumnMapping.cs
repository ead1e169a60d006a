using System.Text.Json.Serialization;

namespace BulkInvite.Core.Checking;

/// <summary>
/// How one column of the file was mapped (rule 4 of docs/import-rules.md): its 1-based position, its
/// header text (trimmed, cut to <see cref="MaxHeaderLength"/> characters; empty for a column without
/// a header), and the field it fills, or null when it is not imported. Small and plain, so a store
/// can keep a file's list as JSON.
/// </summary>
public sealed record ColumnMapping(int Position, string Header, UserField? Field)
{
    /// <summary>The most characters of a header a mapping keeps; real headers are far shorter.</summary>
    public const int MaxHeaderLength = 100;

    /// <summary>The column letter a spreadsheet shows: position 1 is A, 27 is AA.</summary>
    [JsonIgnore]
    public string Letter => UserColumns.Letter(Position - 1);
}
