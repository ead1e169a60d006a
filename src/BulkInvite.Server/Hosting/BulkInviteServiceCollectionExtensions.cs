using BulkInvite.Core.Importing;
using BulkInvite.Core.Telemetry;
using BulkInvite.Server.Security;
using BulkInvite.Storage;
using Microsoft.Extensions.Options;

namespace BulkInvite.Server.Hosting;

public static class BulkInviteServiceCollectionExtensions
{
    /// <summary>Registers the import flow, the storage Storage:Provider names and the gRPC services, configured from IConfiguration.</summary>
    public static IServiceCollection AddBulkInvite(this IServiceCollection services)
    {
        // Options are bound when first needed, so configuration added by a test host is seen.
        services.AddValidatedSettings<BulkInviteOptions>(BulkInviteOptions.SectionName, SettingsValidation.Problems);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BulkInviteTelemetry>();

        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<UploadSlots>();
        services.AddSingleton<UploadPrechecks>();
        services.AddSingleton<ImportUploader>();
        services.AddSingleton<ResumableUploader>();
        services.AddSingleton<ImportChecker>();
        services.AddSingleton<PermissionApplier>();
        services.AddSingleton<ImportQueries>();
        services.AddSingleton<Core.Rows.RowEditor>();
        services.AddSingleton<Core.Rows.ResultsExporter>();
        services.AddSingleton<ImportRetention>();
        services.AddHostedService<ImportRetentionService>();
        services.AddHostedService<AbandonedUploadSweepService>();
        services.AddHostedService<ExpiredUploadSweepService>();

        services.AddBulkInviteStorage();
        // The metrics' gauges and the email dispatcher's summary read the store through one class.
        services.AddSingleton(sp => new StoreStatistics(sp.GetRequiredService<StorageBackend>().Store.Dialect.OpenAsync, sp.GetRequiredService<TimeProvider>()));
        services.AddBulkInviteInvitations();
        services.AddBulkInviteSecurity();
        services.AddGrpc(options => options.Interceptors.Add<ErrorMappingInterceptor>());
        services.AddOptions<Grpc.AspNetCore.Server.GrpcServiceOptions>()
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
                options.EnableDetailedErrors = GrpcSettings.From(configuration, environment).EnableDetailedErrors);
        services.AddGrpcReflection();
        services.AddHostedService<StartupBanner>();
        services.AddSingleton<IStartupBannerLines, Web.WebPageBannerLines>();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
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
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store.CreatePrecheckStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store.Invitations);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Store.Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Uploads);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().ResumableUploads);
        services.AddSingleton<IHostedService>(sp => new BackgroundServices(sp.GetRequiredService<StorageBackend>().CreateBackgroundServices(sp)));
        return services;
    }
}
