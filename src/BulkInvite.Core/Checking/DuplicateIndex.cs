using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace BulkInvite.Core.Checking;

/// <summary>
/// The first row of every address seen so far, kept as a 64-bit hash of the address (24 bytes per row
/// instead of the address itself), so a million-row file is deduplicated in memory without a query
/// per row. A hash match is confirmed against the first row's address; the rare different address
/// with the same hash is then kept exactly. The table is sized for the rows expected up front: grown
/// by doubling instead, a million rows leave about as much dead table on the large-object heap as the
/// live one (every smaller copy), until a full collection.
/// </summary>
/// <remarks>
/// Its two halves serve the two threads of a check, each called in row order: <see cref="Probe"/>
/// where the rows are validated, <see cref="Confirm"/> where they are stored (the first row's address
/// may only be there). They share no state, so the probing of the table, the costly half, is off the
/// storing thread.
/// </remarks>
internal sealed class DuplicateIndex
{
    private readonly Dictionary<ulong, int> _firstRows;
    private readonly Dictionary<string, int> _collided = new(StringComparer.Ordinal);
    private readonly Func<string, ulong> _hash;

    /// <param name="expectedRows">How many rows the file likely has (a guess: it only sizes the table).</param>
    /// <param name="hash">The hash of an address; XxHash3 of its UTF-16 unless a test forces collisions.</param>
    public DuplicateIndex(int expectedRows = 0, Func<string, ulong>? hash = null)
    {
        _firstRows = new Dictionary<ulong, int>(expectedRows);
        _hash = hash ?? (email => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(email.AsSpan())));
    }

    /// <summary>
    /// The earlier row whose address has the same hash, or null when none has (this row is then the
    /// first of its address, and recorded as such). A row returned must go through <see cref="Confirm"/>.
    /// </summary>
    public int? Probe(string normalizedEmail, int rowNumber)
    {
        // One probe of the table for both the lookup and the insertion.
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstRows, _hash(normalizedEmail), out var seen);
        if (!seen)
        {
            first = rowNumber;
            return null;
        }

        return first;
    }

    /// <summary>
    /// The first row of the address of a row whose <see cref="Probe"/> found <paramref name="probableFirstRow"/>,
    /// or null when the hashes matched but the addresses differ and this row is its address's first.
    /// </summary>
    /// <param name="emailAt">The address of an earlier row.</param>
    public int? Confirm(string normalizedEmail, int rowNumber, int probableFirstRow, Func<int, string?> emailAt)
    {
        if (string.Equals(emailAt(probableFirstRow), normalizedEmail, StringComparison.Ordinal))
        {
            return probableFirstRow;
        }

        if (_collided.TryGetValue(normalizedEmail, out var collided))
        {
            return collided;
        }

        _collided.Add(normalizedEmail, rowNumber);
        return null;
    }
}
