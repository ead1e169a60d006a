namespace BulkInvite.Server.Hosting;

/// <summary>Several hosted services registered as one, started in order and stopped in reverse.</summary>
internal sealed class BackgroundServices(IEnumerable<IHostedService> services) : IHostedService, IDisposable
{
    private readonly IReadOnlyList<IHostedService> _services = services.ToList();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _services)
        {
            await service.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _services.Reverse())
        {
            await service.StopAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var service in _services.OfType<IDisposable>())
        {
            service.Dispose();
        }
    }
}
