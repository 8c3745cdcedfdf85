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
    public void Without_tag_rules_only_the_lemmas_of_padt_are_relabelled()
    {
        var map = ConventionMap.Learn(Target(), minCount: 2);
        IReadOnlyList<TrainingToken> padt = [Word("غير", "NOUN", "غير"), Word("الأمم", "NOUN", "أمة"), Word("المتحدة", "ADJ", "متحد"), Word("ذلك", "PRON", "ذلك")];
        var relabelled = map.Apply([padt], out var changed, tagRules: false).Single().Select(t => t.Words.Single()).ToList();
        Assert.Equal(["NOUN", "NOUN", "ADJ", "PRON"], relabelled.Select(w => w.Upos)); // غير PART and the name pair are not applied
        Assert.Equal("ذ`لك", relabelled[3].Lemma);
        Assert.Equal(1, changed);
    }

    [Fact]
    public void Name_pairs_alone_relabel_the_pair_but_not_the_form_conventions()
    {
        var map = ConventionMap.Learn(Target(), minCount: 2);
        IReadOnlyList<TrainingToken> padt = [Word("غير", "NOUN", "غير"), Word("الأمم", "NOUN", "أمة"), Word("المتحدة", "ADJ", "متحد"), Word("الأمم", "NOUN", "أمة"), Word("العربية", "ADJ", "عربي")];
        var pairs = map.Apply([padt], out var changed, TagConventionKinds.Pairs).Single().Select(t => t.Words.Single()).ToList();
        Assert.Equal(["NOUN", "PROPN", "PROPN", "NOUN", "ADJ"], pairs.Select(w => w.Upos)); // غير keeps PADT's NOUN
        Assert.Equal(2, changed);
        var form = map.Apply([padt], out changed, TagConventionKinds.Form).Single().Select(t => t.Words.Single()).ToList();
        Assert.Equal(["PART", "NOUN", "ADJ", "NOUN", "ADJ"], form.Select(w => w.Upos)); // the name pair is not applied
        Assert.Equal(1, changed);
    }

    [Fact]
    public void A_form_seen_fewer_times_than_the_minimum_is_not_a_convention()
    {
        var map = ConventionMap.Learn(Target(), minCount: 3);
        Assert.Equal(0, map.TagRules);
        Assert.Equal(0, map.LemmaRules);
        Assert.Equal(1, map.PairRules); // a name pair needs one sighting
    }

    // PUD style: a sentence-initial و is PART, و between words CCONJ (so the form itself has no convention).
    private const string PudContext = """
        # sent_id = c1
        # text = وقال إن الوزير والنائب
        1-2	وقال	_	_	_	_	_	_	_	_
        1	و	وَ	PART	_	_	2	cc	_	_
        2	قال	قَال	VERB	_	_	0	root	_	_
        3	إن	إِن	SCONJ	_	_	5	mark	_	_
        4	الوزير	وَزِير	NOUN	_	_	2	nsubj	_	_
        5-6	والنائب	_	_	_	_	_	_	_	_
        5	و	وَ	CCONJ	_	_	6	cc	_	_
        6	النائب	نَائِب	NOUN	_	_	4	conj	_	_

        # sent_id = c2
        # text = وأكد الوزير والنائب
        1-2	وأكد	_	_	_	_	_	_	_	_
        1	و	وَ	PART	_	_	2	cc	_	_
        2	أكد	أَكَّد	VERB	_	_	0	root	_	_
        3	الوزير	وَزِير	NOUN	_	_	2	nsubj	_	_
        4-5	والنائب	_	_	_	_	_	_	_	_
        4	و	وَ	CCONJ	_	_	5	cc	_	_
        5	النائب	نَائِب	NOUN	_	_	3	conj	_	_

        """;

    [Fact]
    public void Context_conventions_relabel_a_sentence_initial_waw_as_part_but_not_a_waw_between_nouns()
    {
        var target = TrainingCorpus.ReadSurface(ConlluReader.Read(new StringReader(PudContext), "pud")).Select(s => (IReadOnlyList<TrainingToken>)s).ToList();
        IReadOnlyList<TrainingToken> padt =
        [
            Word("و", "CCONJ", "و"), Word("قال", "VERB", "قال"), Word("الوزير", "NOUN", "وزير"), Word("و", "CCONJ", "و"), Word("النائب", "NOUN", "نائب"),
        ];

        var map = ConventionMap.Learn(target, minCount: 2, context: true);
        Assert.True(map.ContextRules > 0); // و is PART twice and CCONJ twice: no rule for the form alone, rules in context
        var relabelled = map.Apply([padt], out var changed).Single().Select(t => t.Words.Single().Upos).ToList();
        Assert.Equal(["PART", "VERB", "NOUN", "CCONJ", "NOUN"], relabelled);
        Assert.Equal(1, changed);

        var plain = ConventionMap.Learn(target, minCount: 2);
        Assert.Equal(0, plain.ContextRules);
        Assert.Equal("CCONJ", plain.Apply([padt], out _).Single()[0].Words.Single().Upos);
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
