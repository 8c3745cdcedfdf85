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

    public static string[] Tag(NerModel model, NerFeatures featurizer, IReadOnlyList<string> tokens, IReadOnlyList<string>[]? hints = null)
    {
        var path = model.Decode(tokens, featurizer, model.Memory, out _, hints);
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

    /// <summary>
    /// Trains the document pass: a first-pass model for each of <paramref name="folds"/> contiguous folds tags the held-out
    /// fold (so the hints on the training data are as wrong as on unseen text), hints are computed in windows of
    /// ±<paramref name="window"/> sentences (the training file has no document marks), and the second model is trained with them.
    /// </summary>
    public static NerModel TrainSecondPass(NerTrainer trainer, List<TaggedSentence> train, string trainedOn, int folds, int window, Action<string>? progress = null, IReadOnlyList<TaggedSentence>? extra = null)
    {
        var firstPass = new string[train.Count][];
        for (var k = 0; k < folds; k++)
        {
            var from = k * train.Count / folds;
            var to = (k + 1) * train.Count / folds;
            var model = trainer.Train([.. train.Take(from), .. train.Skip(to)], trainedOn, null, extra);
            for (var s = from; s < to; s++) firstPass[s] = Tag(model, trainer.Featurizer, train[s].Tokens);
            progress?.Invoke($"document pass: fold {k + 1}/{folds} tagged");
        }

        var hints = DocumentHints.Compute(train.Select(s => s.Tokens).ToList(), firstPass, window);
        return trainer.Train(train, trainedOn, progress, extra, hints);
    }

    /// <summary>Tags sentences with the first model, then again with the second and the document hints of the first pass.</summary>
    public static string[][] TagTwoPass(NerModel first, NerModel second, NerFeatures featurizer, IReadOnlyList<string[]> sentences, int? window)
    {
        var firstPass = sentences.Select(t => Tag(first, featurizer, t)).ToList();
        var hints = DocumentHints.Compute(sentences, firstPass, window);
        return sentences.Select((t, s) => Tag(second, featurizer, t, hints[s])).ToArray();
    }

    public static NerScores EvaluateTwoPass(NerModel first, NerModel second, IReadOnlyList<TaggedSentence> sentences, int? window, TextWriter? output = null, NerFeatures? featurizer = null)
    {
        featurizer ??= new NerFeatures(EntityLexicon.Default);
        var tags = TagTwoPass(first, second, featurizer, sentences.Select(s => s.Tokens).ToList(), window);
        var scores = new NerScores();
        for (var k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            scores.Add(s.Tags, tags[k]);
            if (output is null) continue;
            for (var i = 0; i < s.Tokens.Length; i++) output.WriteLine($"{s.Tokens[i]} {s.Tags[i]} {tags[k][i]}");
            output.WriteLine();
        }

        return scores;
    }

    /// <summary>
    /// K-fold cross-validation over <paramref name="sentences"/> (contiguous folds: held-out text is unseen text): trains the
    /// first pass (and the document pass when <paramref name="window"/> &gt; 0) on the other folds, tags the held-out fold, and
    /// pools the scores of all folds.
    /// </summary>
    public static NerScores CrossValidate(NerTrainer trainer, List<TaggedSentence> sentences, int folds, int window, IReadOnlyList<TaggedSentence>? extra = null, Action<int, NerScores>? foldDone = null, Func<List<TaggedSentence>, NerTrainer>? trainerFor = null)
    {
        var pooled = new NerScores();
        for (var k = 0; k < folds; k++)
        {
            var from = k * sentences.Count / folds;
            var to = (k + 1) * sentences.Count / folds;
            List<TaggedSentence> rest = [.. sentences.Take(from), .. sentences.Skip(to)];
            var held = sentences.GetRange(from, to - from);
            if (trainerFor is not null) trainer = trainerFor(rest);
            var first = trainer.Train(rest, "cv", null, extra);
            var tokens = held.Select(s => s.Tokens).ToList();
            var tags = window > 0
                ? TagTwoPass(first, TrainSecondPass(trainer, rest, "cv", 5, window, null, extra), trainer.Featurizer, tokens, window)
                : [.. tokens.Select(t => Tag(first, trainer.Featurizer, t))];
            var fold = new NerScores();
            for (var s = 0; s < held.Count; s++)
            {
                fold.Add(held[s].Tags, tags[s]);
                pooled.Add(held[s].Tags, tags[s]);
            }

            foldDone?.Invoke(k, fold);
        }

        return pooled;
    }
}
