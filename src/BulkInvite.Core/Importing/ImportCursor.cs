using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Importing;

/// <summary>Where a page of imports ended: newest first, by creation time then id.</summary>
public sealed record ImportCursor(DateTimeOffset CreateTime, string ImportId);
