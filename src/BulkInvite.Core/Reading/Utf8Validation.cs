using System.Text.Unicode;

namespace BulkInvite.Core.Reading;

/// <summary>
/// Whether a file is valid UTF-8, decided a chunk at a time as it arrives, with the same verdict
/// <see cref="TextDecoding.Detect"/> reaches over the whole file: a character split between chunks
/// is carried to the next, and a file that ends inside one is not valid.
/// </summary>
public sealed class Utf8Validation
{
    private readonly byte[] _carry = new byte[8];
    private int _carried;

    /// <summary>False once a byte was not UTF-8.</summary>
    public bool IsValid { get; private set; } = true;

    /// <summary>Whether the bytes so far are valid UTF-8, possibly ending inside a character.</summary>
    public bool Append(ReadOnlySpan<byte> bytes)
    {
        if (!IsValid || bytes.IsEmpty)
        {
            return IsValid;
        }

        if (_carried > 0)
        {
            var needed = _carry[0] >= 0xF0 ? 4 : _carry[0] >= 0xE0 ? 3 : 2;
            var taken = Math.Min(needed - _carried, bytes.Length);
            bytes[..taken].CopyTo(_carry.AsSpan(_carried));
            _carried += taken;
            bytes = bytes[taken..];
            if (_carried < needed)
            {
                return true; // still inside the character
            }

            if (!Utf8.IsValid(_carry.AsSpan(0, needed)))
            {
                return IsValid = false;
            }

            _carried = 0;
        }

        var complete = TextDecoding.CompleteLength(bytes);
        if (!Utf8.IsValid(bytes[..complete]))
        {
            return IsValid = false;
        }

        bytes[complete..].CopyTo(_carry);
        _carried = bytes.Length - complete;
        return true;
    }

    /// <summary>The verdict on the whole file, once its last bytes were appended.</summary>
    public bool IsValidAtEnd => IsValid && _carried == 0;
}
