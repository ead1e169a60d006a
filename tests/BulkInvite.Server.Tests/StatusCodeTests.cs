using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using BulkInvite.Testing;

namespace BulkInvite.Server.Tests;

/// <summary>Bad requests get the documented status code with google.rpc details, never UNKNOWN or a stack trace.</summary>
public abstract class StatusCodeTests(TestStore store) : IDisposable
{
    private const int UploadLimit = 4096;
    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?> { ["BulkInvite:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) }, store: store);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task AStreamWhoseFirstMessageIsAChunkIsInvalid()
    {
        using var call = Client.UploadImportFile(cancellationToken: _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFromUtf8("Email") }, _ct);
        await call.RequestStream.CompleteAsync();

        var error = await Calls.FailsAsync(() => call.ResponseAsync);

        AssertInvalidField(error, "metadata");
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task AnEmptyStreamIsInvalid()
    {
        using var call = Client.UploadImportFile(cancellationToken: _ct);
        await call.RequestStream.CompleteAsync();

        AssertInvalidField(await Calls.FailsAsync(() => call.ResponseAsync), "metadata");
    }

    [Fact]
    public async Task ASecondMetadataMessageIsInvalid()
    {
        using var call = Client.UploadImportFile(cancellationToken: _ct);
        var metadata = new UploadImportFileRequest { Metadata = new ImportFileMetadata { OrganizationId = "acme", FileName = "a.csv" } };
        await call.RequestStream.WriteAsync(metadata, _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFromUtf8("Email") }, _ct);
        await call.RequestStream.WriteAsync(metadata, _ct);
        await call.RequestStream.CompleteAsync();

        AssertInvalidField(await Calls.FailsAsync(() => call.ResponseAsync), "chunk");
        await AssertNothingKeptAsync();
    }

    [Theory]
    [InlineData("", "users.csv", 0L, "", "metadata.organization_id")]
    [InlineData("  ", "users.csv", 0L, "", "metadata.organization_id")]
    [InlineData("acme", null, 0L, "", "metadata.file_name")]
    [InlineData("acme", "users.csv", -1L, "", "metadata.size_bytes")]
    [InlineData("acme", "users.csv", 0L, "not-a-digest", "metadata.sha256")]
    public async Task InvalidMetadataIsRefusedBeforeAnyByteIsStored(string organizationId, string? fileName, long size, string sha256, string field)
    {
        var error = await Calls.FailsAsync(() => Client.UploadAsync(Files.Fixture("team_utf8.csv"), fileName ?? new string('a', 256), organizationId, sizeBytes: size, sha256: sha256));

        AssertInvalidField(error, field);
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task AFileNameOf255CharactersIsAccepted()
    {
        var import = await Client.UploadAsync(Files.Fixture("team_utf8.csv"), new string('é', 255));

        Assert.Equal(255, import.FileName.Length);
    }

    [Fact]
    public async Task ASizeThatDoesNotMatchTheBytesIsInvalidAndNothingIsKept()
    {
        var content = Files.Fixture("team_utf8.csv");

        var error = await Calls.FailsAsync(() => Client.UploadAsync(content, sizeBytes: content.Length + 1));

        AssertInvalidField(error, "metadata.size_bytes");
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task ADigestThatDoesNotMatchTheBytesIsInvalidAndNothingIsKept()
    {
        var error = await Calls.FailsAsync(() => Client.UploadAsync(Files.Fixture("team_utf8.csv"), sha256: new string('0', 64)));

        AssertInvalidField(error, "metadata.sha256");
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task AChunkOverOneMebibyteIsInvalid()
    {
        var server = new BulkInviteServer(store: store);
        try
        {
            var error = await Calls.FailsAsync(() => server.Client.UploadAsync(new byte[(1024 * 1024) + 1], chunkSize: (1024 * 1024) + 1));

            AssertInvalidField(error, "chunk");
        }
        finally
        {
            server.Dispose();
            server.DeleteData();
        }
    }

    [Fact]
    public async Task AFileOverTheUploadLimitIsResourceExhaustedAsSoonAsTheLimitIsPassed()
    {
        using var call = Client.UploadImportFile(cancellationToken: _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Metadata = new ImportFileMetadata { OrganizationId = "acme", FileName = "big.csv" } }, _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFrom(new byte[UploadLimit]) }, _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFrom(new byte[1]) }, _ct);

        // The server answers without waiting for the stream to end.
        var error = await Calls.FailsAsync(() => call.ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.NotNull(error.GetRpcStatus()?.GetDetail<QuotaFailure>());
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task ADeclaredSizeOverTheLimitIsResourceExhaustedBeforeAnyChunk()
    {
        var error = await Calls.FailsAsync(() => Client.UploadAsync([], sizeBytes: UploadLimit + 1));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ACancelledUploadKeepsNothing()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        using var call = Client.UploadImportFile(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Metadata = new ImportFileMetadata { OrganizationId = "acme", FileName = "a.csv" } }, _ct);
        await call.RequestStream.WriteAsync(new UploadImportFileRequest { Chunk = ByteString.CopyFromUtf8("Email,First name,Last name\n") }, _ct);

        await cancel.CancelAsync();

        var error = await Calls.FailsAsync(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await WaitUntilAsync(() => _server.StoredFiles().Count == 0);
        await AssertNothingKeptAsync();
    }

    [Theory]
    [InlineData("CheckImport")]
    [InlineData("ApplyPermissions")]
    [InlineData("GetImport")]
    [InlineData("DeleteImport")]
    public async Task AnUnknownImportIsNotFound(string rpc)
    {
        var id = "0123456789abcdef0123456789abcdef";
        Func<Task> call = rpc switch
        {
            "CheckImport" => () => Client.CheckAsync(id),
            "ApplyPermissions" => () => Client.ApplyAsync(id, "", "projects.view"),
            "GetImport" => async () => await Client.GetImportAsync(new GetImportRequest { ImportId = id }, cancellationToken: _ct),
            _ => async () => await Client.DeleteImportAsync(new DeleteImportRequest { ImportId = id }, cancellationToken: _ct),
        };

        var error = await Calls.FailsAsync(call);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal($"imports/{id}", error.GetRpcStatus()?.GetDetail<ResourceInfo>()?.ResourceName);
    }

    [Fact]
    public async Task AnEmptyImportIdIsInvalid() =>
        AssertInvalidField(await Calls.FailsAsync(() => Client.CheckAsync("")), "import_id");

    [Fact]
    public async Task ANegativePageSizeIsInvalid()
    {
        var import = await UploadSampleAsync();

        AssertInvalidField(await Calls.FailsAsync(() => Client.CheckAsync(import.ImportId, pageSize: -1)), "page_size");
        Assert.Equal(ImportState.Uploaded, (await Client.GetImportAsync(new GetImportRequest { ImportId = import.ImportId }, cancellationToken: _ct)).Import.State);
    }

    [Fact]
    public async Task APageTokenOfAnotherImportOrMadeUpIsInvalid()
    {
        var many = await Client.UploadAsync(Files.ManyUsers(20, row => $"bad-{row}"));
        var other = await UploadSampleAsync();
        await Client.CheckAsync(other.ImportId);
        var token = (await Client.CheckAsync(many.ImportId, pageSize: 5)).NextPageToken;

        AssertInvalidField(await Calls.FailsAsync(() => Client.CheckAsync(other.ImportId, pageToken: token)), "page_token");
        AssertInvalidField(await Calls.FailsAsync(() => Client.CheckAsync(many.ImportId, pageToken: "not-a-token")), "page_token");
    }

    [Fact]
    public async Task ApplyingBeforeTheCheckIsAFailedPrecondition()
    {
        var import = await UploadSampleAsync();

        var error = await Calls.FailsAsync(() => Client.ApplyAsync(import.ImportId, "", "projects.view"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("IMPORT_NOT_CHECKED", error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Single().Type);
    }

    [Fact]
    public async Task ApplyingWithoutPermissionsIsInvalid()
    {
        var import = await CheckedSampleAsync();

        AssertInvalidField(await Calls.FailsAsync(() => Client.ApplyAsync(import.ImportId, "")), "permissions");
    }

    [Fact]
    public async Task ApplyingUnknownPermissionsNamesEachOfThem()
    {
        var import = await CheckedSampleAsync();

        var error = await Calls.FailsAsync(() => Client.ApplyAsync(import.ImportId, "", "projects.view", "root", "god.mode"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["permissions[1]", "permissions[2]"], violations.Select(v => v.Field));
        Assert.Contains("root", violations[0].Description, StringComparison.Ordinal);
        Assert.Equal(ImportState.Checked, (await Client.GetImportAsync(new GetImportRequest { ImportId = import.ImportId }, cancellationToken: _ct)).Import.State);
    }

    [Fact]
    public async Task ASampleInAnUnsupportedFormatIsInvalid()
    {
        using var call = Client.GetSampleFile(new GetSampleFileRequest { Format = FileFormat.Xls }, cancellationToken: _ct);

        AssertInvalidField(await Calls.FailsAsync(() => call.ResponseStream.MoveNext(_ct)), "format");
    }

    [Fact]
    public async Task ErrorsCarryNoStackTrace()
    {
        var error = await Calls.FailsAsync(() => Client.CheckAsync("0123456789abcdef0123456789abcdef"));

        Assert.DoesNotContain(" at ", error.Status.Detail, StringComparison.Ordinal);
        Assert.NotEqual(StatusCode.Unknown, error.StatusCode);
    }

    private static void AssertInvalidField(RpcException error, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(field, badRequest.FieldViolations.Select(v => v.Field));
    }

    private async Task AssertNothingKeptAsync()
    {
        var imports = await Client.ListImportsAsync(new ListImportsRequest { OrganizationId = "acme" }, cancellationToken: _ct);
        Assert.Empty(imports.Imports);
        Assert.Empty(_server.StoredFiles());
    }

    private Task<Import> UploadSampleAsync() => Client.UploadAsync(Files.Fixture("team_utf8.csv"));

    private async Task<Import> CheckedSampleAsync()
    {
        var import = await UploadSampleAsync();
        await Client.CheckAsync(import.ImportId);
        return import;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class SqliteStatusCodeTests() : StatusCodeTests(TestStore.Sqlite);

public sealed class PostgresStatusCodeTests(PostgresCluster cluster) : StatusCodeTests(TestStore.Postgres(cluster));
