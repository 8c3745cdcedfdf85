using Rasid.Nlp.Evaluation;

namespace Rasid.Nlp.Entities;

/// <summary>Training and evaluation entry points behind <c>rasid train ner</c> and <c>rasid eval ner</c>.</summary>
internal static class NerTool
{
    /// <summary>The dev split: the last tenth of the sentences of the training file (the corpus is in document order).</summary>
    public static (List<TaggedSentence> Train, List<TaggedSentence> Dev) Split(List<TaggedSentence> all)
    {
        var devCount = (all.Count + 9) / 10;
        return (all.GetRange(0, all.Count - devCount), all.GetRange(all.Count - devCount, devCount));
    }

    public static string[] Tag(NerModel model, NerFeatures featurizer, IReadOnlyList<string> tokens)
    {
        var path = model.Decode(tokens, featurizer, model.Memory, out _);
        return path.Select(i => NerModel.Tags[i]).ToArray();
    }

    public static NerScores Evaluate(NerModel model, IEnumerable<TaggedSentence> sentences, TextWriter? output = null, NerFeatures? featurizer = null)
    {
        featurizer ??= new NerFeatures(EntityLexicon.Default);
        var scores = new NerScores();
        foreach (var s in sentences)
        {
            var system = Tag(model, featurizer, s.Tokens);
            scores.Add(s.Tags, system);
            if (output is null) continue;
            for (var i = 0; i < s.Tokens.Length; i++) output.WriteLine($"{s.Tokens[i]} {s.Tags[i]} {system[i]}");
            output.WriteLine();
        }

        return scores;
    }
}
