using Rasid.Core;
using Rasid.Testing;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class NormalizerSampleTests
{
    [Fact]
    public void The_sample_story_odd_alef_sequence_is_fixed_and_maps_back_to_the_original_word()
    {
        var text = File.ReadAllText(RepoPaths.SampleStory);
        var original = text.IndexOf("الاٍرهاب", StringComparison.Ordinal);
        Assert.True(original >= 0);
        var n = Normalizer.Search.Normalize(text);
        var normalized = n.FromOriginal(new TextRange(original, "الاٍرهاب".Length));
        Assert.Equal("الارهاب", normalized.Slice(n.Text));
        Assert.Equal(new TextRange(original, "الاٍرهاب".Length), n.ToOriginal(normalized));
        Assert.Contains("الإرهاب", Normalizer.Display.Normalize(text).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_token_of_the_sample_story_maps_back_to_its_original_range_after_normalization()
    {
        var text = File.ReadAllText(RepoPaths.SampleStory);
        var n = Normalizer.Search.Normalize(text);
        foreach (var token in new Tokenizer().Tokenize(text))
        {
            var normalized = n.FromOriginal(token.Range);
            if (normalized.IsEmpty) continue;
            var back = n.ToOriginal(normalized);
            Assert.True(token.Range.Contains(back), $"token {token.Range} '{token.Range.Slice(text)}' maps back to {back}");
            Assert.Equal(Normalizer.Search.Normalize(token.Range.Slice(text)).Text, normalized.Slice(n.Text));
        }
    }
}
