using Rasid.Nlp.Times;
using Xunit;

namespace Rasid.Nlp.Tests.Times;

public sealed class TimeLexiconTests
{
    [Fact]
    public void Lexicon_loads_with_a_version_and_months_of_all_systems()
    {
        var lex = TimeLexicon.Default;
        Assert.Equal("1", lex.Version);
        Assert.Contains(lex.Candidates("month", ArabicFold.Fold("كانون")), e => e.Value == "12");
        Assert.Contains(lex.Candidates("month", ArabicFold.Fold("جويلية")), e => e.Value == "7");
        Assert.Contains(lex.Candidates("month", ArabicFold.Fold("ديسمبر")), e => e.Value == "12");
    }
}
