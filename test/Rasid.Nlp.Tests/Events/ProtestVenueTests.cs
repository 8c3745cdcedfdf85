using Rasid.Core;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// Session 11: the institution a protest stands at as its target (role_cues.tsv v8 classes <c>venue_prep</c>,
/// <c>institution</c>, <c>embassy</c>), protest nouns that name their participants (<c>protester</c>) are never the content
/// of an irrealis trigger, and what protesters burn (احرق: <c>protest_target</c>) names the target.
/// </summary>
public sealed class ProtestVenueTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    [Fact]
    public void Role_cues_file_carries_the_session_11_version()
    {
        Assert.Contains("role_cues.tsv@10", EventKnowledge.Default.Versions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protest_at_an_embassy_targets_the_embassy_over_a_cue_target()
    {
        const string text = "وتظاهر مئات الطلاب امس امام السفارة الاميركية في عمان احتجاجا على رفع نصب الجندي.";
        var doc = Code(text, EventTestSupport.Entity(text, "عمان", "LOC", "JOR"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "وتظاهر");
        Assert.Equal("USAGOV", e.Target?.Actor);
        Assert.Equal(text.IndexOf("السفارة", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void The_coded_name_after_the_headquarters_of_is_the_target_of_a_protest_without_one()
    {
        const string text = "وتظاهر مئات الطلاب امس امام مقر الامم المتحدة في بيروت.";
        var doc = Code(text, EventTestSupport.Entity(text, "الامم المتحدة", "ORG", "IGOUNO"), EventTestSupport.Entity(text, "بيروت", "LOC", "LBN"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST");
        Assert.Equal("IGOUNO", e.Target?.Actor);
        Assert.Equal(text.IndexOf("الامم", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_cue_target_wins_over_an_institution_that_is_no_embassy()
    {
        const string text = "وتظاهر مئات الطلاب امام مقر الامم المتحدة احتجاجا على زيارة بوش.";
        var doc = Code(text, EventTestSupport.Entity(text, "الامم المتحدة", "ORG", "IGOUNO"), EventTestSupport.Entity(text, "بوش", "PER", "USAGOV"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "وتظاهر");
        Assert.Equal("USAGOV", e.Target?.Actor);
        Assert.Equal(text.IndexOf("بوش", StringComparison.Ordinal), e.Target?.Start);
    }

    [Fact]
    public void A_place_after_a_venue_preposition_or_a_name_without_a_building_is_no_target()
    {
        // امام مقر في بيروت: a place has no role; امام الامم المتحدة without a building word is not the protest's venue.
        const string placeText = "وتظاهر مئات الطلاب امام مقر في بيروت.";
        var place = Assert.Single(Code(placeText, EventTestSupport.Entity(placeText, "بيروت", "LOC", "LBN")).Events, e => e.Type == "PROTEST");
        Assert.Null(place.Target);
        const string bareText = "وتظاهر مئات الطلاب امس امام الامم المتحدة.";
        var bare = Assert.Single(Code(bareText, EventTestSupport.Entity(bareText, "الامم المتحدة", "ORG", "IGOUNO")).Events, e => e.Type == "PROTEST");
        Assert.Null(bare.Target);
    }

    [Fact]
    public void Protesters_who_call_for_something_are_a_protest_and_not_the_content_of_the_call()
    {
        const string text = "ودعا متظاهرون اول من امس أمام مقر المجلة في الدار البيضاء، الى الافراج عن الصحافيين.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "PROTEST");
        // Session 12: the protester noun's event reports the verb the protesters are the subject of as its trigger.
        Assert.Equal("ودعا", e.Trigger.Text);
        Assert.Equal(0, e.Trigger.Start);
        Assert.Equal(text.IndexOf("متظاهرون", StringComparison.Ordinal), e.Source?.Start);
    }

    [Fact]
    public void Protests_that_a_call_asks_for_stay_its_content()
    {
        const string text = "دعت النقابات امس الى القيام باحتجاجات ضد الحزب القومي الألماني.";
        Assert.DoesNotContain(Code(text).Events, e => e.Type == "PROTEST");
    }

    [Fact]
    public void The_owner_of_the_flags_protesters_burn_is_the_target()
    {
        const string text = "وفي بغداد أحرق متظاهرون أعلام اسرائيل في احتجاجات عمت العراق امس.";
        var doc = Code(text, EventTestSupport.Entity(text, "بغداد", "LOC", "IRQ"), EventTestSupport.Entity(text, "اسرائيل", "LOC", "ISR"), EventTestSupport.Entity(text, "العراق", "LOC", "IRQ"));
        var e = Assert.Single(doc.Events, e => e.Type == "PROTEST" && e.Trigger.Text == "أحرق"); // the verb of متظاهرون (session 12)
        Assert.Equal("ISR", e.Target?.Actor);
        Assert.Equal(text.IndexOf("اسرائيل", StringComparison.Ordinal), e.Target?.Start);
    }
}
