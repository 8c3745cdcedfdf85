using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class CliticSegmenterTests
{
    private static readonly CliticSegmenter Segmenter = CliticSegmenter.Default;

    private static (string Text, int Start, int End, CliticRole Role, bool Definite)[] Pieces(string text) =>
        Segmenter.Segment(text, new TextRange(0, text.Length)).Select(p => (p.Range.Slice(text), p.Range.Start, p.Range.End, p.Role, p.Definite)).ToArray();

    [Fact]
    public void Wa_bi_al_qarar_splits_into_two_proclitics_and_a_definite_host()
    {
        Assert.Equal(
            [("و", 0, 1, CliticRole.Proclitic, false), ("ب", 1, 2, CliticRole.Proclitic, false), ("القرار", 2, 8, CliticRole.Host, true)],
            Pieces("وبالقرار"));
    }

    [Fact]
    public void Kitabuhum_splits_the_enclitic_pronoun()
    {
        Assert.Equal([("كتاب", 0, 4, CliticRole.Host, false), ("هم", 4, 6, CliticRole.Enclitic, false)], Pieces("كتابهم"));
    }

    [Fact]
    public void Lil_liqaa_splits_the_preposition_and_keeps_the_host_characters_exact()
    {
        Assert.Equal([("ل", 0, 1, CliticRole.Proclitic, false), ("لقاء", 1, 5, CliticRole.Host, false)], Pieces("للقاء").Select(p => p with { Definite = false }).ToArray());
    }

    [Fact]
    public void Lil_hazr_marks_the_elided_article_on_the_host()
    {
        var text = "للحظر";
        var pieces = Segmenter.Segment(text, new TextRange(0, text.Length));
        Assert.Equal(2, pieces.Length);
        Assert.Equal(("ل", CliticRole.Proclitic), (pieces[0].Range.Slice(text), pieces[0].Role));
        Assert.Equal(("لحظر", 1, 5), (pieces[1].Range.Slice(text), pieces[1].Range.Start, pieces[1].Range.End));
        Assert.True(pieces[1].Definite);
        Assert.True(pieces[1].ElidedArticle);
    }

    [Theory]
    [InlineData("ولد")]
    [InlineData("بلد")]
    [InlineData("كتاب")]
    [InlineData("وزير")]
    [InlineData("فلسطين")]
    [InlineData("واشنطن")]
    [InlineData("لبنان")]
    [InlineData("سوريا")]
    public void Letters_of_the_stem_are_not_split(string word)
    {
        AssertWhole(word);
    }

    /// <summary>The word is one host piece covering all of it.</summary>
    private static void AssertWhole(string word)
    {
        var piece = Assert.Single(Pieces(word));
        Assert.Equal((word, 0, word.Length, CliticRole.Host), (piece.Text, piece.Start, piece.End, piece.Role));
    }

    [Fact]
    public void Diacritics_stay_with_the_letter_they_follow()
    {
        Assert.Equal(
            [("وَ", 0, 2, CliticRole.Proclitic, false), ("بِ", 2, 4, CliticRole.Proclitic, false), ("القَرَارِ", 4, 13, CliticRole.Host, true)],
            Pieces("وَبِالقَرَارِ"));
    }

    [Fact]
    public void Offsets_point_into_the_whole_text_not_the_token()
    {
        const string text = "قال إن وبالقرار صدر";
        var start = text.IndexOf("وبالقرار", StringComparison.Ordinal);
        var pieces = Segmenter.Segment(text, new TextRange(start, 8));
        Assert.Equal(["و", "ب", "القرار"], pieces.Select(p => p.Range.Slice(text)));
        Assert.Equal(start, pieces[0].Range.Start);
        Assert.Equal(start + 8, pieces[^1].Range.End);
    }

    [Fact]
    public void The_article_alone_is_not_a_clitic_and_alladhi_is_not_definite()
    {
        Assert.Equal([("الكتاب", 0, 6, CliticRole.Host, true)], Pieces("الكتاب"));
        Assert.Equal([("الذي", 0, 4, CliticRole.Host, false)], Pieces("الذي"));
    }

    [Fact]
    public void The_future_particle_and_a_conjunction_split_from_verbs()
    {
        Assert.Equal(["س", "يقول"], Pieces("سيقول").Select(p => p.Text));
        Assert.Equal(["و", "ل", "هم"], Pieces("ولهم").Select(p => p.Text));
    }

    [Fact]
    public void Convention_overrides_split_function_words_as_UD_v2_does()
    {
        Assert.Equal(["ل", "ذلك"], Pieces("لذلك").Select(p => p.Text));
        Assert.Equal(["ل", "أن", "ه"], Pieces("لأنه").Select(p => p.Text));
    }

    [Fact]
    public void Fused_min_an_and_an_before_mim_or_lam_split_with_exact_offsets_as_PADT_annotates_them()
    {
        Assert.Equal([("م", 0, 1, CliticRole.Proclitic, false), ("من", 1, 3, CliticRole.Host, false)], Pieces("ممن"));
        Assert.Equal(["ع", "ما"], Pieces("عما").Select(p => p.Text));
        Assert.Equal(["عن", "ما"], Pieces("عنما").Select(p => p.Text));
        Assert.Equal(["أ", "لا"], Pieces("ألا").Select(p => p.Text));
        Assert.Equal([("ب", 0, 1), ("أ", 1, 2), ("لا", 2, 4)], Pieces("بألا").Select(p => (p.Text, p.Start, p.End)));

        // Diacritics stay with the letter they follow.
        Assert.Equal([("ع", 0, 1), ("مّا", 1, 4)], Pieces("عمّا").Select(p => (p.Text, p.Start, p.End)));
    }

    [Theory]
    [InlineData("مما")]
    [InlineData("فيما")]
    [InlineData("ألاسكا")]
    [InlineData("إلا")]
    public void Mimma_and_fima_stay_whole_as_PADT_annotates_the_conjunctions_and_longer_words_are_not_touched(string word) => AssertWhole(word);

    [Theory]
    [InlineData("2015")]
    [InlineData("Reuters")]
    [InlineData("ـ")]
    [InlineData("و")]
    public void Non_arabic_and_one_letter_tokens_stay_whole(string token)
    {
        var piece = Assert.Single(Pieces(token));
        Assert.Equal((token, 0, token.Length), (piece.Text, piece.Start, piece.End));
    }

    [Fact]
    public void Pieces_always_tile_the_token_exactly()
    {
        foreach (var word in new[] { "وبالقرار", "للقاء", "كتابهم", "فكتبوه", "وسيقولون", "بـالقرار", "ـوبالتالي", "ولد", "والله", "لها" })
        {
            var pieces = Segmenter.Segment(word, new TextRange(0, word.Length));
            Assert.Equal(0, pieces[0].Range.Start);
            Assert.Equal(word.Length, pieces[^1].Range.End);
            for (var i = 1; i < pieces.Length; i++) Assert.Equal(pieces[i - 1].Range.End, pieces[i].Range.Start);
        }
    }

    [Fact]
    public void A_too_small_output_span_is_rejected()
    {
        var pieces = new CliticPiece[4];
        Assert.Throws<ArgumentException>(() => Segmenter.Segment("وبالقرار", new TextRange(0, 8), pieces));
    }

    [Fact]
    public void A_corrupt_model_names_the_bad_line()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write("# version: 1\nD\tكتاب\t0,0,0\nW\tnot-hex\t1\n");
        }

        stream.Position = 0;
        var ex = Assert.Throws<InvalidDataException>(() => CliticSegmenter.Load(stream));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_trained_on_a_few_tokens_learns_their_segmentations()
    {
        var trainer = new CliticSegmenterTrainer();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(trainer.Add("وكتاب", 1, 0, false, false));
            Assert.True(trainer.Add("كتابهم", 0, 2, false, false));
            Assert.True(trainer.Add("للحظر", 1, 0, true, true));
            Assert.True(trainer.Add("ولد", 0, 0, false, false));
        }

        Assert.False(trainer.Add("كتاب", 3, 2, false, false)); // does not fit the form
        using var stream = new MemoryStream();
        trainer.Save(stream, "test", epochs: 2);
        stream.Position = 0;
        var model = CliticSegmenter.Load(stream);
        Assert.Equal("segment.perceptron/test", model.Id);
        Assert.Equal(["و", "كتاب"], model.Segment("وكتاب", new TextRange(0, 5)).Select(p => p.Range.Slice("وكتاب")));
        Assert.Equal(["ولد"], model.Segment("ولد", new TextRange(0, 3)).Select(p => p.Range.Slice("ولد")));
        Assert.True(model.Segment("للحظر", new TextRange(0, 5))[1].ElidedArticle);
    }

    [Fact]
    public void Decisions_stored_in_the_model_equal_those_computed_at_load()
    {
        var trainer = new CliticSegmenterTrainer();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(trainer.Add("وكتاب", 1, 0, false, false));
            Assert.True(trainer.Add("كتابهم", 0, 2, false, false));
            Assert.True(trainer.Add("للحظر", 1, 0, true, true));
            Assert.True(trainer.Add("ولد", 0, 0, false, false));
            Assert.True(trainer.Add("بلد", 0, 0, false, false));
            Assert.True(trainer.Add("بالقرار", 1, 0, false, true));
        }

        var corpus = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["كتاب"] = 50, ["وكتابه"] = 5, ["القرار"] = 40, ["وبالقرار"] = 6, ["ولده"] = 4, ["بلدهم"] = 7, ["للقاء"] = 9, ["لقاء"] = 30, ["اللقاء"] = 20, ["سيقول"] = 8, ["يقول"] = 60,
        };
        trainer.SetCorpusCounts(corpus, minCount: 1);
        using var stream = new MemoryStream();
        trainer.Save(stream, "test", epochs: 2);
        var stored = CliticSegmenter.Load(new MemoryStream(stream.ToArray()));

        // The same model without the stored decisions (as older model files): they are computed when it is loaded.
        var lines = ReadModel(stream.ToArray()).Where(l => !l.StartsWith("M\t", StringComparison.Ordinal))
            .Select(l => l.StartsWith("C\t", StringComparison.Ordinal) ? string.Join('\t', l.Split('\t').Take(3)) : l).ToList();
        Assert.Contains(ReadModel(stream.ToArray()), l => l.StartsWith("C\t", StringComparison.Ordinal) && l.Split('\t').Length == 4);
        var computed = CliticSegmenter.Load(WriteModel(lines));
        foreach (var word in corpus.Keys.Concat(["وكتابهم", "فكتبوه", "ولد", "بلد", "كتابك"]))
        {
            var range = new TextRange(0, word.Length);
            Assert.Equal(computed.Segment(word, range), stored.Segment(word, range));
        }
    }

    [Theory]
    [InlineData("سيغال")]
    [InlineData("سيغور")]
    [InlineData("ستولر")]
    [InlineData("بولوس")]
    public void Transliterated_names_unseen_in_training_keep_their_first_letters(string name)
    {
        var piece = Assert.Single(Pieces(name));
        Assert.Equal((name, 0, name.Length, CliticRole.Host), (piece.Text, piece.Start, piece.End, piece.Role));
    }

    [Theory]
    [InlineData("وبالقرار", new[] { "و", "ب", "القرار" })]
    [InlineData("سيهاجم", new[] { "س", "يهاجم" })]
    [InlineData("وسيعيش", new[] { "و", "س", "يعيش" })]
    [InlineData("ولهم", new[] { "و", "ل", "هم" })]
    public void Clitics_on_ordinary_words_still_split_with_the_name_letter_features(string word, string[] expected)
    {
        Assert.Equal(expected, Pieces(word).Select(p => p.Text));
    }

    [Theory]
    [InlineData("بعيدة")]
    [InlineData("بطاقات")]
    [InlineData("لغات")]
    [InlineData("بشرة")]
    [InlineData("وظائف")]
    public void Words_that_news_also_writes_with_the_article_keep_their_first_letter(string word)
    {
        // البعيدة, البطاقات, اللغات... are frequent in news, so ب/ل/و here is the stem's first letter, not a proclitic.
        AssertWhole(word);
    }

    [Theory]
    [InlineData("وبطاقات", new[] { "و", "بطاقات" })]
    [InlineData("ببطاقات", new[] { "ب", "بطاقات" })]
    [InlineData("وبعيدة", new[] { "و", "بعيدة" })]
    public void A_proclitic_before_such_a_word_still_splits(string word, string[] expected)
    {
        Assert.Equal(expected, Pieces(word).Select(p => p.Text));
    }

    [Fact]
    public void Training_with_several_seeds_is_deterministic_and_learns_the_segmentations()
    {
        byte[] Train()
        {
            var trainer = new CliticSegmenterTrainer { Seeds = 3 };
            for (var i = 0; i < 3; i++)
            {
                trainer.Add("وكتاب", 1, 0, false, false);
                trainer.Add("كتابهم", 0, 2, false, false);
                trainer.Add("وقلم", 1, 0, false, false);
                trainer.Add("ولد", 0, 0, false, false);
            }

            trainer.SetCorpusCounts(new Dictionary<string, int> { ["كتاب"] = 50, ["قلم"] = 20, ["ولد"] = 40, ["الولد"] = 30 });
            using var stream = new MemoryStream();
            trainer.Save(stream, "test", epochs: 2);
            return stream.ToArray();
        }

        var first = Train();
        Assert.Equal(first, Train());
        var model = CliticSegmenter.Load(new MemoryStream(first));
        Assert.Equal(["و", "قلم"], model.Segment("وقلم", new TextRange(0, 4)).Select(p => p.Range.Slice("وقلم")));
        Assert.Equal(["ولد"], model.Segment("ولد", new TextRange(0, 3)).Select(p => p.Range.Slice("ولد")));
    }

    [Fact]
    public void Name_letter_model_scores_transliterated_names_above_ordinary_words()
    {
        string[] names = ["جورج", "جونسون", "ستيفن", "سيمونز", "ويلسون", "كارتر", "فيكتور", "روبرت", "مارتن", "هاريسون", "ستالين", "كينيدي"];
        string[] words = ["كتاب", "مدرسة", "يكتبون", "الوزير", "سيارة", "مجلس", "الحكومة", "قرار", "يقول", "وزارة", "مدينة", "رئيس"];
        var model = NameLetterModel.Build(names, words, minCount: 1);
        Assert.True(model.Score("جيمسون") > model.Score("مكتبة"));
        Assert.True(model.Score("ستيفنسون") > 0);
        Assert.True(model.Score("مدرسة") < 0);
        Assert.Equal(0, model.Score(""));
    }

    [Fact]
    public void Unanalysed_tokens_go_to_the_dictionary_but_do_not_train_the_perceptron()
    {
        var trainer = new CliticSegmenterTrainer();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(trainer.Add("وكتاب", 1, 0, false, false));
            Assert.True(trainer.Add("ولد", 0, 0, false, false));
            Assert.True(trainer.Add("ونادي", 0, 0, false, false, analysed: false));
        }

        using var stream = new MemoryStream();
        trainer.Save(stream, "test", epochs: 2);
        var lines = ReadModel(stream.ToArray());
        Assert.Contains("D\tونادي\t0,0,0", lines);
        var model = CliticSegmenter.Load(new MemoryStream(stream.ToArray()));
        Assert.Equal(["ونادي"], model.Segment("ونادي", new TextRange(0, 5)).Select(p => p.Range.Slice("ونادي")));
    }

    [Fact]
    public void A_model_with_name_letters_stores_and_reloads_them()
    {
        var trainer = new CliticSegmenterTrainer();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(trainer.Add("وكتاب", 1, 0, false, false));
            Assert.True(trainer.Add("وينستون", 0, 0, false, false));
            Assert.True(trainer.Add("كتابهم", 0, 2, false, false));
        }

        trainer.SetNameWords(["وينستون", "جونسون", "ستيفنسون", "ويلسون"]);
        using var stream = new MemoryStream();
        trainer.Save(stream, "test", epochs: 2);
        Assert.Contains(ReadModel(stream.ToArray()), l => l.StartsWith("L\t", StringComparison.Ordinal));
        var model = CliticSegmenter.Load(new MemoryStream(stream.ToArray()));
        Assert.Equal(["و", "كتاب"], model.Segment("وكتاب", new TextRange(0, 5)).Select(p => p.Range.Slice("وكتاب")));
    }

    private static List<string> ReadModel(byte[] model)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(model), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    private static MemoryStream WriteModel(IEnumerable<string> lines)
    {
        var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
        {
            foreach (var line in lines) writer.Write(line + "\n");
        }

        stream.Position = 0;
        return stream;
    }
}
