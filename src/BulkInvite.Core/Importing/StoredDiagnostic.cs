using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Importing;

/// <summary>A stored row diagnostic and its position, for paging.</summary>
public sealed record StoredDiagnostic(Diagnostic Diagnostic, long Sequence);
