using BulkInvite.Core.Importing;
using BulkInvite.Server.Security;
using BulkInvite.Storage;
using Microsoft.Extensions.Options;

namespace BulkInvite.Server.Hosting;

public static class BulkInviteServiceCollectionExtensions
{
    /// <summary>Registers the import flow, the storage Storage:Provider names and the gRPC services, configured from IConfiguration.</summary>
    public static IServiceCollection AddBulkInvite(this IServiceCollection services)
    {
        // Options are read when first needed, so configuration added by a test host is seen.
        services.AddSingleton(sp => ReadOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<UploadSlots>();
        services.AddSingleton<ImportUploader>();
        services.AddSingleton<ImportChecker>();
        services.AddSingleton<PermissionApplier>();
        services.AddSingleton<ImportQueries>();
        services.AddSingleton<ImportRetention>();
        services.AddHostedService<ImportRetentionService>();
        services.AddSingleton<AppliedImportCleanup>();
        services.AddHostedService<AppliedImportCleanupService>();
        services.AddHostedService<AbandonedUploadSweepService>();

        services.AddBulkInviteStorage();
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

    /// <summary>
    /// The one place Storage:Provider chooses the store: SQLite (the default) or PostgreSQL, each with
    /// its upload store, startup preparation and background work around the one set of repositories.
    /// The choice is made when first needed, so configuration added by a test host is seen.
    /// </summary>
    private static IServiceCollection AddBulkInviteStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName)
                    ?? (options.Problem() is null && options.Engine == StorageProvider.Postgres ? "" : StorageOptions.DefaultConnectionString))
            .Validate(options => options.Problem() is null,
                $"Storage:Provider must be sqlite or postgres, ConnectionStrings:{StorageOptions.ConnectionStringName} must name the database " +
                "(on postgres: Host=…;Database=…;Username=…;Password=…), and Storage:BusyTimeout, CheckpointInterval and WalCheckpointBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddSingleton(sp => StorageBackend.Create(sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store.Imports);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store.AuditLog);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store.Invitations);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store.Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Uploads);
        services.AddSingleton<IHostedService>(sp => new BackgroundServices(sp.GetRequiredService<StorageBackend>().CreateBackgroundServices(sp)));
        return services;
    }
}
