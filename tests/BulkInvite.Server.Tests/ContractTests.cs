namespace BulkInvite.Server.Tests;

/// <summary>The domain enums are converted to the proto enums by number, so both must list the same members with the same numbers.</summary>
public class ContractTests
{
    public static TheoryData<Type, Type> EnumPairs => new()
    {
        { typeof(Core.Checking.DiagnosticCode), typeof(V1.DiagnosticCode) },
        { typeof(Core.Checking.Severity), typeof(V1.Severity) },
        { typeof(Core.Reading.FileFormat), typeof(V1.FileFormat) },
        { typeof(Core.Importing.ImportState), typeof(V1.ImportState) },
        { typeof(Core.Auditing.AuditAction), typeof(V1.AuditAction) },
        { typeof(Core.Invitations.InvitationStatus), typeof(V1.InvitationStatus) },
        { typeof(Core.Invitations.DeliveryState), typeof(V1.DeliveryState) },
        { typeof(Core.Importing.ErrorReason), typeof(V1.ErrorReason) },
    };

    [Theory]
    [MemberData(nameof(EnumPairs))]
    public void DomainAndProtoEnumsHaveTheSameMembersAndNumbers(Type domain, Type proto)
    {
        var domainMembers = Enum.GetValues(domain).Cast<object>().Select(v => (Enum.GetName(domain, v), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));
        var protoMembers = Enum.GetValues(proto).Cast<object>().Select(v => (Enum.GetName(proto, v), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(protoMembers.OrderBy(m => m.Item2), domainMembers.OrderBy(m => m.Item2));
    }
}
