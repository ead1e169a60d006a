using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.FileProviders;

namespace BulkInvite.Server.Web;

/// <summary>
/// The page's index.html as built into wwwroot, with the sign-in settings it needs written into it as
/// &lt;meta&gt; tags in place of its `&lt;!-- bulkinvite:config --&gt;` marker (no inline script: the
/// page's policy forbids it). Served for every route of the page, so a reload or an emailed link
/// opens the right screen.
/// </summary>
public sealed class PageIndex
{
    public const string ConfigMarker = "<!-- bulkinvite:config -->";

    /// <summary>The routes the page handles itself (a path parameter stands for any one segment).</summary>
    public static readonly string[] Routes = ["/", "/index.html", "/imports/{importId}", "/invitations", "/invitations/accept", "/signin-callback"];

    private readonly string? _html;

    public PageIndex(IFileProvider webRoot, WebPageSettings settings, bool development)
    {
        ArgumentNullException.ThrowIfNull(webRoot);
        ArgumentNullException.ThrowIfNull(settings);
        var file = webRoot.GetFileInfo("index.html");
        if (!file.Exists)
        {
            return;
        }

        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        _html = reader.ReadToEnd().Replace(ConfigMarker, MetaTags(settings, development), StringComparison.Ordinal);
    }

    /// <summary>Whether wwwroot holds a built page.</summary>
    public bool IsBuilt => _html is not null;

    public static string MetaTags(WebPageSettings settings, bool development)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tags = new StringBuilder();
        Meta(tags, "sign-in", settings.Authority is null ? "token" : "oidc");
        Meta(tags, "authority", settings.Authority?.AbsoluteUri ?? "");
        Meta(tags, "client-id", settings.ClientId);
        Meta(tags, "scope", settings.Scope);
        Meta(tags, "development", development ? "true" : "false");
        return tags.ToString();
    }

    public IResult Render() => _html is null
        ? Results.Text("The web page is not built: run scripts/build-web.sh.", "text/plain", statusCode: StatusCodes.Status404NotFound)
        : Results.Text(_html, "text/html; charset=utf-8");

    private static void Meta(StringBuilder tags, string name, string value) =>
        tags.Append("<meta name=\"bulkinvite:").Append(name).Append("\" content=\"").Append(HtmlEncoder.Default.Encode(value)).Append("\">");
}
