using BulkInvite.V1;

namespace BulkInvite.Client.Tests;

/// <summary>What a check says applying will do: the valid rows less those already invited or members.</summary>
public sealed class CheckResultTests
{
    [Fact]
    public void CountsRowsAlreadyInvitedAndAlreadyMembersApartAndARowWithBothOnceAsAMember()
    {
        var check = new CheckResult(
            new Import { State = ImportState.Checked, ValidRows = 10, InvalidRows = 1 },
            [],
            [Row(2, DiagnosticCode.AlreadyInvited), Row(3, DiagnosticCode.AlreadyMember), Row(4, DiagnosticCode.AlreadyInvited), Row(4, DiagnosticCode.AlreadyMember),
             Row(5, DiagnosticCode.FormulaPrefix), Row(6, DiagnosticCode.EmailInvalid)]);

        Assert.Equal((1, 2, 3, 7), (check.AlreadyInvitedRows, check.AlreadyMemberRows, check.RowsToSkip, check.RowsToInvite));
    }

    [Fact]
    public void InvitesNobodyFromARejectedFile()
    {
        var check = new CheckResult(new Import { State = ImportState.Rejected, ValidRows = 0 }, [new Diagnostic { Code = DiagnosticCode.HeaderMismatch }], []);

        Assert.Equal(0, check.RowsToInvite);
    }

    private static Diagnostic Row(int row, DiagnosticCode code) => new() { RowNumber = row, Code = code, Column = "Email" };
}
