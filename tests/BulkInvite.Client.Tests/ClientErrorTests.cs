using BulkInvite.Client.Tests.Infrastructure;
using Grpc.Core;

namespace BulkInvite.Client.Tests;

public sealed class ClientErrorTests : IDisposable
{
    private readonly ServerFixture _server;
    private readonly string _organization = ServerFixture.NewOrganization();
    private readonly BulkInviteClient _client;
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    public ClientErrorTests(ServerFixture server)
    {
        _server = server;
        _client = server.ClientFor(_organization);
    }

    [Fact]
    public async Task ThrowsImportNotFoundWithTheResourceInfoForAnUnknownId()
    {
        var id = Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<ImportNotFoundException>(() => _client.GetImportAsync(id, _cancellationToken));

        Assert.Equal((StatusCode.NotFound, "IMPORT_NOT_FOUND", id), (error.StatusCode, error.Reason, error.ImportId));
        Assert.Equal("bulkinvite.v1", error.ErrorInfo?.Domain);
    }

    [Fact]
    public async Task ThrowsInvalidRequestWithAFieldViolationForEachUnknownPermission()
    {
        var import = await _client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);
        await _client.CheckAsync(import.ImportId, _cancellationToken);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _client.ApplyAsync(import.ImportId, ["projects.view", "no.such.permission"], _cancellationToken));

        var violation = Assert.Single(error.FieldViolations);
        Assert.Equal("permissions[1]", violation.Field);
        Assert.Contains("no.such.permission", violation.Description, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task ThrowsInvalidRequestForAMissingOrganization()
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _client.UploadFileAsync(Files.Fixture("team_utf8.csv"), "", cancellationToken: _cancellationToken));

        Assert.Contains(error.FieldViolations, v => v.Field.Contains("organization_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThrowsFailedPreconditionWithThePreconditionFailureWhenApplyingAnUncheckedImport()
    {
        var import = await _client.UploadFileAsync(Files.Fixture("team_utf8.csv"), _organization, cancellationToken: _cancellationToken);

        var error = await Assert.ThrowsAsync<FailedPreconditionException>(() => _client.ApplyAsync(import.ImportId, ["projects.view"], _cancellationToken));

        var violation = Assert.Single(error.Violations);
        Assert.Equal(("IMPORT_NOT_CHECKED", $"imports/{import.ImportId}"), (violation.Type, violation.Subject));
    }

    [Fact]
    public async Task ThrowsFailedPreconditionWhenApplyingARejectedImport()
    {
        var path = Files.Csv(_server.FilesFolder, "Mail,Name\na@example.com,A\n");
        var import = await _client.UploadFileAsync(path, _organization, cancellationToken: _cancellationToken);
        await _client.CheckAsync(import.ImportId, _cancellationToken);

        var error = await Assert.ThrowsAsync<FailedPreconditionException>(() => _client.ApplyAsync(import.ImportId, ["projects.view"], _cancellationToken));

        Assert.Equal("IMPORT_REJECTED", Assert.Single(error.Violations).Type);
    }

    public void Dispose() => _client.Dispose();
}
