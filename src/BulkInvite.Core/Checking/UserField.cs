namespace BulkInvite.Core.Checking;

/// <summary>
/// The fields a user row fills. The numbers are meant for <c>bulkinvite.v1.UserField</c>, whose zero
/// value says "not imported" (here a null <see cref="ColumnMapping.Field"/>).
/// </summary>
public enum UserField
{
    Unspecified = 0,
    Email = 1,
    FirstName = 2,
    LastName = 3,
    Description = 4,
}
