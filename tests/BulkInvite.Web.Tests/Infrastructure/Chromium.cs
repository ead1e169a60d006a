using Microsoft.Playwright;
using BulkInvite.Testing;

namespace BulkInvite.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (installed by scripts/chromium.sh when missing: no browser download works
/// here), driven by Playwright's bundled driver, headless, with a fresh profile for every browser.
/// </summary>
public static class Chromium
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static string? _path;

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The browser's path, installing it first when missing.</summary>
    public static async Task<string> PathAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (_path is null)
            {
                var (exitCode, output) = await Repository.RunAsync("bash", [Repository.PathOf("scripts", "chromium.sh")], Repository.Root, timeout: TimeSpan.FromMinutes(10));
                Assert.True(exitCode == 0, "scripts/chromium.sh failed:\n" + output);
                _path = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
            }

            return _path;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>A headless browser with a fresh profile in <paramref name="profile"/>, its window <paramref name="width"/> pixels wide.</summary>
    public static async Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string profile, int width = 1440)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = await PathAsync(),
            Headless = true,
            Args = Arguments,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-US",
        });
    }
}
