using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Tests;

public sealed class NerCrfTests
{
    private static readonly List<TaggedSentence> Training =
    [
        new(["زار", "كمال", "زيدان", "مدينة", "طرابلس"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        new(["اعلنت", "شركة", "نفط", "الشمال", "ارباحها"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"]),
        new(["قال", "كمال", "زيدان", "انه", "متفائل"], ["O", "B-PER", "I-PER", "O", "O"]),
        new(["وصل", "الوفد", "الى", "طرابلس", "امس"], ["O", "O", "O", "B-LOC", "O"]),
    ];

    private static byte[] Saved(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    // Log-potential of a path: start/transition weights plus the emission weights of each token's features.
    private static double PathScore(int[][] x, int[] path, float[] w, float[] tw)
    {
        var T = NerModel.TagCount;
        var score = 0.0;
        for (var i = 0; i < path.Length; i++)
        {
            score += tw[(i == 0 ? T : path[i - 1]) * T + path[i]];
            foreach (var fi in x[i]) score += w[fi * T + path[i]];
        }

        return score;
    }

    private static bool PathAllowed(int[] path)
    {
        for (var i = 0; i < path.Length; i++) if (!NerModel.Allowed(i == 0 ? -1 : path[i - 1], path[i])) return false;
        return true;
    }

    [Fact]
    public void Forward_backward_marginals_equal_the_brute_force_sum_over_every_allowed_tag_path()
    {
        var T = NerModel.TagCount;
        int[][] x = [[0, 1], [2], [1, 3]];
        var rng = new Random(5);
        var w = Enumerable.Range(0, 4 * T).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
        var tw = Enumerable.Range(0, (T + 1) * T).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();

        // Every tag path of three tokens; I-X after O or another type has probability 0.
        var z = 0.0;
        var node = new double[3, T];
        var edge = new double[(T + 1) * T];
        for (var code = 0; code < T * T * T; code++)
        {
            int[] path = [code % T, code / T % T, code / (T * T)];
            if (!PathAllowed(path)) continue;
            var p = Math.Exp(PathScore(x, path, w, tw));
            z += p;
            for (var i = 0; i < 3; i++)
            {
                node[i, path[i]] += p;
                edge[(i == 0 ? T : path[i - 1]) * T + path[i]] += p;
            }
        }

        var lattice = new NerCrf.Lattice();
        lattice.Compute(x, w, tw);
        Assert.Equal(Math.Log(z), lattice.LogZ, 9);
        for (var i = 0; i < 3; i++)
        {
            var marginals = lattice.NodeMarginals(i).ToArray();
            for (var t = 0; t < T; t++) Assert.Equal(node[i, t] / z, marginals[t], 9);
            if (i == 0) Assert.Equal(0.0, marginals[NerModel.TypeIndex("I-PER")]);   // no I-X at the start
        }

        var expected = new double[(T + 1) * T];
        lattice.SubtractEdgeMarginals(expected, 1);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(-edge[k] / z, expected[k], 9);

        int[] gold = [NerModel.TypeIndex("B-PER"), NerModel.TypeIndex("I-PER"), NerModel.TypeIndex("O")];
        Assert.Equal(PathScore(x, gold, w, tw) - Math.Log(z), lattice.GoldLogProbability(gold), 9);
    }

    [Fact]
    public void The_crf_trainer_learns_its_sentences_deterministically_and_writes_the_perceptron_file_format()
    {
        var trainer = new NerTrainer(new NerFeatures(EntityLexicon.Default)) { Epochs = 8, Folds = 1, Objective = NerObjective.Crf, L2 = 0.1f };
        var model = trainer.Train(Training, "tiny");
        var bytes = Saved(model);
        Assert.Equal(bytes, Saved(trainer.Train(Training, "tiny")));
        using var stream = new MemoryStream(bytes);
        var loaded = NerModel.Load(stream);
        Assert.Equal(1.0, NerTool.Evaluate(loaded, Training).Score(null).F1);

        // An unseen context: "الوفد" (the delegation) stays O, "كمال زيدان" is still a person.
        var features = new NerFeatures(EntityLexicon.Default);
        Assert.Equal(["O", "B-PER", "I-PER", "O", "O"], NerTool.Tag(loaded, features, ["التقى", "كمال", "زيدان", "الوفد", "امس"]));
    }

    [Fact]
    public void A_stronger_l2_penalty_gives_smaller_crf_weights_and_less_confident_tags()
    {
        NerModel Train(float l2) => new NerTrainer(new NerFeatures(EntityLexicon.Default)) { Epochs = 8, Folds = 1, Objective = NerObjective.Crf, L2 = l2 }.Train(Training, "tiny");
        var features = new NerFeatures(EntityLexicon.Default);
        string[] sentence = ["زار", "كمال", "زيدان", "مدينة", "طرابلس"];
        Train(0.01f).Decode(sentence, features, null, out var loose);
        Train(10f).Decode(sentence, features, null, out var tight);
        Assert.True(tight.Average() < loose.Average(), $"{tight.Average()} vs {loose.Average()}");
    }

    [Fact]
    public void A_crf_started_from_the_perceptron_weights_still_learns_its_sentences()
    {
        var trainer = new NerTrainer(new NerFeatures(EntityLexicon.Default)) { Epochs = 5, Folds = 1, Objective = NerObjective.Crf, InitFromPerceptron = true, L2 = 0.1f };
        var messages = new List<string>();
        var model = trainer.Train(Training, "tiny", messages.Add);
        Assert.Contains(messages, m => m.StartsWith("crf: perceptron weights scaled by", StringComparison.Ordinal));

        // Decoded without remembered names, as the sentences were seen in training (Folds = 1: no jackknifed memory).
        var features = new NerFeatures(EntityLexicon.Default);
        foreach (var s in Training) Assert.Equal(s.Tags, model.Decode(features.Extract(s.Tokens, EntityMemory.Empty), out _).Select(t => NerModel.Tags[t]));
    }
}
