using FsCheck;
using FsCheck.Fluent;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using static Rasid.Text.Lucene.Tests.AnalyzerAssert;

namespace Rasid.Text.Lucene.Tests;

public sealed class RasidArabicAnalyzerTests
{
    private static readonly RasidArabicAnalyzer Analyzer = new();

    [Fact]
    public void Analyzer_removes_stop_words_normalizes_and_stems_with_offsets_into_the_original() =>
        AssertAnalyzesTo(Analyzer, "قالَ الرَّئيسُ المصريُّ", ["رييس", "مصر"], [5, 15], [14, 23]);

    [Fact]
    public void Analyzer_unifies_alef_variants() => AssertAnalyzesTo(Analyzer, "أحمد إبراهيم", ["احمد", "ابراهيم"], [0, 5], [4, 12]);

    [Fact]
    public void Analyzer_maps_ta_marbuta_and_alef_maqsura_before_stemming() => AssertAnalyzesTo(Analyzer, "مستشفى غزة", ["مستشف", "غز"], [0, 7], [6, 10]);

    [Fact]
    public void Analyzer_offsets_cover_tatweel_and_diacritics_of_the_original_word() =>
        AssertAnalyzesTo(Analyzer, "مُـحَـمَّـدٌ", ["محمد"], [0], [12]);

    [Fact]
    public void Analyzer_skips_bidi_controls_outside_the_token_offsets() =>
        AssertAnalyzesTo(Analyzer, "\u200Fسوريا\u200F", ["سوريا"], [1], [6]);

    [Fact]
    public void Analyzer_expands_the_lam_alef_ligature_but_keeps_the_original_offsets() =>
        AssertAnalyzesTo(Analyzer, "ﻻجئين", ["لاج"], [0], [5]);

    [Fact]
    public void Analyzer_fixes_the_odd_alef_sequence_seen_in_real_text() =>
        AssertAnalyzesTo(Analyzer, "الاٍرهاب", ["ارهاب"], [0], [8]);

    [Fact]
    public void Analyzer_maps_arabic_indic_digits_to_ascii() => AssertAnalyzesTo(Analyzer, "انتخابات ٢٠١٥", ["انتخاب", "2015"], [0, 9], [8, 13]);

    [Fact]
    public void Analyzer_lowercases_latin_words() => AssertAnalyzesTo(Analyzer, "وكالة Reuters", ["كال", "reuters"], [0, 6], [5, 13]);

    [Fact]
    public void Analyzer_does_not_index_punctuation_or_emoji() => AssertAnalyzesTo(Analyzer, "«انفجار» في بيروت! 👍", ["انفجار", "بيروت"], [1, 12], [7, 17]);

    [Fact]
    public void Analyzer_leaves_a_pending_position_gap_for_removed_stop_words() =>
        AssertAnalyzesTo(Analyzer, "انفجار في بيروت", ["انفجار", "بيروت"], [0, 10], [6, 15], [1, 2]);

    [Fact]
    public void Analyzer_does_not_change_short_words() => AssertAnalyzesTo(Analyzer, "وطن ولد", ["وطن", "ولد"], [0, 4], [3, 7]);

    [Fact]
    public void Analyzer_keeps_reporting_verbs_out_of_the_index_because_the_stop_list_is_for_search_only() =>
        AssertAnalyzesTo(Analyzer, "قال اليوم أمس", []);

    [Fact]
    public void Analyzer_without_stemming_keeps_the_normalized_word() =>
        AssertAnalyzesTo(new RasidArabicAnalyzer(stem: false), "المدرسة", ["المدرسه"], [0], [7]);

    [Fact]
    public void Analyzer_with_an_empty_stop_list_keeps_function_words() =>
        AssertAnalyzesTo(new RasidArabicAnalyzer(stem: false, stopWords: []), "في بيروت", ["في", "بيروت"], [0, 3], [2, 8]);

    [Fact]
    public void Analyzer_gives_no_tokens_for_empty_or_invisible_input()
    {
        AssertAnalyzesTo(Analyzer, string.Empty, []);
        AssertAnalyzesTo(Analyzer, "\u200F\u200B ، .", []);
    }

    [Fact]
    public void Analyzer_can_be_reused_for_several_documents()
    {
        AssertAnalyzesTo(Analyzer, "بيروت", ["بيروت"], [0], [5]);
        AssertAnalyzesTo(Analyzer, "دمشق العاصمة", ["دمشق", "عاصم"], [0, 5], [4, 12]);
    }

    [Fact]
    public void Analyzer_indexes_each_clitic_from_a_pluggable_segmenter_with_its_own_offsets() =>
        AssertAnalyzesTo(new RasidArabicAnalyzer(new ProcliticWawSegmenter()), "وبالمدرسة", ["مدرس"], [1], [9], [2]);

    [Fact]
    public void Analyzer_keeps_clitics_that_are_not_stop_words_as_terms() =>
        AssertAnalyzesTo(new RasidArabicAnalyzer(new ProcliticWawSegmenter(), stopWords: []), "وبالمدرسة", ["و", "مدرس"], [0, 1], [1, 9], [1, 1]);

    [Fact]
    public void Analyzer_rejects_a_segmenter_that_returns_split_points_outside_the_word()
    {
        var analyzer = new RasidArabicAnalyzer(new BrokenSegmenter());
        var error = Assert.Throws<InvalidOperationException>(() => Analyze(analyzer, "والمدرسة", out _));
        Assert.Contains("split point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlighter_marks_the_original_vocalized_word()
    {
        const string text = "قالَ الرَّئيسُ المصريُّ إنَّ الرئيس السابق غادر.";
        var query = new TermQuery(new Term("body", "رييس"));
        var highlighter = new Highlighter(new QueryScorer(query, "body"));
        var fragment = highlighter.GetBestFragment(Analyzer, "body", text);
        Assert.Equal("قالَ <B>الرَّئيسُ</B> المصريُّ إنَّ <B>الرئيس</B> السابق غادر.", fragment);
    }

    [Fact]
    public void Analyzer_matches_lucene_arabic_analyzer_terms_on_plain_news_words_without_stop_words()
    {
        using var lucene = new ArabicAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);
        using var ours = new RasidArabicAnalyzer(stopWords: []);
        const string text = "أعلنت الحكومة المصرية عن خطة جديدة للاستثمارات والمشروعات";
        var ourTerms = Analyze(ours, text, out _).Select(t => t.Term).ToArray();
        var theirTerms = Analyze(lucene, text, out _).Select(t => t.Term).ToArray();
        Assert.Equal(theirTerms, ourTerms);
    }

    [Fact]
    public void Random_text_never_throws_and_offsets_stay_ordered_inside_the_original()
    {
        char[] pool =
        [
            'ا', 'ل', 'ب', 'ة', 'ى', 'أ', 'ئ', 'و', '\u064D', '\u064E', '\u0654', 'ـ', '،', '٣', 'a', 'Z', '1', '.', ' ', '\n',
            '\u200B', '\u200F', '\uFEFF', '\0', '\uD83D', '\uDC4D', '\uD800', '\uFEFB', '\uFDFA', '#', '@', 'w', '/', ':',
        ];
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements(pool)).Select(c => new string(c))), text =>
        {
            var tokens = Analyze(Analyzer, text, out var final);
            var previous = 0;
            foreach (var t in tokens)
            {
                if (t.Start < previous || t.Start >= t.End || t.End > text.Length || t.Term.Length == 0) return false;
                previous = t.Start;
            }

            return final == text.Length;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Test double: splits a leading و off words of four letters or more.</summary>
    private sealed class ProcliticWawSegmenter : ICliticSegmenter
    {
        public void Segment(ReadOnlySpan<char> word, List<int> splitPoints)
        {
            if (word.Length >= 4 && word[0] == 'و') splitPoints.Add(1);
        }
    }

    private sealed class BrokenSegmenter : ICliticSegmenter
    {
        public void Segment(ReadOnlySpan<char> word, List<int> splitPoints) => splitPoints.Add(word.Length);
    }
}
