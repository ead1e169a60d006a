namespace BulkInvite.Client;

/// <summary>How a <see cref="BulkInviteClient"/> authenticates and retries.</summary>
public sealed record BulkInviteClientOptions
{
    /// <summary>
    /// A bearer token sent as <c>authorization: Bearer …</c> on every call; none when null or empty.
    /// The server needs one (a JWT for one organization, with the caller's permissions there) and
    /// refuses calls without it with <see cref="AuthenticationRequiredException"/>.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>
    /// How many times a call that can safely be repeated is attempted in all when it fails with
    /// UNAVAILABLE or DEADLINE_EXCEEDED. Uploads, sample downloads and deletes are attempted once.
    /// </summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the first retry; each later wait doubles, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The deadline of each attempt of a unary call; none when null (checking a large file takes a while).</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>
    /// How long <see cref="BulkInviteClient.UploadFileResumablyAsync(string, string, IProgress{UploadProgress}?, CancellationToken)"/>
    /// keeps trying to reach the server after a write failed for want of it (asking QueryUploadStatus
    /// with backoff, then continuing from the bytes the server has): 30 s by default, the server's
    /// default idle timeout, after which the upload has expired anyway.
    /// </summary>
    public TimeSpan ResumeWithin { get; init; } = TimeSpan.FromSeconds(30);
}
