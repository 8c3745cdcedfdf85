using Rasid.Core;
using Rasid.Testing;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// The sample story with the entities, actor codes, places and times that the entity and time layers should give
/// (hand-filled from gold/dev.jsonl): the events the issue asks for, each with date and evidence, and no ASSAULT.
/// </summary>
public sealed class SampleStoryEventTests
{
    private static readonly string Sample = File.ReadAllText(RepoPaths.SampleStory);
    private static readonly Lazy<Document> Analysed = new(() =>
    {
        var (entities, times) = EventTestSupport.SampleLayers();
        return EventTestSupport.PipelineWith(entities, times).Analyze(Sample, new ArticleInfo { Id = "afp-20150930-syria-russia", Published = new DateOnly(2015, 9, 30) });
    });

    private static List<Event> Events => Analysed.Value.Events;

    private static Event Find(string type, string trigger, int? triggerStart = null) =>
        Assert.Single(Events, e => e.Type == type && (e.Mentions ?? []).Any(m => m.Trigger.Text == trigger && (triggerStart is null || m.Trigger.Start == triggerStart)));

    [Fact]
    public void Syrian_presidency_requests_Russian_air_support()
    {
        var request = Find("REQUEST", "طلب", 74);
        Assert.StartsWith("SYR", request.Source?.Actor);
        Assert.StartsWith("RUS", request.Target?.Actor);
        Assert.Equal("2015-09-30", request.Date);
        Assert.False(request.DateFromArticle);
        Assert.Equal("020", request.Cameo);
        // الاسد طلب "المساعدة العسكرية" من حليفه is the same request: a second mention, not a second event.
        Assert.Contains(request.Mentions!, m => m.Trigger.Text == "طلب" && m.Trigger.Start > 700);
    }

    [Fact]
    public void Federation_Council_authorises_force_as_a_Russian_mobilisation()
    {
        var mobilize = Find("MOBILIZE", "اجاز");
        Assert.Equal("RUSLEG", mobilize.Source?.Actor);
        Assert.Equal("مجلس الاتحاد الروسي", mobilize.Source?.Text);
        Assert.Equal("RUSGOV", mobilize.Target?.Actor);
        Assert.Equal("2015-09-30", mobilize.Date);
        Assert.Equal("154", mobilize.Cameo);
    }

    [Fact]
    public void Putin_calls_for_a_broad_coalition_on_Monday()
    {
        var call = Find("REQUEST", "ودعا");
        Assert.Equal("RUSGOV", call.Source?.Actor);
        Assert.Equal("الرئيس الروسي", call.Source?.Text);
        Assert.Null(call.Target);
        Assert.Equal("2015-09-28", call.Date);
        Assert.False(call.DateFromArticle);
    }

    [Fact]
    public void Damascus_security_source_welcomes_the_Russian_decision()
    {
        var support = Find("SUPPORT", "ورحب");
        Assert.StartsWith("SYR", support.Source?.Actor);
        Assert.Equal("مصدر امني", support.Source?.Text);
        Assert.Equal("RUS", support.Target?.Actor);
        Assert.Equal("Damascus", support.Place?.Name);
        Assert.Equal("051", support.Cameo);
    }

    [Fact]
    public void Russian_military_build_up_is_placed_in_Latakia()
    {
        var buildUp = Find("MOBILIZE", "ارسال", 1518);
        Assert.Equal("RUSGOV", buildUp.Source?.Actor);
        Assert.Equal("SYR", buildUp.Target?.Actor);
        Assert.Equal("Latakia", buildUp.Place?.Name);
        Assert.True(buildUp.DateFromArticle);
        Assert.Equal("2015-09-30", buildUp.Date);
    }

    [Fact]
    public void No_assault_coercion_or_threat_is_invented()
    {
        Assert.DoesNotContain(Events, e => e.Type is "ASSAULT" or "COERCE" or "THREATEN");
        // Purpose and content predicates (لدعم، لمحاربة، شن ضربات after اجاز) are not events of their own.
        Assert.DoesNotContain(Events, e => e.Trigger.Text is "لدعم" or "لمحاربة" or "ضربات");
    }

    [Fact]
    public void Every_event_has_a_date_evidence_valid_ranges_and_a_unique_stable_id()
    {
        Assert.NotEmpty(Events);
        foreach (var e in Events)
        {
            Assert.NotNull(e.Date);
            Assert.NotNull(e.Evidence);
            Assert.NotEmpty(e.Mentions!);
            Assert.Equal(Sample[e.Trigger.Start..e.Trigger.End], e.Trigger.Text);
            Assert.Matches("^ev-[0-9a-f]{12}(-[0-9]+)?$", e.Id);
        }

        Assert.Equal(Events.Count, Events.Select(e => e.Id).Distinct().Count());
        Assert.Empty(DocumentValidator.Validate(Analysed.Value));
        var (entities, times) = EventTestSupport.SampleLayers();
        var again = EventTestSupport.PipelineWith(entities, times).Analyze(Sample, new ArticleInfo { Id = "afp-20150930-syria-russia", Published = new DateOnly(2015, 9, 30) });
        Assert.Equal(Events.Select(e => e.Id), again.Events.Select(e => e.Id));
    }
}
