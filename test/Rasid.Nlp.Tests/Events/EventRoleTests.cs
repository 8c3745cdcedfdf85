using Rasid.Core;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Tests.Events;

/// <summary>Source/target assignment with the cues of data/events/role_cues.tsv.</summary>
public sealed class EventRoleTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    [Fact]
    public void Light_verb_qam_gives_its_subject_as_the_source_of_the_masdar()
    {
        const string text = "وفي نابلس قام مسلحون بخطف مواطن من سيارته.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("بخطف", e.Trigger.Text);
        Assert.Equal("---REB", e.Source?.Actor); // agents_extra.tsv v3: مسلحون REB as the GSR gold codes this form
        Assert.Equal(text.IndexOf("مسلحون", StringComparison.Ordinal), e.Source?.Start);
        Assert.Equal("---CVL", e.Target?.Actor);
    }

    [Fact]
    public void Agentive_verb_after_a_nominal_attack_introduces_its_source()
    {
        const string text = "واستنكر الوزير الهجوم الذي شنه مسلحون على القرية.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("الهجوم", e.Trigger.Text);
        Assert.Equal("---REB", e.Source?.Actor); // agents_extra.tsv v3: مسلحون REB as the GSR gold codes this form
    }

    [Fact]
    public void A_place_after_a_direction_noun_is_not_the_target()
    {
        const string text = "قصفت الطائرات التركية مواقع في شمال العراق.";
        var doc = Code(text, EventTestSupport.Entity(text, "العراق", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Type == "ASSAULT");
        Assert.Equal("TURMIL", e.Source?.Actor);
        Assert.Null(e.Target);
    }

    [Fact]
    public void A_number_after_a_bare_kill_verb_makes_the_victims_the_target_not_the_source()
    {
        const string text = "قتل 18 شخصا في انفجار سيارة مفخخة ببغداد.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "قتل");
        Assert.Equal("---CVL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("18", StringComparison.Ordinal), e.Target?.Start); // the count starts the participant
        Assert.NotEqual("---CVL", e.Source?.Actor);
    }

    [Fact]
    public void A_plural_verb_takes_the_following_name_as_its_object()
    {
        const string text = "وذكرت تقارير ان مسلحين اختطفوا سبعة جنود امس.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("---UAF", e.Source?.Actor);
        Assert.Equal("---MIL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("سبعة", StringComparison.Ordinal), e.Target?.Start); // the count starts the participant
    }

    [Fact]
    public void A_title_before_a_country_coded_name_adds_its_role_and_a_fully_coded_name_keeps_its_code()
    {
        const string text = "واطلق مسلحون النار على رئيس تيمور الشرقية خوسيه راموس هورتا امس.";
        var doc = Code(text, EventTestSupport.Entity(text, "تيمور الشرقية خوسيه راموس هورتا", "PER", "TLS"));
        var e = Assert.Single(doc.Events, e => e.Type == "ASSAULT");
        Assert.Equal("TLSGOV", e.Target?.Actor);
        Assert.Equal(text.IndexOf("رئيس", StringComparison.Ordinal), e.Target?.Start);

        const string other = "واطلق مسلحون النار على الرئيس بشار الاسد امس.";
        var f = Assert.Single(Code(other, EventTestSupport.Entity(other, "بشار الاسد", "PER", "SYRGOV")).Events, e => e.Type == "ASSAULT");
        Assert.Equal("SYRGOV", f.Target?.Actor);
    }

    [Fact]
    public void A_suicide_bomber_is_an_unaligned_armed_actor()
    {
        const string text = "وفجر انتحاريا نفسه قرب مركز للشرطة.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "وفجر");
        Assert.Equal("---UAF", e.Source?.Actor);
        Assert.Equal(text.IndexOf("انتحاريا", StringComparison.Ordinal), e.Source?.Start);
    }

    [Fact]
    public void Role_cues_file_is_embedded_and_versioned()
    {
        Assert.Contains("role_cues.tsv@10", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.Contains("role_words.tsv@3", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.Contains("agents_extra.tsv@6", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.True(EventKnowledge.Default.Cues.HasValue("victim", "CVL"));
        Assert.Contains("triggers.tsv@4", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.True(EventKnowledge.Default.Cues.HasValue("attacker", "UAF"));
        Assert.False(EventKnowledge.Default.Cues.HasValue("attacker", "CVL"));
    }

    [Fact]
    public void The_subject_of_an_exposure_verb_is_the_target_of_the_nominal_attack_after_it()
    {
        const string text = "نجا وزير الدفاع العراقي من محاولة اغتيال في بغداد.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("اغتيال", e.Trigger.Text);
        Assert.Equal(text.IndexOf("وزير", StringComparison.Ordinal), e.Target?.Start);
        Assert.Equal("IRQGOV", e.Target?.Actor);
    }

    [Fact]
    public void The_casualties_of_a_consequence_clause_are_the_target_of_an_intransitive_explosion()
    {
        const string text = "انفجرت عبوة ناسفة في بعقوبة ما اسفر عن مقتل ثلاثة من عناصر الشرطة.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "انفجرت");
        Assert.Equal("---COP", e.Target?.Actor);
        Assert.True(e.Target!.Start > text.IndexOf("مقتل", StringComparison.Ordinal));
    }

    [Fact]
    public void An_explosion_without_casualties_gets_no_target_from_a_negated_consequence()
    {
        const string text = "انفجرت قنبلة امام مقر الحزب ولم يسفر الانفجار عن اصابات.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "انفجرت");
        Assert.Null(e.Target);
    }

    [Fact]
    public void An_attacked_object_with_its_owner_is_one_target_coded_as_the_owner()
    {
        const string text = "انفجرت سيارة مفخخة لدى مرور حافلة تابعة للجيش الأميركي في الموصل.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "انفجرت");
        Assert.Equal(text.IndexOf("حافلة", StringComparison.Ordinal), e.Target?.Start);
        Assert.Equal(text.IndexOf(" في الموصل", StringComparison.Ordinal), e.Target?.End);
        Assert.Equal("USAMIL", e.Target?.Actor);
    }

    [Fact]
    public void A_claimed_agent_is_the_source_rather_than_the_suicide_bomber_adjective()
    {
        const string text = "قتل سبعة من عناصر الشرطة اثر هجوم انتحاري تبنته طالبان.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "قتل");
        Assert.Equal(text.IndexOf("طالبان", StringComparison.Ordinal), e.Source?.Start);
        Assert.Equal("---COP", e.Target?.Actor);
    }

    [Fact]
    public void A_nationality_adjective_after_an_attack_noun_is_its_source()
    {
        const string text = "وقال الجيش إن ضربة جوية أميركية أسفرت عن مقتل خمسة مسلحين.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text.StartsWith("ضربة", StringComparison.Ordinal));
        Assert.Equal("USA", e.Source?.Actor);
        Assert.Equal(text.IndexOf("أميركية", StringComparison.Ordinal), e.Source?.Start);
        Assert.Equal("---UAF", e.Target?.Actor);
    }

    [Fact]
    public void A_pronoun_complementizer_before_the_verb_makes_the_speaker_the_source_and_the_name_after_the_target()
    {
        const string text = "وفي يناير اكد حلف شمال الاطلسي انه قتل نحو 150 متمردا من طالبان.";
        var nato = EventTestSupport.Entity(text, "حلف شمال الاطلسي", "ORG", "IGOWSTNAT");
        var e = Assert.Single(Code(text, nato).Events, e => e.Type == "ASSAULT");
        Assert.Equal("قتل", e.Trigger.Text);
        Assert.Equal("IGOWSTNAT", e.Source?.Actor);
        Assert.Equal(text.IndexOf("حلف", StringComparison.Ordinal), e.Source?.Start);
        Assert.Equal(text.IndexOf("نحو 150", StringComparison.Ordinal), e.Target?.Start); // the count starts the participant

        // Without the pronoun (ان + a name) the name after ان is the subject, as before.
        const string plain = "وقالت الشرطة ان مسلحين قتلوا ثلاثة جنود.";
        var p = Assert.Single(Code(plain).Events, e => e.Type == "ASSAULT");
        Assert.Equal(plain.IndexOf("مسلحين", StringComparison.Ordinal), p.Source?.Start);
    }

    [Fact]
    public void A_counted_group_after_the_verb_is_the_target_with_its_count()
    {
        // The count starts the participant, so «أمس سبعة من عناصر» does not push the group out of the verb's object window.
        const string text = "قتل أمس سبعة من عناصر الشرطة الأفغانية في غرب افغانستان.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("AFGCOP", e.Target?.Actor);
        Assert.Equal(text.IndexOf("سبعة", StringComparison.Ordinal), e.Target?.Start);
        Assert.Equal(text.IndexOf("الأفغانية", StringComparison.Ordinal) + "الأفغانية".Length, e.Target?.End);
        Assert.Null(e.Source);
    }

    [Fact]
    public void A_common_noun_of_role_words_is_a_participant_coded_without_a_country_unless_an_adjective_gives_one()
    {
        const string text = "وقتل مفجر انتحاري 42 مجندا في الجيش في نوفمبر.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT" && e.Trigger.Text == "وقتل");
        Assert.Equal("---CRM", e.Source?.Actor);
        Assert.Equal("---MIL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("42", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_bare_perfect_attack_verb_before_a_victim_noun_is_a_passive()
    {
        // The whole default pipeline (tagger, entities, detector), as rasid analyze runs it.
        var pipeline = RasidPipeline.CreateDefault();
        const string text = "خطف موظف بريطاني يعمل في احدى منصات النفط أمس.";
        var e = Assert.Single(pipeline.Analyze(text, new ArticleInfo { Id = "t" }).Events, e => e.Type == "ASSAULT");
        Assert.Equal("GBRCVL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("موظف", StringComparison.Ordinal), e.Target?.Start);
        Assert.Null(e.Source);

        // An armed noun after the same verb is its subject.
        const string armed = "خطف مسلحون موظفا بريطانيا أمس.";
        var a = Assert.Single(pipeline.Analyze(armed, new ArticleInfo { Id = "t" }).Events, e => e.Type == "ASSAULT");
        Assert.Equal(armed.IndexOf("مسلحون", StringComparison.Ordinal), a.Source?.Start);
        Assert.Equal("GBRCVL", a.Target?.Actor);
    }

    [Fact]
    public void A_place_of_role_words_is_the_target_of_an_attack_without_one_and_never_a_source()
    {
        const string text = "وذكر شاهد عيان ان اثنين من التفجيرات وقعا في سوق خضراوات مكتظ في منطقة الصدرية.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("---CVL", e.Target?.Actor);
        Assert.Equal(text.IndexOf("سوق", StringComparison.Ordinal), e.Target?.Start);

        // SVO order would make the hospital the subject: an object never acts.
        const string hospital = "وقال الطبيب ان المستشفى قصف بالصواريخ.";
        Assert.All(Code(hospital).Events, ev => Assert.NotEqual("---HLH", ev.Source?.Actor));
    }

    [Fact]
    public void Role_words_load_people_as_participants_and_places_as_objects_from_the_data_file()
    {
        Assert.Contains("طفل", EventKnowledge.Default.RoleWords);
        Assert.Contains("مستشفي", EventKnowledge.Default.ObjectAgents);
        Assert.DoesNotContain("طفل", EventKnowledge.Default.ObjectAgents);
    }
}
