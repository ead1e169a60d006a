using BulkInvite.Server.Services;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

public static class BulkInviteApplicationExtensions
{
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
