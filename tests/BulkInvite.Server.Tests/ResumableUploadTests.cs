using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.Testing;
using BulkInvite.V1;
using Dapper;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>
/// The resumable upload (StartResumableUpload, WriteUpload, QueryUploadStatus, CancelResumableUpload)
/// through a real channel on each store: offsets, repeats, overlaps, gaps, limits, digests, other
/// organizations, cancelling, finishing twice, idle expiry and the slots it shares with UploadImportFile.
/// </summary>
public abstract class ResumableUploadTests(TestStore store) : IDisposable
{
    private const int UploadLimit = 64 * 1024;

    private readonly BulkInviteServer _server = new(settings: new Dictionary<string, string?>
    {
        ["BulkInvite:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["BulkInvite:MaxConcurrentUploadsPerOrganization"] = "2",
    }, store: store);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private UserImportService.UserImportServiceClient Client => _server.Client;

    public void Dispose()
    {
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task AFileWrittenInChunksBecomesTheImportAStreamedUploadMakesAndIsCheckedAndAppliedAsAnyOther()
    {
        var content = Files.Fixture("team_libreoffice.xlsx");
        var streamed = await Client.UploadAsync(content, "team.xlsx");

        var import = await Client.UploadResumablyAsync(content, "team.xlsx", chunkSize: 1000);
        var check = await Client.CheckAsync(import.ImportId);
        var applied = await Client.ApplyAsync(import.ImportId, "", "projects.view");
        var audit = (await Client.ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationId = Calls.Organization }, cancellationToken: _ct)).Events
            .Where(e => e.ImportId == import.ImportId).Select(e => (e.Action, e.Actor)).ToList();

        Assert.True(content.Length > 3 * 1000, "the file must take several writes");
        Assert.Equal(
            (ImportState.Uploaded, FileFormat.Xlsx, streamed.SizeBytes, streamed.Sha256, "team.xlsx"),
            (import.State, import.Format, import.SizeBytes, import.Sha256, import.FileName));
        Assert.Equal((ImportState.Checked, 4, 1), (check.Import.State, check.Import.ValidRows, check.Import.InvalidRows));
        Assert.Equal((ImportState.Applied, 4), (applied.Import.State, applied.InvitedCount));
        Assert.Equal([(AuditAction.Applied, "test-user"), (AuditAction.Checked, "test-user"), (AuditAction.Uploaded, "test-user")], audit);
    }

    [Fact]
    public async Task ARepeatedWriteAndAnOverlappingWriteStoreOnlyTheBytesTheServerDidNotHave()
    {
        var content = Files.ManyUsers(40);
        var uploadId = await Client.StartAsync(content);

        var first = await Client.WriteAsync(uploadId, content, 0, 300);
        var repeated = await Client.WriteAsync(uploadId, content, 0, 300);
        var overlapping = await Client.WriteAsync(uploadId, content, 200, 300);
        var insideWhatIsStored = await Client.WriteAsync(uploadId, content, 100, 50);
        var import = await Client.WriteRestAsync(uploadId, content, 500);

        Assert.Equal([300L, 300L, 500L, 500L], new[] { first.PersistedSize, repeated.PersistedSize, overlapping.PersistedSize, insideWhatIsStored.PersistedSize });
        Assert.Equal((content.LongLength, ResumableCalls.Sha256(content)), (import.SizeBytes, import.Sha256));
        Assert.Equal(40, (await Client.CheckAsync(import.ImportId)).Import.ValidRows);
    }

    [Fact]
    public async Task AWriteThatLeavesAGapIsInvalidAndStoresNothing()
    {
        var content = Files.ManyUsers(40);
        var uploadId = await Client.StartAsync(content);
        await Client.WriteAsync(uploadId, content, 0, 300);

        var error = await Calls.FailsAsync(() => Client.WriteAsync(uploadId, content, 301, 100));
        var status = await Client.QueryAsync(uploadId);

        AssertInvalidField(error, "write_offset");
        Assert.Equal((300L, false), (status.PersistedSize, status.Complete));
    }

    [Fact]
    public async Task DataOverMaxChunkBytesIsInvalidAndAnEmptyUploadIdIsInvalid()
    {
        var uploadId = await Client.StartAsync();
        var tooLarge = new byte[(1024 * 1024) + 1];

        var chunk = await Calls.FailsAsync(() => Client.WriteAsync(uploadId, tooLarge, 0, tooLarge.Length));
        var noId = await Calls.FailsAsync(async () => await Client.QueryAsync(""));

        AssertInvalidField(chunk, "data");
        AssertInvalidField(noId, "upload_id");
        Assert.Equal(0, (await Client.QueryAsync(uploadId)).PersistedSize);
    }

    [Fact]
    public async Task AnUploadPastTheServersLimitIsResourceExhaustedAndADeclaredSizePastItIsRefusedAtTheStart()
    {
        var content = new byte[UploadLimit + 1];
        var uploadId = await Client.StartAsync(sizeBytes: 0);
        await Client.WriteAsync(uploadId, content, 0, UploadLimit);

        var write = await Calls.FailsAsync(() => Client.WriteAsync(uploadId, content, UploadLimit, 1));
        var start = await Calls.FailsAsync(() => Client.StartAsync(sizeBytes: UploadLimit + 1));

        foreach (var error in new[] { write, start })
        {
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Equal("organizations/acme", error.GetRpcStatus()?.GetDetail<QuotaFailure>()?.Violations.Single().Subject);
            Assert.Equal("upload size", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["limit"]);
        }

        Assert.Equal(UploadLimit, (await Client.QueryAsync(uploadId)).PersistedSize);
    }

    [Fact]
    public async Task AFinishingWriteWithAWrongDigestIsInvalidAndKeepsTheUploadForAFinishWithTheRightOne()
    {
        var content = Files.ManyUsers(10);
        var uploadId = await Client.StartAsync(content, sha256: "");

        var error = await Calls.FailsAsync(() => Client.WriteAsync(uploadId, content, 0, content.Length, finish: true, sha256: new string('0', 64)));
        var kept = await Client.QueryAsync(uploadId);
        var finished = await Client.WriteAsync(uploadId, content, content.Length, 0, finish: true);

        AssertInvalidField(error, "sha256");
        Assert.Contains(ResumableCalls.Sha256(content), error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((content.LongLength, false), (kept.PersistedSize, kept.Complete));
        Assert.Equal(ResumableCalls.Sha256(content), finished.Import.Sha256);
    }

    [Fact]
    public async Task AFinishBeforeTheDeclaredSizeIsInvalidAndTheRestOfTheFileCanFollow()
    {
        var content = Files.ManyUsers(10);
        var uploadId = await Client.StartAsync(content);
        var half = content.Length / 2;

        var early = await Calls.FailsAsync(() => Client.WriteAsync(uploadId, content, 0, half, finish: true));
        var finished = await Client.WriteAsync(uploadId, content, half, content.Length - half, finish: true);

        AssertInvalidField(early, "metadata.size_bytes");
        Assert.Equal((content.LongLength, ImportState.Uploaded), (finished.Import.SizeBytes, finished.Import.State));
    }

    [Fact]
    public async Task AFinishingWriteWithoutADigestIsInvalid()
    {
        var uploadId = await Client.StartAsync();

        var error = await Calls.FailsAsync(async () => await Client.WriteUploadAsync(
            new WriteUploadRequest { UploadId = uploadId, Data = ByteString.CopyFromUtf8("Email\n"), FinishWrite = true }, cancellationToken: _ct));

        AssertInvalidField(error, "sha256");
        Assert.Equal(0, (await Client.QueryAsync(uploadId)).PersistedSize);
    }

    [Fact]
    public async Task FinishingTwiceReturnsTheSameImportAsQueryUploadStatusDoesAndMoreBytesAreRefused()
    {
        var content = Files.Fixture("team_utf8.csv");
        var uploadId = await Client.StartAsync(content);
        var first = await Client.WriteAsync(uploadId, content, 0, content.Length, finish: true);

        var again = await Client.WriteAsync(uploadId, content, 0, content.Length, finish: true);
        var status = await Client.QueryAsync(uploadId);
        var more = await Calls.FailsAsync(() => Client.WriteAsync(uploadId, [.. content, .. "x"u8.ToArray()], content.Length, 1));
        var cancel = await Calls.FailsAsync(() => Client.CancelAsync(uploadId));
        var imports = (await Client.ListImportsAsync(new ListImportsRequest { OrganizationId = Calls.Organization }, cancellationToken: _ct)).Imports;

        Assert.Equal(uploadId, first.Import.ImportId);
        Assert.Equal(first.Import, again.Import);
        Assert.Equal((true, first.Import, content.LongLength), (status.Complete, status.Import, status.PersistedSize));
        foreach (var error in new[] { more, cancel })
        {
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            Assert.Equal("UPLOAD_ALREADY_FINISHED", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
            Assert.Equal("uploads/" + uploadId, error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Single().Subject);
        }

        Assert.Equal([uploadId], imports.Select(i => i.ImportId));
    }

    [Fact]
    public async Task AFinishedUploadWhoseImportWasDeletedIsNotFoundAndItsCancelSucceeds()
    {
        var content = Files.Fixture("team_utf8.csv");
        var uploadId = await Client.StartAsync(content);
        await Client.WriteAsync(uploadId, content, 0, content.Length, finish: true);

        await Client.DeleteImportAsync(new DeleteImportRequest { ImportId = uploadId }, cancellationToken: _ct);
        var query = await Calls.FailsAsync(() => Client.QueryAsync(uploadId));
        var finishAgain = await Calls.FailsAsync(() => Client.WriteAsync(uploadId, content, 0, content.Length, finish: true));
        await Client.CancelAsync(uploadId);
        _server.Clock.Advance(TimeSpan.FromSeconds(30)); // the sweep's interval: it forgets the upload
        await WaitUntilAsync(() => UploadRows() == 0);

        AssertUploadNotFound(query, uploadId);
        AssertUploadNotFound(finishAgain, uploadId);
        Assert.Empty(_server.StoredFiles());
    }

    [Fact]
    public async Task AnotherOrganizationsUploadIsNotFoundAndItsCancelLeavesTheUploadAlone()
    {
        var content = Files.ManyUsers(10);
        var uploadId = await Client.StartAsync(content);
        await Client.WriteAsync(uploadId, content, 0, 100);
        var globex = _server.ClientFor("globex");

        var write = await Calls.FailsAsync(() => globex.WriteAsync(uploadId, content, 100, 100));
        var query = await Calls.FailsAsync(() => globex.QueryAsync(uploadId));
        await globex.CancelAsync(uploadId);

        foreach (var error in new[] { write, query })
        {
            AssertUploadNotFound(error, uploadId);
        }

        Assert.Equal(100, (await Client.QueryAsync(uploadId)).PersistedSize);
    }

    [Fact]
    public async Task AnUploadIdNeverIssuedIsNotFoundAndCancellingItSucceeds()
    {
        const string neverIssued = "00112233445566778899aabbccddeeff";

        var query = await Calls.FailsAsync(() => Client.QueryAsync(neverIssued));
        var malformed = await Calls.FailsAsync(() => Client.QueryAsync("../escape"));
        await Client.CancelAsync(neverIssued);

        AssertUploadNotFound(query, neverIssued);
        AssertUploadNotFound(malformed, "../escape");
    }

    [Fact]
    public async Task ACancelledUploadIsNotFoundItsBytesAreDeletedAndItsSlotIsFree()
    {
        var content = Files.ManyUsers(10);
        var first = await Client.StartAsync(content);
        var second = await Client.StartAsync(content);
        await Client.WriteAsync(first, content, 0, 100);
        var full = await Calls.FailsAsync(() => Client.StartAsync(content));

        await Client.CancelAsync(first);
        var gone = await Calls.FailsAsync(() => Client.QueryAsync(first));
        await Client.CancelAsync(first);
        var third = await Client.StartAsync(content);

        Assert.Equal(StatusCode.ResourceExhausted, full.StatusCode);
        Assert.Equal("concurrent uploads", full.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["limit"]);
        AssertUploadNotFound(gone, first);
        Assert.Equal(new[] { second + ".part", third + ".part" }.Order(StringComparer.Ordinal), _server.StoredFiles().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ResumableAndStreamedUploadsShareTheOrganizationsSlots()
    {
        var content = Files.Fixture("team_utf8.csv");
        var first = await Client.StartAsync(content);
        var second = await Client.StartAsync(content);

        var streamed = await Calls.FailsAsync(() => Client.UploadAsync(content));
        await Client.WriteAsync(first, content, 0, content.Length, finish: true);
        var afterFinish = await Client.UploadAsync(content);
        var otherOrganization = await _server.ClientFor("globex").StartAsync(content, organizationId: "globex");

        Assert.Equal(StatusCode.ResourceExhausted, streamed.StatusCode);
        Assert.Equal(ImportState.Uploaded, afterFinish.State);
        Assert.Equal(0, (await Client.QueryAsync(second)).PersistedSize);
        Assert.NotEmpty(otherOrganization);
    }

    [Fact]
    public async Task AnUploadIdleForTheTimeoutExpiresFreesItsSlotAndTheSweepDeletesItsBytes()
    {
        var content = Files.ManyUsers(10);
        var idle = await Client.StartAsync(content);
        await Client.WriteAsync(idle, content, 0, 100);
        var busy = await Client.StartAsync(content);

        _server.Clock.Advance(TimeSpan.FromSeconds(20));
        await Client.WriteAsync(busy, content, 0, 100);
        _server.Clock.Advance(TimeSpan.FromSeconds(10)); // idle: 30 s, the default timeout; busy: 10 s
        var expired = await Calls.FailsAsync(() => Client.QueryAsync(idle));
        var write = await Calls.FailsAsync(() => Client.WriteAsync(idle, content, 100, 100));
        var third = await Client.StartAsync(content);
        await WaitUntilAsync(() => !_server.StoredFiles().Contains(idle + ".part"));

        AssertUploadNotFound(expired, idle);
        AssertUploadNotFound(write, idle);
        Assert.Equal(100, (await Client.QueryAsync(busy)).PersistedSize);
        Assert.Equal(new[] { busy + ".part", third + ".part" }.Order(StringComparer.Ordinal), _server.StoredFiles().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnUploadContinuesAfterTheServerRestartsAndMakesItsImportThere()
    {
        var content = Files.Fixture("team_libreoffice.xlsx");
        string uploadId;
        using (var before = new BulkInviteServer(_server.Folder, store: store))
        {
            uploadId = await before.Client.StartAsync(content, "team.xlsx");
            await before.Client.WriteAsync(uploadId, content, 0, 2000);
        }

        using var after = new BulkInviteServer(_server.Folder, store: store);
        var status = await after.Client.QueryAsync(uploadId);
        var import = await after.Client.WriteRestAsync(uploadId, content, (int)status.PersistedSize);
        var check = await after.Client.CheckAsync(import.ImportId);

        Assert.Equal(2000, status.PersistedSize);
        Assert.Equal((content.LongLength, ResumableCalls.Sha256(content), FileFormat.Xlsx), (import.SizeBytes, import.Sha256, import.Format));
        Assert.Equal((ImportState.Checked, 4), (check.Import.State, check.Import.ValidRows));
    }

    [Fact]
    public async Task WritesOfOneUploadRacingEachOtherStoreEveryByteOnce()
    {
        var content = Files.ManyUsers(400);
        var uploadId = await Client.StartAsync(content);

        // Each write and its retry at once, as when a client retries before the first answer arrives.
        const int chunk = 777;
        for (var offset = 0; offset < content.Length; offset += chunk)
        {
            var count = Math.Min(chunk, content.Length - offset);
            var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Client.WriteAsync(uploadId, content, offset, count)));
            Assert.All(answers, a => Assert.Equal(offset + count, a.PersistedSize));
        }

        var finished = await Client.WriteAsync(uploadId, content, content.Length, 0, finish: true);

        Assert.Equal((content.LongLength, ResumableCalls.Sha256(content)), (finished.Import.SizeBytes, finished.Import.Sha256));
    }

    [Fact]
    public async Task ACallerWhoCannotInviteOrActsForAnotherOrganizationIsRefused()
    {
        var viewer = _server.ClientWith(Tokens.For(Calls.Organization, ["projects.view"]));
        var uploadId = await Client.StartAsync();

        var start = await Calls.FailsAsync(() => viewer.StartAsync());
        var write = await Calls.FailsAsync(() => viewer.WriteAsync(uploadId, [1, 2, 3], 0, 3));
        var otherOrganization = await Calls.FailsAsync(() => Client.StartAsync(organizationId: "globex"));

        Assert.All([start, write, otherOrganization], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(0, (await Client.QueryAsync(uploadId)).PersistedSize);
    }

    [Theory]
    [InlineData("", "users.csv", 0L, "", "metadata.organization_id")]
    [InlineData("acme", null, 0L, "", "metadata.file_name")]
    [InlineData("acme", "users.csv", -1L, "", "metadata.size_bytes")]
    [InlineData("acme", "users.csv", 0L, "not-a-digest", "metadata.sha256")]
    public async Task MetadataIsCheckedAsUploadImportFileChecksIt(string organizationId, string? fileName, long size, string sha256, string field)
    {
        var error = await Calls.FailsAsync(() => Client.StartAsync(fileName: fileName ?? new string('a', 256), organizationId: organizationId, sizeBytes: size, sha256: sha256));
        var missing = await Calls.FailsAsync(async () => await Client.StartResumableUploadAsync(new StartResumableUploadRequest(), cancellationToken: _ct));

        AssertInvalidField(error, field);
        AssertInvalidField(missing, "metadata");
        Assert.Empty(_server.StoredFiles());
    }

    private static void AssertInvalidField(RpcException error, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? []);
    }

    private static void AssertUploadNotFound(RpcException error, string uploadId)
    {
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("UPLOAD_NOT_FOUND", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal("uploads/" + uploadId, error.GetRpcStatus()?.GetDetail<ResourceInfo>()?.ResourceName);
    }

    /// <summary>Polls until the condition holds (at most 20 s): the sweep runs in the background.</summary>
    private async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 800 && !condition(); i++)
        {
            await Task.Delay(25, _ct);
        }

        Assert.True(condition(), "The sweep did not delete what it should have.");
    }

    private long UploadRows()
    {
        using var database = _server.OpenDatabase();
        return database.ExecuteScalar<long>("SELECT COUNT(*) FROM resumable_uploads");
    }
}

public sealed class SqliteResumableUploadTests() : ResumableUploadTests(TestStore.Sqlite);

public sealed class PostgresResumableUploadTests(PostgresCluster cluster) : ResumableUploadTests(TestStore.Postgres(cluster));
