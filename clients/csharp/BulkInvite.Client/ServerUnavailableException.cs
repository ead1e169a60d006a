using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;

namespace BulkInvite.Client;

/// <summary>
/// The server could not be reached or did not answer in time (UNAVAILABLE, DEADLINE_EXCEEDED, or a
/// transport failure such as TLS to a plain-HTTP server, which gRPC reports as INTERNAL), still so
/// after the retries of calls that can safely be repeated. <see cref="Problem"/> says why.
/// </summary>
public sealed class ServerUnavailableException : BulkInviteException
{
    internal ServerUnavailableException(RpcException exception)
        : this(exception, Classify(exception))
    {
    }

    private ServerUnavailableException(RpcException exception, (ConnectionProblem Problem, string? Cause) classified)
        : base(exception, $"Cannot reach the BulkInvite server: {Describe(classified.Problem, classified.Cause, exception.Status.Detail)}")
    {
        Problem = classified.Problem;
        TransportMessage = classified.Cause;
        Explanation = Describe(classified.Problem, classified.Cause, exception.Status.Detail);
    }

    /// <summary>Why the server could not be reached.</summary>
    public ConnectionProblem Problem { get; }

    /// <summary>What happened, in a person's words, to follow "Cannot reach the server at URL: ".</summary>
    public string Explanation { get; }

    /// <summary>The innermost transport error's own message (a socket or TLS error), when there was one.</summary>
    public string? TransportMessage { get; }

    /// <summary>
    /// True when <paramref name="exception"/> is a failure to talk to the server at all rather than
    /// an answer of the server: gRPC reports a failed TLS handshake or an HTTP/1.1 answer as
    /// INTERNAL, with the HTTP error as its debug exception.
    /// </summary>
    internal static bool IsTransportFailure(RpcException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        || (exception.StatusCode == StatusCode.Internal && Chain(exception.Status.DebugException).Any(e => e is HttpRequestException));

    private static (ConnectionProblem, string?) Classify(RpcException exception)
    {
        if (exception.StatusCode == StatusCode.DeadlineExceeded)
        {
            return (ConnectionProblem.TimedOut, null);
        }

        var chain = Chain(exception.Status.DebugException).ToList();
        var innermost = chain.Count > 0 ? chain[^1].Message.TrimEnd('.') : null;
        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            var cause = socket.Message.TrimEnd('.');
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => (ConnectionProblem.NothingListening, cause),
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => (ConnectionProblem.HostNotFound, cause),
                // Accepted, then dropped as the HTTP/2 preface arrives: what an HTTP/1.1-only endpoint
                // often does instead of answering (Kestrel closes at once when it is quick enough).
                SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => (ConnectionProblem.NotHttp2, cause),
                _ => (ConnectionProblem.ConnectionFailed, cause),
            };
        }

        if (chain.OfType<AuthenticationException>().Any())
        {
            return (ConnectionProblem.TlsHandshakeFailed, innermost);
        }

        // The error is on the HttpRequestException when sending failed, and on an HttpIOException (an
        // HttpProtocolException, say) when reading the response failed after the request went out.
        var httpError = chain.OfType<HttpRequestException>().FirstOrDefault()?.HttpRequestError
            ?? chain.OfType<HttpIOException>().FirstOrDefault()?.HttpRequestError;
        if (httpError is null or HttpRequestError.Unknown && IsUnusableHttp2Connection(chain))
        {
            return (ConnectionProblem.NotHttp2, innermost);
        }

        return httpError switch
        {
            HttpRequestError.NameResolutionError => (ConnectionProblem.HostNotFound, innermost),
            HttpRequestError.SecureConnectionError => (ConnectionProblem.TlsHandshakeFailed, innermost),
            HttpRequestError.HttpProtocolError or HttpRequestError.InvalidResponse or HttpRequestError.VersionNegotiationError or HttpRequestError.ResponseEnded
                => (ConnectionProblem.NotHttp2, innermost),
            HttpRequestError.ConnectionError => (ConnectionProblem.ConnectionFailed, innermost),
            null when chain.Count == 0 => (ConnectionProblem.ServerNotServing, null),
            _ => (ConnectionProblem.Unknown, innermost),
        };
    }

    // SocketsHttpHandler fails a request with a bare HttpRequestException, with no error code and no
    // cause, when the new HTTP/2 connection it opened for it closed before it could carry a stream:
    // what an HTTP/1.1-only endpoint does when it drops the HTTP/2 preface before the handler has
    // read the close. Only its message (the runtime's, English) tells it apart.
    private static bool IsUnusableHttp2Connection(List<Exception> chain) =>
        chain.Count > 0 && chain[^1] is HttpRequestException { InnerException: null } bare && bare.Message.Contains("HTTP/2", StringComparison.Ordinal);

    private static string Describe(ConnectionProblem problem, string? cause, string detail) => problem switch
    {
        ConnectionProblem.NothingListening => "nothing is listening there (connection refused).",
        ConnectionProblem.HostNotFound => $"the host name could not be resolved ({cause}).",
        ConnectionProblem.TlsHandshakeFailed => $"the TLS handshake failed ({cause}).",
        ConnectionProblem.NotHttp2 => "something answers there, but not with HTTP/2, which gRPC needs: it is an HTTP/1.1-only endpoint (a web page or a proxy), or a server that expects TLS.",
        ConnectionProblem.ConnectionFailed => $"the connection failed ({cause}).",
        ConnectionProblem.TimedOut => "the server did not answer in time.",
        ConnectionProblem.ServerNotServing => $"the server is not serving ({detail}).",
        _ => cause is null ? detail : $"{detail} ({cause})",
    };

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
