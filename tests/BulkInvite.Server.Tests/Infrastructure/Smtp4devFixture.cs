namespace BulkInvite.Server.Tests.Infrastructure;

/// <summary>One smtp4dev for a test class; each test sends to a domain of its own and reads only those messages.</summary>
public sealed class Smtp4devFixture : IAsyncLifetime
{
    private Smtp4dev? _smtp;

    public Smtp4dev Smtp => _smtp ?? throw new InvalidOperationException("smtp4dev has not started.");

    public async ValueTask InitializeAsync() => _smtp = await Smtp4dev.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    /// <summary>A recipient domain no other test uses.</summary>
    public static string NewDomain() => Guid.NewGuid().ToString("N")[..12] + ".example.com";
}
