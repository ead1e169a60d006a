using System.Collections.Concurrent;
using System.Diagnostics;
using BulkInvite.Core.Telemetry;
using BulkInvite.Server.Tests.Infrastructure;
using BulkInvite.V1;
using Grpc.Core;

namespace BulkInvite.Server.Tests;

/// <summary>
/// Each import phase is a span (import.upload, import.check, import.apply) inside its RPC's span,
/// tagged with ids and counts and never with an address, a name or a file name; an RPC's span
/// continues the trace of the caller that sent a W3C <c>traceparent</c>.
/// </summary>
public sealed class ImportSpanTests : IDisposable
{
    private readonly BulkInviteServer _server = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ImportSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is BulkInviteTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _server.Dispose();
        _server.DeleteData();
    }

    [Fact]
    public async Task EachPhaseIsASpanInItsRpcWithIdsAndCountsAndNoPersonalData()
    {
        var import = await _server.Client.UploadAsync(Files.Fixture("team_utf8.csv"), fileName: "team of ines.csv");
        await _server.Client.CheckAsync(import.ImportId);
        await _server.Client.ApplyAsync(import.ImportId, "", "projects.view");

        var phases = _stopped.Where(a => a.Source.Name == BulkInviteTelemetry.Name && Equals(a.GetTagItem("bulkinvite.import.id"), import.ImportId))
            .ToDictionary(a => a.OperationName);
        Assert.Equal(["import.apply", "import.check", "import.upload"], phases.Keys.Order());
        Assert.Equal(import.SizeBytes, phases["import.upload"].GetTagItem("bulkinvite.size_bytes"));
        Assert.Equal((5L, 4L, 1L), (phases["import.check"].GetTagItem("bulkinvite.rows.total"), phases["import.check"].GetTagItem("bulkinvite.rows.valid"), phases["import.check"].GetTagItem("bulkinvite.rows.invalid")));
        Assert.Equal(4L, phases["import.apply"].GetTagItem("bulkinvite.invited"));
        Assert.All(phases.Values, span =>
        {
            Assert.Equal(ActivityStatusCode.Ok, span.Status);
            Assert.Equal(Calls.Organization, span.GetTagItem("bulkinvite.organization.id"));
            Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", span.Parent?.OperationName);
            Assert.All(span.TagObjects, tag => Assert.DoesNotContain("@", tag.Value?.ToString() ?? "", StringComparison.Ordinal));
            Assert.All(span.TagObjects, tag => Assert.DoesNotContain("ines", tag.Value?.ToString() ?? "", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task AnRpcSpanContinuesTheTraceOfTheCallerThatSentATraceparent()
    {
        var callerTrace = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();

        await _server.Client.ListPermissionsAsync(
            new ListPermissionsRequest(),
            new Metadata { { "traceparent", $"00-{callerTrace}-{callerSpan}-01" } },
            cancellationToken: TestContext.Current.CancellationToken);

        var rpc = Assert.Single(_stopped, a => a.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn" && a.TraceId == callerTrace);
        Assert.Equal(callerSpan, rpc.ParentSpanId);
    }
}
