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
}
