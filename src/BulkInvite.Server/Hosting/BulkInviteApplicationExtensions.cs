using BulkInvite.Server.Security;
using BulkInvite.Server.Services;
using BulkInvite.Server.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace BulkInvite.Server.Hosting;

public static class BulkInviteApplicationExtensions
{
    /// <summary>
    /// Serves HTTP/2 on every endpoint, so plaintext endpoints speak h2c for grpcurl and buf curl,
    /// wherever the server is started from; but the web page's endpoint (the port of Web:Url) speaks
    /// HTTP/1.1, which browsers need. Kestrel configuration can still override it.
    /// </summary>
    public static WebApplicationBuilder UseHttp2Endpoints(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var page = WebPageSettings.From(context.Configuration);
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols =
                endpoint.IPEndPoint is { } address && page.IsPagePort(address.Port) ? HttpProtocols.Http1 : HttpProtocols.Http2);
        });
        return builder;
    }

    /// <summary>
    /// Checks every validated settings section now (they are checked again as the host starts), so a
    /// bad setting stops the server before it touches the database. Throws OptionsValidationException
    /// listing every problem.
    /// </summary>
    public static WebApplication ValidateBulkInviteSettings(this WebApplication app)
    {
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        return app;
    }

    /// <summary>Creates or migrates the database (SQLite or PostgreSQL), and on SQLite clears uploads a crash cut short, before the server takes calls.</summary>
    public static WebApplication PrepareBulkInviteStorage(this WebApplication app)
    {
        app.Services.GetRequiredService<StorageBackend>().Prepare(app.Services.GetRequiredService<ILogger<StorageBackend>>());
        return app;
    }

    /// <summary>
    /// Maps the BulkInvite services (every call authenticated but the invitee's LookupInvitation and AcceptInvitation, rate limited per organization), the
    /// grpc.health.v1 service and the HTTP health endpoints (open, for load balancers and orchestrators:
    /// docs/operations.md) and, where enabled, server reflection. All gRPC services but reflection also
    /// answer gRPC-Web, for the web page.
    /// </summary>
    public static WebApplication MapBulkInviteServices(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapGrpcService<UserImportGrpcService>().RequireAuthorization().EnableGrpcWeb();
        // LookupInvitation and AcceptInvitation alone allow anonymous calls (their [AllowAnonymous]): the
        // invitation token is their credential. The rate limiter partitions by the bearer token's
        // organization, so it does not limit them either (SecurityServiceCollectionExtensions).
        app.MapGrpcService<InvitationGrpcService>().RequireAuthorization().EnableGrpcWeb();
        app.MapGrpcHealthChecksService().EnableGrpcWeb();
        // Liveness runs no check: the process answers. Readiness runs them all (the database).
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready");
        if (GrpcSettings.From(app.Configuration, app.Environment).EnableReflection)
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }
}
