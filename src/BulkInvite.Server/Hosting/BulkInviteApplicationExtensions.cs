using BulkInvite.Server.Services;
using BulkInvite.Storage;

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

    /// <summary>Creates or migrates the database and clears uploads a crash cut short, before the server takes calls.</summary>
    public static WebApplication PrepareBulkInviteStorage(this WebApplication app)
    {
        app.Services.GetRequiredService<SqliteDatabase>().Migrate();
        app.Services.GetRequiredService<DiskUploadStore>().DeleteAbandonedParts();
        return app;
    }

    /// <summary>Maps the BulkInvite service, gRPC server reflection and the grpc.health.v1 service.</summary>
    public static WebApplication MapBulkInviteServices(this WebApplication app)
    {
        app.MapGrpcService<UserImportGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
