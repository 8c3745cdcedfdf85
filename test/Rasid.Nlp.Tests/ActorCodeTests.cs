using Rasid.Nlp.Entities;
using Rasid.Nlp.Evaluation;

namespace Rasid.Nlp.Tests;

/// <summary>How <see cref="ActorLinker.CountryAndRole"/> codes an actor phrase (the span gold's rules, session 10).</summary>
public sealed class ActorCodeTests
{
    private static readonly ActorLinker Linker = new(EntityLexicon.Default);
    private static readonly DateOnly Date = new(2008, 3, 1);

    private static (string? Country, string? Role) Code(string phrase, DateOnly? date = null) =>
        Linker.CountryAndRole(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ArabicForms.Normalize).ToList(), date ?? Date);

    [Fact]
    public void A_bare_person_has_no_role_but_the_plural_persons_and_civilians_are_civilians()
    {
        Assert.Equal((null, null), Code("شخصا"));
        Assert.Equal((null, null), Code("15 شخصا"));
        Assert.Equal((null, null), Code("شخصين"));
        Assert.Equal((null, "CVL"), Code("اشخاص"));
        Assert.Equal((null, "CVL"), Code("مدنيين"));
        Assert.Equal(("AFG", "CVL"), Code("مدنيين افغان"));
    }

    [Fact]
    public void The_taliban_are_not_two_students()
    {
        Assert.Equal(("IMG", "REB"), Code("طالبان"));
        Assert.Equal(("IMG", "REB"), Code("لطالبان"));
        Assert.Equal(("IMG", "REB"), Code("متشددو طالبان"));
        // The real dual and plural of طالب stay students.
        Assert.Equal((null, "EDU"), Code("طالبين"));
        Assert.Equal((null, "EDU"), Code("طلاب"));
    }

    [Fact]
    public void Fighters_and_terrorists_are_unidentified_armed_forces()
    {
        Assert.Equal((null, "UAF"), Code("مقاتلا"));
        Assert.Equal((null, "UAF"), Code("المقاتلين"));
        Assert.Equal((null, "UAF"), Code("الارهابيون"));
        Assert.Equal((null, "UAF"), Code("47 ارهابياً"));
        // Rebels stay rebels.
        Assert.Equal((null, "REB"), Code("المتمردين"));
    }

    [Fact]
    public void Suicide_bombers_follow_the_span_gold_per_form()
    {
        Assert.Equal((null, "CRM"), Code("انتحاري"));
        Assert.Equal((null, "UAF"), Code("انتحاريا"));
        Assert.Equal((null, "UAF"), Code("الانتحاريين"));
        Assert.Equal((null, "UAF"), Code("انتحاريان"));
        Assert.Equal((null, "REB"), Code("مسلحون"));
        Assert.Equal((null, "UAF"), Code("مسلحين"));
        Assert.Equal((null, "UAF"), Code("مسلح"));
    }

    [Fact]
    public void Tanks_and_helicopters_are_military()
    {
        Assert.Equal(("USA", "MIL"), Code("دبابات أميركية"));
        Assert.Equal(("RUS", "MIL"), Code("دبابة روسية"));
        Assert.Equal((null, "MIL"), Code("هليكوبتر أباتشي"));
    }

    [Fact]
    public void A_former_office_holder_is_an_elite_but_a_former_government_is_a_government()
    {
        Assert.Equal(("MRT", "ELI"), Code("الرئيس السابق سيدي محمد ولد الشيخ عبد الله"));
        Assert.Equal(("PAK", "ELI"), Code("رئيسة الوزراء الباكستانية السابقة"));
        Assert.Equal(("PAK", "GOV"), Code("رئيسة الوزراء الباكستانية"));
        Assert.Equal((null, "GOV"), Code("الحكومة السابقة"));
        // السابق far from the title (the previous day of a minister's visit) does not make him former.
        Assert.Equal(("EGY", "GOV"), Code("الوزير الذي زار القاهرة في العام السابق"));
    }

    [Fact]
    public void World_cities_that_are_common_words_give_no_country()
    {
        // الخمسة, شاب, الناس and بلدة are also towns of the world-cities list (Libya, Tunisia, Ireland, Malta).
        Assert.Equal((null, "CVL"), Code("المدنيون الخمسة"));
        Assert.Equal((null, null), Code("شاب مسيحي"));
        Assert.Equal((null, "PTY"), Code("مكاتب الحزب في بلدة إلجويبار"));
        Assert.Equal((null, null), Code("الناس"));
        // Countries, capitals and the hand-checked places still give theirs.
        Assert.Equal(("IRQ", null), Code("قرب كركوك"));
        // A noun for a kind of place alone names none: المدينة is "the city", not Medina; the place after it still counts.
        Assert.Equal((null, null), Code("المدينة الرئيسية بالدلتا"));
        Assert.Equal(("IRQ", null), Code("مدينة كركوك"));
        Assert.Equal(("SAU", null), Code("المدينة المنورة"));
        Assert.Equal(("AFG", "GOV"), Code("مقر حاكم كابل"));
        Assert.Equal(("PSE", "CVL"), Code("المواطنين الفلسطينيين"));
    }

    [Fact]
    public void Gold_words_lose_the_punctuation_glued_to_them()
    {
        Assert.Equal("بوش", ActorSpanEvaluation.Word("بوش»."));
        Assert.Equal("", ActorSpanEvaluation.Word("«"));
        Assert.Equal("إيه-إتش", ActorSpanEvaluation.Word("إيه-إتش"));
    }

    [Fact]
    public void A_religion_code_of_the_agents_is_no_role()
    {
        Assert.Null(ActorLinker.AgentRole("MUS"));
        Assert.Equal("UAF", ActorLinker.AgentRole("MUSUAF"));
        Assert.Equal("GOV", ActorLinker.AgentRole("GOV"));
        Assert.Equal("REB", ActorLinker.AgentRole("REBMUS"));
        Assert.Equal(("IMG", null), Code("تنظيم القاعدة في بلاد المغرب الإسلامي"));
        Assert.Equal((null, "UAF"), Code("المسلحين الاسلاميين"));
    }
}
