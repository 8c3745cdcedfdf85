using System.Xml.Linq;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Rasid.Testing;
using Xunit.Abstractions;
using static Rasid.Text.Lucene.Tests.AnalyzerAssert;

namespace Rasid.Text.Lucene.Tests;

public sealed class LuceneComparisonTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Without_stop_words_most_terms_of_the_padt_afp_sentences_equal_lucene_arabic_analyzer_terms()
    {
        var path = RepoPaths.SharedData("raw", "padt-afp-2000-sentences.xml");
        var sentences = XDocument.Load(path).Descendants("Text").Select(t => t.Value.Trim()).ToList();
        using var ours = new RasidArabicAnalyzer(stopWords: []);
        using var lucene = new ArabicAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);
        long same = 0, total = 0;
        foreach (var sentence in sentences)
        {
            var a = Analyze(ours, sentence, out _).ToDictionary(t => (t.Start, t.End), t => t.Term);
            foreach (var t in Analyze(lucene, sentence, out _))
            {
                total++;
                if (a.TryGetValue((t.Start, t.End), out var term) && term == t.Term) same++;
            }
        }

        var agreement = (double)same / total;
        output.WriteLine($"{same} of {total} Lucene ArabicAnalyzer terms ({agreement:P2}) equal Rasid's term at the same offsets");
        Assert.InRange(agreement, 0.95, 1.0);
    }
}
