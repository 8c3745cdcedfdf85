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

    public static string[] Tag(NerModel model, NerFeatures featurizer, IReadOnlyList<string> tokens, IReadOnlyList<NerTokenFeature>[]? hints = null)
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
    /// Self-training data: of the sentences of <paramref name="pool"/> (unlabelled text) that <paramref name="model"/> tags with at
    /// least one entity, the <paramref name="max"/> whose least confident token is the most confident (ties in pool order;
    /// none below <paramref name="minConfidence"/>), labelled with the model's tags.
    /// </summary>
    public static List<TaggedSentence> SelfLabel(NerModel model, NerFeatures featurizer, IReadOnlyList<string[]> pool, int max, float minConfidence)
    {
        var candidates = new List<(float Confidence, int Index, string[] Tags)>();
        for (var k = 0; k < pool.Count; k++)
        {
            var path = model.Decode(pool[k], featurizer, model.Memory, out var confidence);
            if (!path.Any(t => t != 0)) continue;
            var least = confidence.Min();
            if (least >= minConfidence) candidates.Add((least, k, [.. path.Select(t => NerModel.Tags[t])]));
        }

        return [.. candidates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Index).Take(max).OrderBy(c => c.Index).Select(c => new TaggedSentence(pool[c.Index], c.Tags))];
    }

    /// <summary>
    /// Self-training on names: <paramref name="model"/> tags every sentence of <paramref name="pool"/>; names it never saw in
    /// training that it tags at least <paramref name="minTagged"/> times, with one type in ≥ 80% of them and in ≥ 60% of all their
    /// occurrences in the pool, are taken as names of that type; at most <paramref name="max"/> pool sentences containing them are
    /// returned with the model's tags, every occurrence of such a name set to its type (consistency across documents).
    /// </summary>
    public static List<TaggedSentence> SelfLabelNames(NerModel model, NerFeatures featurizer, IReadOnlyList<string[]> pool, int max, int minTagged = 3)
    {
        var tags = new string[pool.Count][];
        var keys = new string[pool.Count][];
        var tagged = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var k = 0; k < pool.Count; k++)
        {
            tags[k] = [.. model.Decode(pool[k], featurizer, model.Memory, out _).Select(t => NerModel.Tags[t])];
            keys[k] = [.. pool[k].Select(t => EntityMemory.WordKey(ArabicForms.Normalize(t)))];
            foreach (var (start, end, type) in ConllNer.Chunks(tags[k]))
            {
                if (end - start > 5) continue;
                var phrase = string.Join(' ', keys[k][start..end]);
                if (model.Memory.Phrases.ContainsKey(phrase)) continue;
                if (!tagged.TryGetValue(phrase, out var byType)) tagged[phrase] = byType = new Dictionary<string, int>(StringComparer.Ordinal);
                byType[type] = byType.GetValueOrDefault(type) + 1;
            }
        }

        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (phrase, byType) in tagged)
        {
            var total = byType.Values.Sum();
            var (best, n) = byType.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).First();
            if (total >= minTagged && n >= 0.8 * total) candidates[phrase] = best;
        }

        // Occurrences of the candidate names anywhere in the pool, tagged or not.
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in keys)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                for (var len = 1; len <= 5 && i + len <= sentence.Length; len++)
                {
                    var phrase = string.Join(' ', sentence[i..(i + len)]);
                    if (candidates.ContainsKey(phrase)) occurrences[phrase] = occurrences.GetValueOrDefault(phrase) + 1;
                }
            }
        }

        var names = candidates.Where(c => tagged[c.Key].Values.Sum() >= 0.6 * occurrences.GetValueOrDefault(c.Key)).ToDictionary(StringComparer.Ordinal);
        var result = new List<TaggedSentence>();
        for (var k = 0; k < pool.Count && result.Count < max; k++)
        {
            var t = (string[])tags[k].Clone();
            var found = false;
            for (var i = 0; i < t.Length; i++)
            {
                for (var len = Math.Min(5, t.Length - i); len >= 1; len--)
                {
                    if (!names.TryGetValue(string.Join(' ', keys[k][i..(i + len)]), out var type)) continue;
                    for (var j = 0; j < len; j++) t[i + j] = (j == 0 ? "B-" : "I-") + type;
                    if (i + len < t.Length && t[i + len].StartsWith("I-", StringComparison.Ordinal)) t[i + len] = "B-" + t[i + len][2..];
                    found = true;
                    i += len - 1;
                    break;
                }
            }

            if (found) result.Add(new TaggedSentence(pool[k], t));
        }

        return result;
    }

    /// <summary>
    /// K-fold cross-validation over <paramref name="sentences"/> (contiguous folds: held-out text is unseen text): trains the
    /// first pass (and the document pass when <paramref name="window"/> &gt; 0) on the other folds, tags the held-out fold, and
    /// pools the scores of all folds.
    /// </summary>
    public static NerScores CrossValidate(NerTrainer trainer, List<TaggedSentence> sentences, int folds, int window, IReadOnlyList<TaggedSentence>? extra = null, Action<int, NerScores>? foldDone = null, Func<List<TaggedSentence>, NerTrainer>? trainerFor = null, Func<NerModel, NerFeatures, List<TaggedSentence>>? selfLabel = null)
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
            var foldExtra = extra;
            if (selfLabel is not null)
            {
                foldExtra = [.. extra ?? [], .. selfLabel(first, trainer.Featurizer)];
                first = trainer.Train(rest, "cv", null, foldExtra);
            }

            var tokens = held.Select(s => s.Tokens).ToList();
            var second = window > 0 ? TrainSecondPass(trainer, rest, "cv", 5, window, null, foldExtra) : null;
            var tags = second is not null
                ? TagTwoPass(first, second, trainer.Featurizer, tokens, window)
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
