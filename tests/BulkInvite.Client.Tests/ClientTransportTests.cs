using BulkInvite.Client.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Net.Client;

namespace BulkInvite.Client.Tests;

public sealed class ClientTransportTests(ServerFixture server)
{
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendsTheBearerTokenOnEveryCall()
    {
        using var handler = new RecordingHandler();
        using var channel = GrpcChannel.ForAddress(server.Url, new GrpcChannelOptions { HttpHandler = handler });
        var token = ServerFixture.Token(_organization);
        using var client = new BulkInviteClient(channel, token);

        await client.ListPermissionsAsync(_cancellationToken);
        await client.ListImportsAsync(_organization, _cancellationToken).ToListAsync(_cancellationToken);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(("Bearer", token), (r.Authorization?.Scheme, r.Authorization?.Parameter)));
    }

    [Fact]
    public async Task SendsNoAuthorizationHeaderWithoutAToken()
    {
        using var handler = new RecordingHandler();
        using var channel = GrpcChannel.ForAddress(server.Url, new GrpcChannelOptions { HttpHandler = handler });
        using var client = new BulkInviteClient(channel);

        await Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task RetriesAnApplyWhoseAnswerWasLostWithTheSameRequestId()
    {
        using var plain = server.ClientFor(_organization);
        var import = await plain.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await plain.CheckAsync(import.ImportId, _cancellationToken);
        using var handler = new RecordingHandler();
        handler.LoseAnswers("ApplyPermissions", 1);
        using var channel = GrpcChannel.ForAddress(server.Url, new GrpcChannelOptions { HttpHandler = handler });
        using var client = new BulkInviteClient(channel, new BulkInviteClientOptions { Token = ServerFixture.Token(_organization), InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var applied = await client.ApplyAsync(import.ImportId, ["projects.view"], _cancellationToken);

        var requestIds = handler.Requests.Select(r => r.Message(ApplyPermissionsRequest.Parser).RequestId).ToList();
        Assert.Equal(2, requestIds.Count);
        Assert.NotEmpty(requestIds[0]);
        Assert.Equal(requestIds[0], requestIds[1]);
        Assert.Equal(4, applied.InvitedCount);
    }

    [Fact]
    public async Task RetriesAResendWhoseAnswerWasLostWithTheSameRequestIdAndSendsOneEmail()
    {
        using var plain = server.ClientFor(_organization);
        var import = await plain.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await plain.CheckAsync(import.ImportId, _cancellationToken);
        await plain.ApplyAsync(import.ImportId, ["projects.view"], _cancellationToken);
        var invitation = await plain.ListInvitationsAsync(_organization, cancellationToken: _cancellationToken).FirstAsync(i => i.Email == "ines.garcia@example.es", _cancellationToken);
        // The apply's email goes out first: a resend replaces an email not sent yet, which is then never sent.
        await WaitUntilAsync(async () => (await plain.GetInvitationAsync(invitation.InvitationId, _cancellationToken)).Delivery.State == DeliveryState.Sent);
        using var handler = new RecordingHandler();
        handler.LoseAnswers("ResendInvitation", 1, "bulkinvite.v1.InvitationService");
        using var channel = GrpcChannel.ForAddress(server.Url, new GrpcChannelOptions { HttpHandler = handler });
        using var client = new BulkInviteClient(channel, new BulkInviteClientOptions { Token = ServerFixture.Token(_organization), InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var resent = await client.ResendInvitationAsync(invitation.InvitationId, _cancellationToken);
        await WaitUntilAsync(async () => (await plain.GetInvitationAsync(invitation.InvitationId, _cancellationToken)).Delivery.State == DeliveryState.Sent);

        var requestIds = handler.Requests.Select(r => r.Message(ResendInvitationRequest.Parser).RequestId).ToList();
        Assert.Equal(2, requestIds.Count);
        Assert.NotEmpty(requestIds[0]);
        Assert.Equal(requestIds[0], requestIds[1]);
        Assert.Equal(InvitationStatus.Pending, resent.Status);
        Assert.Equal(2, EmailsTo("ines.garcia@example.es")); // the apply's and one resend's
    }

    [Fact]
    public async Task GivesUpOnAnUnreachableServerAfterTheConfiguredAttempts()
    {
        using var handler = new RecordingHandler();
        using var channel = GrpcChannel.ForAddress(ServerFixture.UnreachableUrl(), new GrpcChannelOptions { HttpHandler = handler });
        using var client = new BulkInviteClient(channel, new BulkInviteClientOptions { MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var error = await Assert.ThrowsAsync<ServerUnavailableException>(() => client.ListPermissionsAsync(_cancellationToken));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task DoesNotRetryADelete()
    {
        using var handler = new RecordingHandler();
        using var channel = GrpcChannel.ForAddress(ServerFixture.UnreachableUrl(), new GrpcChannelOptions { HttpHandler = handler });
        using var client = new BulkInviteClient(channel, new BulkInviteClientOptions { InitialBackoff = TimeSpan.FromMilliseconds(10) });

        await Assert.ThrowsAsync<ServerUnavailableException>(() => client.DeleteImportAsync(Guid.NewGuid().ToString("N"), _cancellationToken));

        Assert.Single(handler.Requests);
    }

    /// <summary>The emails in the server's pickup folder to <paramref name="email"/> in this test's organization.</summary>
    private int EmailsTo(string email) =>
        (Directory.Exists(server.MailFolder) ? Directory.EnumerateFiles(server.MailFolder, "*.eml") : [])
            .Select(File.ReadAllText)
            .Count(text => text.Contains(email, StringComparison.OrdinalIgnoreCase) && text.Contains(_organization, StringComparison.Ordinal));

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200 && !await condition(); attempt++)
        {
            await Task.Delay(100, _cancellationToken);
        }

        Assert.True(await condition());
    }
}
