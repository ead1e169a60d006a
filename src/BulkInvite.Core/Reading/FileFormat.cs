namespace BulkInvite.Core.Reading;

/// <summary>The formats BulkInvite reads; the numbers are those of <c>bulkinvite.v1.FileFormat</c>.</summary>
public enum FileFormat
{
    Unspecified = 0,
    Csv = 1,
    Xlsx = 2,
    Xls = 3,
}
