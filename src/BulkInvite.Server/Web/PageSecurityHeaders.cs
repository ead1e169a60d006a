namespace BulkInvite.Server.Web;

/// <summary>
/// The headers every response but a gRPC one carries: a Content-Security-Policy that allows only
/// the page's own files (no inline script or style, no framing), no MIME sniffing, and no Referer,
/// since the accept page's address holds the invitation token.
/// </summary>
public static class PageSecurityHeaders
{
    /// <summary>The policy: the page's own origin for everything, plus the OIDC authority's for its discovery and token calls.</summary>
    public static string ContentSecurityPolicy(Uri? authority)
    {
        var connect = authority is null ? "'self'" : $"'self' {authority.GetLeftPart(UriPartial.Authority)}";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + $"connect-src {connect}; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";
    }

    public static IApplicationBuilder UsePageSecurityHeaders(this IApplicationBuilder app, WebPageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var policy = ContentSecurityPolicy(settings.Authority);
        return app.Use((context, next) =>
        {
            // gRPC and gRPC-Web responses are read by programs, not rendered: no page headers on them.
            if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
            }

            return next(context);
        });
    }
}
