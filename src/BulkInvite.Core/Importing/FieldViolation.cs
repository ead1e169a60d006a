namespace BulkInvite.Core.Importing;

/// <summary>One field of a request and what is wrong with it.</summary>
public sealed record FieldViolation(string Field, string Description);
