using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>The SMTP server down for a while, then back: failed attempts are visible, retried with backoff, and every message arrives once.</summary>
public abstract class SmtpOutageTests : IAsyncDisposable
{
    private readonly int _smtpPort = Smtp4dev.FreePort(); // nothing listens there yet
    private readonly BulkInviteServer _server;
    private Smtp4dev? _smtp;

    protected SmtpOutageTests(TestStore store) => _server = new BulkInviteServer(settings: Smtp4dev.ServerSettings(_smtpPort), store: store);

    public async ValueTask DisposeAsync()
    {
        _server.Dispose();
        _server.DeleteData();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryMessageIsDeliveredExactlyOnceWhenTheServerComesBack()
    {
        var addresses = Enumerable.Range(1, 5).Select(i => $"user{i}@outage.example.com").ToArray();

        // Down: the first attempt fails at once and the failure is visible per invitation.
        await _server.InviteAsync(addresses);
        await WaitForFailedAttemptsAsync(1, dueAgain: _server.Clock.Start.AddSeconds(30));
        var failed = await _server.Invitations.ListInvitationsAsync();
        // Not due again before the 30 s backoff has passed on the server's clock.
        _server.Clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(400, TestContext.Current.CancellationToken);
        var beforeBackoff = await _server.Invitations.ListInvitationsAsync();
        _server.Clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForFailedAttemptsAsync(2, dueAgain: _server.Clock.Start.AddSeconds(90));
        var retried = await _server.Invitations.ListInvitationsAsync();

        // Back: the third attempt, after the doubled backoff of 60 s, delivers each message.
        _smtp = await Smtp4dev.StartAsync(_smtpPort);
        _server.Clock.Advance(TimeSpan.FromSeconds(60));
        await InvitationCalls.WaitUntilAsync(async () => (await _server.Invitations.ListInvitationsAsync()).All(i => i.Delivery.State == DeliveryState.Sent), "every email is sent");
        _server.Clock.Advance(TimeSpan.FromHours(3));
        await Task.Delay(500, TestContext.Current.CancellationToken);

        Assert.All(failed, i => Assert.Equal(DeliveryState.Queued, i.Delivery.State));
        Assert.All(failed, i => Assert.Contains("refused", i.Delivery.LastError, StringComparison.OrdinalIgnoreCase));
        Assert.All(failed, i => Assert.Equal(_server.Clock.Start.AddSeconds(30), i.Delivery.NextAttemptTime.ToDateTimeOffset()));
        Assert.All(beforeBackoff, i => Assert.Equal(1, i.Delivery.Attempts));
        Assert.All(retried, i => Assert.Equal(_server.Clock.Start.AddSeconds(90), i.Delivery.NextAttemptTime.ToDateTimeOffset()));
        Assert.All(await _server.Invitations.ListInvitationsAsync(), i => Assert.Equal((DeliveryState.Sent, 3, ""), (i.Delivery.State, i.Delivery.Attempts, i.Delivery.LastError)));
        Assert.Equal(addresses.Order(), (await _smtp.MessagesAsync()).Select(m => m.To).Order());
    }

    // A claimed message already counts the attempt (and still shows the previous error) while it is being
    // sent; the failure is recorded once the message is due again at the backoff's time, not the claim's.
    private Task WaitForFailedAttemptsAsync(int attempts, DateTimeOffset dueAgain) =>
        InvitationCalls.WaitUntilAsync(
            async () => (await _server.Invitations.ListInvitationsAsync()).All(i =>
                i.Delivery.Attempts == attempts && i.Delivery.LastError.Length > 0 && i.Delivery.NextAttemptTime.ToDateTimeOffset() == dueAgain),
            $"every email has failed {attempts} times and is due again at {dueAgain:O}");
}

public sealed class SqliteSmtpOutageTests() : SmtpOutageTests(TestStore.Sqlite);

public sealed class PostgresSmtpOutageTests(PostgresCluster cluster) : SmtpOutageTests(TestStore.Postgres(cluster));
