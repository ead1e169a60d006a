namespace BulkInvite.Core.Importing;

/// <summary>No import with this id (NOT_FOUND).</summary>
public sealed class ImportNotFoundException(string importId)
    : BulkInviteException($"Import \"{importId}\" was not found.")
{
    public string ImportId { get; } = importId;
}
