using System.Text;
using BulkInvite.V1;
using BulkInvite.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BulkInvite.Web.Tests;

/// <summary>
/// The browser's resumable upload of a file of several chunks (1 MiB each): progress while it
/// uploads and while it is checked, a write lost on the way, a reload in the middle, and Cancel.
/// The server reports the check's progress every 10 ms.
/// </summary>
public sealed partial class UploadTests : PageTest
{
    private const int MiB = 1024 * 1024;

    private static readonly byte[] LargeCsv = MakeCsv(100_000);

    private static readonly FilePayload LargeFile = new() { Name = "large.csv", MimeType = "text/csv", Buffer = LargeCsv };

    protected override IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string> { ["BulkInvite__CheckProgressInterval"] = "00:00:00.010" };

    [Fact]
    public async Task ALargeFileShowsTheBytesUploadedAndTheRowsCheckedWhileItRuns()
    {
        await SignInAsync();
        await RecordProgressAsync();

        await DropFileAsync(LargeFile.Name, LargeCsv);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review large.csv" }).WaitForAsync();
        var seen = await Page.EvaluateAsync<string[]>("() => window.__progress");
        var total = await TotalAsync("total");

        Assert.Contains(seen, s => UploadedPart().IsMatch(s));
        Assert.Contains(seen, s => CheckedPart().IsMatch(s));
        Assert.Equal("100,000", total);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task AWriteWhoseConnectionIsCutIsResumedFromTheServersPersistedSizeAndEndsWithOneImport()
    {
        var writes = await WatchWritesAsync(cut: request => request.WriteOffset == MiB, once: true);
        var queries = await CountCallsAsync("QueryUploadStatus");
        await SignInAsync();

        await Page.Locator("#file").SetInputFilesAsync(LargeFile);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review large.csv" }).WaitForAsync();

        var import = Assert.Single(await Api.ListImportsAsync(Organization, Ct).ToListAsync(Ct));
        Assert.Equal([0L, MiB, MiB, 2L * MiB, 3L * MiB], writes.Select(w => w.WriteOffset));
        Assert.Single(writes.Select(w => w.UploadId).Distinct());
        Assert.True(queries.Count >= 1, "The page did not ask the server where the upload stood.");
        Assert.Equal(LargeCsv.Length, import.SizeBytes);
        Assert.Equal($"{PageAddress}/imports/{import.ImportId}", Page.Url);
        Assert.Null(await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('bulkinvite.upload')"));
    }

    [Fact]
    public async Task AnUploadInterruptedByAReloadContinuesFromWhereTheServerIsWhenTheSameFileIsPickedAgain()
    {
        var cutting = true;
        var writes = await WatchWritesAsync(cut: request => cutting && request.WriteOffset >= 2 * MiB, once: false);
        await SignInAsync();
        await Page.Locator("#file").SetInputFilesAsync(LargeFile);
        await WaitUntilAsync(() => writes.Any(w => w.WriteOffset == 2 * MiB));
        var pending = await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('bulkinvite.upload')");

        await Page.ReloadAsync();
        var offered = await Page.GetByTestId("interrupted").InnerTextAsync();
        await StepAsync("interrupted");
        cutting = false;
        var before = writes.Count;
        await Page.Locator("#file").SetInputFilesAsync(LargeFile);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Review large.csv" }).WaitForAsync();
        var resumed = writes.Skip(before).ToList();

        var import = Assert.Single(await Api.ListImportsAsync(Organization, Ct).ToListAsync(Ct));
        Assert.NotNull(pending);
        Assert.Contains("The upload of large.csv stopped at 2.0 MiB of ", offered, StringComparison.Ordinal);
        Assert.Equal([2L * MiB, 3L * MiB], resumed.Select(w => w.WriteOffset));
        Assert.All(resumed, w => Assert.Contains($"\"uploadId\":\"{w.UploadId}\"", pending, StringComparison.Ordinal));
        Assert.Equal(LargeCsv.Length, import.SizeBytes);
        Assert.Equal($"{PageAddress}/imports/{import.ImportId}", Page.Url);
    }

    [Fact]
    public async Task CancellingAnUploadAbandonsItOnTheServerAndLeavesNoImport()
    {
        // Every write after the first is lost, so the upload is still running when Cancel is pressed.
        await WatchWritesAsync(cut: request => request.WriteOffset > 0, once: false);
        var cancels = await CountCallsAsync("CancelResumableUpload");
        await SignInAsync();

        await Page.Locator("#file").SetInputFilesAsync(LargeFile);
        await Page.GetByText("1.0 MiB of ").WaitForAsync();
        await StepAsync("uploading");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel upload" }).ClickAsync();
        var alert = await Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "cancelled" }).InnerTextAsync();
        await WaitUntilAsync(() => cancels.Count > 0);
        await Page.GetByTestId("dropzone").WaitForAsync();

        Assert.Contains("The upload was cancelled.", alert, StringComparison.Ordinal);
        Assert.Empty(await Api.ListImportsAsync(Organization, Ct).ToListAsync(Ct));
        Assert.Null(await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('bulkinvite.upload')"));
        Assert.Equal(0, await Page.GetByTestId("interrupted").CountAsync());
    }

    /// <summary>A CSV of <paramref name="rows"/> valid users (about 38 bytes a row).</summary>
    private static byte[] MakeCsv(int rows)
    {
        var csv = new StringBuilder("Email,First name,Last name\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append("user").Append(i).Append("@example.com,First").Append(i).Append(",Last\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>
    /// Records every WriteUpload the page sends (decoded from its gRPC-Web body) and loses on the way
    /// to the server those <paramref name="cut"/> picks (only the first when <paramref name="once"/>),
    /// as a dropped connection does.
    /// </summary>
    private async Task<IReadOnlyList<WriteUploadRequest>> WatchWritesAsync(Func<WriteUploadRequest, bool> cut, bool once)
    {
        var writes = new List<WriteUploadRequest>();
        var cuts = 0;
        await Page.RouteAsync("**/bulkinvite.v1.UserImportService/WriteUpload", async route =>
        {
            var request = Decode(route.Request.PostDataBuffer!);
            lock (writes)
            {
                writes.Add(request);
            }

            if (cut(request) && (!once || Interlocked.Increment(ref cuts) == 1))
            {
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        return writes;
    }

    /// <summary>Counts the page's calls of one UserImportService RPC.</summary>
    private async Task<IReadOnlyList<string>> CountCallsAsync(string method)
    {
        var calls = new List<string>();
        await Page.RouteAsync($"**/bulkinvite.v1.UserImportService/{method}", async route =>
        {
            lock (calls)
            {
                calls.Add(method);
            }

            await route.ContinueAsync();
        });
        return calls;
    }

    /// <summary>A gRPC-Web request body: one frame (a flag byte, a big-endian length) holding the message.</summary>
    private static WriteUploadRequest Decode(byte[] body) =>
        WriteUploadRequest.Parser.ParseFrom(body, 5, (body[1] << 24) | (body[2] << 16) | (body[3] << 8) | body[4]);

    /// <summary>Keeps the texts the upload's and the check's progress showed, in order, in window.__progress.</summary>
    private async Task RecordProgressAsync() =>
        await Page.EvaluateAsync(
            """
            () => {
              window.__progress = [];
              const record = () => {
                for (const e of document.querySelectorAll("[data-testid=upload-progress] p, [data-testid=check-progress] p")) {
                  if (window.__progress.at(-1) !== e.textContent) window.__progress.push(e.textContent);
                }
              };
              new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
            }
            """);

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never held.");
            await Task.Delay(50, Ct);
        }
    }

    // "1.0 MiB of 3.6 MiB (27%)": a part of the file, not all of it.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\.\d MiB of \d+\.\d MiB \(([1-9]|[1-9]\d)%\)$")]
    private static partial System.Text.RegularExpressions.Regex UploadedPart();

    // "41,233 rows read (38%)".
    [System.Text.RegularExpressions.GeneratedRegex(@"^[1-9][\d,]* rows read \(\d+%\)$")]
    private static partial System.Text.RegularExpressions.Regex CheckedPart();
}
