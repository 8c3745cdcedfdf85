using Rasid.Core;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// Targets of protests (role_cues.tsv v6 class <c>protest_target</c>): what a protest is against or addresses, as the GSR
/// spans gold codes it; and role fixes of session 9 (possessive antecedents, agentive verbs before an attack noun).
/// </summary>
public sealed class ProtestRoleTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    [Fact]
    public void The_name_after_ihtijajan_ala_and_a_noun_is_the_target_of_the_protest()
    {
        const string text = "وتظاهر نحو مائتي شخص أمام مقر النقابة احتجاجا على زيارة بوش للبلاد.";
        var doc = Code(text, EventTestSupport.Entity(text, "بوش", "PER", "USAGOV"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "وتظاهر");
        Assert.Equal("USAGOV", e.Target?.Actor);
        Assert.Equal(text.IndexOf("بوش", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void The_addressee_of_mutalibin_is_the_target_of_the_gathering()
    {
        const string text = "وتجمع المتظاهرون أمام المبنى القديم للمحافظة مطالبين الحكومة المحلية بالمضي في اتخاذ القرارات.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "PROTEST" && e.Trigger.Text == "وتجمع");
        Assert.Equal("---CVL", e.Source?.Actor);
        Assert.EndsWith("GOV", e.Target?.Actor);
        Assert.Equal(text.IndexOf("الحكومة", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void The_name_after_didd_is_the_target_of_a_protest_noun()
    {
        const string text = "5 آلاف متظاهر ضد الناتو في بيشاور.";
        var doc = Code(text, EventTestSupport.Entity(text, "الناتو", "ORG", "IGONAT"), EventTestSupport.Entity(text, "بيشاور", "LOC", "PAK"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("IGONAT", e.Target?.Actor);
    }

    [Fact]
    public void A_place_after_the_cue_under_fi_is_not_the_target_and_a_protest_without_a_cue_has_none()
    {
        const string text = "تظاهر الآلاف في بغداد امس مطالبين في ساحة التحرير بالاصلاح.";
        var doc = Code(text, EventTestSupport.Entity(text, "بغداد", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Null(e.Target);
    }

    [Fact]
    public void A_definite_noun_in_ta_marbuta_is_not_a_possessive_and_keeps_its_own_code()
    {
        // الحكومة folds to الحكومه like a noun with the pronoun ه; it must not stand for the earlier IRQ mention.
        const string text = "وفي الديوانية تجمع المتظاهرون مطالبين الحكومة بالمضي في القرارات.";
        var doc = Code(text, EventTestSupport.Entity(text, "الديوانية", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("---GOV", e.Target?.Actor);
    }

    [Fact]
    public void The_subject_of_an_agentive_verb_before_an_attack_noun_is_its_source()
    {
        const string text = "ونفذ الجيش الباكستاني ضربة جوية على مجمعات يستخدمها متشددون.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text.StartsWith("ضرب", StringComparison.Ordinal));
        Assert.Equal("PAKMIL", e.Source?.Actor);
        Assert.Equal(text.IndexOf("الجيش", StringComparison.Ordinal), e.Source?.Start);
    }

    [Fact]
    public void A_nationality_adjective_after_a_passive_agentive_verb_and_its_noun_is_the_source_not_the_target()
    {
        const string text = "وقال مسؤولون انه تم شن ضربة جوية أميركية على مناطق بشمال غرب باكستان.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text.StartsWith("ضرب", StringComparison.Ordinal));
        Assert.Equal("USA", e.Source?.Actor);
        Assert.NotEqual("USA", e.Target?.Actor);
    }

    [Fact]
    public void An_adverbial_ihtijajan_takes_the_protesters_of_the_previous_protest_not_the_subject_of_a_support_verb()
    {
        const string text = "كما خرج مساء امس مئات من المتظاهرين تدعمهم الأحزاب المعارضة احتجاجا على تعامل الحكومة مع الحرائق.";
        var doc = Code(text);
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST" && e.Mentions!.Any(m => m.Trigger.Text == "احتجاجا"));
        Assert.Equal("---CVL", e.Source?.Actor);
        Assert.Equal("---GOV", e.Target?.Actor);
    }

    [Fact]
    public void A_protest_noun_after_a_plural_verb_takes_the_protesters_of_the_clause_before()
    {
        const string text = "وأضرم المتظاهرون النار في اطارات مطاطية، ورددوا هتافات تطالب بانهاء الحصار.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "PROTEST" && e.Mentions!.Any(m => m.Trigger.Text == "هتافات"));
        Assert.Equal("---CVL", e.Source?.Actor);
        Assert.Equal(text.IndexOf("المتظاهرون", StringComparison.Ordinal), e.Source?.Start);
    }

    [Fact]
    public void A_sound_plural_protest_noun_has_no_genitive_and_is_its_own_source()
    {
        const string text = "ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "PROTEST" && e.Trigger.Text == "ورشق"); // the verb of المتظاهرين (session 12)
        Assert.Equal("---CVL", e.Source?.Actor);
        Assert.Equal("---COP", e.Target?.Actor); // agents_extra.tsv v4: riot police
        Assert.Equal(text.IndexOf("قوات", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void What_an_attack_was_aimed_at_is_its_target_over_the_casualties_of_a_passive()
    {
        const string text = "قتل 12 شخصا في هجوم انتحاري استهدف دورية للجيش الأميركي في بعقوبة.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "قتل");
        Assert.StartsWith("USA", e.Target?.Actor, StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("دورية", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void An_active_verb_keeps_its_own_object_when_a_targeting_verb_follows()
    {
        const string text = "وقتل مفجر انتحاري 42 مجندا في هجوم استهدف مدرسة عسكرية.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "وقتل");
        Assert.Equal("---MIL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("42", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_single_common_noun_takes_no_country_from_the_gazetteer()
    {
        // الزوار is a role word (CVL), not the Libyan town Zuwara.
        const string text = "وأعلنت مصادر مقتل ستة اشخاص في انفجار سيارة مفخخة استهدف امس الزوار الشيعة.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "مقتل");
        Assert.Equal("---CVL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("الزوار", StringComparison.Ordinal), e.Target?.Start);
    }
}
