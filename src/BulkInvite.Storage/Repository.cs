using Dapper;

namespace BulkInvite.Storage;

/// <summary>
/// What every repository starts from: the engine's dialect, and Dapper configured once for all of
/// them (bitwarden's BaseRepository does the same), before any of them reads a row.
/// </summary>
public abstract class Repository
{
    static Repository()
    {
        // snake_case columns fill PascalCase properties: import_id → ImportId.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private protected Repository(StoreDialect dialect)
    {
        Dialect = dialect;
    }

    private protected StoreDialect Dialect { get; }
}
