using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>A spinner on stderr while a long call runs (checking or applying a large file), on a terminal only.</summary>
internal static class Busy
{
    public static async Task<T> RunAsync<T>(Session session, string status, Func<Task<T>> call) =>
        session.Console.CanRenderLive
            ? await session.Console.Error.Status().StartAsync(Markup.Escape(status), _ => call())
            : await call();
}
