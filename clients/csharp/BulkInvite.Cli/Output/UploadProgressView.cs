using BulkInvite.Client;
using BulkInvite.V1;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>
/// An upload's progress on stderr: a live bar with bytes sent, rate and time left on a terminal;
/// one line when stderr is redirected (nothing with --output json), so logs get no redraws.
/// </summary>
internal static class UploadProgressView
{
    public static async Task<Import> RunAsync(Session session, FileInfo file, Func<IProgress<UploadProgress>?, Task<Import>> upload)
    {
        var console = session.Console.Error;
        if (!session.Console.CanRenderLive)
        {
            if (!session.Json)
            {
                console.MarkupLineInterpolated($"Uploading {file.Name} to {session.ServerUrl}");
            }

            return await upload(null);
        }

        return await console.Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(file.Length, 1));
                return await upload(new Reporter(task));
            });
    }

    /// <summary>Updates the bar on the uploading thread; Progress&lt;T&gt; would post to the thread pool and lag behind.</summary>
    private sealed class Reporter(ProgressTask task) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value)
        {
            // The client's count, not FileInfo.Length: a pipe such as /dev/stdin has no length of its own.
            task.MaxValue = Math.Max(value.TotalBytes, 1);
            task.Value = value.TotalBytes == 0 ? task.MaxValue : value.BytesSent;
        }
    }
}
