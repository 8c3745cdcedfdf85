using Rasid.Core;

namespace Rasid.Core.Tests;

public sealed class TextRangeTests
{
    [Fact]
    public void FromBounds_gives_start_length_and_exclusive_end()
    {
        var range = TextRange.FromBounds(5, 9);
        Assert.Equal(5, range.Start);
        Assert.Equal(4, range.Length);
        Assert.Equal(9, range.End);
        Assert.Equal("[5,9)", range.ToString());
    }

    [Fact]
    public void Slice_returns_the_covered_arabic_characters()
    {
        const string text = "اكدت الرئاسة السورية";
        Assert.Equal("الرئاسة", TextRange.FromBounds(5, 12).Slice(text));
    }

    [Fact]
    public void Slice_outside_the_text_throws_a_clear_error()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TextRange(3, 10).Slice("abc"));
        Assert.Contains("outside a text of length 3", ex.Message);
    }

    [Fact]
    public void Negative_start_or_length_and_reversed_bounds_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextRange(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextRange(1, -2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextRange.FromBounds(4, 3));
    }

    [Fact]
    public void Overlaps_and_contains_treat_the_end_as_exclusive()
    {
        var a = TextRange.FromBounds(0, 5);
        Assert.True(a.Overlaps(TextRange.FromBounds(4, 6)));
        Assert.False(a.Overlaps(TextRange.FromBounds(5, 6)));
        Assert.True(a.Contains(TextRange.FromBounds(1, 5)));
        Assert.False(a.Contains(5));
        Assert.True(a.Contains(4));
    }
}
