using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class NormalizerTests
{
    private static string Search(string s) => Normalizer.Search.Normalize(s).Text;

    private static string Display(string s) => Normalizer.Display.Normalize(s).Text;

    private static string Only(NormalizationSteps step, string s) => new Normalizer(step).Normalize(s).Text;

    [Fact]
    public void Normalizer_removes_tatweel() => Assert.Equal("محمد", Only(NormalizationSteps.RemoveTatweel, "مـحـمـد"));

    [Fact]
    public void Normalizer_removes_harakat_shadda_sukun_and_tanween() =>
        Assert.Equal("محمد رسول الله", Only(NormalizationSteps.RemoveDiacritics, "مُحَمَّدٌ رَسُولُ اللهِ"));

    [Fact]
    public void Normalizer_removes_superscript_alef_and_quranic_marks() =>
        Assert.Equal("الرحمن ذلك", Only(NormalizationSteps.RemoveDiacritics, "الرَّحْمٰنِ ذٰلِكَ\u06DA"));

    [Fact]
    public void Normalizer_keeps_the_end_of_ayah_sign_when_removing_diacritics() =>
        Assert.Equal("\u06DD", Only(NormalizationSteps.RemoveDiacritics, "\u06DD"));

    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إسلام", "اسلام")]
    [InlineData("آمال", "امال")]
    [InlineData("ٱلله", "الله")]
    public void Normalizer_maps_alef_variants_to_bare_alef(string input, string expected) =>
        Assert.Equal(expected, Only(NormalizationSteps.UnifyAlef, input));

    [Fact]
    public void Normalizer_maps_alef_maqsura_to_ya() => Assert.Equal("مصطفي علي", Only(NormalizationSteps.AlefMaqsura, "مصطفى على"));

    [Fact]
    public void Normalizer_maps_ta_marbuta_to_ha() => Assert.Equal("مدرسه", Only(NormalizationSteps.TaMarbuta, "مدرسة"));

    [Fact]
    public void Normalizer_maps_hamza_on_waw_and_ya_to_the_bare_carrier() =>
        Assert.Equal("مسوول رييس", Only(NormalizationSteps.HamzaCarriers, "مسؤول رئيس"));

    [Fact]
    public void Normalizer_keeps_hamza_on_the_line() => Assert.Equal("شيء", Search("شيء"));

    [Fact]
    public void Normalizer_maps_arabic_indic_digits_to_ascii() => Assert.Equal("2015", Only(NormalizationSteps.AsciiDigits, "٢٠١٥"));

    [Fact]
    public void Normalizer_maps_eastern_arabic_indic_digits_to_ascii() => Assert.Equal("1394", Only(NormalizationSteps.AsciiDigits, "۱۳۹۴"));

    [Fact]
    public void Normalizer_keeps_arabic_punctuation_and_separators() => Assert.Equal("3٫5، لماذا؟ نعم؛", Search("٣٫٥، لماذا؟ نعم؛"));

    [Fact]
    public void Normalizer_expands_the_lam_alef_ligature_to_two_letters()
    {
        var n = new Normalizer(NormalizationSteps.PresentationForms).Normalize("\uFEFB");
        Assert.Equal("لا", n.Text);
        Assert.Equal(new TextRange(0, 1), n.ToOriginal(new TextRange(0, 2)));
    }

    [Fact]
    public void Normalizer_maps_lam_alef_with_hamza_ligature_and_then_unifies_the_alef() => Assert.Equal("لا", Search("\uFEF7"));

    [Fact]
    public void Normalizer_maps_contextual_presentation_forms_to_base_letters() =>
        Assert.Equal("بسم", Only(NormalizationSteps.PresentationForms, "\uFE91\uFEB4\uFEE2"));

    [Fact]
    public void Normalizer_maps_the_allah_ligature_to_four_letters() => Assert.Equal("الله", Only(NormalizationSteps.PresentationForms, "\uFDF2"));

    [Fact]
    public void Normalizer_removes_zero_width_and_bidi_controls() =>
        Assert.Equal("غزة اليوم", Only(NormalizationSteps.RemoveControls, "\u202Bغ\u200Cزة\u200F\u00A0اليوم\u202C\uFEFF".Replace('\u00A0', ' ')));

    [Fact]
    public void Normalizer_keeps_line_breaks_and_tabs_when_removing_controls() =>
        Assert.Equal("أ\tب\r\nج", Only(NormalizationSteps.RemoveControls, "أ\tب\r\nج\0"));

    [Fact]
    public void Normalizer_fixes_alef_with_tanween_kasra_typed_for_hamza_below() =>
        Assert.Equal("الإرهاب", Only(NormalizationSteps.FixSequences, "الاٍرهاب"));

    [Fact]
    public void Normalizer_search_profile_turns_the_odd_alef_sequence_into_bare_alef() => Assert.Equal("الارهاب", Search("الاٍرهاب"));

    [Theory]
    [InlineData("ا\u0654حمد", "أحمد")]
    [InlineData("ا\u0655سلام", "إسلام")]
    [InlineData("ا\u0653مال", "آمال")]
    [InlineData("مو\u0654تمر", "مؤتمر")]
    [InlineData("ري\u0654يس", "رئيس")]
    public void Normalizer_composes_letters_written_with_combining_hamza_or_madda(string input, string expected) =>
        Assert.Equal(expected, Only(NormalizationSteps.FixSequences, input));

    [Fact]
    public void Normalizer_does_not_compose_alef_with_a_kasra_that_is_not_tanween() => Assert.Equal("اِ", Only(NormalizationSteps.FixSequences, "اِ"));

    [Fact]
    public void Display_profile_keeps_letters_and_diacritics() => Assert.Equal("أَعلنَ مسؤولٌ في مدرسةٍ على ٣ قرى", Display("أَعـلنَ مسؤولٌ في مدرسةٍ على ٣ قرى"));

    [Fact]
    public void Display_profile_removes_tatweel_and_controls_only() => Assert.Equal("الرئيس", Display("الـرئـيس\u200F"));

    [Fact]
    public void Display_profile_with_digits_maps_digits_only_when_asked() =>
        Assert.Equal("عام 2015", Normalizer.Display.With(NormalizationSteps.AsciiDigits).Normalize("عام ٢٠١٥").Text);

    [Fact]
    public void Search_profile_runs_every_step_together() => Assert.Equal("اعلن الرييس المصري في مدرسه علي 3 قري", Search("أَعْلَنَ الرَّئِيسُ المِصْرِيُّ في مَدْرَسَةٍ على ٣ قُرى"));

    [Fact]
    public void Normalizer_leaves_latin_text_digits_and_emoji_unchanged()
    {
        const string text = "Reuters 2015 café 👍 e-mail@x.org";
        Assert.Equal(text, Search(text));
    }

    [Fact]
    public void Normalizer_leaves_already_normalized_arabic_unchanged()
    {
        const string text = "اعلن الريس في مدرسه";
        Assert.Equal(text, Search(text));
    }

    [Fact]
    public void Normalizer_with_no_step_copies_the_text() => Assert.Equal("أَعـلنَ\u200F ٣", new Normalizer(NormalizationSteps.None).Normalize("أَعـلنَ\u200F ٣").Text);

    [Fact]
    public void Removed_diacritics_stay_inside_the_range_of_their_word()
    {
        const string text = "كَتَبَ الوَلَدُ";
        var n = Normalizer.Search.Normalize(text);
        Assert.Equal("كتب الولد", n.Text);
        Assert.Equal(TextRange.FromBounds(0, 6), n.ToOriginal(new TextRange(0, 3)));
        Assert.Equal(TextRange.FromBounds(7, 15), n.ToOriginal(new TextRange(4, 5)));
    }

    [Fact]
    public void Removed_controls_do_not_belong_to_the_neighbouring_word()
    {
        const string text = "\u200Fغزة\u200F اليوم";
        var n = Normalizer.Search.Normalize(text);
        Assert.Equal("غزه اليوم", n.Text);
        Assert.Equal(TextRange.FromBounds(1, 4), n.ToOriginal(new TextRange(0, 3)));
    }

    [Fact]
    public void A_fixed_sequence_maps_back_to_both_original_characters()
    {
        var n = Normalizer.Search.Normalize("الاٍرهاب");
        Assert.Equal("الارهاب", n.Text);
        Assert.Equal(TextRange.FromBounds(2, 4), n.ToOriginal(new TextRange(2, 1)));
        Assert.Equal(new TextRange(0, 8), n.ToOriginal(new TextRange(0, 7)));
    }

    [Fact]
    public void Original_ranges_map_to_the_normalized_characters_they_produced()
    {
        var n = Normalizer.Search.Normalize("قالَ \u200Fالرئيسُ");
        Assert.Equal("قال الرييس", n.Text);
        Assert.Equal(new TextRange(4, 6), n.FromOriginal(TextRange.FromBounds(6, 13)));
        Assert.Equal(new TextRange(4, 0), n.FromOriginal(new TextRange(5, 1)));
    }

    [Fact]
    public void Normalizing_a_range_maps_into_the_whole_text()
    {
        const string text = "قال الرَّئيس";
        var n = Normalizer.Search.Normalize(text, TextRange.FromBounds(4, text.Length));
        Assert.Equal("الرييس", n.Text);
        Assert.Equal(TextRange.FromBounds(4, text.Length), n.ToOriginal(new TextRange(0, 6)));
        Assert.Equal("الرَّئيس", n.ToOriginal(new TextRange(0, 6)).Slice(text));
    }

    [Fact]
    public void Span_overload_writes_into_the_callers_buffers_and_reports_a_short_buffer()
    {
        Span<char> chars = stackalloc char[8];
        Span<int> starts = stackalloc int[8];
        Span<int> ends = stackalloc int[8];
        var n = Normalizer.Search.Normalize("أَحْمَد", chars, starts, ends);
        Assert.Equal("احمد", chars[..n].ToString());
        Assert.Equal([0, 2, 4, 6], starts[..n].ToArray());
        Assert.Equal([2, 4, 6, 7], ends[..n].ToArray());
        Assert.Equal(-1, Normalizer.Search.Normalize("\uFDFA", chars));
    }

    [Fact]
    public void Offset_maps_compose_across_two_normalizations()
    {
        const string text = "\uFEFBـبُدَّ";
        var first = new Normalizer(NormalizationSteps.PresentationForms).Normalize(text);
        var second = new Normalizer(NormalizationSteps.RemoveDiacritics | NormalizationSteps.RemoveTatweel).Normalize(first.Text);
        var composed = first.Map.Then(second.Map);
        Assert.Equal("لابد", second.Text);
        Assert.Equal(Normalizer.Search.Normalize(text).Text, second.Text);
        Assert.Equal(new TextRange(0, 1), composed.ToOriginal(new TextRange(0, 1)));
        Assert.Equal(new TextRange(0, 2), composed.ToOriginal(new TextRange(0, 2))); // the tatweel is attached to the ligature's alef
        Assert.Equal(TextRange.FromBounds(4, text.Length), composed.ToOriginal(new TextRange(3, 1)));
        Assert.Equal(TextRange.FromBounds(2, text.Length), composed.ToOriginal(new TextRange(2, 2)));
    }

    [Fact]
    public void Profiles_have_names_and_versioned_ids()
    {
        Assert.StartsWith("normalizer.search/", Normalizer.Search.Id, StringComparison.Ordinal);
        Assert.StartsWith("normalizer.display/", Normalizer.Display.Id, StringComparison.Ordinal);
        Assert.Equal(NormalizationSteps.All & ~NormalizationSteps.TaMarbuta, Normalizer.Search.Without(NormalizationSteps.TaMarbuta).Steps);
    }
}

public sealed class NormalizerDocumentationExampleTests
{
    [Fact]
    public void The_documented_example_maps_the_vocalized_word_back_and_forth()
    {
        var n = Normalizer.Search.Normalize("أعلنَ الرئيسُ");
        Assert.Equal("اعلن الرييس", n.Text);
        Assert.Equal(TextRange.FromBounds(6, 13), n.ToOriginal(new TextRange(5, 6)));
        Assert.Equal(TextRange.FromBounds(5, 11), n.FromOriginal(TextRange.FromBounds(6, 13)));
    }
}
