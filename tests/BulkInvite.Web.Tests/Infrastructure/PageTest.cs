using System.Text.RegularExpressions;
using BulkInvite.Client;
using BulkInvite.Server.Security;
using BulkInvite.Testing;
using Deque.AxeCore.Playwright;
using Grpc.Net.Client;
using Microsoft.Playwright;
using MimeKit;

namespace BulkInvite.Web.Tests.Infrastructure;

/// <summary>
/// One test's world: a real server process serving the page on its own port (Production, with the
/// run's signing key), a fresh headless Chromium on it, and what the test needs around them:
/// imports made through the C# client library (gRPC), the emails the server wrote to its pickup folder, and a
/// record of each step (an accessibility scan and screenshots at 1440 and 375 pixels).
/// </summary>
public abstract partial class PageTest : IAsyncLifetime
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "bulkinvite-chromium", Guid.NewGuid().ToString("N"));
    private readonly List<string> _scriptErrors = [];
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;
    private ServerProcess? _server;
    private GrpcChannel? _adminChannel;
    private BulkInviteClient? _api;

    protected CancellationToken Ct { get; } = TestContext.Current.CancellationToken;

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "bulkinvite-tests", Guid.NewGuid().ToString("N"));

    protected ServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    protected IPage Page { get; private set; } = null!;

    /// <summary>The page's origin, such as http://127.0.0.1:41234.</summary>
    protected string PageAddress => Server.PageAddress!;

    /// <summary>The organization every test acts for, and its name for people (the server's BulkInvite:OrganizationNames).</summary>
    protected const string Organization = "acme";

    protected const string OrganizationName = "ACME";

    /// <summary>The admin's name for people (the token's name claim).</summary>
    protected const string AdminName = "Ada Lovelace";

    /// <summary>An admin's token of acme with a name, as the page's sign-in takes it.</summary>
    protected static string AdminToken { get; } = TokenFor("ada", AdminName, "organization.admin");

    /// <summary>
    /// The admin's C# client (BulkInvite.Client, gRPC on the h2c port) with <see cref="AdminToken"/>:
    /// it prepares what the page then shows, and reads what the page did.
    /// </summary>
    protected BulkInviteClient Api => _api ?? throw new InvalidOperationException("Not started.");

    /// <summary>Errors the page's scripts threw, dialogs they opened, and what the browser refused by the page's policy.</summary>
    protected IReadOnlyList<string> ScriptErrors => _scriptErrors;

    /// <summary>Settings of the server under test, beyond the page port, the key and the organization's name.</summary>
    protected virtual IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>();

    /// <summary>A token of acme the server accepts, with a subject, a name and permissions.</summary>
    protected static string TokenFor(string subject, string name, params string[] permissions) =>
        TokenIssuer.Mint(new TokenSettings { SigningKey = ServerProcess.SigningKey }, subject, Organization, permissions, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), name);

    public virtual async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string> { [$"BulkInvite__OrganizationNames__{Organization}"] = OrganizationName };
        foreach (var (key, value) in ServerSettings)
        {
            settings[key] = value;
        }

        _server = await ServerProcess.StartAsync(Folder, settings, page: true);
        _adminChannel = _server.ChannelWith(AdminToken);
        _api = new BulkInviteClient(_adminChannel);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright, _profile);
        // Generous waits: the machine is shared with other builds; nothing here asserts a duration.
        _browser.SetDefaultTimeout(60_000);
        Page = _browser.Pages.Count > 0 ? _browser.Pages[0] : await _browser.NewPageAsync();
        Page.PageError += (_, error) => _scriptErrors.Add("page error: " + error);
        Page.Console += (_, message) =>
        {
            // A call the server refused shows as a failed resource load; the page handles those itself.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _scriptErrors.Add("console: " + message.Text);
            }
        };
        Page.Dialog += (_, dialog) => _scriptErrors.Add("dialog: " + dialog.Message);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            // What the page showed last: the first thing to look at when a test fails.
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "last");
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, Safe($"{GetType().Name}.{TestContext.Current.Test?.TestDisplayName.Split('.').Last()}") + ".png") });
            await File.WriteAllLinesAsync(Path.Combine(folder, Safe($"{GetType().Name}.{TestContext.Current.Test?.TestDisplayName.Split('.').Last()}") + ".log"), _scriptErrors);
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _api?.Dispose();
        _adminChannel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var folder in new[] { _profile, Folder })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Signs in on the page by pasting the token, as the sign-in screen asks; returns once the server named the caller.</summary>
    protected async Task SignInAsync(string? token = null)
    {
        await Page.GotoAsync(PageAddress + "/");
        await Page.GetByLabel("Access token").FillAsync(token ?? AdminToken);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByTestId("signed-in-as").WaitForAsync();
    }

    /// <summary>Uploads a file through the C# client; returns the import id.</summary>
    protected async Task<string> UploadAsync(byte[] content, string fileName)
    {
        using var stream = new MemoryStream(content);
        var import = await Api.UploadFileAsync(stream, fileName, Organization, cancellationToken: Ct);
        return import.ImportId;
    }

    /// <summary>Invites the addresses through the C# client (upload, check, apply projects.view); returns the import id.</summary>
    protected async Task<string> InviteAsync(params string[] emails)
    {
        var csv = "Email,First name,Last name\n" + string.Join("\n", emails.Select((email, i) => $"{email},Person{i},Tester"));
        var importId = await UploadAsync(System.Text.Encoding.UTF8.GetBytes(csv), "team.csv");
        await Api.CheckAsync(importId, Ct);
        await Api.ApplyAsync(importId, ["projects.view"], Ct);
        return importId;
    }

    /// <summary>The organization's invitations, through the C# client (of one import when given).</summary>
    protected async Task<List<BulkInvite.V1.Invitation>> InvitationsAsync(string? importId = null) =>
        await Api.ListInvitationsAsync(Organization, importId: importId, cancellationToken: Ct).ToListAsync(Ct);

    /// <summary>The accept links of the emails to the address in the pickup folder, oldest first, once there are <paramref name="count"/>.</summary>
    protected async Task<List<string>> AcceptLinksAsync(string email, int count = 1)
    {
        var mail = Path.Combine(Folder, "data", "mail");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var links = Directory.Exists(mail)
                ? Directory.EnumerateFiles(mail, "*.eml")
                    .Select(path => MimeMessage.Load(path))
                    .Where(m => m.To.Mailboxes.Any(a => a.Address == email))
                    .OrderBy(OutboxNumber)
                    .Select(m => AcceptLink().Match(m.TextBody ?? "").Value)
                    .Where(link => link.Length > 0)
                    .ToList()
                : [];
            if (links.Count >= count)
            {
                return links;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No email to {email} in {mail}.\n{Server.Output}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>A file of the test project's Fixtures folder (the Core tests' real files).</summary>
    protected static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>
    /// Drops a file on the drop zone as a person dragging it from their desktop does: a drop event
    /// whose DataTransfer holds a File with the bytes.
    /// </summary>
    protected async Task DropFileAsync(string name, byte[] content)
    {
        var transfer = await Page.EvaluateHandleAsync(
            """
            ([name, base64]) => {
              const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], name));
              return transfer;
            }
            """,
            new[] { name, Convert.ToBase64String(content) });
        await Page.GetByTestId("dropzone").DispatchEventAsync("drop", new { dataTransfer = transfer });
    }

    /// <summary>Clicks the button and returns the file the browser downloads: the name it suggests and the bytes.</summary>
    protected async Task<(string Name, byte[] Bytes)> DownloadAsync(string button)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path, Ct));
    }

    /// <summary>The number a total of the review shows (rows, valid, invalid, warnings, skipped).</summary>
    protected async Task<string> TotalAsync(string name) => await Page.Locator($"[data-total={name}] dd").First.InnerTextAsync();

    /// <summary>
    /// Records a step: an axe-core scan with no serious or critical violation, and screenshots at
    /// 1440 and 375 pixels wide in TestResults/screenshots (named after the test and the step).
    /// </summary>
    protected async Task StepAsync(string step)
    {
        var scan = await Page.RunAxe();
        var serious = scan.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe at step {step}: " + string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")));

        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var name = $"{GetType().Name}.{TestContext.Current.Test?.TestDisplayName.Split('.').Last() ?? "test"}.{step}";
        foreach (var width in new[] { 1440, 375 })
        {
            await Page.SetViewportSizeAsync(width, 900);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{Safe(name)}-{width}.png"), FullPage = true });
        }

        await Page.SetViewportSizeAsync(1440, 900);
    }

    // The Message-ID is invitation-{invitation}.{sequence}@bulkinvite: invitations are numbered in
    // the order they were made, and each one's emails in the order they were queued.
    private static (long Invitation, long Sequence) OutboxNumber(MimeMessage message) =>
        message.MessageId!.Split('@')[0]["invitation-".Length..].Split('.') is [var invitation, var sequence]
            ? (long.Parse(invitation, System.Globalization.CultureInfo.InvariantCulture), long.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture))
            : throw new FormatException($"Unexpected Message-ID {message.MessageId}.");

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/invitations/accept\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex AcceptLink();
}
