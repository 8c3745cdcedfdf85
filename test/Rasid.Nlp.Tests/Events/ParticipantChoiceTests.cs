using Rasid.Core;
using static Rasid.Nlp.Tests.Events.EventTestSupport;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// ASSAULT participant choice of session 12 (branch s12-roles12): a perfect form of a noun row read as a verb when the tagger
/// tags it VERB (أطلقت), the antecedent of a masdar's object pronoun (باغتصابها), the first conjunct of a coordinated subject of a
/// dual verb (ضابط شرطة وجنديا ... اختطفا), the subject of تعرض across an apposition (تعرضت وزيرة ...، انجلينا مانج، ...، لمحاولة
/// اغتيال), with sentences of the GSR span file and cases that must not fire.
/// </summary>
public sealed class ParticipantChoiceTests
{
    private static Document Code(string text, params Entity[] entities) =>
        CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    [Fact]
    public void A_perfect_form_of_a_noun_row_tagged_verb_takes_the_subject_before_it()
    {
        const string text = "وذكرت مصادر فلسطينية أن طائرة بدون طيار تابعة لجيش الاحتلال أطلقت فجر أمس صاروخاً على مجموعة من المسلحين.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "أطلقت");
        Assert.Equal("---MIL", e.Source?.Actor);
        Assert.Equal(At(text, "طائرة"), e.Source?.Start);
        Assert.Equal(At(text, "طائرة") + "طائرة".Length, e.Source?.End);
    }

    [Fact]
    public void The_masdar_of_a_noun_row_keeps_the_light_verb_reading()
    {
        // إطلاق is a masdar (the tagger does not tag it VERB): the light verb's subject is the source, as before.
        const string text = "وقامت طائرة بدون طيار بإطلاق صاروخ على سيارة في المدينة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text.Contains("إطلاق", StringComparison.Ordinal));
        Assert.Equal(At(text, "طائرة"), e.Source?.Start);
    }

    [Fact]
    public void The_object_pronoun_of_a_masdar_after_a_light_verb_stands_for_the_agreeing_mention_before_it()
    {
        const string text = "ووصفت طفلة في الثالثة عشرة من العمر كيف قام عشرة جنود باكستانيين، من قوة حفظ سلام تابعة للأمم المتحدة باغتصابها في حقل بالقرب من منزلها.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "باغتصابها");
        Assert.Equal("---CVL", e.Target?.Actor);
        Assert.Equal(At(text, "طفلة"), e.Target?.Start);
        Assert.Equal(At(text, "طفلة") + "طفلة".Length, e.Target?.End);
        Assert.Equal("PAKMIL", e.Source?.Actor);
    }

    [Fact]
    public void A_feminine_object_pronoun_does_not_stand_for_a_masculine_mention()
    {
        const string text = "ووصف طفل في الثالثة عشرة من العمر كيف قام عشرة جنود باكستانيين باغتصابها في حقل.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "باغتصابها");
        Assert.Null(e.Target);
    }

    [Fact]
    public void A_dual_verb_after_coordinated_participants_has_the_first_conjunct_as_its_patient()
    {
        const string text = "وقال خليل إن ضابط شرطة وجنديا من الجيش اختطفا من منزليهما على يد مسلحين خلال إجازتهما.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "اختطفا");
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.Equal(At(text, "ضابط"), e.Target?.Start);
    }

    [Fact]
    public void A_singular_verb_keeps_the_nearest_participant_as_its_subject()
    {
        // A singular verb does not agree with the coordination: the coordinated noun before it stays its subject.
        const string text = "وقال مصدر ان ضابط شرطة وجندي من الجيش خطف رجلا في المدينة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "خطف");
        Assert.NotEqual(At(text, "ضابط"), e.Source?.Start);
        Assert.NotEqual(At(text, "ضابط"), e.Target?.Start);
    }

    [Fact]
    public void A_patrol_with_an_adjective_before_its_owner_takes_the_owners_code()
    {
        const string text = "وأفادت الشرطة بمقتل 15 شخصا في هجوم انتحاري استهدف دورية مشتركة للقوات العراقية وسط المدينة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "هجوم");
        Assert.Equal("IRQMIL", e.Target?.Actor);
        Assert.Equal(At(text, "دورية"), e.Target?.Start);
        Assert.Equal(At(text, "العراقية") + "العراقية".Length, e.Target?.End);
    }

    [Fact]
    public void A_person_before_a_noun_governed_by_l_keeps_the_nationality_after_it()
    {
        // Only an object's phrase stops at its owner: «جنديين تابعين للقوات العراقية» stays one Iraqi military phrase.
        const string text = "وقال مصدر ان مسلحين مجهولين قتلوا جنديين تابعين للقوات العراقية في المدينة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "قتلوا");
        Assert.Equal("IRQMIL", e.Target?.Actor);
        Assert.Equal(At(text, "جنديين"), e.Target?.Start);
    }

    [Fact]
    public void The_subject_of_tarraD_across_an_apposition_is_the_target_of_the_attempt()
    {
        const string text = "تعرضت وزيرة الدولة بوزارة الطاقة السودانية، انجلينا مانج، حرم الدكتور رياك مشار نائب رئيس الحركة الشعبية، لمحاولة اغتيال في ولاية الوحدة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "اغتيال");
        Assert.Equal("SDNGOV", e.Target?.Actor);
        Assert.Equal(At(text, "وزيرة"), e.Target?.Start);
    }

    [Fact]
    public void An_attack_not_governed_by_l_takes_no_distant_subject_of_tarraD()
    {
        const string text = "تعرضت وزيرة الدولة بوزارة الطاقة السودانية، انجلينا مانج، حرم الدكتور رياك مشار نائب رئيس الحركة الشعبية، لانتقادات بعد هجوم في ولاية الوحدة.";
        var e = Assert.Single(Code(text).Events, e => e.Trigger.Text == "هجوم");
        Assert.NotEqual(At(text, "وزيرة"), e.Target?.Start);
    }
}

/// <summary>actors.tsv v4 (the Iraqi Awakening councils, the Taliban's fighters) and the members' code, through the whole default pipeline.</summary>
public sealed class AwakeningAndTalibanActorTests
{
    private static readonly RasidPipeline Rasid = RasidPipeline.CreateDefault();

    /// <summary>The whole default pipeline on <paramref name="text"/>, published on 2008-01-10.</summary>
    private static Document Analyze(string text) => Rasid.Analyze(text, new ArticleInfo { Published = new DateOnly(2008, 1, 10) });

    [Fact]
    public void Members_of_the_awakening_forces_are_an_iraqi_militia()
    {
        const string text = "أعلنت مصادر أمنية مقتل ثلاثة من عناصر قوات الصحوة في هجوم انتحاري وسط مدينة بعقوبة.";
        var doc = Analyze(text);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "مقتل");
        Assert.Equal("IRQUAF", e.Target?.Actor);
        Assert.Equal(text.IndexOf("الصحوة", StringComparison.Ordinal) + "الصحوة".Length, e.Target?.End);
    }

    [Fact]
    public void A_phrase_coordinated_with_the_awakening_councils_keeps_its_own_code()
    {
        const string text = "أعلن مصدر أمني مقتل ثمانية من قوات الأمن ومجالس الصحوة في هجوم انتحاري شمال بغداد.";
        var doc = Analyze(text);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "مقتل");
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.Equal(text.IndexOf("الأمن", StringComparison.Ordinal) + "الأمن".Length, e.Target?.End);
    }

    [Fact]
    public void Taliban_fighters_are_afghan_rebels_and_the_movement_stays_an_international_group()
    {
        const string text = "اندلعت معارك بين قوات الناتو ومسلحي طالبان، وقالت حركة طالبان انها قتلت جنديين.";
        var doc = Analyze(text);
        var fighters = Assert.Single(doc.Entities, e => e.Actor == "AFGREB");
        Assert.Equal(text.IndexOf("مسلحي", StringComparison.Ordinal), fighters.Start);
        Assert.Contains(doc.Entities, e => e.Actor == "IMGREB" && e.Start == text.IndexOf("حركة", StringComparison.Ordinal));
    }

    [Fact]
    public void A_counted_member_of_the_taliban_takes_the_members_code()
    {
        const string text = "وفي يناير اكد حلف شمال الاطلسي انه قتل نحو 150 متمردا من طالبان الذين تسللوا من باكستان.";
        var doc = Analyze(text);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("AFGREB", e.Target?.Actor);
        Assert.Equal(text.IndexOf("نحو", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_member_of_an_organisation_without_a_members_row_takes_the_organisations_code()
    {
        const string text = "وقال الجيش انه قتل نحو 20 مسلحا من حركة حماس في المدينة.";
        var doc = Analyze(text);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "قتل");
        Assert.Equal("PSEREB", e.Target?.Actor);
    }

    [Fact]
    public void A_suicide_attacker_of_the_taliban_is_one_phrase_with_the_members_code()
    {
        const string text = "قالت الشرطة الأفغانية إن مهاجما انتحاريا من حركة طالبان، فجر حافلة تابعة للشرطة في العاصمة كابول أمس.";
        var doc = Analyze(text);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "فجر");
        Assert.Equal("AFGREB", e.Source?.Actor);
        Assert.Equal(text.IndexOf("مهاجما", StringComparison.Ordinal), e.Source?.Start);
        Assert.Equal(text.IndexOf("انتحاريا", StringComparison.Ordinal) + "انتحاريا".Length, e.Source?.End);
    }

    [Fact]
    public void A_role_noun_is_not_joined_to_a_nisba_word_after_other_words()
    {
        // مسلحا ... مدنيا: only a nisba adjective right after the noun joins it; these stay two participants.
        const string text = "وقال مصدر ان الجيش قتل مسلحا امس وجرح مدنيا في المدينة.";
        var doc = Analyze(text);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "قتل");
        Assert.Equal(text.IndexOf("مسلحا", StringComparison.Ordinal) + "مسلحا".Length, e.Target?.End);
    }
}
