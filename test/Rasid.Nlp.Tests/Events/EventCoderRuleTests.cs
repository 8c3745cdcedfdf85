using Rasid.Core;
using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Tests.Events;

public sealed class EventCoderRuleTests
{
    /// <summary>The one ASSAULT event coded in <paramref name="text"/>, asserting its trigger's text and offset.</summary>
    private static Event SingleAssault(string text, string trigger)
    {
        var e = Assert.Single(Code(text).Events, ev => ev.Type == "ASSAULT");
        Assert.Equal(trigger, e.Trigger.Text);
        Assert.Equal(text.IndexOf(trigger, StringComparison.Ordinal), e.Trigger.Start);
        return e;
    }

    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2015, 9, 30), entities);

    [Fact]
    public void ArabicFold_maps_alef_variants_alef_maksura_and_teh_marbuta()
    {
        Assert.Equal("اسلاميه", ArabicFold.Fold("إسلاميّة"));
        Assert.Equal("دعي", ArabicFold.Fold("دعى"));
        Assert.Equal("امن", ArabicFold.Fold("آمِن"));
    }

    [Fact]
    public void Every_PLOVER_type_has_triggers_and_every_trigger_code_is_in_the_CAMEO_table()
    {
        var knowledge = EventKnowledge.Default;
        foreach (var type in EventKnowledge.PloverTypes) Assert.Contains(knowledge.Triggers, t => t.Plover == type);
        foreach (var trigger in knowledge.Triggers) Assert.True(knowledge.CameoToPlover.ContainsKey(trigger.Cameo), $"{trigger.Id}: CAMEO {trigger.Cameo}");
        Assert.Equal("ASSAULT", knowledge.CameoToPlover["195"].Plover);
        Assert.Equal("demo", knowledge.CameoToPlover["141"].Mode);
    }

    [Fact]
    public void A_ministry_is_not_a_visit_and_a_statement_issued_is_not_a_confiscation()
    {
        // وزارة folds to وزاره, the letters of و + زاره "and he visited him": a verb never ends in ة, nor takes the plural ات.
        const string text = "وأعلنت وزارة الداخلية ووزارات أخرى في بيان صادر عن وزارتي الخارجية والدفاع أن الرئيس زار موسكو.";
        var doc = EventTestSupport.CodeWithRules(text, new DateOnly(2015, 7, 25));
        var visit = Assert.Single(doc.Events, e => e.Type == "CONSULT");
        Assert.Equal(EventTestSupport.At(text, "زار موسكو"), visit.Trigger.Start);
        // وزاره (with ه: "and visited him") is still the verb.
        const string other = "وقال المسؤول إن الرئيس وزاره الوزير أمس في مكتبه.";
        var visited = Assert.Single(EventTestSupport.CodeWithRules(other, new DateOnly(2015, 7, 25)).Events, e => e.Type == "CONSULT");
        Assert.Equal((EventTestSupport.At(other, "وزاره"), "وزاره"), (visited.Trigger.Start, visited.Trigger.Text));
        Assert.DoesNotContain(doc.Events, e => e.Type == "COERCE");
    }

    [Fact]
    public void VSO_verb_takes_the_following_agent_as_source_and_the_direct_object_as_target()
    {
        const string text = "قصفت الطائرات الروسية مدينة حلب امس.";
        var doc = Code(text, EventTestSupport.Entity(text, "حلب", "LOC", "SYR"));
        var e = Assert.Single(doc.Events);
        Assert.Equal("ASSAULT", e.Type);
        Assert.Equal("RUSMIL", e.Source?.Actor);
        Assert.Equal("الطائرات الروسية", e.Source?.Text);
        Assert.Equal("SYR", e.Target?.Actor);
        Assert.Equal(0, e.Trigger.Start);
        Assert.Equal("قصفت", e.Trigger.Text);
    }

    [Fact]
    public void SVO_after_an_complementizer_takes_the_preceding_name_as_source()
    {
        const string text = "وقالت الوزارة ان الشرطة اعتقلت الناشط احمد سعيد.";
        var doc = Code(text, EventTestSupport.Entity(text, "احمد سعيد", "PER", "EGYOPP"));
        var e = Assert.Single(doc.Events);
        Assert.Equal("COERCE", e.Type);
        Assert.Equal("173", e.Cameo);
        Assert.Equal("---COP", e.Source?.Actor);
        Assert.Equal("EGYOPP", e.Target?.Actor);
    }

    [Fact]
    public void Detonated_is_a_verb_whose_preceding_agent_is_the_source()
    {
        const string text = "واضاف ان الانتحاريين فجرا نفسيهما قرب القوة.";
        var doc = Code(text);
        var e = Assert.Single(doc.Events, e => e.Trigger.Text == "فجرا");
        Assert.Equal("ASSAULT", e.Type);
        Assert.Equal("الانتحاريين", e.Source?.Text);
        Assert.Equal(text.IndexOf("الانتحاريين", StringComparison.Ordinal), e.Source?.Start);
        Assert.StartsWith("---", e.Source?.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_noun_of_the_entity_lexicon_becomes_a_participant_coded_by_the_actor_linker()
    {
        const string text = "وقال ان مسلحين فجروا الطريق الرئيسي.";
        var doc = Code(text);
        var e = Assert.Single(doc.Events);
        Assert.Equal("فجروا", e.Trigger.Text);
        Assert.Equal("مسلحين", e.Source?.Text);
        Assert.Equal(text.IndexOf("مسلحين", StringComparison.Ordinal), e.Source?.Start);
        Assert.Equal("---UAF", e.Source?.Actor);
    }

    [Fact]
    public void An_entity_without_an_actor_code_is_coded_by_the_actor_linker_not_left_empty()
    {
        const string text = "قصفت الطائرات الروسية مدينة حلب امس.";
        var doc = Code(text, EventTestSupport.Entity(text, "حلب", "LOC", null));
        var e = Assert.Single(doc.Events);
        Assert.Equal("حلب", e.Target?.Text);
        Assert.Equal("SYR", e.Target?.Actor);
    }

    [Fact]
    public void Nominal_assassination_takes_the_following_name_as_target()
    {
        const string text = "ادان المجلس اغتيال بوتو في راولبندي.";
        var doc = Code(text, EventTestSupport.Entity(text, "بوتو", "PER", "PAKOPP"), EventTestSupport.Entity(text, "راولبندي", "LOC", "PAK", new Place("Rawalpindi", 33.6, 73.0, "PAK")));
        var assault = Assert.Single(doc.Events, e => e.Type == "ASSAULT");
        Assert.Equal("PAKOPP", assault.Target?.Actor);
        Assert.Null(assault.Source);
        Assert.Equal("Rawalpindi", assault.Place?.Name);
    }

    [Fact]
    public void Passive_agent_after_ala_yad_is_the_source()
    {
        const string text = "قتل ثلاثة مدنيين على يد مسلحين في بغداد.";
        var e = Assert.Single(Code(text).Events);
        Assert.Equal("ASSAULT", e.Type);
        Assert.Equal("---UAF", e.Source?.Actor);
        Assert.Equal("---CVL", e.Target?.Actor);
    }

    [Fact]
    public void Negated_verb_is_coded_as_negated()
    {
        const string text = "ولم تهاجم القوات التركية القرية.";
        var e = Assert.Single(Code(text).Events);
        Assert.True(e.Negated);
        Assert.Equal("negated", e.Modality);
        Assert.Equal("TURMIL", e.Source?.Actor);
    }

    [Fact]
    public void Purpose_nominals_and_ordinary_nouns_do_not_fire()
    {
        // لمحاربة is the purpose of a call, الطالب is a student: no ASSAULT, no REQUEST.
        const string text = "وصل الطالب الى الجامعة لمحاربة الملل.";
        Assert.Empty(Code(text).Events);
    }

    [Fact]
    public void The_same_event_reported_twice_is_one_event_with_two_mentions()
    {
        const string text = "رحبت الحكومة المصرية بالقرار الروسي. وقال مسؤول ان الحكومة المصرية رحبت بالقرار الروسي.";
        var e = Assert.Single(Code(text).Events);
        Assert.Equal("SUPPORT", e.Type);
        Assert.Equal("EGYGOV", e.Source?.Actor);
        Assert.Equal("RUS", e.Target?.Actor);
        Assert.Equal(2, e.Mentions!.Count);
        Assert.True(e.DateFromArticle);
        Assert.Equal("2015-09-30", e.Date);
    }

    [Fact]
    public void Empty_and_Latin_texts_give_no_events()
    {
        Assert.Empty(Code("").Events);
        Assert.Empty(Code("Russia launched air strikes on 30 September 2015.").Events);
    }

    [Fact]
    public void Dev_split_is_deterministic_and_about_a_fifth()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"AAW_ARB_2007{i:D4}.0001-{i % 37}").ToList();
        var dev = ids.Count(GsrData.IsDev);
        Assert.InRange(dev, 850, 1150);
        Assert.Equal(ids.Select(GsrData.IsDev), ids.Select(GsrData.IsDev));
    }

    [Fact]
    public void An_attack_noun_with_la_after_taarrada_is_an_event_not_a_purpose()
    {
        const string text = "تعرضت القوات الاميركية لهجوم في الرمادي مساء الخميس.";
        var e = SingleAssault(text, "لهجوم");
        Assert.Equal(text.IndexOf("القوات", StringComparison.Ordinal), e.Target?.Start);
        Assert.Equal("USAMIL", e.Target?.Actor);
    }

    [Fact]
    public void An_attack_noun_with_la_of_purpose_is_still_not_an_event()
    {
        const string text = "وحشد الجيش قواته لهجوم على المدينة.";
        Assert.DoesNotContain(Code(text).Events, e => e.Type == "ASSAULT");
    }

    [Fact]
    public void Cross_validation_folds_are_stratified_by_label_and_independent_of_file_order()
    {
        var sentences = Enumerable.Range(0, 50).Select(i => new GsrSentence($"AAW_ARB_2008.{i}", "ASSAULT", i % 10 == 0 ? "yes" : i % 7 == 0 ? "ambiguous" : "easy no", "نص", i + 2)).ToList();
        var folds = EventCrossValidation.StratifiedFolds(sentences, 5);
        for (var f = 0; f < 5; f++)
        {
            Assert.Equal(1, Enumerable.Range(0, sentences.Count).Count(i => folds[i] == f && sentences[i].Gold == true));
        }

        var reversed = Enumerable.Reverse(sentences).ToList();
        var again = EventCrossValidation.StratifiedFolds(reversed, 5);
        for (var i = 0; i < sentences.Count; i++)
        {
            if (sentences[i].Gold is not null) Assert.Equal(folds[i], again[sentences.Count - 1 - i]);
        }
    }

    [Fact]
    public void Another_fold_seed_deals_the_sentences_differently_but_keeps_the_folds_stratified()
    {
        var sentences = Enumerable.Range(0, 100).Select(i => new GsrSentence($"AAW_ARB_2008.{i}", "ASSAULT", i % 10 == 0 ? "yes" : "easy no", "قتل مسلحون جنديا", i + 2)).ToList();
        var seed0 = EventCrossValidation.StratifiedFolds(sentences, 5);
        Assert.Equal(seed0, EventCrossValidation.StratifiedFolds(sentences, 5, seed: 0));
        var seed1 = EventCrossValidation.StratifiedFolds(sentences, 5, seed: 1);
        var seed2 = EventCrossValidation.StratifiedFolds(sentences, 5, seed: 2);
        Assert.NotEqual(seed0, seed1);
        Assert.NotEqual(seed1, seed2);
        foreach (var folds in new[] { seed1, seed2 })
        {
            for (var f = 0; f < 5; f++)
            {
                Assert.Equal(2, Enumerable.Range(0, sentences.Count).Count(i => folds[i] == f && sentences[i].Gold == true));
                Assert.Equal(18, Enumerable.Range(0, sentences.Count).Count(i => folds[i] == f && sentences[i].Gold == false));
            }
        }
    }

    [Fact]
    public void Candidate_auc_counts_how_often_a_yes_candidate_outranks_a_no_and_ignores_sentences_without_a_trigger()
    {
        static CvPrediction P(string label, double margin, bool candidate = true) =>
            new(new GsrSentence("AAW_ARB_2008.1", "PROTEST", label, "تظاهر مئات امام السفارة", 2), 0, candidate, margin, candidate && margin >= 0);
        // Yes at 2 and 0.5, no at 1 and -1: the yes outrank the no in 3 of 4 pairs; the non-candidate "yes" at -9 is not ranked.
        var predictions = new[] { P("yes", 2), P("easy no", 1), P("yes", 0.5), P("difficult no", -1), P("yes", -9, candidate: false) };
        Assert.Equal(0.75, EventCrossValidation.CandidateAuc(predictions), 6);
        // A tie between a yes and a no counts half.
        Assert.Equal(0.5, EventCrossValidation.CandidateAuc([P("yes", 1), P("easy no", 1)]), 6);
    }

    [Fact]
    public void A_gathering_verb_with_a_crowd_or_a_venue_after_it_is_a_protest_trigger()
    {
        const string text = "وتجمع مئات من الأقباط أمام الكاتدرائية الشهيرة.";
        var e = Assert.Single(Code(text).Events);
        Assert.Equal("PROTEST", e.Type);
        Assert.Equal("141", e.Cameo);
        Assert.Equal("وتجمع", e.Trigger.Text);
        Assert.Equal(0, e.Trigger.Start);
        Assert.Equal(5, e.Trigger.End);

        const string streets = "ونزل آلاف الاشخاص الى الشوارع للاحتجاج على تدني الاجور.";
        Assert.Contains(Code(streets).Events, ev => ev.Type == "PROTEST" && ev.Trigger.Text == "ونزل" && ev.Trigger.Start == 0);
    }

    [Fact]
    public void A_gathering_verb_without_a_crowd_or_a_venue_is_not_a_protest()
    {
        // تجمع = brings together (a federation), خرج = came out of a meeting: no protest.
        Assert.DoesNotContain(Code("ولا بالسعي للعودة إلى رابطة فيدرالية تجمع بينهما هذه المرة.").Events, e => e.Type == "PROTEST");
        Assert.DoesNotContain(Code("وخرج الاجتماع بقرارات مهمة بشأن الاقتصاد.").Events, e => e.Type == "PROTEST");
    }

    [Fact]
    public void Taliban_is_not_read_as_the_verb_demanded()
    {
        // طالبان has the letters of طالب + dual ان ("the two demanded"), but in news it is the Taliban.
        const string text = "وكانت حركة طالبان قد خطفت 23 من الكوريين الجنوبيين في 19 يوليو الماضي.";
        var events = Code(text).Events;
        Assert.DoesNotContain(events, e => e.Type == "REQUEST");
        var e = Assert.Single(events, ev => ev.Type == "ASSAULT");
        Assert.Equal("خطفت", e.Trigger.Text);
        Assert.Equal(text.IndexOf("خطفت", StringComparison.Ordinal), e.Trigger.Start);

        // The verb itself still is a trigger.
        Assert.Contains(Code("وطالب المتظاهرون الحكومة بالاستقالة.").Events, ev => ev.Type == "REQUEST" && ev.Trigger.Text == "وطالب");
    }

    [Fact]
    public void Launching_rockets_opening_fire_and_taking_hostages_are_assault_triggers()
    {
        const string rockets = "يذكر ان امس شهد سلسلة عمليات مكثفة، حيث أطلقت 5 صواريخ «قسام» على مدينة عسقلان.";
        var e = SingleAssault(rockets, "أطلقت");
        Assert.Equal("193", e.Cameo);

        const string fire = "ان دبابات روسية فتحت النار على سكان ودمرت مباني في مدينة غوري.";
        Assert.Contains(Code(fire).Events, ev => ev.Type == "ASSAULT" && ev.Trigger.Text == "فتحت" && ev.Cameo == "190" && ev.Trigger.Start == fire.IndexOf("فتحت", StringComparison.Ordinal));

        const string hostages = "واحتجزت 68 رهينة من الأجانب في فندقين في عمان.";
        Assert.Contains(Code(hostages).Events, ev => ev.Type == "ASSAULT" && ev.Cameo == "181" && ev.Trigger.Start == 0);
    }

    [Fact]
    public void Releasing_prisoners_opening_an_inquiry_and_holding_without_hostages_are_not_assaults()
    {
        Assert.DoesNotContain(Code("وأطلقت السلطات سراح 20 معتقلا أمس.").Events, e => e.Type == "ASSAULT");
        Assert.DoesNotContain(Code("وفتحت الشرطة تحقيقا في الحادث.").Events, e => e.Type == "ASSAULT");
        Assert.DoesNotContain(Code("واحتجزت الشرطة ثلاثة مشتبه بهم للتحقيق.").Events, e => e.Type == "ASSAULT");
    }
}
