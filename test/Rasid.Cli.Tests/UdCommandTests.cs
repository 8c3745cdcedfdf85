using Rasid.Testing;
using Rasid.Text;

namespace Rasid.Cli.Tests;

public sealed class UdCommandTests
{
    // PUD style: the proclitic و is its own token written with SpaceAfter=No.
    private const string Pud = """
        # newdoc id = d1
        # sent_id = s1
        # text = وكتاب جديد
        1	و	و	CCONJ	_	_	2	cc	_	SpaceAfter=No
        2	كتاب	كتاب	NOUN	_	_	0	root	_	_
        3	جديد	جديد	ADJ	_	_	2	amod	_	_

        """;

    [Fact]
    public void Eval_ud_scores_a_segmenter_model_file_given_with_segmenter_model()
    {
        using var dir = new TempDirectory();
        var gold = dir.File("pud.conllu");
        File.WriteAllText(gold, Pud);

        // A model that has seen وكتاب only unsplit (the embedded model splits it: Tokens F1 100 on this sentence).
        var trainer = new CliticSegmenterTrainer();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(trainer.Add("وكتاب", 0, 0, false, false));
            Assert.True(trainer.Add("جديد", 0, 0, false, false));
        }

        var model = dir.File("seg.txt.gz");
        using (var stream = File.Create(model)) trainer.Save(stream, "test", epochs: 1);

        Assert.Equal(100, TokensF1(CliRunner.Run("eval", "ud", gold, "--json")));

        // System وكتاب + جديد against gold و + كتاب + جديد: 1 correct of 2 system and 3 gold tokens, F1 = 2/5.
        Assert.Equal(40, TokensF1(CliRunner.Run("eval", "ud", gold, "--segmenter-model", model, "--json")));
    }

    private static double TokensF1(CliRunner.Result result)
    {
        Assert.Equal(0, result.ExitCode);
        var json = System.Text.Json.Nodes.JsonNode.Parse(result.Out)!;
        return json["metrics"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "Tokens")!["f1"]!.GetValue<double>();
    }

    [Fact]
    public void Eval_ud_with_a_missing_segmenter_model_names_the_file()
    {
        using var dir = new TempDirectory();
        var gold = dir.File("pud.conllu");
        File.WriteAllText(gold, Pud);
        var missing = dir.File("none.txt.gz");
        var result = CliRunner.Run("eval", "ud", gold, "--segmenter-model", missing);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.Contains("no such file", result.Error, StringComparison.Ordinal);
    }

    // PADT v1 style (vocalized, segmented, UD v1 labels) for the train commands.
    private const string Padt = """
        # sent_id t-1
        1	وَ	وَ	CONJ	C---------	_	2	cc	_	Gloss=and
        2	زَارَ	زَار	VERB	VP-A-3MS--	Aspect=Perf	0	root	_	Gloss=visit
        3	اَلرَّئِيسُ	رَئِيس	NOUN	N------S1D	Case=Nom|Definite=Def|Number=Sing	2	nsubj	_	Gloss=president
        4	اَلقَاهِرَةَ	قَاهِرَة	NOUN	N------S4D	Case=Acc|Definite=Def|Number=Sing	2	dobj	_	Gloss=Cairo
        5	.	.	PUNCT	G---------	_	2	punct	_	Gloss=.

        """;

    private const string PudTwo = Pud + "\n" + """
        # newdoc id = d2
        # sent_id = s2
        # text = زار الرئيس القاهرة.
        1	زار	زَار	VERB	_	_	0	root	_	_
        2	الرئيس	رَئِيس	NOUN	_	Definite=Def	1	nsubj	_	_
        3	القاهرة	قَاهِرَة	PROPN	_	Definite=Def	1	obj	_	SpaceAfter=No
        4	.	.	PUNCT	_	_	1	punct	_	_

        """;

    private static (string Data, string Pud) TrainingData(TempDirectory dir)
    {
        Directory.CreateDirectory(Path.Combine(dir.Path, "ud", "padt-v1"));
        File.WriteAllText(Path.Combine(dir.Path, "ud", "padt-v1", "ar-ud-dev.conllu"), Padt);
        var pud = dir.File("pud.conllu");
        File.WriteAllText(pud, PudTwo);
        return (dir.Path, pud);
    }

    [Fact]
    public void Train_tagger_folds_cross_validates_over_the_pud_file_and_prints_the_eval_ud_table()
    {
        using var dir = new TempDirectory();
        var (data, pud) = TrainingData(dir);
        var result = CliRunner.Run("train", "tagger", "--data", data, "--pud", pud, "--folds", "2", "--epochs", "2", "--no-lexicon");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("fold 1/2: 1 sentences held out", result.Out, StringComparison.Ordinal);
        Assert.Contains("fold 2/2: 1 sentences held out", result.Out, StringComparison.Ordinal);
        Assert.Contains("2-fold cross-validation over 2 sentences of pud.conllu (counts summed over folds), gold tokens:", result.Out, StringComparison.Ordinal);
        Assert.Contains("raw text (embedded segmenter)", result.Out, StringComparison.Ordinal);
        // Gold tokens: 3 + 4 words scored in all, so every metric line of the table is there.
        Assert.Matches(@"UPOS\s+\|", result.Out);
        Assert.Matches(@"Lemmas\s+\|", result.Out);
    }

    [Fact]
    public void Train_tagger_with_pud_writes_a_model_that_eval_ud_loads()
    {
        using var dir = new TempDirectory();
        var (data, pud) = TrainingData(dir);
        var model = dir.File("tagger.txt.gz");
        var train = CliRunner.Run("train", "tagger", "--data", data, "--pud", pud, "--pud-weight", "2", "--epochs", "2", "--no-lexicon", "--out", model);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("+ 2 in-domain sentences × 2", train.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(model));
        var eval = CliRunner.Run("eval", "ud", pud, "--gold-tokens", "--tagger-model", model, "--json");
        Assert.True(eval.ExitCode == 0, eval.Error);
    }

    [Fact]
    public void Train_tagger_with_a_missing_pud_file_names_the_file()
    {
        using var dir = new TempDirectory();
        var (data, _) = TrainingData(dir);
        var missing = dir.File("none.conllu");
        var result = CliRunner.Run("train", "tagger", "--data", data, "--pud", missing, "--folds", "2", "--no-lexicon");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_tagger_with_a_malformed_pud_file_names_the_file_and_line()
    {
        using var dir = new TempDirectory();
        var (data, _) = TrainingData(dir);
        var bad = dir.File("bad.conllu");
        File.WriteAllText(bad, "# text = كتاب\n1\tكتاب\n\n");
        var result = CliRunner.Run("train", "tagger", "--data", data, "--pud", bad, "--folds", "2", "--no-lexicon");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.conllu:2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_segmenter_folds_cross_validates_tokens_and_words_over_the_pud_file()
    {
        using var dir = new TempDirectory();
        var (data, pud) = TrainingData(dir);
        var result = CliRunner.Run("train", "segmenter", "--data", data, "--pud", pud, "--folds", "2", "--corpus", "none", "--no-names");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2-fold cross-validation over 2 sentences of pud.conllu, raw text, PADT + the other folds", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Tokens\s+\|", result.Out);
        Assert.DoesNotMatch(@"UPOS\s+\|", result.Out); // the tagger is not cross-validated here, so no UPOS figure
    }
}
