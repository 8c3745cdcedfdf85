using Rasid.Core;

namespace Rasid.Text;

/// <summary>
/// Maps positions and ranges of a transformed (normalized) text back to the text it came from, and the other way.
/// Every transformed character <c>k</c> comes from the original range <c>[StartOf(k), EndOf(k))</c>: one character
/// for a plain copy or replacement, two for a fixed sequence (alef + combining hamza → إ), the same one for both
/// characters of an expansion (ﻻ → لا). Deleted diacritics and tatweel are attached to the end of the preceding
/// character, so a word's range covers its trailing marks; deleted control characters belong to no character.
/// Starts and ends never decrease. Immutable and thread-safe.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private OffsetMap(int[] starts, int[] ends, int originalStart, int originalEnd)
    {
        _starts = starts;
        _ends = ends;
        OriginalStart = originalStart;
        OriginalEnd = originalEnd;
    }

    /// <summary>Length of the transformed text.</summary>
    public int Length => _starts.Length;

    /// <summary>Start of the original range the transformed text came from (0 for a whole string).</summary>
    public int OriginalStart { get; }

    /// <summary>End (exclusive) of the original range the transformed text came from.</summary>
    public int OriginalEnd { get; }

    /// <summary>A map where every character maps to itself, for an untransformed text of <paramref name="length"/> characters.</summary>
    public static OffsetMap Identity(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var starts = new int[length];
        var ends = new int[length];
        for (var i = 0; i < length; i++)
        {
            starts[i] = i;
            ends[i] = i + 1;
        }

        return new OffsetMap(starts, ends, 0, length);
    }

    /// <summary>
    /// Creates a map from per-character origin ranges, as filled by
    /// <see cref="Normalizer.Normalize(ReadOnlySpan{char}, Span{char}, Span{int}, Span{int})"/>.
    /// </summary>
    /// <param name="starts">Origin start of each transformed character, relative to the original range.</param>
    /// <param name="ends">Origin end (exclusive) of each transformed character, relative to the original range.</param>
    /// <param name="original">The original range; <paramref name="starts"/> and <paramref name="ends"/> are shifted by its start.</param>
    /// <exception cref="ArgumentException">When the spans differ in length, a range is empty or outside the original, or positions decrease.</exception>
    public static OffsetMap FromOrigins(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, TextRange original)
    {
        if (starts.Length != ends.Length) throw new ArgumentException("starts and ends must have the same length", nameof(ends));
        var s = new int[starts.Length];
        var e = new int[ends.Length];
        for (var k = 0; k < s.Length; k++)
        {
            s[k] = starts[k] + original.Start;
            e[k] = ends[k] + original.Start;
            if (s[k] < original.Start || e[k] > original.End || s[k] >= e[k] || (k > 0 && (s[k] < s[k - 1] || e[k] < e[k - 1])))
            {
                throw new ArgumentException($"origin range [{starts[k]},{ends[k]}) of character {k} is empty, outside {original} or out of order", nameof(starts));
            }
        }

        return new OffsetMap(s, e, original.Start, original.End);
    }

    /// <summary>Start of the original range of transformed character <paramref name="index"/>.</summary>
    public int StartOf(int index) => _starts[index];

    /// <summary>End (exclusive) of the original range of transformed character <paramref name="index"/>.</summary>
    public int EndOf(int index) => _ends[index];

    /// <summary>
    /// The original position of transformed position <paramref name="position"/> (0..Length): the start of that
    /// character's origin, or for <c>position == Length</c> the end of the last character's origin.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the position is outside 0..Length.</exception>
    public int ToOriginal(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Length);
        if (position < Length) return _starts[position];
        return Length == 0 ? OriginalStart : _ends[Length - 1];
    }

    /// <summary>
    /// The original range that produced the transformed range <paramref name="range"/>: from the origin start of its
    /// first character to the origin end of its last (including deleted marks attached to it). An empty range maps to
    /// an empty range at <see cref="ToOriginal(int)"/> of its start.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the range is outside the transformed text.</exception>
    public TextRange ToOriginal(TextRange range)
    {
        if (range.End > Length) throw new ArgumentOutOfRangeException(nameof(range), $"range {range} is outside a transformed text of length {Length}");
        if (range.IsEmpty)
        {
            var p = ToOriginal(range.Start);
            return new TextRange(p, 0);
        }

        return TextRange.FromBounds(_starts[range.Start], _ends[range.End - 1]);
    }

    /// <summary>
    /// The transformed range made of the characters whose origin overlaps <paramref name="original"/> (an empty range
    /// when none does, e.g. for a deleted control character).
    /// </summary>
    public TextRange FromOriginal(TextRange original)
    {
        // first character whose origin ends after original.Start
        var first = LowerBound(_ends, original.Start + 1);
        if (original.IsEmpty) return new TextRange(first, 0);
        // first character whose origin starts at or after original.End
        var last = LowerBound(_starts, original.End);
        return last <= first ? new TextRange(first, 0) : TextRange.FromBounds(first, last);
    }

    /// <summary>
    /// Composes two maps: <paramref name="next"/> maps a text derived from this map's transformed text back to it;
    /// the result maps that text straight to this map's original.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="next"/> does not start from this map's transformed text.</exception>
    public OffsetMap Then(OffsetMap next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.OriginalStart < 0 || next.OriginalEnd > Length) throw new ArgumentException($"the next map covers [{next.OriginalStart},{next.OriginalEnd}) of a text of length {Length}", nameof(next));
        var s = new int[next.Length];
        var e = new int[next.Length];
        for (var k = 0; k < s.Length; k++)
        {
            s[k] = _starts[next._starts[k]];
            e[k] = _ends[next._ends[k] - 1];
        }

        var start = next.OriginalStart < Length ? _starts[next.OriginalStart] : ToOriginal(Length);
        var end = next.OriginalEnd == 0 ? OriginalStart : _ends[next.OriginalEnd - 1];
        return new OffsetMap(s, e, start, Math.Max(start, end));
    }

    private static int LowerBound(int[] values, int target)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < target) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
