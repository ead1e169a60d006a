using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace BulkInvite.Core.Checking;

/// <summary>
/// The first row of every address seen so far, kept as a 64-bit hash of the address (24 bytes per row
/// instead of the address itself), so a million-row file is deduplicated in memory without a query
/// per row. A hash match is confirmed against the first row's address; the rare different address
/// with the same hash is then kept exactly.
/// </summary>
internal sealed class DuplicateIndex
{
    private readonly Dictionary<ulong, int> _firstRows = [];
    private readonly Dictionary<string, int> _collided = new(StringComparer.Ordinal);
    private readonly Func<string, ulong> _hash;

    /// <param name="hash">The hash of an address; XxHash3 of its UTF-16 unless a test forces collisions.</param>
    public DuplicateIndex(Func<string, ulong>? hash = null)
    {
        _hash = hash ?? (email => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(email.AsSpan())));
    }

    /// <summary>The first row of the address, or null when this row is its first (and is recorded as such).</summary>
    /// <param name="emailAt">The address of an earlier row, to confirm a hash match.</param>
    public int? FirstRowOf(string normalizedEmail, int rowNumber, Func<int, string?> emailAt)
    {
        if (_collided.TryGetValue(normalizedEmail, out var collided))
        {
            return collided;
        }

        var hash = _hash(normalizedEmail);
        if (_firstRows.TryAdd(hash, rowNumber))
        {
            return null;
        }

        var first = _firstRows[hash];
        if (string.Equals(emailAt(first), normalizedEmail, StringComparison.Ordinal))
        {
            return first;
        }

        _collided.Add(normalizedEmail, rowNumber);
        return null;
    }
}
