using BulkInvite.Server.Security;
using BulkInvite.Server.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BulkInvite.Server.Hosting;

public static class BulkInviteApplicationExtensions
{
    /// <summary>
    /// Serves HTTP/2 on every endpoint, so plaintext endpoints speak h2c for grpcurl and buf curl,
    /// wherever the server is started from. Kestrel configuration can still override it.
    /// </summary>
    public static WebApplicationBuilder UseHttp2Endpoints(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        return builder;
    }

    /// <summary>Refuses to start without token keys, or with the public development key outside Development.</summary>
    public static WebApplication RequireSafeTokenSettings(this WebApplication app)
    {
        if (TokenSettings.From(app.Configuration).Problem(app.Environment) is { } problem)
        {
            throw new InvalidOperationException("BulkInvite cannot start: " + problem);
        }

        return app;
    }

    /// <summary>Creates or migrates the database (SQLite or PostgreSQL), and on SQLite clears uploads a crash cut short, before the server takes calls.</summary>
    public static WebApplication PrepareBulkInviteStorage(this WebApplication app)
    {
        app.Services.GetRequiredService<StorageBackend>().Prepare(app.Services.GetRequiredService<ILogger<StorageBackend>>());
        return app;
    }

    /// <summary>
    /// Maps the BulkInvite services (every call authenticated but AcceptInvitation, rate limited per organization), the
    /// grpc.health.v1 service (open, for load balancers) and, where enabled, server reflection.
    /// </summary>
    public static WebApplication MapBulkInviteServices(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapGrpcService<UserImportGrpcService>().RequireAuthorization();
        // AcceptInvitation alone allows anonymous calls (its [AllowAnonymous]): the invitation token is its credential.
        app.MapGrpcService<InvitationGrpcService>().RequireAuthorization();
        app.MapGrpcHealthChecksService();
        if (GrpcSettings.From(app.Configuration, app.Environment).EnableReflection)
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }
}
