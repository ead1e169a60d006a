namespace BulkInvite.Cli;

/// <summary>What the exit status of bulkinvite means.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A usage error, or a question the user answered "no" (or could not answer).</summary>
    public const int Usage = 1;

    /// <summary>The file was rejected, or the request was: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, RESOURCE_EXHAUSTED.</summary>
    public const int Rejected = 2;

    /// <summary>
    /// The server could not be reached, refused the caller (UNAUTHENTICATED: no token or a token it
    /// does not accept; PERMISSION_DENIED: the token lacks a permission), or failed.
    /// </summary>
    public const int ServerError = 3;

    /// <summary>
    /// Nobody to invite: every valid row is already invited or a member, so nothing was applied
    /// (a file imported twice, say). Not an error, but not an invitation either.
    /// </summary>
    public const int NobodyToInvite = 4;

    /// <summary>The user pressed Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
