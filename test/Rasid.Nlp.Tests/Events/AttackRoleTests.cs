using Rasid.Core;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Tests.Events;

/// <summary>
/// ASSAULT role rules of session 11 (branch s11-roles11): a light verb far from the masdar it governs (قام ... بقتل), with
/// sentences of the GSR span file and cases that must not fire.
/// </summary>
public sealed class AttackRoleTests
{
    private static Document Code(string text, params Entity[] entities) =>
        EventTestSupport.CodeWithRules(text, new DateOnly(2007, 7, 10), entities);

    private static int At(string text, string word) => text.IndexOf(word, StringComparison.Ordinal);

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
}
