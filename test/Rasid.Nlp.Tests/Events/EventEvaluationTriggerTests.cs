using Rasid.Core;
using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Tests.Events;

public sealed class EventEvaluationTriggerTests
{
    private static readonly HashSet<string> GoldVerbs = new(StringComparer.Ordinal) { "تظاهر" };

    private static Event Protest(string trigger, params string[] mentionTriggers) => new()
    {
        Type = "PROTEST",
        Trigger = new Mention { Start = 0, End = trigger.Length, Text = trigger },
        Mentions = mentionTriggers.Length == 0
            ? null
            : [.. mentionTriggers.Select(t => new EventMention { Trigger = new Mention { Start = 0, End = t.Length, Text = t } })],
    };

    [Fact]
    public void Spans_trigger_match_accepts_the_first_trigger_with_clitics_around_the_gold_verb() =>
        Assert.True(EventEvaluation.HasTrigger(Protest("وتظاهر"), GoldVerbs));

    [Fact]
    public void Spans_trigger_match_accepts_a_later_mention_of_a_merged_event()
    {
        // Two PROTEST mentions of one sentence merged into one event: the gold verb is the second mention's trigger.
        Assert.True(EventEvaluation.HasTrigger(Protest("احتجاجات", "احتجاجات", "تظاهر"), GoldVerbs));
    }

    [Fact]
    public void Spans_trigger_match_rejects_an_event_none_of_whose_triggers_is_the_gold_verb()
    {
        Assert.False(EventEvaluation.HasTrigger(Protest("اعتصم", "اعتصم", "احتجاجا"), GoldVerbs));
        Assert.False(EventEvaluation.HasTrigger(Protest(""), GoldVerbs));
    }

    [Fact]
    public void Trigger_match_rate_is_also_given_over_the_sentences_whose_first_span_names_a_verb()
    {
        // Two spans records: one whose first span names the verb تظاهر, one whose first span names none (12 of the 148
        // protest_spans.json sentences): 1 of 2 matched, 1 of the 1 that can match.
        var folder = Directory.CreateTempSubdirectory("rasid-spans-");
        try
        {
            const string header = ",accept,event_type,id,label,reject,text,total\n";
            File.WriteAllText(Path.Combine(folder.FullName, "assault_gsr.csv"), header);
            File.WriteAllText(Path.Combine(folder.FullName, "protest_gsr.csv"), header);
            File.WriteAllText(Path.Combine(folder.FullName, "protest_spans.json"), """
                [ {"source": "a", "text": "تظاهر مئات الطلاب امس ضد الحكومة.", "spans": [ {"source_actor": ["الطلاب"], "verb": ["تظاهر"], "target_actor": [], "source_role": {"main": "None", "role": "EDU"}, "target_role": {}} ]},
                  {"source": "b", "text": "وتظاهر مئات العمال امس.", "spans": [ {"source_actor": ["العمال"], "verb": [], "target_actor": [], "source_role": {"main": "None", "role": "CVL"}, "target_role": {}} ]} ]
                """);
            var pipeline = new RasidPipeline(RasidPipeline.CreateDefault().Components.Select(c => c is EventCoderComponent coder ? coder.WithoutDetector() : c));
            var json = System.Text.Json.Nodes.JsonNode.Parse(new EventEvaluation(pipeline).Run(folder.FullName).ToJson())!;
            Assert.Equal(0.5, json["PROTEST_spans"]!["trigger_match_rate"]!.GetValue<double>());
            Assert.Equal(1.0, json["PROTEST_spans"]!["trigger_match_rate_with_verb"]!.GetValue<double>());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Spans_exact_trigger_choice_prefers_the_event_whose_trigger_equals_the_gold_verb()
    {
        // «وبعد عدة ساعات على قصف منزل الشنطي، قامت دبابة اسرائيلية بقصف احد المنازل»: the gold verb is بقصف.
        var verbs = new HashSet<string>(StringComparer.Ordinal) { "بقصف" };
        var earlier = Assault("قصف");
        var later = Assault("بقصف");
        Assert.Equal(1, EventEvaluation.TriggerMatch(earlier, verbs));
        Assert.Equal(2, EventEvaluation.TriggerMatch(later, verbs));
        Assert.Same(earlier, EventEvaluation.MatchingEvent([earlier, later], verbs, preferExactTrigger: false));
        Assert.Same(later, EventEvaluation.MatchingEvent([earlier, later], verbs, preferExactTrigger: true));
    }

    [Fact]
    public void Spans_exact_trigger_choice_falls_back_to_the_first_containing_trigger()
    {
        var verbs = new HashSet<string>(StringComparer.Ordinal) { "قتل" };
        var first = Assault("مقتل");
        var second = Assault("بمقتل");
        Assert.Same(first, EventEvaluation.MatchingEvent([first, second], verbs, preferExactTrigger: true));
        Assert.Null(EventEvaluation.MatchingEvent([Assault("خطف")], verbs, preferExactTrigger: true));
    }

    private static Event Assault(string trigger) => new()
    {
        Type = "ASSAULT",
        Trigger = new Mention { Start = 0, End = trigger.Length, Text = trigger },
    };
}
