using System.Globalization;
using BulkInvite.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace BulkInvite.Cli.Output;

/// <summary>Imports for people: one as a list of fields, several as a table.</summary>
internal static class ImportView
{
    public static void WriteOne(IAnsiConsole console, Import import)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value));
        Row("Import", import.ImportId);
        Row("Organization", import.OrganizationId);
        Row("File", $"{import.FileName} ({Names.Of(import.Format)}, {Sizes.Format(import.SizeBytes)})");
        Row("SHA-256", import.Sha256);
        Row("State", Names.Of(import.State));
        Row("Rows", string.Create(CultureInfo.InvariantCulture, $"{import.TotalRows} ({import.ValidRows} valid, {import.InvalidRows} with errors)"));
        Row("Invited", string.Create(CultureInfo.InvariantCulture, $"{import.InvitedCount} ({import.SkippedCount} skipped: already invited or members)"));
        Row("Permissions", import.Permissions.Count == 0 ? "-" : string.Join(", ", import.Permissions));
        Row("Created", Time(import.CreateTime));
        Row("Updated", Time(import.UpdateTime));
        console.Write(grid);
    }

    public static void WriteMany(CliConsole console, IReadOnlyList<Import> imports)
    {
        var table = new RecordTable(
            new RecordColumn("Created (UTC)", Wrap: true),
            new RecordColumn("Import"),
            new RecordColumn("File", Wrap: true),
            new RecordColumn("State"),
            new RecordColumn("Valid"),
            new RecordColumn("Invalid"),
            new RecordColumn("Invited"));
        foreach (var import in imports)
        {
            table.Add(
                Time(import.CreateTime),
                import.ImportId,
                import.FileName,
                Names.Of(import.State),
                Number(import.ValidRows),
                Number(import.InvalidRows),
                Number(import.InvitedCount));
        }

        table.Write(console);
    }

    private static string Time(Timestamp? time) => Times.Second(time);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
