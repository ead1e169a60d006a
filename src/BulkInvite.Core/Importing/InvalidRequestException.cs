namespace BulkInvite.Core.Importing;

/// <summary>The request itself is wrong (INVALID_ARGUMENT).</summary>
public sealed class InvalidRequestException : BulkInviteException
{
    public InvalidRequestException(IReadOnlyList<FieldViolation> violations)
        : base(string.Join(" ", violations.Select(v => v.Description)))
    {
        Violations = violations;
    }

    public InvalidRequestException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }
}
