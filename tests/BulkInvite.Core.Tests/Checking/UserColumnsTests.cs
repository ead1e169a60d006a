using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Tests.Checking;

public class UserColumnsTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(1, "B")]
    [InlineData(2, "C")]
    [InlineData(3, "D")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    [InlineData(16383, "XFD")]
    public void NamesAColumnAsASpreadsheetDoes(int index, string letter)
    {
        // Act
        var result = UserColumns.Letter(index);

        // Assert
        Assert.Equal(letter, result);
    }

    [Fact]
    public void ListsTheColumnsInHeaderOrder()
    {
        // Assert
        Assert.Equal(["Email", "First name", "Last name", "Description"], UserColumns.All);
        Assert.Equal(3, UserColumns.RequiredCount);
        Assert.Equal(100, UserColumns.MaxNameLength);
        Assert.Equal(1000, UserColumns.MaxDescriptionLength);
    }
}
