using System.Globalization;
using System.Text;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Evaluation;
using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>Figures of <see cref="EventCrossValidation.Run"/> for one type.</summary>
/// <param name="Type">ASSAULT or PROTEST.</param>
/// <param name="Sentences">Labelled sentences ("ambiguous" excluded), train and dev splits together.</param>
/// <param name="Score">Out-of-fold detection figures summed over the folds.</param>
/// <param name="FoldF1">F1 of each outer fold.</param>
public sealed record EventCrossValidationResult(string Type, int Sentences, DetectionScore Score, IReadOnlyList<double> FoldF1);

/// <summary>
/// <c>rasid eval events --cv</c>: k-fold cross-validation of the ASSAULT/PROTEST detector over <b>all</b> labelled GSR
/// sentences (the train and the dev split together), folds stratified by label, nested: in each outer fold the whole
/// training procedure of <c>rasid train events</c> (inner CV choosing L2, class weight and threshold) runs on the other
/// folds only, and the held-out fold is scored with the coder's decision (a kept trigger of the type and a score above the
/// threshold). With 57 PROTEST "yes" in the whole file (9 in the dev split), this is the figure with the smallest variance.
/// </summary>
public static class EventCrossValidation
{
    /// <summary>
    /// Outer fold of a sentence: the labelled sentences of each class are ordered by FNV-1a of their id and dealt to the
    /// folds in turn, so every fold has the same share of "yes" (deterministic; independent of the file's order).
    /// </summary>
    public static int[] StratifiedFolds(IReadOnlyList<GsrSentence> sentences, int folds)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new int[sentences.Count];
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, sentences.Count).Where(i => sentences[i].Gold == label)
                .OrderBy(i => Fnv(sentences[i].Id)).ThenBy(i => sentences[i].Id, StringComparer.Ordinal).ToList();
            for (var r = 0; r < members.Count; r++) result[members[r]] = r % folds;
        }

        return result;
    }

    /// <summary>Runs the nested cross-validation on the GSR files in <paramref name="gsrDirectory"/>.</summary>
    public static IReadOnlyList<EventCrossValidationResult> Run(string gsrDirectory, int folds = 5)
    {
        var knowledge = EventKnowledge.Default;
        var trainer = new EventDetectorTrainer(knowledge);
        var tokenizer = new Tokenizer();
        var clusters = WordClusters.Default;
        var data = new Dictionary<string, (List<GsrSentence> Sentences, List<DetectorExample> Examples, int[] Folds)>(StringComparer.Ordinal);
        foreach (var (type, file) in EventModelTraining.Files)
        {
            var sentences = GsrData.Read(Path.Combine(gsrDirectory, file)).Where(s => s.Gold is not null).ToList();
            var examples = sentences.Select(s => trainer.Example(s.Text, s.Gold!.Value, type, tokenizer, clusters)).ToList();
            data[type] = (sentences, examples, StratifiedFolds(sentences, folds));
        }

        var results = new List<EventCrossValidationResult>();
        var scores = data.Keys.ToDictionary(t => t, _ => default(DetectionScore), StringComparer.Ordinal);
        var foldF1 = data.Keys.ToDictionary(t => t, _ => new List<double>(), StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var train = data.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<DetectorExample>)kv.Value.Examples.Where((_, i) => kv.Value.Folds[i] != fold).ToList(), StringComparer.Ordinal);
            var models = EventModelTraining.TrainTypes(trainer, train, out _);
            foreach (var (type, (_, examples, assigned)) in data)
            {
                var model = models[type];
                DetectionScore s = default;
                for (var i = 0; i < examples.Count; i++)
                {
                    if (assigned[i] != fold) continue;
                    var (features, label, candidate, _) = examples[i];
                    var predicted = candidate && EventModelTraining.Margin(model, features) >= 0;
                    s = new DetectionScore(s.TruePositives + (predicted && label ? 1 : 0), s.FalsePositives + (predicted && !label ? 1 : 0), s.FalseNegatives + (!predicted && label ? 1 : 0));
                }

                foldF1[type].Add(s.F1);
                var sum = scores[type];
                scores[type] = new DetectionScore(sum.TruePositives + s.TruePositives, sum.FalsePositives + s.FalsePositives, sum.FalseNegatives + s.FalseNegatives);
            }
        }

        foreach (var type in data.Keys) results.Add(new EventCrossValidationResult(type, data[type].Examples.Count, scores[type], foldF1[type]));
        return results;
    }

    /// <summary>The figures as report lines.</summary>
    public static string ToText(IReadOnlyList<EventCrossValidationResult> results, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        foreach (var r in results)
        {
            var s = r.Score;
            var mean = r.FoldF1.Average();
            var sd = Math.Sqrt(r.FoldF1.Sum(f => (f - mean) * (f - mean)) / Math.Max(1, r.FoldF1.Count - 1));
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Type} detection, {folds}-fold nested CV over all labelled sentences (train + dev, {r.Sentences}, {s.TruePositives + s.FalseNegatives} yes; folds stratified by label)");
            text.AppendLine(CultureInfo.InvariantCulture, $"  pooled P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  (TP {s.TruePositives}, FP {s.FalsePositives}, FN {s.FalseNegatives}); fold F1 {string.Join(' ', r.FoldF1.Select(f => f.ToString("0.000", CultureInfo.InvariantCulture)))} (mean {mean:0.000}, sd {sd:0.000})");
        }

        return text.ToString();
    }

    private static uint Fnv(string id)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return hash;
    }
}
