using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BulkInvite.Storage;

/// <summary>
/// Tells storage trouble that is not a bug — a full or read-only disk, a database that cannot be
/// opened or reached — from everything else, so callers hear "try again later" (UNAVAILABLE)
/// rather than "the server failed" (INTERNAL). Looks through wrapping exceptions.
/// </summary>
public static class StorageFailures
{
    // errno values .NET reports as IOException.HResult on Unix.
    private const int NoSpaceLeft = 28; // ENOSPC
    private const int ReadOnlyFileSystem = 30; // EROFS
    private const int QuotaExceeded = 122; // EDQUOT

    // SQLite's primary result codes for a busy, read-only, failing, full or unopenable database.
    private static readonly HashSet<int> SqliteUnavailable =
    [
        SQLitePCL.raw.SQLITE_BUSY, SQLitePCL.raw.SQLITE_READONLY, SQLitePCL.raw.SQLITE_IOERR, SQLitePCL.raw.SQLITE_FULL, SQLitePCL.raw.SQLITE_CANTOPEN,
    ];

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e switch
            {
                SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
                PostgresException postgres => IsUnavailable(postgres.SqlState),
                // Not an error PostgreSQL sent: the connection itself failed (refused, reset, timed out).
                NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
                // The uploads folder refusing writes; the server itself never throws it for authorization.
                UnauthorizedAccessException => true,
                IOException io => io.HResult is NoSpaceLeft or ReadOnlyFileSystem or QuotaExceeded,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }

    // Connection exceptions (08), insufficient resources such as a full disk (53), the server
    // shutting down or starting (57P01–57P03), the database gone (3D000), a read-only standby (25006).
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.ReadOnlySqlTransaction;
}
