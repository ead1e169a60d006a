namespace BulkInvite.Core.Checking;

/// <summary>The columns of a user file, in the order the header must list them.</summary>
public static class UserColumns
{
    public const string Email = "Email";
    public const string FirstName = "First name";
    public const string LastName = "Last name";
    public const string Description = "Description";

    /// <summary>The required columns, then the optional one.</summary>
    public static IReadOnlyList<string> All { get; } = [Email, FirstName, LastName, Description];

    public const int RequiredCount = 3;

    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;

    /// <summary>The column letter a spreadsheet shows for a 0-based index: 0 → A, 26 → AA.</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
