using BulkInvite.Core.Importing;
using BulkInvite.Core.Invitations;
using Microsoft.Extensions.Time.Testing;
using BulkInvite.Testing;

namespace BulkInvite.Core.Tests.Invitations;

public class InvitationDispatcherTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly InMemoryOutbox _outbox = new();
    private readonly RecordingTransport _transport = new();
    private readonly EmailOptions _options = new() { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(30) };

    private InvitationDispatcher Dispatcher => new(_outbox, _transport, new InvitationMailComposer(_options, new PermissionCatalog(new BulkInviteOptions())), _options, _clock, new BulkInvite.Core.Telemetry.BulkInviteTelemetry());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendsEachDueEmailThenAcknowledgesIt()
    {
        // Arrange
        _outbox.Queue("a@example.com", "b@example.com");

        // Act
        var result = await Dispatcher.DispatchDueAsync(Ct);
        var again = await Dispatcher.DispatchDueAsync(Ct);

        // Assert
        Assert.Equal(new InvitationDispatcher.Result(2, 0), result);
        Assert.Equal(new InvitationDispatcher.Result(0, 0), again);
        Assert.Equal(["a@example.com", "b@example.com"], _transport.Sent.Select(m => m.To));
        Assert.All(_outbox.Rows, r => Assert.True(r.Sent));
    }

    [Fact]
    public async Task MakesAFreshTokenForEachEmailAndStoresOnlyItsHashBeforeSending()
    {
        // Arrange
        _outbox.Queue("a@example.com", "b@example.com");

        // Act
        await Dispatcher.DispatchDueAsync(Ct);

        // Assert: the link in each email is the token whose hash the outbox recorded for that invitation
        var linked = _transport.Sent.Select(m => AcceptToken.HashOf(System.Text.RegularExpressions.Regex.Match(m.Text, @"token=([A-Za-z0-9_-]+)").Groups[1].Value));
        Assert.Equal(_outbox.Tokens.Select(t => t.Hash), linked);
        Assert.Equal([1L, 2L], _outbox.Tokens.Select(t => t.InvitationId));
        Assert.Equal(2, _outbox.Tokens.Select(t => t.Hash).Distinct().Count());
    }

    [Fact]
    public async Task RecordsWhyAnAttemptFailedAndRetriesAfterTheBackoff()
    {
        // Arrange
        _outbox.Queue("a@example.com");
        _transport.Refuse = "Connection refused";

        // Act
        var failed = await Dispatcher.DispatchDueAsync(Ct);
        _clock.Advance(TimeSpan.FromSeconds(29));
        var early = await Dispatcher.DispatchDueAsync(Ct);
        _transport.Refuse = null;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var retried = await Dispatcher.DispatchDueAsync(Ct);

        // Assert
        Assert.Equal((0, 1), (failed.Sent, failed.Failed));
        Assert.Equal(new InvitationDispatcher.Result(0, 0), early);
        Assert.Equal(new InvitationDispatcher.Result(1, 0), retried);
        var row = Assert.Single(_outbox.Rows);
        Assert.Equal((true, 2, "Connection refused"), (row.Sent, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task GivesUpAfterTheLastAttempt()
    {
        // Arrange
        _outbox.Queue("a@example.com");
        _transport.Refuse = "Mailbox unavailable";

        // Act
        for (var i = 0; i < 5; i++)
        {
            await Dispatcher.DispatchDueAsync(Ct);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        // Assert
        var row = Assert.Single(_outbox.Rows);
        Assert.Equal((true, 3, false), (row.GaveUp, row.Attempts, row.Sent));
    }

    [Fact]
    public async Task AnEmailWhoseAcknowledgementWasLostIsSentAgainOnlyAfterItsClaimRunsOut()
    {
        // Arrange: the dispatcher stops between sending and acknowledging
        _outbox.Queue("a@example.com");
        _outbox.LoseAcknowledgements = true;
        await Dispatcher.DispatchDueAsync(Ct);
        _outbox.LoseAcknowledgements = false;

        // Act
        var duringClaim = await Dispatcher.DispatchDueAsync(Ct);
        _clock.Advance(_options.ClaimDuration);
        var afterClaim = await Dispatcher.DispatchDueAsync(Ct);

        // Assert: at least once, and once acknowledged, never again
        Assert.Equal(new InvitationDispatcher.Result(0, 0), duringClaim);
        Assert.Equal(new InvitationDispatcher.Result(1, 0), afterClaim);
        Assert.Equal(2, _transport.Sent.Count);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new InvitationDispatcher.Result(0, 0), await Dispatcher.DispatchDueAsync(Ct));
    }

    /// <summary>The outbox's contract, in memory.</summary>
    private sealed class InMemoryOutbox : IInvitationOutbox
    {
        public List<Row> Rows { get; } = [];

        public bool LoseAcknowledgements { get; set; }

        public void Queue(params string[] emails)
        {
            foreach (var email in emails)
            {
                Rows.Add(new Row { InvitationId = Rows.Count + 1, Email = email });
            }
        }

        public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimedUntil, int limit, CancellationToken cancellationToken)
        {
            var due = Rows.Where(r => !r.Sent && !r.GaveUp && r.Due <= now).Take(limit).ToList();
            foreach (var row in due)
            {
                row.Attempts++;
                row.Due = claimedUntil;
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(due.Select(r => new OutboxMessage
            {
                InvitationId = r.InvitationId,
                Sequence = 1,
                Attempts = r.Attempts,
                OrganizationId = "acme",
                Email = r.Email,
                FirstName = "Ann",
                LastName = "Lee",
                Permissions = ["projects.view"],
                Inviter = "ines",
                ExpireTime = now.AddDays(7),
            }).ToList());
        }

        /// <summary>The token hashes issued, by invitation, in order.</summary>
        public List<(long InvitationId, string Hash)> Tokens { get; } = [];

        public Task IssueTokenAsync(long invitationId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Tokens.Add((invitationId, tokenHash));
            return Task.CompletedTask;
        }

        public Task MarkSentAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (!LoseAcknowledgements)
            {
                Rows.Single(r => r.InvitationId == message.InvitationId).Sent = true;
            }

            return Task.CompletedTask;
        }

        public Task MarkFailedAsync(OutboxMessage message, string reason, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
        {
            var row = Rows.Single(r => r.InvitationId == message.InvitationId);
            row.LastError = reason;
            row.Due = nextAttempt ?? row.Due;
            row.GaveUp = nextAttempt is null;
            return Task.CompletedTask;
        }

        public sealed class Row
        {
            public long InvitationId { get; init; }
            public string Email { get; init; } = "";
            public int Attempts { get; set; }
            public DateTimeOffset Due { get; set; } = DateTimeOffset.MinValue;
            public bool Sent { get; set; }
            public bool GaveUp { get; set; }
            public string LastError { get; set; } = "";
        }
    }

    private sealed class RecordingTransport : IMailTransport
    {
        public List<InvitationMail> Sent { get; } = [];

        public string? Refuse { get; set; }

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) =>
            Refuse is null ? Task.FromResult<IMailSession>(new Session(Sent)) : throw new IOException(Refuse);

        private sealed class Session(List<InvitationMail> sent) : IMailSession
        {
            public Task SendAsync(InvitationMail mail, CancellationToken cancellationToken)
            {
                sent.Add(mail);
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
