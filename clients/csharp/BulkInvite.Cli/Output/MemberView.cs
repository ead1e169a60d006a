using BulkInvite.V1;

namespace BulkInvite.Cli.Output;

/// <summary>Members for people: one per record, by address.</summary>
internal static class MemberView
{
    public static void WriteMany(CliConsole console, IReadOnlyList<Member> members)
    {
        var table = new RecordTable(
            new RecordColumn("Email"),
            new RecordColumn("Name", Wrap: true),
            new RecordColumn("Permissions", Wrap: true),
            new RecordColumn("Joined (UTC)", Wrap: true),
            new RecordColumn("Invitation", PipedOnly: true));
        foreach (var m in members)
        {
            table.Add(m.Email, $"{m.FirstName} {m.LastName}", string.Join(", ", m.Permissions), Times.Minute(m.JoinTime), m.InvitationId);
        }

        table.Write(console);
    }
}
