using System.Net.Http.Headers;
using BulkInvite.Server.Hosting;
using Google.Rpc;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace BulkInvite.Server.Security;

/// <summary>
/// Where a call without a good token is refused. A gRPC or gRPC-Web call gets UNAUTHENTICATED as a
/// gRPC status, with an ErrorInfo saying why (<see cref="TokenProblem"/>), instead of the bare HTTP
/// 401 that clients can only print as "HTTP 401"; any other request keeps ASP.NET Core's 401 and its
/// WWW-Authenticate header.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler(IOptions<TokenSettings> settings) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Challenged || !RpcStatuses.IsGrpc(context.Request))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        // The handler ran once for this request already: this returns its recorded result, failure included.
        var authentication = await context.AuthenticateAsync();
        // The token validator reads the system clock, not the server's TimeProvider: "ago" is measured on the same one.
        var problem = TokenProblem.From(authentication, BearerToken(context.Request), settings.Value, DateTimeOffset.UtcNow);
        await RpcStatuses.WriteTrailersOnlyAsync(context, RpcStatuses.Create(Code.Unauthenticated, problem.Message, problem.Reason, metadata: problem.Metadata));
    }

    private static string? BearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) && "Bearer".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase)
            ? header.Parameter
            : null;
}
