using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void AcceptsAPlainAddress() => Assert.True(EmailAddressRule.Check("ann@example.com").IsValid);
}
