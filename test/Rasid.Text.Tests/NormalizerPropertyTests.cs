using FsCheck;
using FsCheck.Fluent;
using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class NormalizerPropertyTests
{
    private static readonly Normalizer[] Normalizers =
    [
        Normalizer.Search,
        Normalizer.Display,
        new(NormalizationSteps.None),
        new(NormalizationSteps.PresentationForms | NormalizationSteps.RemoveDiacritics),
        new(NormalizationSteps.FixSequences | NormalizationSteps.UnifyAlef),
    ];

    /// <summary>Random strings of Arabic letters, marks, odd sequences, presentation forms, Latin, digits, emoji, controls and lone surrogates.</summary>
    private static Arbitrary<string> MixedText()
    {
        char[] pool =
        [
            'ا', 'ل', 'ب', 'ت', 'ة', 'ى', 'أ', 'إ', 'آ', 'ٱ', 'ؤ', 'ئ', 'و', 'ي', 'ء', '\u064B', '\u064D', '\u064E', '\u0651', '\u0652',
            '\u0653', '\u0654', '\u0655', '\u0670', '\u06D6', 'ـ', '،', '؟', '؛', '٫', '٬', '٣', '۵', '٠', '۹',
            'a', 'Z', '1', '9', '.', ' ', ' ', '\n', '\r', '\t', '\u0085', '\u00AD', '\u0080',
            '\u200B', '\u200C', '\u200D', '\u200F', '\u202B', '\u2066', '\u061C', '\uFEFF', '\0', '\u0001', '\u007F',
            '\uD83D', '\uDC4D', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\uFEFB', '\uFEF7', '\uFB50', '\uFDF2', '\uFDFA', '\uFE70', '\uFC5E', '\uFE91', '\uFD3E',
        ];
        return Arb.From(Gen.ArrayOf(Gen.Elements(pool)).Select(chars => new string(chars)));
    }

    [Fact]
    public void Random_unicode_never_throws_and_every_normalized_character_maps_to_a_non_empty_ordered_original_range()
    {
        Prop.ForAll(MixedText(), text =>
        {
            foreach (var normalizer in Normalizers)
            {
                var n = normalizer.Normalize(text);
                var map = n.Map;
                if (map.Length != n.Text.Length || map.OriginalEnd != text.Length) return false;
                for (var k = 0; k < map.Length; k++)
                {
                    if (map.StartOf(k) < 0 || map.EndOf(k) > text.Length || map.StartOf(k) >= map.EndOf(k)) return false;
                    if (k > 0 && (map.StartOf(k) < map.StartOf(k - 1) || map.EndOf(k) < map.EndOf(k - 1))) return false;
                }

                for (var p = 1; p <= n.Text.Length; p++)
                {
                    if (n.ToOriginal(p) < n.ToOriginal(p - 1)) return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_normalized_range_maps_back_to_an_original_range_that_normalizes_to_it()
    {
        Prop.ForAll(MixedText(), text =>
        {
            foreach (var normalizer in Normalizers)
            {
                var n = normalizer.Normalize(text);
                var boundaries = Boundaries(n.Map);
                foreach (var s in boundaries)
                {
                    foreach (var e in boundaries)
                    {
                        if (e <= s) continue;
                        var original = n.ToOriginal(TextRange.FromBounds(s, e));
                        if (original.End > text.Length) return false;
                        var again = normalizer.Normalize(text.Substring(original.Start, original.Length)).Text;
                        if (again != n.Text[s..e]) return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_original_range_maps_to_normalized_characters_whose_origin_overlaps_it()
    {
        Prop.ForAll(MixedText(), text =>
        {
            var n = Normalizer.Search.Normalize(text);
            for (var a = 0; a <= text.Length; a++)
            {
                for (var b = a + 1; b <= text.Length; b++)
                {
                    var r = n.FromOriginal(TextRange.FromBounds(a, b));
                    for (var k = 0; k < n.Text.Length; k++)
                    {
                        var overlaps = n.Map.StartOf(k) < b && n.Map.EndOf(k) > a;
                        if (overlaps != r.Contains(k)) return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_span_overload_writes_the_same_text_and_origins_as_the_string_overload()
    {
        Prop.ForAll(MixedText(), text =>
        {
            var n = Normalizer.Search.Normalize(text);
            var size = Normalizer.GetMaxNormalizedLength(text.Length);
            var chars = new char[size];
            var starts = new int[size];
            var ends = new int[size];
            var count = Normalizer.Search.Normalize(text, chars, starts, ends);
            var plain = Normalizer.Search.Normalize(text, new char[size]);
            if (count != n.Text.Length || plain != count || new string(chars, 0, count) != n.Text) return false;
            for (var k = 0; k < count; k++)
            {
                if (starts[k] != n.Map.StartOf(k) || ends[k] != n.Map.EndOf(k)) return false;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Search_normalization_is_idempotent()
    {
        Prop.ForAll(MixedText(), text =>
        {
            var once = Normalizer.Search.Normalize(text).Text;
            return Normalizer.Search.Normalize(once).Text == once;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Normalized positions where no original character is shared with the previous position (not inside an expansion).</summary>
    private static List<int> Boundaries(OffsetMap map)
    {
        var result = new List<int> { 0 };
        for (var k = 1; k < map.Length; k++)
        {
            if (map.StartOf(k) >= map.EndOf(k - 1)) result.Add(k);
        }

        if (map.Length > 0) result.Add(map.Length);
        return result;
    }
}
