using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BulkInvite.Server.Web;

public static partial class WebPageExtensions
{
    /// <summary>
    /// Serves the web page (built into wwwroot by scripts/build-web.sh): its files, its routes (each
    /// answered with index.html), gRPC-Web for its calls (the services opt in with EnableGrpcWeb),
    /// and the security headers on every response but gRPC. The files and routes need no token; every
    /// call still does (but the invitee's token-holder RPCs). Logs the page's address once started.
    /// </summary>
    public static WebApplication UseWebPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = WebPageSettings.From(app.Configuration);
        app.UsePageSecurityHeaders(settings);
        app.UseGrpcWeb();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = CacheHashedAssets });
        var index = new PageIndex(app.Environment.WebRootFileProvider, settings, app.Environment.IsDevelopment());
        foreach (var route in PageIndex.Routes)
        {
            app.MapGet(route, index.Render).AllowAnonymous().ExcludeFromDescription();
        }

        app.Lifetime.ApplicationStarted.Register(() => LogPageAddress(app, settings, index));
        return app;
    }

    // Vite names every file under assets/ after a hash of its content, so a browser may keep them.
    private static void CacheHashedAssets(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }

    private static void LogPageAddress(WebApplication app, WebPageSettings settings, PageIndex index)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BulkInvite.Server.Web");
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var served = settings.Url is not null && addresses.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var bound) && settings.IsPagePort(bound.Port));
        if (served && index.IsBuilt)
        {
            LogPage(logger, settings.Url!.AbsoluteUri);
        }
        else if (served)
        {
            LogPageNotBuilt(logger, settings.Url!.AbsoluteUri);
        }
        else if (addresses.Count > 0)
        {
            LogNoPageEndpoint(logger, settings.Url?.AbsoluteUri ?? "(none)");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The web page: {Url} (open it in a browser)")]
    private static partial void LogPage(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web page's endpoint {Url} is open but wwwroot holds no built page: run scripts/build-web.sh")]
    private static partial void LogPageNotBuilt(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "No endpoint serves the web page: Web:Url ({Url}) is not one of the server's Urls")]
    private static partial void LogNoPageEndpoint(ILogger logger, string url);
}
