using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace BulkInvite.Cli.Output;

/// <summary>
/// --output json: messages in the canonical proto3 JSON mapping (what every client of the service
/// sees: camelCase fields, enum names, 64-bit numbers as strings), every field present.
/// </summary>
internal static class Json
{
    // Names and messages stay readable ("Inès", quotes); the output is JSON, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default
        .WithFormatDefaultValues(true)
        .WithTypeRegistry(TypeRegistry.FromMessages(
            ErrorInfo.Descriptor, BadRequest.Descriptor, ResourceInfo.Descriptor, PreconditionFailure.Descriptor, QuotaFailure.Descriptor)));

    public static JsonNode Of(IMessage message) => JsonNode.Parse(Formatter.Format(message))!;

    public static JsonArray Of(IEnumerable<IMessage> messages) => [.. messages.Select(Of)];

    /// <summary>Writes one JSON document to stdout, bypassing markup.</summary>
    public static void Write(CliConsole console, JsonNode document) =>
        console.Out.Profile.Out.Writer.WriteLine(document.ToJsonString(Indented));
}
