using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BulkInvite.Client;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>Failed calls for people (stderr) and, with --output json, for programs (stdout); and their exit codes.</summary>
internal static partial class ErrorReport
{
    /// <summary>How to get a token from a server run locally with `dotnet run` (the Development environment).</summary>
    public const string LocalTokenCommand = "dotnet run --project src/BulkInvite.Server -- token --org ORG --permission P";

    /// <summary>How to start a server locally, from the repository root.</summary>
    public const string LocalServerCommand = "dotnet run --project src/BulkInvite.Server";

    public static int Write(Session session, BulkInviteException error)
    {
        var exitCode = error is InvalidRequestException or NotFoundException or FailedPreconditionException or RowsChangedException or QuotaExceededException
            ? ExitCodes.Rejected
            : ExitCodes.ServerError;
        var console = session.Console.Error;
        var message = error switch
        {
            ServerUnavailableException e => $"Cannot reach the BulkInvite server at {session.ServerUrl}: {e.Explanation}",
            AuthenticationRequiredException { IsExplained: true } e => $"The server refused the token ({e.Reason}): {e.Message}",
            AuthenticationRequiredException when !session.HasToken => "The server needs a token, and none was given.",
            AuthenticationRequiredException => "The server refused the token (it answered HTTP 401 without saying why: expired, or issued for another server?).",
            _ => error.Message,
        };
        console.MarkupLineInterpolated($"[red]Error:[/] {message}");
        foreach (var line in Details(error))
        {
            console.MarkupLineInterpolated($"  {line}");
        }

        if (Hint(session, error) is { } hint)
        {
            console.MarkupLineInterpolated($"[grey]Hint: {hint}[/]");
        }

        if (session.Json)
        {
            Json.Write(session.Console, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["status"] = StatusName(error),
                    ["reason"] = error.Reason,
                    ["message"] = error.Message,
                    ["details"] = Json.Of(error.RpcStatus)["details"]?.DeepClone(),
                },
            });
        }

        return exitCode;
    }

    /// <summary>The status as the gRPC spec names it: INVALID_ARGUMENT, NOT_FOUND, …</summary>
    public static string StatusName(BulkInviteException error) =>
        UpperSnake().Replace(error.StatusCode.ToString(), "$1_$2").ToUpperInvariant();

    private static IEnumerable<string> Details(BulkInviteException error) => error switch
    {
        InvalidRequestException e => e.FieldViolations.Select(v => $"{v.Field}: {v.Description}"),
        FailedPreconditionException e => e.Violations.Select(v => $"{v.Type}: {v.Description}"),
        QuotaExceededException e => e.Violations.Where(v => v.Description != e.Message).Select(v => $"{v.Subject}: {v.Description}"),
        AccessDeniedException { MissingPermissions.Count: > 0 } e => [$"missing permissions: {string.Join(", ", e.MissingPermissions)}"],
        _ => [],
    };

    private static string? Hint(Session session, BulkInviteException error) => error switch
    {
        ServerUnavailableException e => ConnectionHint(e.Problem, session.ServerUrl),
        AuthenticationRequiredException when !session.HasToken =>
            $"Pass a token with --token TOKEN or set BULKINVITE_TOKEN. For a server run locally, print one with: {LocalTokenCommand}",
        AuthenticationRequiredException =>
            $"Get a new token for this server and pass it with --token or BULKINVITE_TOKEN. For a server run locally: {LocalTokenCommand}",
        AccessDeniedException { MissingPermissions.Count: > 0 } e =>
            $"Use a token that holds {string.Join(", ", e.MissingPermissions)} in the organization.",
        AccessDeniedException => "A token acts for one organization: pass the --org it was issued for.",
        ImportNotFoundException => "List the imports with: bulkinvite imports",
        InvitationNotFoundException => "List the invitations with: bulkinvite invitations list",
        _ => null,
    };

    private static string ConnectionHint(ConnectionProblem problem, string url)
    {
        var other = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? $"http://{uri.Authority}"
            : uri is null ? null : $"https://{uri.Authority}";
        return problem switch
        {
            ConnectionProblem.NothingListening => $"Start it with `{LocalServerCommand}`, or pass --server URL (or set BULKINVITE_SERVER).",
            ConnectionProblem.HostNotFound => "Check the host name in --server (or BULKINVITE_SERVER).",
            ConnectionProblem.TlsHandshakeFailed when uri?.Scheme == Uri.UriSchemeHttps =>
                $"If the server speaks plain HTTP (as `{LocalServerCommand}` does), use --server {other}; if its certificate is not trusted here, trust its CA.",
            ConnectionProblem.NotHttp2 =>
                $"Pass the URL of the server's gRPC endpoint (HTTP/2){(uri?.Scheme == Uri.UriSchemeHttp ? $", or --server {other} if it expects TLS" : "")}.",
            _ => "Is the server running there? Pass --server URL or set BULKINVITE_SERVER.",
        };
    }

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex UpperSnake();
}
