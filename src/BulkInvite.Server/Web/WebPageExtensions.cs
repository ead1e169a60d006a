using Grpc.AspNetCore.Web;

namespace BulkInvite.Server.Web;

public static class WebPageExtensions
{
    /// <summary>
    /// Serves the web page (built into wwwroot by scripts/build-web.sh): its files, its routes (each
    /// answered with index.html), gRPC-Web for its calls (the services opt in with EnableGrpcWeb),
    /// and the security headers on every response but gRPC. The files and routes need no token; every
    /// call still does (but the invitee's token-holder RPCs). The startup banner says where the page is (<see cref="WebPageBannerLines"/>).
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
}
