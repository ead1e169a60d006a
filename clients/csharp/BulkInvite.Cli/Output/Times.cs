using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace BulkInvite.Cli.Output;

/// <summary>Timestamps for people, in UTC to the minute or second: 2026-11-27 14:02.</summary>
internal static class Times
{
    public static string Minute(Timestamp? time) => Format(time, "yyyy-MM-dd HH:mm");

    public static string Second(Timestamp? time) => Format(time, "yyyy-MM-dd HH:mm:ss");

    private static string Format(Timestamp? time, string format) =>
        time is null ? "-" : time.ToDateTimeOffset().ToString(format, CultureInfo.InvariantCulture);
}
