using Rasid.Core;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// Attacked objects of session 9b: patrols and motorcades (role_words.tsv v2), an owned object standing for its owner
/// (موكبه → the official), and the country of a place after في for a phrase Rasid built (قاعدة للشرطة في مدينة بعقوبة → IRQ).
/// </summary>
public sealed class AttackedObjectTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    [Fact]
    public void Role_words_are_version_3()
    {
        Assert.Contains("role_words.tsv@3", EventKnowledge.Default.Versions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patrol_passing_when_a_bomb_explodes_is_the_target_and_not_the_source()
    {
        const string text = "انفجرت عبوة لدى مرور دورية تقدم عناصرها لرفعها.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجرت");
        Assert.Null(e.Source);
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.Equal(text.IndexOf("دورية", StringComparison.Ordinal), e.Target?.Start);
        Assert.Equal(text.IndexOf("دورية", StringComparison.Ordinal) + "دورية".Length, e.Target?.End);
    }

    [Fact]
    public void A_patrol_with_its_owner_takes_the_owner_code_not_the_patrol_role()
    {
        const string text = "انفجرت عبوة ناسفة لدى مرور دورية للجيش الأميركي.";
        var doc = Code(text, EventTestSupport.Entity(text, "جيش الأميركي", "ORG", "USAMIL"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "انفجرت");
        Assert.Equal("USAMIL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("دورية", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void An_object_with_a_possessive_pronoun_stands_for_its_owner_not_for_a_place_before_it()
    {
        const string text = "نجا قائد شرطة النجدة في بغداد، أمس، من محاولة اغتيال اثر تعرض موكبه لانفجار سيارة مفخخة.";
        var doc = Code(text, EventTestSupport.Entity(text, "بغداد", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "اغتيال");
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.Equal(text.IndexOf("شرطة", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_motorcade_after_a_targeting_verb_is_never_its_subject()
    {
        const string text = "جرح وزير الدفاع الياس المر في تفجير سيارة مفخخة استهدفت موكبه.";
        var doc = Code(text, EventTestSupport.Entity(text, "الياس المر", "PER", "LBNGOV"));
        var aimed = Assert.Single(doc.Events, e => e.Trigger.Text == "استهدفت");
        Assert.Null(aimed.Source);
        var blast = Assert.Single(doc.Events, e => e.Trigger.Text == "تفجير");
        Assert.Equal("LBNGOV", blast.Target?.Actor);
        Assert.Equal(text.IndexOf("الياس", StringComparison.Ordinal), blast.Target?.Start);
    }

    [Fact]
    public void A_target_phrase_takes_the_country_of_a_city_after_fi_and_a_locative_noun()
    {
        const string text = "هجوم انتحاري بدراجة ملغومة استهدف قاعدة للشرطة في مدينة بعقوبة.";
        var doc = Code(text, EventTestSupport.Entity(text, "بعقوبة", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "هجوم");
        Assert.Equal("IRQCOP", e.Target?.Actor);
        Assert.Equal(text.IndexOf("قاعدة", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_phrase_before_fi_and_a_word_that_is_no_place_entity_keeps_no_country()
    {
        // المدينة is not a place entity: the victims keep no country.
        const string text = "قتل مسلحون ثلاثة مدنيين في المدينة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("---CVL", e.Target?.Actor);

    }

    [Fact]
    public void A_named_entity_before_fi_keeps_its_own_country()
    {
        const string text = "اغتال مسلحون الصحفي البريطاني جون سميث في بغداد.";
        var doc = Code(text, EventTestSupport.Entity(text, "جون سميث", "PER", "GBRMED"), EventTestSupport.Entity(text, "بغداد", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "اغتال");
        Assert.StartsWith("GBR", e.Target?.Actor, StringComparison.Ordinal);
    }
}

/// <summary>The Revolutionary Guard row of actors.tsv v2 (IRNMIL), through the whole default pipeline.</summary>
public sealed class RevolutionaryGuardTests
{
    private static readonly RasidPipeline Rasid = RasidPipeline.CreateDefault();

    [Fact]
    public void A_bus_carrying_members_of_the_revolutionary_guard_is_an_iranian_military_target()
    {
        const string text = "وقبل يومين، انفجرت سيارة مفخخة لدى مرور حافلة تقل عناصر من الحرس الثوري، موقعة 11 قتيلا و31 جريحا.";
        var doc = Rasid.Analyze(text, new ArticleInfo { Published = new DateOnly(2009, 2, 16) });
        var guard = Assert.Single(doc.Entities, e => e.Text == "الحرس الثوري");
        Assert.Equal("IRNMIL", guard.Actor);
        Assert.Equal(text.IndexOf("الحرس", StringComparison.Ordinal), guard.Start);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "انفجرت");
        Assert.Equal("IRNMIL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("حافلة", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void The_national_guard_is_not_the_revolutionary_guard()
    {
        const string text = "وقال متحدث باسم الحرس الوطني إن الهجوم وقع امس.";
        var doc = Rasid.Analyze(text, new ArticleInfo { Published = new DateOnly(2009, 2, 16) });
        Assert.DoesNotContain(doc.Entities, e => e.Actor == "IRNMIL");
    }
}

/// <summary>The place-or-thing fallback target of an attack reaches sixteen words into the trigger's clause.</summary>
public sealed class DistantObjectTargetTests
{
    private static Document Code(string text) => EventTestSupport.CodeWithRules(text, new DateOnly(2007, 5, 10));

    [Fact]
    public void A_hospital_fourteen_words_after_a_blast_in_its_clause_is_the_target()
    {
        const string text = "كما أدى انفجار سيارة مفخخة متوقفة على جانب الطريق في شارع الصناعة (وسط بغداد) على مقربة من مستشفى للاطفال، الى مقتل ثمانية اشخاص.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجار");
        Assert.Equal("---HLH", e.Target?.Actor);
        Assert.Equal(text.IndexOf("مستشفى", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_hospital_after_a_sentence_break_is_not_the_target()
    {
        const string text = "انفجرت سيارة مفخخة على جانب الطريق. ونقل الجرحى الى مستشفى قريب.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجرت");
        Assert.Null(e.Target);
    }
}

/// <summary>An object joined with its owner (حافلة مملوكة للحرس الثوري) is attacked, it never acts; a place is no owner.</summary>
public sealed class OwnedObjectRoleTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2009, 2, 16), entities);

    [Fact]
    public void A_bus_owned_by_the_guard_after_the_verb_is_its_target_not_its_subject()
    {
        const string text = "وقالت الوكالة إن سيارة مفخخة فجرت حافلة مملوكة للحرس الثوري.";
        var doc = Code(text, EventTestSupport.Entity(text, "حرس الثوري", "ORG", "IRNMIL"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "فجرت");
        Assert.Null(e.Source);
        Assert.Equal("IRNMIL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("حافلة", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_city_after_a_bus_and_min_is_where_it_comes_from_not_its_owner()
    {
        const string text = "خطفت الحركة 23 من الكوريين بينما كانوا يسافرون على متن حافلة من كابل الى قندهار.";
        var doc = Code(text, EventTestSupport.Entity(text, "كابل", "LOC", "AFG"), EventTestSupport.Entity(text, "قندهار", "LOC", "AFG"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "خطفت");
        Assert.NotEqual(text.IndexOf("حافلة", StringComparison.Ordinal), e.Target?.Start);
        Assert.NotEqual("AFG", e.Target?.Actor);
    }
}
