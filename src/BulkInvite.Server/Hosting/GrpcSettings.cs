namespace BulkInvite.Server.Hosting;

/// <summary>
/// What the gRPC endpoint reveals ("Grpc" section): server reflection and detailed error messages
/// are on in Development and off elsewhere unless configured.
/// </summary>
public sealed class GrpcSettings
{
    public bool EnableReflection { get; init; }
    public bool EnableDetailedErrors { get; init; }

    public static GrpcSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection("Grpc");
        return new GrpcSettings
        {
            EnableReflection = section.GetValue<bool?>("EnableReflection") ?? environment.IsDevelopment(),
            EnableDetailedErrors = section.GetValue<bool?>("EnableDetailedErrors") ?? environment.IsDevelopment(),
        };
    }
}
