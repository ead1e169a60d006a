namespace BulkInvite.Client;

/// <summary>Why a call could not reach the BulkInvite server, as far as the transport tells.</summary>
public enum ConnectionProblem
{
    /// <summary>The transport gave no reason the client recognizes.</summary>
    Unknown,

    /// <summary>The host answered, but nothing listens on the port (connection refused).</summary>
    NothingListening,

    /// <summary>The host name could not be resolved (DNS).</summary>
    HostNotFound,

    /// <summary>
    /// The TLS handshake failed: an https:// URL for a server that speaks plain HTTP, or a server
    /// certificate this machine does not trust.
    /// </summary>
    TlsHandshakeFailed,

    /// <summary>
    /// Something answers, but not with HTTP/2: an HTTP/1.1-only endpoint (a web page's port, a
    /// proxy), or an http:// URL for a server that expects TLS; either may answer with HTTP/1.1 or
    /// drop the connection (a reset) as the HTTP/2 preface arrives.
    /// </summary>
    NotHttp2,

    /// <summary>The connection could not be made, or was lost, for another network reason.</summary>
    ConnectionFailed,

    /// <summary>The server did not answer before the deadline (DEADLINE_EXCEEDED).</summary>
    TimedOut,

    /// <summary>The server answered UNAVAILABLE itself (shutting down, or not serving yet).</summary>
    ServerNotServing,
}
