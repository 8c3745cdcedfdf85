using Rasid.Core;
using Rasid.Nlp.Evaluation;

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
