using Rasid.Core;

namespace Rasid.Nlp.Tests.Events;

/// <summary>How the event coder codes its participant phrases (session 10: nationalities and titles before actor phrases).</summary>
public sealed class ActorMentionCodeTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2008, 1, 10), entities);

    [Fact]
    public void The_tamils_after_rebels_give_sri_lanka_as_their_country()
    {
        const string text = "قتل الجيش 20 من المتمردين التاميل في شمال البلاد.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("LKAREB", e.Target?.Actor);
        Assert.Equal(text.IndexOf("التاميل", StringComparison.Ordinal) + "التاميل".Length, e.Target?.End);
    }

    [Fact]
    public void Rebels_without_a_nationality_have_no_country()
    {
        const string text = "قتل الجيش 20 من المتمردين في شمال البلاد.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal("---REB", e.Target?.Actor);
    }

    [Fact]
    public void A_title_joins_the_actor_phrase_after_it()
    {
        const string text = "وخطف مسلحون نائب رئيس البلدية من سيارته.";
        var e = Assert.Single(Code(text).Events, e => e.Type == "ASSAULT");
        Assert.Equal(text.IndexOf("نائب", StringComparison.Ordinal), e.Target?.Start);
        Assert.Equal(text.IndexOf("البلدية", StringComparison.Ordinal) + "البلدية".Length, e.Target?.End);
        Assert.Equal("---GOV", e.Target?.Actor);
        // The armed men before the title stay the source: an agent that is not a title takes no phrase after it.
        Assert.Equal(text.IndexOf("مسلحون", StringComparison.Ordinal), e.Source?.Start);
        Assert.Equal(text.IndexOf("مسلحون", StringComparison.Ordinal) + "مسلحون".Length, e.Source?.End);
    }
}
