using Rasid.Core;
using Rasid.Nlp.Events;
using static Rasid.Nlp.Tests.Events.EventTestSupport;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// Role rules of session 10: auxiliary verbs govern nothing, gender agreement of a feminine verb with a counted group after it,
/// coordinated casualty verbs (قتل وجرح), a place noun in construct (طلاب جامعة بغداد), a definite adjective before في, a
/// consequence verb before a nominal attack, a passive agent, and the data lines of agents_extra.tsv v5 / nationalities.tsv v2.
/// </summary>
public sealed class AgreementRoleTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    [Fact]
    public void Data_files_are_the_session_10_versions()
    {
        Assert.Contains("agents_extra.tsv@6", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.Contains("nationalities.tsv@3", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.Contains("role_cues.tsv@10", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.Contains("role_words.tsv@3", EventKnowledge.Default.Versions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_after_the_auxiliary_wakanat_is_not_governed_by_a_clitic_kaf()
    {
        const string text = "وكانت حركة طالبان قد خطفت 23 من الكوريين الجنوبيين في يوليو الماضي.";
        var doc = Code(text, EventTestSupport.Entity(text, "حركة طالبان", "ORG", "IMGREB"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "خطفت");
        Assert.Equal("IMGREB", e.Source?.Actor);
        Assert.Equal(At(text, "حركة"), e.Source?.Start);
        Assert.Equal("KOR", e.Target?.Actor);
        Assert.Equal(At(text, "23"), e.Target?.Start);
    }

    [Fact]
    public void A_feminine_verb_takes_the_counted_masculine_group_after_it_as_its_object()
    {
        const string text = "وقال اللواء في مؤتمر صحافي: «مديريات عموم العراق خلال الاسبوع الماضي قتلت 47 ارهابياً، وضبطت كميات كبيرة من الاسلحة».";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتلت");
        Assert.NotEqual(At(text, "47"), e.Source?.Start);
        Assert.Equal("---UAF", e.Target?.Actor);
        Assert.Equal(At(text, "47"), e.Target?.Start);
        Assert.Equal(At(text, "ارهابياً") + "ارهابياً".Length, e.Target?.End);
    }

    [Fact]
    public void A_masculine_verb_keeps_the_counted_attackers_after_it_as_its_subject()
    {
        const string text = "فجر 3 انتحاريين أنفسهم في الدار البيضاء.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "فجر");
        Assert.Equal(At(text, "3"), e.Source?.Start);
        Assert.NotEqual(At(text, "3"), e.Target?.Start);
    }

    [Fact]
    public void A_coordinated_casualty_verb_keeps_the_passive_reading_of_the_bare_perfect()
    {
        const string text = "قتل وجرح سبعة عشر سائحا اسبانيا في هجوم انتحاري في معبد بلقيس بمأرب شرق اليمن امس.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("ESPCVL", e.Target?.Actor);
        Assert.Equal(At(text, "سائحا") + "سائحا اسبانيا".Length, e.Target?.End);
        Assert.NotEqual("ESPCVL", e.Source?.Actor);
    }

    [Fact]
    public void A_count_after_a_second_verb_with_its_own_object_is_not_the_first_verbs_target()
    {
        const string text = "قتل وزير الداخلية وجرح ثلاثة من حراسه في انفجار.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.NotEqual(At(text, "ثلاثة"), e.Target?.Start);
        Assert.True(e.Source?.Start == At(text, "وزير") || e.Target?.Start == At(text, "وزير"));
    }

    [Fact]
    public void A_place_noun_in_construct_gives_the_participant_its_country()
    {
        const string text = "قتل 12 شخصا في هجوم انتحاري بسيارة مفخخة استهدفت مقصفا يقصده طلاب جامعة بغداد في منطقة الجادرية.";
        var doc = Code(text, EventTestSupport.Entity(text, "بغداد", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "هجوم");
        Assert.Equal("IRQEDU", e.Target?.Actor);
        Assert.Equal(At(text, "طلاب"), e.Target?.Start);
    }

    [Fact]
    public void A_place_noun_with_the_article_or_without_a_place_after_it_gives_no_country()
    {
        const string text = "انفجرت قنبلة استهدفت طلاب الجامعة في المدينة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجرت");
        Assert.Equal("---EDU", e.Target?.Actor);
    }

    [Fact]
    public void A_definite_adjective_between_the_participant_and_fi_keeps_the_place_country()
    {
        const string text = "أعلنت مصادر امنية مقتل ستة اشخاص في انفجار سيارة مفخخة استهدف امس الزوار الشيعة في بغداد.";
        var doc = Code(text, EventTestSupport.Entity(text, "بغداد", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "انفجار");
        Assert.Equal("IRQCVL", e.Target?.Actor);
        Assert.Equal(At(text, "الزوار"), e.Target?.Start);
    }

    [Fact]
    public void A_nationality_adjective_before_fi_wins_over_the_place_country()
    {
        const string text = "قتل خمسة اشخاص في انفجار سيارة مفخخة استهدف الزوار الايرانيين في بغداد.";
        var doc = Code(text, EventTestSupport.Entity(text, "بغداد", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "انفجار");
        Assert.Equal("IRNCVL", e.Target?.Actor);
    }

    [Fact]
    public void A_consequence_verb_before_a_nominal_attack_gives_the_casualties_after_it_as_target()
    {
        const string text = "وفي تكريت، أسفر انفجار سيارة ملغومة في وسط المدينة، عن إصابة عشرة بينهم ثلاثة من رجال الشرطة.";
        var doc = Code(text, EventTestSupport.Entity(text, "تكريت", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "انفجار");
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.Equal(At(text, "ثلاثة"), e.Target?.Start);
    }

    [Fact]
    public void Without_a_consequence_verb_the_casualties_of_a_later_clause_are_not_the_target()
    {
        const string text = "وقع انفجار سيارة ملغومة في وسط المدينة، قبل إصابة ثلاثة من رجال الشرطة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجار");
        Assert.NotEqual(At(text, "ثلاثة"), e.Target?.Start);
    }

    [Fact]
    public void With_a_passive_agent_the_subject_before_the_verb_is_its_patient()
    {
        const string text = "وقال مسؤول إن صحافيا اختطف على يد مسلحين مجهولين.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "اختطف");
        Assert.Equal(At(text, "مسلحين"), e.Source?.Start);
        Assert.Equal(At(text, "صحافيا"), e.Target?.Start);
    }

    [Fact]
    public void An_attacker_after_an_and_split_into_two_mentions_is_the_subject_not_the_company_after_the_verb()
    {
        const string text = "وأفاد مسؤولون بأن مهاجما انتحاريا فجر نفسه خارج مكتب شركة اميركية للأمن.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "فجر");
        Assert.Equal("---UAF", e.Source?.Actor);
        Assert.Equal("USABUS", e.Target?.Actor);
    }

    [Fact]
    public void A_deputy_mayor_is_government_not_a_member_of_parliament()
    {
        const string text = "ففي نابلس قام مسلحون مقنعون بخطف نائب رئيس البلدية من سيارته.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "بخطف");
        Assert.Equal("---GOV", e.Target?.Actor);
        Assert.Equal(At(text, "نائب"), e.Target?.Start);

        const string mp = "ففي نابلس قام مسلحون مقنعون بخطف نائب من سيارته.";
        var other = Assert.Single(Code(mp).Events, e => e.Trigger.Text == "بخطف");
        Assert.Equal("---LEG", other.Target?.Actor);
    }

    [Fact]
    public void A_ruling_coalition_is_coded_as_parties()
    {
        const string text = "احتشد الآلاف من المتظاهرين قبالة البرلمان للمطالبة باستقالة الائتلاف الحاكم.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "احتشد");
        Assert.Equal("---PTY", e.Target?.Actor);
        Assert.Equal(At(text, "الائتلاف"), e.Target?.Start);
    }

    [Fact]
    public void The_broken_plural_akrad_names_the_kurds()
    {
        const string text = "قصفت طائرات تركية مجموعة من المتمردين الاكراد في الجبال.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قصفت");
        Assert.Equal("KURREB", e.Target?.Actor);
    }

    [Fact]
    public void A_bare_nationality_noun_after_a_bare_perfect_is_the_patient()
    {
        const string text = "من ناحية ثانية، قتل عراقيان في ثاني تفجير لصهريج مفخخ.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("IRQ", e.Target?.Actor);
        Assert.Equal(At(text, "عراقيان"), e.Target?.Start);
        Assert.Null(e.Source);
    }

    [Fact]
    public void A_nationality_noun_after_an_attack_verb_that_is_no_casualty_verb_stays_its_subject()
    {
        const string text = "هاجم فلسطينيون مستوطنة قرب نابلس.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "هاجم");
        Assert.Equal("PSE", e.Source?.Actor);
        Assert.Equal(At(text, "فلسطينيون"), e.Source?.Start);
    }

    [Fact]
    public void An_owned_checkpoint_after_a_targeting_verb_is_the_target_with_the_owner_code()
    {
        const string text = "وقال مصدر أمني إن شرطيا قتل بانفجار سيارة مفخخة استهدفت نقطة تفتيش تابعة للشرطة في قرية الندة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.Equal(At(text, "تفتيش"), e.Target?.Start);
    }

    [Fact]
    public void A_checkpoint_without_an_owner_is_no_participant()
    {
        const string text = "انفجرت سيارة مفخخة عند نقطة تفتيش في المدينة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجرت");
        Assert.NotEqual(At(text, "نقطة"), e.Target?.Start);
        Assert.NotEqual(At(text, "تفتيش"), e.Target?.Start);
    }

    [Fact]
    public void An_indefinite_adjective_and_a_nationality_after_a_place_noun_give_the_place_country()
    {
        const string text = "ذكرت تقارير امس أن المتشددين اختطفوا سبعة جنود آخرين في المنطقة القبلية الباكستانية المضطربة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "اختطفوا");
        Assert.Equal("PAKMIL", e.Target?.Actor);
        Assert.Equal(At(text, "سبعة"), e.Target?.Start);
    }

    [Fact]
    public void A_nationality_after_fi_without_a_place_noun_gives_no_place_country()
    {
        const string text = "اختطف مسلحون سبعة جنود آخرين في الهجمات الباكستانية.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "اختطف");
        Assert.Equal("---MIL", e.Target?.Actor);
    }

    [Fact]
    public void The_people_gathering_are_the_protest_source_not_the_trigger_word()
    {
        const string text = "حيث تجمهر الناس في الشارع الرئيسي مطلقين الشعارات.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "تجمهر");
        Assert.Equal("---CVL", e.Source?.Actor);
        Assert.Equal(At(text, "الناس"), e.Source?.Start);
    }
}
