using BulkInvite.Server.Hosting;

namespace BulkInvite.Server.Web;

/// <summary>The startup banner's line about the web page: where to open it, when one of the server's addresses serves it.</summary>
internal sealed class WebPageBannerLines(IConfiguration configuration, IWebHostEnvironment environment) : IStartupBannerLines
{
    public IEnumerable<string> Lines(IReadOnlyCollection<string> addresses)
    {
        var settings = WebPageSettings.From(configuration);
        var served = settings.Url is not null && addresses.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var bound) && settings.IsPagePort(bound.Port));
        if (!served)
        {
            yield return $"Web page:   none (Web:Url {settings.Url?.AbsoluteUri ?? "is not set and"} is not one of the server's Urls)";
            yield break;
        }

        yield return environment.WebRootFileProvider.GetFileInfo("index.html").Exists
            ? $"Web page:   {settings.Url!.AbsoluteUri} (open it in a browser; the emailed accept links lead there)"
            : $"Web page:   {settings.Url!.AbsoluteUri} is open but wwwroot holds no built page: run scripts/build-web.sh";
    }
}
