using BulkInvite.Core.Auditing;
using BulkInvite.Core.Importing;
using BulkInvite.Server.Security;
using BulkInvite.Storage;

namespace BulkInvite.Server.Hosting;

public static class BulkInviteServiceCollectionExtensions
{
    /// <summary>Registers the import flow, SQLite storage and the gRPC services, configured from IConfiguration.</summary>
    public static IServiceCollection AddBulkInvite(this IServiceCollection services)
    {
        // Options are read when first needed, so configuration added by a test host is seen.
        services.AddSingleton(sp => ReadOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => ReadStorageOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<UploadSlots>();
        services.AddSingleton<ImportUploader>();
        services.AddSingleton<ImportChecker>();
        services.AddSingleton<PermissionApplier>();
        services.AddSingleton<ImportQueries>();
        services.AddSingleton<ImportRetention>();
        services.AddHostedService<ImportRetentionService>();
        services.AddHostedService<WalCheckpointService>();
        services.AddSingleton<AppliedImportCleanup>();
        services.AddHostedService<AppliedImportCleanupService>();

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IImportRepository, SqliteImportRepository>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton<DiskUploadStore>();
        services.AddSingleton<IUploadStore>(sp => sp.GetRequiredService<DiskUploadStore>());

        services.AddBulkInviteInvitations();
        services.AddBulkInviteSecurity();
        services.AddGrpc(options => options.Interceptors.Add<ErrorMappingInterceptor>());
        services.AddOptions<Grpc.AspNetCore.Server.GrpcServiceOptions>()
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
                options.EnableDetailedErrors = GrpcSettings.From(configuration, environment).EnableDetailedErrors);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static BulkInviteOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(BulkInviteOptions.SectionName).Get<BulkInviteOptions>() ?? new BulkInviteOptions();
        if (options.MaxUploadBytes <= 0 || options.MaxRows <= 0 || options.MaxCsvRecordBytes <= 0 || options.InvitationLifetime <= TimeSpan.Zero
            || options.MaxConcurrentUploadsPerOrganization <= 0 || options.UploadIdleTimeout <= TimeSpan.Zero
            || options.ImportRetention <= TimeSpan.Zero || options.RetentionSweepInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("The BulkInvite limits, lifetimes and intervals must be positive.");
        }

        if (options.MaxCsvFieldBytes <= 0 || options.MaxInflatedBytes <= 0 || options.MaxCompressionRatio <= 0 || options.MaxZipEntries <= 0
            || options.MaxSharedStringsBytes <= 0 || options.MaxSheetCells <= 0)
        {
            throw new InvalidOperationException("BulkInvite:MaxCsvFieldBytes, MaxInflatedBytes, MaxCompressionRatio, MaxZipEntries, MaxSharedStringsBytes and MaxSheetCells must be positive.");
        }

        return options;
    }

    private static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultConnectionString;
        return options;
    }
}
