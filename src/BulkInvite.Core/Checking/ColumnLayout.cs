namespace BulkInvite.Core.Checking;

/// <summary>
/// Where each field is in the rows of an accepted header, and which columns have no header (their
/// non-empty cells are EXTRA_FIELDS). Columns with a header that names no field are not imported.
/// </summary>
public sealed class ColumnLayout
{
    private readonly int[] _indexOf = new int[UserColumns.Fields.Count + 1];
    private readonly UserField?[] _fieldAt;
    private readonly bool[] _named;

    internal ColumnLayout(IReadOnlyList<ColumnMapping> columns)
    {
        Array.Fill(_indexOf, -1);
        Columns = columns;
        _fieldAt = new UserField?[columns.Count];
        _named = new bool[columns.Count];
        foreach (var column in columns)
        {
            var index = column.Position - 1;
            _named[index] = column.Header.Length > 0;
            _fieldAt[index] = column.Field;
            if (column.Field is { } field)
            {
                _indexOf[(int)field] = index;
            }
        }
    }

    /// <summary>Every column up to the header's last non-blank cell, in order.</summary>
    public IReadOnlyList<ColumnMapping> Columns { get; }

    /// <summary>The 0-based column of a field, or -1 when the header has none (only Description may be absent).</summary>
    public int IndexOf(UserField field) => _indexOf[(int)field];

    /// <summary>The canonical name of the field a column fills, or "" (a column not imported, or beyond the header).</summary>
    public string ColumnName(int index) =>
        index >= 0 && index < _fieldAt.Length && _fieldAt[index] is { } field ? UserColumns.NameOf(field) : "";

    /// <summary>The column has no header text: beyond the header's last non-blank cell, or a blank header cell.</summary>
    public bool IsUnnamed(int index) => index < 0 || index >= _named.Length || !_named[index];
}
