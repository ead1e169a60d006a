namespace BulkInvite.Core.Checking;

/// <summary>The canonical names of the columns of a user file, which diagnostics name them by.</summary>
public static class UserColumns
{
    public const string Email = "Email";
    public const string FirstName = "First name";
    public const string LastName = "Last name";
    public const string Description = "Description";

    /// <summary>The required columns, then the optional one.</summary>
    public static IReadOnlyList<string> All { get; } = [Email, FirstName, LastName, Description];

    /// <summary>The fields in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<UserField> Fields { get; } = [UserField.Email, UserField.FirstName, UserField.LastName, UserField.Description];

    public const int RequiredCount = 3;

    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;

    /// <summary>The canonical column name of a field: "Email", "First name", "Last name" or "Description".</summary>
    public static string NameOf(UserField field) => field switch
    {
        UserField.Email => Email,
        UserField.FirstName => FirstName,
        UserField.LastName => LastName,
        UserField.Description => Description,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a column of a user file."),
    };

    public static bool IsRequired(UserField field) => field is UserField.Email or UserField.FirstName or UserField.LastName;

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
