namespace BulkInvite.Storage;

/// <summary>Which engine the store runs on (Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file and an uploads folder beside it: one server process.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database holding everything, uploads included: any number of identical servers.</summary>
    Postgres,
}
