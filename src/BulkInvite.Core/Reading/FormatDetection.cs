using BulkInvite.Core.Checking;

namespace BulkInvite.Core.Reading;

/// <summary>The format of a file, or the file-level diagnostic that rejects it.</summary>
public sealed record FormatDetection(FileFormat Format, Diagnostic? Problem);
