using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// The failures a person starting the server can fix themselves, told in one line each instead of
/// a stack trace: a setting that is not valid (every problem listed), a port another process holds.
/// Anything else is thrown as it is.
/// </summary>
public static class StartupFailures
{
    /// <summary>Exit code of a setting that is not valid.</summary>
    public const int InvalidSettings = 1;

    /// <summary>Exit code of an address already in use.</summary>
    public const int AddressInUse = 2;

    /// <summary>Runs the server until it stops: 0, or the exit code of a failure explained on standard error.</summary>
    public static int Run(Action server)
    {
        ArgumentNullException.ThrowIfNull(server);
        try
        {
            server();
            return 0;
        }
        catch (PortInUseException e)
        {
            Console.Error.WriteLine(AddressInUseMessage(e.Port));
            return AddressInUse;
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            Console.Error.WriteLine("BulkInvite cannot start: " + string.Join(" ", failures));
            return InvalidSettings;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // Taken between the check and the bind, or by a Kestrel:Endpoints address the check does not read.
            Console.Error.WriteLine(e.Message + " Another BulkInvite is probably running; stop it or start with --urls on another port.");
            return AddressInUse;
        }
    }

    /// <summary>
    /// Stops the start when another process listens on a port of --urls / Urls, before the host
    /// starts: Kestrel's own failure to bind is logged by the host with its stack trace. Only Kestrel
    /// binds addresses (an in-process test server binds none).
    /// </summary>
    public static WebApplication RequireFreePorts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IServer>().GetType().Assembly == typeof(KestrelServerOptions).Assembly
            && PortInUse(app.Configuration[WebHostDefaults.ServerUrlsKey]) is { } port)
        {
            throw new PortInUseException(port);
        }

        return app;
    }

    public static string AddressInUseMessage(int port) => string.Create(CultureInfo.InvariantCulture,
        $"Port {port} is already in use: another BulkInvite is probably running; stop it or start with --urls http://localhost:PORT on another port.");

    /// <summary>Every problem of an OptionsValidationException, or of several (ValidateOnStart gathers them in an AggregateException).</summary>
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException e => e.Failures.ToList(),
        AggregateException e when e.InnerExceptions.All(i => i is OptionsValidationException) =>
            e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).ToList(),
        _ => [],
    };

    /// <summary>The first port of the --urls / Urls addresses that another process listens on, or null.</summary>
    internal static int? PortInUse(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsed = BindingAddress.Parse(url);
            if (parsed.Port == 0 || parsed.IsUnixPipe)
            {
                continue; // a port the system picks, or a socket file: nothing another process can hold
            }

            var ip = parsed.Host switch
            {
                "localhost" => IPAddress.Loopback,
                "*" or "+" or "0.0.0.0" => IPAddress.Any,
                var host => IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address : null,
            };
            if (ip is not null && Taken(new IPEndPoint(ip, parsed.Port)))
            {
                return parsed.Port;
            }
        }

        return null;
    }

    private static bool Taken(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false; // not ours to judge (no IPv6, an address not on this machine): Kestrel will say
        }
    }

    private sealed class PortInUseException(int port) : Exception($"Port {port} is already in use.")
    {
        public int Port => port;
    }
}
