using BulkInvite.Core.Importing;
using BulkInvite.Core.Telemetry;
using BulkInvite.Server.Security;
using BulkInvite.Storage;
using BulkInvite.Storage.Postgres;

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
        services.AddSingleton<ImportUploader>();
        services.AddSingleton<ImportChecker>();
        services.AddSingleton<PermissionApplier>();
        services.AddSingleton<ImportQueries>();
        services.AddSingleton<ImportRetention>();
        services.AddHostedService<ImportRetentionService>();
        services.AddSingleton<AppliedImportCleanup>();
        services.AddHostedService<AppliedImportCleanupService>();

        services.AddBulkInviteStorage();
        services.AddSingleton(sp => new StoreStatistics(OpenStore(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddBulkInviteInvitations();
        services.AddBulkInviteSecurity();
        services.AddGrpc(options => options.Interceptors.Add<ErrorMappingInterceptor>());
        services.AddOptions<Grpc.AspNetCore.Server.GrpcServiceOptions>()
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
                options.EnableDetailedErrors = GrpcSettings.From(configuration, environment).EnableDetailedErrors);
        services.AddGrpcReflection();
        services.AddHostedService<StartupBanner>();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// The one place Storage:Provider chooses the store: SQLite (the default) or PostgreSQL, each with
    /// its repositories, upload store, startup preparation and background work. The choice is made
    /// when first needed, so configuration added by a test host is seen.
    /// </summary>
    private static IServiceCollection AddBulkInviteStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReadStorageOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DiskUploadStore>();
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<StorageOptions>().ConnectionString));
        services.AddSingleton<StorageBackend>(sp => StorageBackend.ProviderFrom(sp.GetRequiredService<IConfiguration>()) switch
        {
            StorageProvider.Postgres => new PostgresStorageBackend(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()),
            _ => ActivatorUtilities.CreateInstance<SqliteStorageBackend>(sp),
        });
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Imports);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().AuditLog);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Invitations);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Uploads);
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<StorageBackend>().CreateBackgroundService(sp));
        return services;
    }

    private static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (StorageBackend.ProviderFrom(configuration) == StorageProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{StorageBackend.ProviderKey} is postgres: set ConnectionStrings:{StorageOptions.ConnectionStringName} to the PostgreSQL database (Host=…;Database=…;Username=…;Password=…).");
        }

        options.ConnectionString = connectionString ?? StorageOptions.DefaultConnectionString;
        return options;
    }

    /// <summary>
    /// Opens a connection to the store Storage:Provider names, for <see cref="StoreStatistics"/> (the
    /// metrics' gauges and the email dispatcher's summary): one class and SQL for both engines.
    /// </summary>
    private static Func<CancellationToken, ValueTask<System.Data.Common.DbConnection>> OpenStore(IServiceProvider services) =>
        StorageBackend.ProviderFrom(services.GetRequiredService<IConfiguration>()) == StorageProvider.Postgres
            ? async cancellationToken => await services.GetRequiredService<PostgresDatabase>().OpenAsync(cancellationToken)
            : _ => ValueTask.FromResult<System.Data.Common.DbConnection>(services.GetRequiredService<SqliteDatabase>().Open());
}
