namespace Rasid.Core;

/// <summary>
/// A range of UTF-16 code units in a document's original text: <see cref="Start"/> inclusive,
/// <see cref="End"/> exclusive (C# string indices).
/// </summary>
public readonly record struct TextRange
{
    /// <summary>Creates a range from a start index and a length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When start or length is negative.</exception>
    public TextRange(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Start = start;
        Length = length;
    }

    /// <summary>First code unit of the range.</summary>
    public int Start { get; }

    /// <summary>Number of code units.</summary>
    public int Length { get; }

    /// <summary>One past the last code unit (exclusive end).</summary>
    public int End => Start + Length;

    /// <summary>True when the range holds no characters.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Creates a range from inclusive start and exclusive end.</summary>
    public static TextRange FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextRange(start, end - start);
    }

    /// <summary>True when <paramref name="other"/> lies entirely inside this range.</summary>
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    /// <summary>True when <paramref name="position"/> is inside this range.</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>True when the two ranges share at least one code unit.</summary>
    public bool Overlaps(TextRange other) => Start < other.End && other.Start < End;

    /// <summary>The text this range covers in <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the range is outside the text.</exception>
    public string Slice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (End > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(text), $"range {this} is outside a text of length {text.Length}");
        }

        return text.Substring(Start, Length);
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Start},{End})";
}
