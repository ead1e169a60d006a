using BulkInvite.Core.Auditing;
using BulkInvite.Core.Checking;
using BulkInvite.Core.Rows;

namespace BulkInvite.Core.Importing;

/// <summary>Where a page of row diagnostics ended: by row, then the order they were found in.</summary>
public sealed record DiagnosticCursor(int RowNumber, long Sequence);
