using Rasid.Core;
using Rasid.Nlp.Events;
using static Rasid.Nlp.Tests.Events.EventTestSupport;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// ASSAULT role rules of session 11 (branch s11-roles11): a light verb far from the masdar it governs (قام ... بقتل), a member
/// of a named organisation (ناشطا في كتائب الاقصى), a partitive group under a target preposition (على مجموعة من عناصر ...),
/// the casualties of an attack on a named target, a bare perfect casualty verb without object (مقاتلا قتل بعدما), an imperfect
/// agentive verb (يشن غارة), a distant consequence clause (مما أدى الى إصابة), with sentences of the GSR span file and cases that must not fire.
/// </summary>
public sealed class AttackRoleTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2007, 7, 10), entities);

    [Fact]
    public void A_light_verb_four_words_before_its_masdar_gives_the_counted_soldiers_between_them_as_source()
    {
        const string text = "وبحسب التقرير، قام عدد من جنود «المارينز» بقتل المدنيين بعدما فجرت عبوة ناسفة إحدى مركباتهم.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "بقتل");
        Assert.Equal("---MIL", e.Source?.Actor);
        Assert.Equal(At(text, "عدد"), e.Source?.Start);
        Assert.Equal(At(text, "جنود") + "جنود".Length, e.Source?.End);
        Assert.Equal(At(text, "المدنيين"), e.Target?.Start);
    }

    [Fact]
    public void A_light_verb_across_an_apposition_with_a_comma_gives_its_subject_as_source()
    {
        const string text = "ووصفت طفلة كيف قام عشرة جنود باكستانيين، من قوة حفظ سلام تابعة للأمم المتحدة باغتصابها في حقل بالقرب من منزلها.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "باغتصابها");
        Assert.Equal("PAKMIL", e.Source?.Actor);
        Assert.Equal(At(text, "عشرة"), e.Source?.Start);
        Assert.Equal(At(text, "باكستانيين") + "باكستانيين".Length, e.Source?.End);
    }

    [Fact]
    public void A_masdar_not_governed_by_a_preposition_takes_no_distant_light_verb_subject()
    {
        const string text = "وقامت الشرطة في المدينة امس بفتح الطريق ثم اعلنت مقتل ثلاثة اشخاص.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "مقتل");
        Assert.NotEqual(At(text, "الشرطة"), e.Source?.Start);
    }

    [Fact]
    public void A_verb_trigger_between_the_light_verb_and_the_masdar_blocks_it()
    {
        const string text = "وقام الجيش في المنطقة امس وقتل مسلحين قبل ان تنتهي العملية بخطف جنديين.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "بخطف");
        Assert.NotEqual(At(text, "الجيش"), e.Source?.Start);
    }

    [Fact]
    public void A_member_of_a_named_organisation_takes_the_organisations_code()
    {
        const string text = "قالت مصادر فلسطينية إن وحدة اسرائيلية خاصة اغتالت امس ناشطاً في كتائب الاقصى من بلدة قباطية.";
        var doc = Code(text, EventTestSupport.Entity(text, "كتائب الاقصى", "ORG", "PSEREB"), EventTestSupport.Entity(text, "قباطية", "LOC", null));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "اغتالت");
        Assert.Equal("PSEREB", e.Target?.Actor);
        Assert.Equal(At(text, "ناشطاً"), e.Target?.Start);
        Assert.Equal(At(text, "ناشطاً") + "ناشطاً".Length, e.Target?.End);
    }

    [Fact]
    public void A_place_after_fi_is_no_organisation_of_the_participant()
    {
        const string text = "قتل الجيش ثلاثة مسلحين في مدينة غزة امس.";
        var doc = Code(text, EventTestSupport.Entity(text, "غزة", "LOC", "PSE"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "قتل");
        Assert.NotEqual("PSE", e.Target?.Actor);
        Assert.EndsWith("UAF", e.Target?.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partitive_group_after_ala_is_the_target_of_a_rocket_launch()
    {
        const string text = "وذكرت مصادر فلسطينية أن طائرة بدون طيار أطلقت فجر أمس صاروخاً على مجموعة من عناصر «كتائب القسام»، شرق مدينة رفح.";
        var doc = Code(text, EventTestSupport.Entity(text, "كتائب القسام", "ORG", "PSEREB"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "أطلقت");
        Assert.Equal("PSEREB", e.Target?.Actor);
        Assert.Equal(At(text, "كتائب"), e.Target?.Start);
        Assert.NotEqual("PSEREB", e.Source?.Actor);
    }

    [Fact]
    public void A_partitive_group_without_a_preposition_stays_the_object_of_the_verb()
    {
        const string text = "قتل عدد من عناصر الشرطة في انفجار عبوة ناسفة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.Equal(At(text, "عدد"), e.Target?.Start);
    }

    [Fact]
    public void The_casualties_of_an_attack_against_a_named_target_have_that_target()
    {
        const string text = "وجاء الهجوم بعد يومين من هجوم انتحاري آخر ضد قوات التحالف في العاصمة كابل يوم الخميس أسفر عن مقتل ستة مدنيين وجرح حوالي 12 آخرين.";
        var doc = Code(text, EventTestSupport.Entity(text, "كابل", "LOC", "AFG"));
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "مقتل");
        Assert.Equal("---MIL", e.Target?.Actor);
        Assert.Equal(At(text, "قوات التحالف"), e.Target?.Start);
    }

    [Fact]
    public void An_attack_across_a_clause_break_does_not_give_the_casualties_its_target()
    {
        const string text = "ووقع هجوم انتحاري ضد قوات التحالف امس، وفي حادث آخر أسفر انفجار عن مقتل ستة مدنيين.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "مقتل");
        Assert.Equal("---CVL", e.Target?.Actor);
        Assert.Equal(At(text, "ستة"), e.Target?.Start);
    }

    [Fact]
    public void A_bare_perfect_casualty_verb_without_an_object_makes_the_subject_before_it_the_patient()
    {
        const string text = "قال مسؤولون في المخابرات الباكستانية إن مقاتلا قتل بعدما اطلقت طائرة بدون طيار صاروخا على منطقة باكستانية.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("---UAF", e.Target?.Actor);
        Assert.Equal(At(text, "مقاتلا"), e.Target?.Start);
        Assert.NotEqual(At(text, "مقاتلا"), e.Source?.Start);
    }

    [Fact]
    public void A_bare_perfect_casualty_verb_with_an_object_keeps_the_subject_before_it_as_source()
    {
        const string text = "وقال المتحدث إن الجيش قتل ثلاثة مسلحين في المنطقة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتل");
        Assert.Equal(At(text, "الجيش"), e.Source?.Start);
        Assert.Equal(At(text, "ثلاثة"), e.Target?.Start);
    }

    [Fact]
    public void An_imperfect_agentive_verb_before_an_attack_noun_gives_its_subject_as_source()
    {
        const string text = "* 5 أكتوبر 2003: سلاح الجو الإسرائيلي يشن غارة جوية على موقع عين الصاحب شمال غرب دمشق.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text.StartsWith("غارة", StringComparison.Ordinal));
        Assert.Equal("ISRMIL", e.Source?.Actor);
        Assert.Equal(At(text, "سلاح"), e.Source?.Start);
        Assert.Equal(At(text, "الإسرائيلي") + "الإسرائيلي".Length, e.Source?.End);
    }

    [Fact]
    public void A_distant_mimma_consequence_clause_gives_the_casualties_as_target()
    {
        const string text = "وقال العميد «انفجرت عبوة ناسفة اليوم (الخميس) في قرية (كرحه بازان) بالطريق العام الواصل بين الرياض والحويجة 50 كيلومترا غرب كركوك، مما أدى الى إصابة اثنين من المدنيين بجروح».";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجرت");
        Assert.Equal("---CVL", e.Target?.Actor);
        Assert.Equal(At(text, "اثنين"), e.Target?.Start);
    }

    [Fact]
    public void A_distant_casualty_word_without_mimma_and_a_consequence_verb_is_no_target()
    {
        const string text = "وقال العميد «انفجرت عبوة ناسفة اليوم (الخميس) في قرية (كرحه بازان) بالطريق العام الواصل بين الرياض والحويجة 50 كيلومترا غرب كركوك، وذكر تقرير إصابة اثنين من المدنيين بجروح».";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "انفجرت");
        Assert.NotEqual(At(text, "اثنين"), e.Target?.Start);
    }
}

/// <summary>actors.tsv v3: the armed wings of Palestinian factions and the PFLP, through the whole default pipeline.</summary>
public sealed class ArmedWingActorTests
{
    private static readonly RasidPipeline Rasid = RasidPipeline.CreateDefault();

    [Fact]
    public void The_qassam_brigades_are_a_palestinian_rebel_actor_and_the_source_of_the_shelling()
    {
        const string text = "ورداً على عملية الاختطاف، قصفت كتائب عز الدين القسام معبر كرم ابو سالم بقذاف الهاون.";
        var doc = Rasid.Analyze(text, new ArticleInfo { Published = new DateOnly(2008, 4, 20) });
        var qassam = Assert.Single(doc.Entities, e => e.Actor == "PSEREB");
        Assert.Equal(text.IndexOf("كتائب", StringComparison.Ordinal), qassam.Start);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "قصفت");
        Assert.Equal("PSEREB", e.Source?.Actor);
        Assert.Equal(text.IndexOf("كتائب", StringComparison.Ordinal), e.Source?.Start);
    }

    [Fact]
    public void The_popular_front_is_the_source_of_the_coordinated_hostage_taking()
    {
        const string text = "إلا ان الجبهة الشعبية لتحرير فلسطين رفضت الانصياع لاتفاق وقف إطلاق النار واحتجزت 68 رهينة من الأجانب في فندقين في عمان.";
        var doc = Rasid.Analyze(text, new ArticleInfo { Published = new DateOnly(2007, 10, 26) });
        var front = Assert.Single(doc.Entities, e => e.Actor == "PSEREB");
        Assert.Equal(text.IndexOf("الجبهة", StringComparison.Ordinal), front.Start);
        Assert.Equal(text.IndexOf("فلسطين", StringComparison.Ordinal) + "فلسطين".Length, front.End);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "واحتجزت");
        Assert.Equal("PSEREB", e.Source?.Actor);
        Assert.Equal(front.Start, e.Source?.Start);
    }

    [Fact]
    public void Battalions_of_an_army_are_not_a_palestinian_armed_wing()
    {
        const string text = "وقالت الشرطة ان كتائب من الجيش انتشرت في المدينة امس.";
        var doc = Rasid.Analyze(text, new ArticleInfo { Published = new DateOnly(2008, 4, 20) });
        Assert.DoesNotContain(doc.Entities, e => e.Actor == "PSEREB");
    }
}
