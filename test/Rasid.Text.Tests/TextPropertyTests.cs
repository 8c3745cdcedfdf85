using FsCheck;
using FsCheck.Fluent;
using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class TextPropertyTests
{
    private static readonly Tokenizer Tokenizer = new();
    private static readonly SentenceSplitter Splitter = new();
    private static readonly BoilerplateCleaner Cleaner = new();

    /// <summary>Random strings mixing Arabic letters and marks, Latin, digits, emoji, controls and lone surrogates.</summary>
    private static Arbitrary<string> MixedText()
    {
        char[] pool =
        [
            'ا', 'ل', 'ب', 'ت', 'ة', 'ى', 'أ', 'إ', 'ٱ', '\u064E', '\u0651', 'ـ', '،', '؟', '؛', '٫', '٬', '٣', '۵',
            'a', 'Z', '1', '9', '.', ',', '!', '?', '"', '«', '»', '(', ')', '#', '@', '/', ':', '-', ' ', ' ', '\n', '\r', '\t',
            '\u200B', '\u200C', '\u200D', '\u200F', '\u202B', '\uFEFF', '\0', '\u0001', '\uD83D', '\uDC4D', '\uD800', '\uDFFF',
            '\uFEFB', '\uFB50', 'w', 'h', '\u2026',
        ];
        var gen = Gen.ArrayOf(Gen.Elements(pool)).Select(chars => new string(chars));
        return Arb.From(gen);
    }

    [Fact]
    public void Random_unicode_never_throws_and_every_token_maps_back_to_the_original()
    {
        Prop.ForAll(MixedText(), text =>
        {
            var previousEnd = 0;
            foreach (var token in Tokenizer.Tokenize(text))
            {
                if (token.Range.Start < previousEnd || token.Range.End > text.Length || token.Range.IsEmpty) return false;
                if (token.Range.Slice(text) != text.Substring(token.Range.Start, token.Range.Length)) return false;
                previousEnd = token.Range.End;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_unicode_sentences_are_ordered_non_empty_and_inside_the_paragraphs()
    {
        Prop.ForAll(MixedText(), text =>
        {
            var paragraphs = Cleaner.Clean(text).Paragraphs;
            var sentences = Splitter.Split(text, paragraphs);
            var previousEnd = 0;
            foreach (var sentence in sentences)
            {
                if (sentence.IsEmpty || sentence.Start < previousEnd || !paragraphs.Any(p => p.Contains(sentence))) return false;
                previousEnd = sentence.End;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
