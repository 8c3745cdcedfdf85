using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Tagging;
using Rasid.Nlp.Training;

namespace Rasid.Nlp.Tests;

public sealed class ConventionTests
{
    // PUD style: غير is PART, the words of a multi-word name are all PROPN, ذلك's lemma carries PUD's backtick,
    // and أن is SCONJ once and ADP once (no convention to learn).
    private const string Pud = """
        # sent_id = p1
        # text = غير أن الأمم المتحدة ذلك
        1	غير	غَير	PART	_	_	0	root	_	_
        2	أن	أَن	SCONJ	_	_	1	mark	_	_
        3	الأمم	أُمَّة	PROPN	_	Definite=Def	1	nmod	_	_
        4	المتحدة	مُتَّحِد	PROPN	_	Definite=Def	3	flat	_	_
        5	ذلك	ذ`لِك	PRON	_	_	1	obj	_	_

        # sent_id = p2
        # text = غير أن ذلك
        1	غير	غَير	PART	_	_	0	root	_	_
        2	أن	أَن	ADP	_	_	1	mark	_	_
        3	ذلك	ذ`لِك	PRON	_	_	1	obj	_	_

        """;

    private static List<IReadOnlyList<TrainingToken>> Target() =>
        TrainingCorpus.ReadSurface(ConlluReader.Read(new StringReader(Pud), "pud")).Select(s => (IReadOnlyList<TrainingToken>)s).ToList();

    private static TrainingToken Word(string text, string upos, string lemma) => new([new TrainingWord(text, upos, lemma, false, false)], 0, 0);

    [Fact]
    public void Conventions_learned_from_pud_relabel_padt_forms_name_pairs_and_lemmas_but_not_forms_pud_tags_both_ways()
    {
        var map = ConventionMap.Learn(Target(), minCount: 2);
        IReadOnlyList<TrainingToken> padt =
        [
            Word("غير", "NOUN", "غير"), Word("أن", "SCONJ", "أن"), Word("الأمم", "NOUN", "أمة"), Word("المتحدة", "ADJ", "متحد"),
            Word("ذلك", "PRON", "ذلك"), Word("الأمم", "NOUN", "أمة"), Word("العربية", "ADJ", "عربي"),
        ];
        var relabelled = map.Apply([padt], out var changed).Single().Select(t => t.Words.Single()).ToList();
        Assert.Equal(["PART", "SCONJ", "PROPN", "PROPN", "PRON", "NOUN", "ADJ"], relabelled.Select(w => w.Upos));
        Assert.Equal("ذ`لك", relabelled[4].Lemma);
        Assert.Equal("أمة", relabelled[2].Lemma); // no PUD lemma learned for الأمم PROPN (seen once)
        Assert.Equal(4, changed);
        Assert.Equal("NOUN", padt[0].Words[0].Upos); // the input is not changed
    }

    [Fact]
    public void A_form_seen_fewer_times_than_the_minimum_is_not_a_convention()
    {
        var map = ConventionMap.Learn(Target(), minCount: 3);
        Assert.Equal(0, map.TagRules);
        Assert.Equal(0, map.LemmaRules);
        Assert.Equal(1, map.PairRules); // a name pair needs one sighting
    }

    [Fact]
    public void Lemma_edit_rules_keep_the_longest_common_part_of_form_and_lemma()
    {
        Assert.Equal(new LemmaRule(1, 2, "", ""), PerceptronTagger.RuleOf("يحملون", "حمل"));
        Assert.Equal(new LemmaRule(1, 0, "\u0671", ""), PerceptronTagger.RuleOf("استبدل", "\u0671ستبدل"));
        Assert.Equal(new LemmaRule(2, 2, "", "ة"), PerceptronTagger.RuleOf("البطاريات", "بطارية"));
        Assert.Null(PerceptronTagger.RuleOf("ذهب", "مضى")); // nothing in common
    }

    [Fact]
    public void Unseen_words_are_lemmatized_by_the_rule_learned_for_their_first_and_last_letters()
    {
        List<IReadOnlyList<TrainingToken>> sentences =
        [
            [Word("يكتبون", "VERB", "كتب"), Word("يلعبون", "VERB", "لعب"), Word("يدرسون", "VERB", "درس"), Word(".", "PUNCT", ".")],
            [Word("كتبت", "VERB", "كتب"), Word("كسرت", "VERB", "كسر"), Word(".", "PUNCT", ".")],
            [Word("الزراعية", "ADJ", "زراعي"), Word("الصناعية", "ADJ", "صناعي"), Word(".", "PUNCT", ".")],
        ];
        var tagger = PerceptronTagger.Train(sentences, "test", epochs: 2);
        Assert.True(tagger.LemmaRuleCount > 0);
        Assert.Equal("حمل", tagger.Lemmatize("يحملون", "VERB"));
        Assert.Equal("كشف", tagger.Lemmatize("كشفت", "VERB"));       // first letter ك and last ت: cut ت
        Assert.Equal("تجاري", tagger.Lemmatize("التجارية", "ADJ"));  // rules apply to the word without its article
        Assert.Equal("«", tagger.Lemmatize("«", "PUNCT")); // no rules for punctuation
        using var stream = new MemoryStream();
        tagger.Save(stream);
        stream.Position = 0;
        Assert.Equal("حمل", PerceptronTagger.Load(stream).Lemmatize("يحملون", "VERB"));
    }
}
