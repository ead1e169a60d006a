using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace BulkInvite.Client.Tests.Infrastructure;

/// <summary>
/// Sits between a GrpcChannel and the network: records each HTTP request (path, headers, body)
/// and can make the server's answer to chosen calls get lost, as a dropped connection would.
/// For unary calls only: it buffers each request body before sending it.
/// </summary>
/// <remarks>
/// Over an HttpClientHandler, not a SocketsHttpHandler: a channel that finds a SocketsHttpHandler
/// connects its own sockets first, so a call to a closed port would never reach this handler.
/// </remarks>
public sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    private readonly List<RecordedRequest> _requests = [];
    private int _answersToLose;
    private string _losePath = "";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> of <paramref name="service"/> reach the server, but the client gets 503 instead of the answer.</summary>
    public void LoseAnswers(string method, int count, string service = "bulkinvite.v1.UserImportService")
    {
        _losePath = $"/{service}/{method}";
        _answersToLose = count;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(path, request.Headers.Authorization, body));
        }

        if (request.Content is not null)
        {
            var replay = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = replay;
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (path == _losePath && Interlocked.Decrement(ref _answersToLose) >= 0)
        {
            await response.Content.ReadAsByteArrayAsync(cancellationToken); // the server has finished the call
            response.Dispose();
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
        }

        return response;
    }
}

/// <summary>One HTTP request a gRPC call made: its path (/package.Service/Method), Authorization header and body.</summary>
/// <param name="Body">The gRPC frames: a 5-byte header (compressed flag, length) before each message.</param>
public sealed record RecordedRequest(string Path, AuthenticationHeaderValue? Authorization, byte[] Body)
{
    /// <summary>The first message of the body, parsed.</summary>
    public T Message<T>(Google.Protobuf.MessageParser<T> parser)
        where T : Google.Protobuf.IMessage<T> => parser.ParseFrom(Body.AsSpan(5, BinaryPrimitives.ReadInt32BigEndian(Body.AsSpan(1, 4))));
}
