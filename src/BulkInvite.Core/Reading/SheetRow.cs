namespace BulkInvite.Core.Reading;

/// <summary>
/// One row of a sheet as a person sees it: the row number a spreadsheet program shows (the first
/// row is 1) and the text of each cell, untrimmed.
/// </summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<string> Cells)
{
    /// <summary>
    /// What the reader could not read in this row (an unclosed quote, a cell over a size limit). Each
    /// becomes a row error, and the row's cells are not checked; on the header row, it rejects the file.
    /// </summary>
    public IReadOnlyList<CellProblem> Problems { get; init; } = [];

    /// <summary>Every cell is empty or white space, and nothing in the row was unreadable.</summary>
    public bool IsBlank => Problems.Count == 0 && Cells.All(Checking.TextRules.IsBlank);

    public string CellAt(int index) => index < Cells.Count ? Cells[index] : "";
}
