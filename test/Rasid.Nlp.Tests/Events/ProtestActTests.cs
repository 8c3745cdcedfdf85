using Rasid.Core;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// Session 12: PROTEST participants and triggers — what the protesters act against (role_cues.tsv v9 <c>protest_toward</c> and
/// the new <c>protest_target</c> verbs), organisers (نظم), the agent of the act protested against, titles and institutions
/// joined to names, nationality agreement, and the verb a protester noun is the subject of as the event's trigger.
/// </summary>
public sealed class ProtestActTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    private static int At(string text, string word, int occurrence = 1) => EventTestSupport.At(text, word, occurrence);

    [Fact]
    public void Data_files_carry_the_session_12_versions()
    {
        Assert.Contains("role_cues.tsv@10", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.Contains("triggers.tsv@4", EventKnowledge.Default.Versions, StringComparison.Ordinal);
        Assert.Contains("nationalities.tsv@3", EventKnowledge.Default.Versions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sit_in_takes_no_direct_object_and_a_title_gives_the_person_its_office()
    {
        // اعتصم ... أمام ضريح الرئيس: the sit-in's place, not its target (triggers.tsv v4); the demand's addressee is the target, and
        // the title الرئيس wins over the database's party role of the person (LBNPTY → LBNGOV).
        const string text = "اعتصم عشرات المواطنين مساء أمس أمام ضريح الرئيس الشهيد رفيق الحريري، مطالبين بتولي الرئيس سعد الحريري رئاسة الحكومة.";
        var doc = Code(text, EventTestSupport.Entity(text, "رفيق الحريري", "PER", "LBNGOV"), EventTestSupport.Entity(text, "سعد الحريري", "PER", "LBNPTY"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("LBNGOV", e.Target?.Actor);
        Assert.Equal(At(text, "الرئيس", 2), e.Target?.Start);
        Assert.Equal(At(text, "سعد الحريري") + "سعد الحريري".Length, e.Target?.End);
    }

    [Fact]
    public void A_title_before_an_organisation_keeps_the_organisation_code()
    {
        const string text = "وتظاهر مئات الطلاب امس ضد قوات حلف الناتو.";
        var doc = Code(text, EventTestSupport.Entity(text, "حلف الناتو", "ORG", "IGONAT"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("IGONAT", e.Target?.Actor);
        Assert.Equal(At(text, "قوات"), e.Target?.Start);
    }

    [Fact]
    public void Protesters_who_clash_with_an_army_across_their_subject_target_the_army()
    {
        const string text = "واشتبك متظاهرون فلسطينيون واجانب مع الجيش الإسرائيلي في قرية نعلين.";
        var doc = Code(text, EventTestSupport.Entity(text, "الجيش الإسرائيلي", "ORG", "ISRMIL"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("ISRMIL", e.Target?.Actor);
        Assert.Equal(At(text, "الجيش"), e.Target?.Start);
    }

    [Fact]
    public void What_protesters_throw_things_at_is_the_target()
    {
        const string text = "وذكرت الصحف أمس ان متظاهرين اطلقوا الخميس البيض والبندورة على قطاع غزة.";
        var doc = Code(text, EventTestSupport.Entity(text, "قطاع غزة", "LOC", "PSE"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("PSE", e.Target?.Actor);
        Assert.Equal(At(text, "قطاع"), e.Target?.Start);
        // The verb the protesters are the subject of is the event's trigger (as the GSR annotators mark it).
        Assert.Equal("اطلقوا", e.Trigger.Text);
        Assert.Equal(At(text, "اطلقوا"), e.Trigger.Start);
    }

    [Fact]
    public void A_clash_far_from_the_protest_noun_gives_it_no_target()
    {
        // اشتبك is the act of the protesters only within three words of their noun.
        const string text = "وتجمع المتظاهرون امس في الساحة الكبرى وبعد ساعات طويلة من الهدوء اشتبك رجال مجهولون مع الجيش الإسرائيلي.";
        var doc = Code(text, EventTestSupport.Entity(text, "الجيش الإسرائيلي", "ORG", "ISRMIL"));
        Assert.All(doc.Events.Where(e => e.Type == "PROTEST"), e => Assert.NotEqual("ISRMIL", e.Target?.Actor));
    }

    [Fact]
    public void Whom_the_protesters_attack_or_accuse_is_the_target()
    {
        const string attack = "وهاجم المتظاهرون محافظ العاصمة امس.";
        var e = Assert.Single(Code(attack).Events, e => e.Type == "PROTEST");
        Assert.Equal("---GOV", e.Target?.Actor);
        Assert.Equal(At(attack, "محافظ"), e.Target?.Start);
        Assert.Equal("وهاجم", e.Trigger.Text);

        // واتهموا حكومة رئيس الوزراء ...: an institution in construct with a coded name (here a title joined to the name) takes the
        // name's country.
        const string accuse = "ورفع المتظاهرون الأعلام التركية، واتهموا حكومة رئيس الوزراء رجب طيب اردوغان بالتقصير.";
        var doc = Code(accuse, EventTestSupport.Entity(accuse, "رجب طيب اردوغان", "PER", "TURGOV"));
        var protest = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("TURGOV", protest.Target?.Actor);
        Assert.Equal(At(accuse, "حكومة"), protest.Target?.Start);
        Assert.Equal(At(accuse, "حكومة") + "حكومة".Length, protest.Target?.End);
        // The feminine adjective التركية describes the flags, not the protesters; the tagger's masdar reading of ورفع does not stop
        // it from being the protesters' verb.
        Assert.Equal("---CVL", protest.Source?.Actor);
        Assert.Equal(At(accuse, "المتظاهرون"), protest.Source?.Start);
        Assert.Equal("ورفع", protest.Trigger.Text);
    }

    [Fact]
    public void A_broken_plural_nationality_agrees_with_the_protesters()
    {
        const string text = "وتظاهر متظاهرون أتراك امس ضد الحكومة.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "PROTEST" && e.Trigger.Text == "وتظاهر");
        Assert.Equal("TURCVL", e.Source?.Actor);
        Assert.Equal(At(text, "متظاهرون"), e.Source?.Start);
    }

    [Fact]
    public void A_nationality_after_a_venue_preposition_is_the_venue_s_not_the_protesters()
    {
        const string text = "واحتشدت مجموعات صغيرة أيضا من المتظاهرين خارج السفارة الصينية ورددوا شعارات مناهضة للصين.";
        var doc = Code(text);
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "المتظاهرين");
        Assert.Equal("---CVL", e.Source?.Actor);
        Assert.Equal(At(text, "المتظاهرين"), e.Source?.Start);
        Assert.Equal("CHNGOV", e.Target?.Actor);
    }

    [Fact]
    public void A_verb_is_no_role_noun_of_the_entity_lexicon()
    {
        // وحمل is not حملة (a campaign, OPP) and وقاد is not قادة (leaders, MIL).
        const string text = "وحمل المتظاهرون اعلاما تركية وتجمعوا في الساحات العامة.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "PROTEST");
        Assert.Equal("---CVL", e.Source?.Actor);
        Assert.Equal(At(text, "المتظاهرون"), e.Source?.Start);
        Assert.Equal("وحمل", e.Trigger.Text);
    }

    [Fact]
    public void Those_who_organise_a_march_are_its_source()
    {
        const string before = "وكانت خمسة أحزاب سياسية نظمت أول من أمس مسيرات منددة بالانقلاب العسكري الذي قاده الجنرال محمد ولد عبد العزيز.";
        var doc = Code(before, EventTestSupport.Entity(before, "محمد ولد عبد العزيز", "PER", "MRTGOV"));
        var march = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal(At(before, "خمسة"), march.Source?.Start); // the count starts the phrase
        Assert.EndsWith("PTY", march.Source?.Actor, StringComparison.Ordinal);

        const string after = "اندلعت أعمال عنف في أثينا امس خلال مظاهرة نظمها محتجون يساريون ضد خطط الحكومة.";
        var demo = Assert.Single(Code(after).Events, e => e.Type == "PROTEST" && e.Trigger.Text == "مظاهرة");
        Assert.Equal(At(after, "محتجون"), demo.Source?.Start);
    }

    [Fact]
    public void The_agent_of_the_act_protested_against_is_the_target_not_the_source()
    {
        const string text = "خرج متظاهرون أفغان امس، للاحتجاج على مقتل ثلاثة مدنيين على يد قوات التحالف.";
        var doc = Code(text);
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "للاحتجاج");
        Assert.Equal(At(text, "قوات"), e.Target?.Start);
        Assert.Equal("AFGCVL", e.Source?.Actor);
        Assert.Equal(At(text, "متظاهرون"), e.Source?.Start);
    }

    [Fact]
    public void An_agent_marker_right_after_the_protest_names_the_protesters()
    {
        const string text = "وشهد شهر يونيو احتجاجات من قبل متظاهرين اعتصموا امام المبنى.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "PROTEST" && e.Trigger.Text == "احتجاجات");
        Assert.Equal(At(text, "متظاهرين"), e.Source?.Start);
    }

    [Fact]
    public void A_governed_protester_noun_keeps_itself_as_trigger()
    {
        // مع المتظاهرين is no subject: the plural verb after it (وسلموا) is not the protest's predicate.
        const string text = "وكان لاجئون قد احتشدوا للاعراب عن تضامنهم مع المتظاهرين وسلموا خطابا للامم المتحدة.";
        var doc = Code(text);
        Assert.Contains(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "المتظاهرين");
        Assert.DoesNotContain(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "وسلموا");
    }
}
