using Rasid.Nlp.Tagging;
using Rasid.Nlp.Training;

namespace Rasid.Nlp.Tests;

public sealed class TaggerTests
{
    // PADT v1 style: vocalized forms, UD v1 labels, English glosses in MISC.
    private const string PadtSample = """
        # sent_id t-1
        1	زَارَ	زَار	VERB	VP-A-3MS--	Aspect=Perf	0	root	_	Gloss=visit
        2	اَلرَّئِيسُ	رَئِيس	NOUN	N------S1D	Case=Nom|Definite=Def|Number=Sing	1	nsubj	_	Gloss=president,head
        3	اَلفِلَسطِينِيُّ	فِلَسطِينِيّ	NOUN	N------S1D	Case=Nom|Definite=Def|Number=Sing	2	amod	_	Gloss=Palestinian
        4	اَلقَاهِرَةَ	قَاهِرَة	NOUN	N------S4D	Case=Acc|Definite=Def|Number=Sing	1	dobj	_	Gloss=Cairo
        5	أَمِيرُ	أَمِير	NOUN	N------S1R	Case=Nom|Definite=Red|Number=Sing	1	nsubj	_	Gloss=Emir,prince
        6	هٰذَا	هٰذَا	DET	SD----MS--	Case=Gen|PronType=Dem	1	det	_	Gloss=this
        7	كُلَّ	كُلّ	NOUN	N------S4R	Case=Acc|Definite=Red|Number=Sing	1	nmod	_	Gloss=all,every
        8	حَالِيّاً	حَالِيّ	ADJ	A-----MS4I	Case=Acc|Definite=Ind|Number=Sing	1	advmod	_	Gloss=current
        9	شَارُون	شَارُون	X	X---------	Foreign=Foreign	1	dep	_	Gloss=Sharon
        10	ب	ب	X	Y---------	Abbr=Yes	1	dep	_	Gloss=B
        11	عِندَمَا	عِندَمَا	CONJ	C---------	_	1	mark	_	Gloss=when

        """;

    private static List<List<TrainingToken>> ReadSample()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rasid-padt-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, PadtSample);
        try
        {
            return TrainingCorpus.ReadPadt(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Padt_v1_labels_are_mapped_to_ud_v2_with_proper_nouns_from_capitalized_glosses()
    {
        var words = ReadSample().Single().SelectMany(t => t.Words).ToDictionary(w => w.Text, w => w.Upos);
        Assert.Equal("PROPN", words["القاهرة"]);   // Gloss=Cairo
        Assert.Equal("NOUN", words["الرئيس"]);     // lower-case gloss
        Assert.Equal("NOUN", words["الفلسطيني"]);  // nisba lemma (…يّ): a demonym, not a name
        Assert.Equal("NOUN", words["أمير"]);       // Emir,prince: one alternative is lower case
        Assert.Equal("PRON", words["هذا"]);        // demonstrative DET of v1
        Assert.Equal("DET", words["كل"]);          // quantifier noun
        Assert.Equal("ADV", words["حاليا"]);       // indefinite accusative with tanwin as advmod
        Assert.Equal("PROPN", words["شارون"]);     // X Foreign=Foreign in Arabic letters
        Assert.Equal(TrainingCorpus.Unknown, words["ب"]); // abbreviation letter: context only
        Assert.Equal("SCONJ", words["عندما"]);
        Assert.Equal("VERB", words["زار"]);
    }

    [Fact]
    public void A_single_unanalysed_padt_word_is_marked_so_the_segmenter_does_not_learn_from_it()
    {
        const string sample = """
            # sent_id t-2
            1	وَ	وَ	CONJ	C---------	_	2	cc	_	Gloss=and
            2	زَارَ	زَار	VERB	VP-A-3MS--	Aspect=Perf	0	root	_	Gloss=visit
            3	وناغازاكي	وناغازاكي	X	U---------	_	2	dep	_	Translit=wnAgAzAky

            """;
        var path = Path.Combine(Path.GetTempPath(), $"rasid-padt-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, sample);
        try
        {
            var tokens = TrainingCorpus.ReadPadt(path).Single();
            Assert.Equal(["وزار", "وناغازاكي"], tokens.Select(t => t.Form));
            Assert.False(tokens[0].Unanalysed);
            Assert.Equal(1, tokens[0].Prefix);
            Assert.True(tokens[1].Unanalysed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tagging_spans_gives_the_same_tags_as_the_list_api_and_allocates_nothing()
    {
        var tagger = PerceptronTagger.Default;
        TaggerInput[] sentence =
        [
            new("قال", 0), new("الرئيس", 0), new("المصري", 0), new("إن", 0), new("القاهرة", 0), new("و", 1), new("الرياض", 2),
            new("اتفقتا", 0), new("على", 0), new("خطة", 0), new("جديدة", 0), new(".", 0),
        ];
        var tags = new int[sentence.Length];
        tagger.Tag(sentence, tags);
        Assert.Equal(tagger.Tag(sentence.ToList()), tags.Select(tagger.TagName));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++) tagger.Tag(sentence, tags);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal("PROPN", tagger.TagName(tags[4]));
        Assert.Equal("CCONJ", tagger.TagName(tags[5]));
        Assert.Equal("VERB", tagger.TagName(tags[7]));
    }

    [Fact]
    public void Unseen_adjectives_lose_article_feminine_and_plural_endings_but_punctuation_and_numbers_stay()
    {
        Assert.Equal("زراعي", PerceptronTagger.FallbackLemma("الزراعية", "ADJ"));
        Assert.Equal("مباشر", PerceptronTagger.FallbackLemma("مباشرا", "ADJ"));
        Assert.Equal("تكنولوجي", PerceptronTagger.FallbackLemma("التكنولوجيين", "ADJ"));
        Assert.Equal("بطارية", PerceptronTagger.FallbackLemma("بطاريات", "NOUN"));
        Assert.Equal("سيارة", PerceptronTagger.FallbackLemma("السيارة", "NOUN"));   // a noun keeps its ة
        Assert.Equal("كبير", PerceptronTagger.FallbackLemma("كبير", "ADJ"));         // too short to lose an ending
        Assert.Equal("2015", PerceptronTagger.FallbackLemma("2015", "NUM"));
        Assert.Equal("«", PerceptronTagger.FallbackLemma("«", "PUNCT"));
    }

    [Fact]
    public void Lemmatize_uses_the_table_then_folded_spellings_then_the_fallback()
    {
        var tagger = PerceptronTagger.Default;
        Assert.Equal("قال", tagger.Lemmatize("قال", "VERB"));
        Assert.Equal(tagger.Lemmatize("الأمريكية", "ADJ"), tagger.Lemmatize("الامريكية", "ADJ"));
        Assert.Equal("زنجبيلي", tagger.Lemmatize("الزنجبيلية", "ADJ"));
    }

    [Fact]
    public void An_unseen_noun_takes_the_lemma_of_a_seen_spelling_variant_but_a_verb_does_not()
    {
        var tagger = PerceptronTagger.Default;
        Assert.Equal("جد", tagger.Lemmatize("الأجداد", "NOUN"));   // seen without the article: أجداد → جد
        Assert.Equal("سور", tagger.Lemmatize("الاسوار", "NOUN"));   // and folded: أسوار → سور
        Assert.Equal("موهبة", tagger.Lemmatize("مواهب", "NOUN"));   // seen with the article: المواهب → موهبة
        Assert.Equal("صفحة", tagger.Lemmatize("صفحت", "NOUN"));     // host of صفحته: ت as ة
        Assert.NotEqual("موهبة", tagger.Lemmatize("مواهب", "VERB")); // only nouns, adjectives and names
        Assert.NotEqual("جد", tagger.Lemmatize("الأجداد", "VERB"));
    }

    [Fact]
    public void Cluster_bit_strings_become_codes_that_keep_their_length()
    {
        Assert.Equal(0b10110, PerceptronTagger.ClusterCodeOf("0110"));
        Assert.Equal(0b1110, PerceptronTagger.ClusterCodeOf("110"));
        Assert.NotEqual(PerceptronTagger.ClusterCodeOf("0110"), PerceptronTagger.ClusterCodeOf("110"));
        Assert.Throws<FormatException>(() => PerceptronTagger.ClusterCodeOf("01a"));
    }

    [Fact]
    public void A_model_trained_with_word_clusters_stores_them_and_tags_the_same_after_loading()
    {
        var sentences = ReadSample().Select(s => (IReadOnlyList<TrainingToken>)s).ToList();
        // Keys normalized as by 'rasid train clusters' (ة → ه); دمشق is never seen in training but shares القاهرة's cluster.
        var clusters = new Dictionary<string, string> { ["القاهره"] = "01101", ["دمشق"] = "01101", ["الرئيس"] = "10010" };
        var model = PerceptronTagger.Train(sentences, "test", epochs: 3, clusters: clusters);
        Assert.Equal(3, model.ClusterWords);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = PerceptronTagger.Load(stream);
        Assert.Equal(3, loaded.ClusterWords);
        List<TaggerInput> inputs = [new("زار", 0), new("الرئيس", 0), new("دمشق", 0)];
        Assert.Equal(model.Tag(inputs), loaded.Tag(inputs));
        var without = PerceptronTagger.Train(sentences, "test", epochs: 3);
        Assert.Equal(0, without.ClusterWords);
        Assert.True(model.FeatureRows > without.FeatureRows); // the cluster features carry weights
    }

    private static TrainingToken Word(string text, string upos) => new([new TrainingWord(text, upos, text, false, false)], 0, 0);

    [Fact]
    public void Feature_augmentation_tags_as_the_in_domain_sentences_even_when_they_are_outnumbered()
    {
        // Out of domain (PADT style) the head of "معاهدة فرساي" is NOUN, five times as often as the in-domain (PUD style)
        // PROPN; "زار" and "القاهرة" are tagged alike in both domains.
        IReadOnlyList<TrainingToken> padt = [Word("وقع", "VERB"), Word("معاهدة", "NOUN"), Word("فرساي", "PROPN")];
        IReadOnlyList<TrainingToken> pud = [Word("وقع", "VERB"), Word("معاهدة", "PROPN"), Word("فرساي", "PROPN")];
        IReadOnlyList<TrainingToken> shared = [Word("زار", "VERB"), Word("القاهرة", "PROPN")];
        var sentences = new List<IReadOnlyList<TrainingToken>>();
        var inDomain = new List<bool>();
        for (var i = 0; i < 10; i++)
        {
            sentences.Add(padt);
            inDomain.Add(false);
            sentences.Add(shared);
            inDomain.Add(false);
        }

        for (var i = 0; i < 2; i++)
        {
            sentences.Add(pud);
            inDomain.Add(true);
        }

        List<TaggerInput> treaty = [new("وقع", 0), new("معاهدة", 0), new("فرساي", 0)];
        List<TaggerInput> visit = [new("زار", 0), new("القاهرة", 0)];
        var mixed = PerceptronTagger.Train(sentences, "test", epochs: 5, inDomain: inDomain);
        Assert.Equal("NOUN", mixed.Tag(treaty)[1]); // one weight per feature: the majority (out of domain) wins
        foreach (var augmentation in new[] { TaggerAugmentation.Word, TaggerAugmentation.Context, TaggerAugmentation.All })
        {
            var adapted = PerceptronTagger.Train(sentences, "test", epochs: 5, inDomain: inDomain, augmentation: augmentation);
            Assert.Equal(["VERB", "PROPN", "PROPN"], adapted.Tag(treaty));
            Assert.Equal(["VERB", "PROPN"], adapted.Tag(visit)); // learned from out-of-domain sentences only: the shared weights carry it
            using var stream = new MemoryStream();
            adapted.Save(stream);
            stream.Position = 0;
            Assert.Equal(adapted.Tag(treaty), PerceptronTagger.Load(stream).Tag(treaty)); // the folded weights are the model
        }

        Assert.Throws<ArgumentException>(() => PerceptronTagger.Train(sentences, "test", inDomain: [true]));
    }

    [Fact]
    public void A_saved_model_loads_back_with_the_same_tags_lexicon_and_lemmas()
    {
        var sentences = ReadSample().Select(s => (IReadOnlyList<TrainingToken>)s).ToList();
        var model = PerceptronTagger.Train(sentences, "test", epochs: 3, lexicon: ["القاهرة", "شارون"]);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = PerceptronTagger.Load(stream);
        Assert.Equal("test", loaded.Version);
        Assert.Equal(model.Tags, loaded.Tags);
        Assert.Equal(2, loaded.LexiconSize);
        var inputs = PerceptronTagger.Inputs(sentences[0]);
        Assert.Equal(model.Tag(inputs), loaded.Tag(inputs));
        Assert.Equal(model.Lemmatize("القاهرة", "PROPN"), loaded.Lemmatize("القاهرة", "PROPN"));
        var accuracy = loaded.Accuracy(sentences);
        Assert.Equal(10, accuracy.Total); // the abbreviation letter has no known tag
    }

    [Fact]
    public void The_proper_noun_lexicon_keeps_words_anercorp_tags_as_names_and_drops_common_words()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rasid-lex-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "places"));
        var aner = Path.Combine(dir, "aner.txt");
        File.WriteAllLines(aner, ["القاهرة B-LOC", "والقاهرة B-LOC", "الحكومة O", "الحكومة O", "الحكومة B-ORG", "ولاية O", "ولاية O", "ولاية O", "قال O", "2015 O"]);
        File.WriteAllLines(Path.Combine(dir, "places", "ar_world.csv"), ["id,alpha2,alpha3,name", "818,eg,egy,مصر", "1,xx,xxx,\"ولاية تجريبية\""]);
        try
        {
            var words = ProperNounLexicon.Build(aner, dir);
            Assert.Contains("القاهرة", words);
            Assert.Contains("مصر", words);
            Assert.Contains("تجريبية", words);
            Assert.DoesNotContain("الحكومة", words); // O twice, ORG once
            Assert.DoesNotContain("ولاية", words);   // gazetteer word ANERcorp tags O
            Assert.DoesNotContain("قال", words);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
