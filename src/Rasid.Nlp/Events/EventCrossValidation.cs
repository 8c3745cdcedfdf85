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
/// <param name="Predictions">Every labelled sentence with its outer fold and out-of-fold decision, in file order.</param>
public sealed record EventCrossValidationResult(string Type, int Sentences, DetectionScore Score, IReadOnlyList<double> FoldF1, IReadOnlyList<CvPrediction> Predictions);

/// <summary>The out-of-fold decision on one GSR sentence in <see cref="EventCrossValidation.Run"/>.</summary>
/// <param name="Sentence">The sentence and its gold label.</param>
/// <param name="Fold">Its outer fold.</param>
/// <param name="Candidate">True when it has a kept trigger of the type (only such sentences can be events).</param>
/// <param name="Margin">Score minus the fold model's threshold.</param>
/// <param name="Predicted">The coder's decision: a candidate with margin ≥ 0.</param>
public sealed record CvPrediction(GsrSentence Sentence, int Fold, bool Candidate, double Margin, bool Predicted);

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
    /// <remarks>
    /// <paramref name="seed"/> 0 orders by FNV-1a of the id (the assignment of sessions 5–8); another seed orders by FNV-1a
    /// of "seed:id", a different but equally stratified assignment (to tell a variant's gain from the fold assignment's noise).
    /// </remarks>
    public static int[] StratifiedFolds(IReadOnlyList<GsrSentence> sentences, int folds, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new int[sentences.Count];
        var prefix = seed == 0 ? "" : seed.ToString(CultureInfo.InvariantCulture) + ":";
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, sentences.Count).Where(i => sentences[i].Gold == label)
                .OrderBy(i => Fnv(prefix + sentences[i].Id)).ThenBy(i => sentences[i].Id, StringComparer.Ordinal).ToList();
            for (var r = 0; r < members.Count; r++) result[members[r]] = r % folds;
        }

        return result;
    }

    /// <summary>Runs the nested cross-validation on the GSR files in <paramref name="gsrDirectory"/>.</summary>
    /// <param name="gsrDirectory">Folder with assault_gsr.csv and protest_gsr.csv.</param>
    /// <param name="folds">Outer folds.</param>
    /// <param name="seed">Fold assignment (see <see cref="StratifiedFolds"/>; 0 = the assignment of sessions 5–8).</param>
    public static IReadOnlyList<EventCrossValidationResult> Run(string gsrDirectory, int folds = 5, int seed = 0)
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
            data[type] = (sentences, examples, StratifiedFolds(sentences, folds, seed));
        }

        var results = new List<EventCrossValidationResult>();
        var scores = data.Keys.ToDictionary(t => t, _ => default(DetectionScore), StringComparer.Ordinal);
        var foldF1 = data.Keys.ToDictionary(t => t, _ => new List<double>(), StringComparer.Ordinal);
        var predictions = data.ToDictionary(kv => kv.Key, kv => new CvPrediction[kv.Value.Examples.Count], StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var train = data.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<DetectorExample>)kv.Value.Examples.Where((_, i) => kv.Value.Folds[i] != fold).ToList(), StringComparer.Ordinal);
            var models = EventModelTraining.TrainTypes(trainer, train, out _);
            foreach (var (type, (sentences, examples, assigned)) in data)
            {
                var model = models[type];
                DetectionScore s = default;
                for (var i = 0; i < examples.Count; i++)
                {
                    if (assigned[i] != fold) continue;
                    var (features, label, candidate, _) = examples[i];
                    var margin = EventModelTraining.Margin(model, features);
                    var predicted = candidate && margin >= 0;
                    predictions[type][i] = new CvPrediction(sentences[i], fold, candidate, margin, predicted);
                    s = new DetectionScore(s.TruePositives + (predicted && label ? 1 : 0), s.FalsePositives + (predicted && !label ? 1 : 0), s.FalseNegatives + (!predicted && label ? 1 : 0));
                }

                foldF1[type].Add(s.F1);
                var sum = scores[type];
                scores[type] = new DetectionScore(sum.TruePositives + s.TruePositives, sum.FalsePositives + s.FalsePositives, sum.FalseNegatives + s.FalseNegatives);
            }
        }

        foreach (var type in data.Keys) results.Add(new EventCrossValidationResult(type, data[type].Examples.Count, scores[type], foldF1[type], predictions[type]));
        return results;
    }

    /// <summary>
    /// The figures as report lines; with <paramref name="errors"/> &gt; 0, the first false positives and false negatives of
    /// each type (by margin: the most confident errors first) with the gold label, the accept/reject-free label text and the
    /// margin, "no trigger" for a "yes" without a kept trigger.
    /// </summary>
    public static string ToText(IReadOnlyList<EventCrossValidationResult> results, int folds = 5, int errors = 0)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        foreach (var r in results)
        {
            var s = r.Score;
            var mean = r.FoldF1.Average();
            var sd = Math.Sqrt(r.FoldF1.Sum(f => (f - mean) * (f - mean)) / Math.Max(1, r.FoldF1.Count - 1));
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Type} detection, {folds}-fold nested CV over all labelled sentences (train + dev, {r.Sentences}, {s.TruePositives + s.FalseNegatives} yes; folds stratified by label)");
            text.AppendLine(CultureInfo.InvariantCulture, $"  pooled P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  (TP {s.TruePositives}, FP {s.FalsePositives}, FN {s.FalseNegatives}); fold F1 {string.Join(' ', r.FoldF1.Select(f => f.ToString("0.000", CultureInfo.InvariantCulture)))} (mean {mean:0.000}, sd {sd:0.000}); candidates' AUC {CandidateAuc(r.Predictions):0.000}");
            if (errors <= 0) continue;
            var falsePositives = r.Predictions.Where(p => p.Predicted && p.Sentence.Gold == false).OrderByDescending(p => p.Margin).Take(errors).ToList();
            var falseNegatives = r.Predictions.Where(p => !p.Predicted && p.Sentence.Gold == true).OrderBy(p => p.Candidate ? 0 : 1).ThenByDescending(p => p.Margin).Take(errors).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"  false positives ({falsePositives.Count} shown):");
            foreach (var p in falsePositives) text.AppendLine(CultureInfo.InvariantCulture, $"    [{p.Sentence.Label}, fold {p.Fold}, {p.Margin:+0.00;-0.00}] {p.Sentence.Text}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  false negatives ({falseNegatives.Count} shown):");
            foreach (var p in falseNegatives) text.AppendLine(CultureInfo.InvariantCulture, $"    [fold {p.Fold}, {(p.Candidate ? p.Margin.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "no trigger")}] {p.Sentence.Text}");
        }

        return text.ToString();
    }

    /// <summary>Every out-of-fold decision as TSV (header line first): type, id, fold, label, candidate, margin, predicted, text.</summary>
    public static string PredictionsTsv(IReadOnlyList<EventCrossValidationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder("type\tid\tfold\tlabel\tcandidate\tmargin\tpredicted\ttext\n");
        foreach (var r in results)
        foreach (var p in r.Predictions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Type}\t{p.Sentence.Id}\t{p.Fold}\t{p.Sentence.Label}\t{(p.Candidate ? 1 : 0)}\t{p.Margin:0.000}\t{(p.Predicted ? 1 : 0)}\t");
            text.Append(p.Sentence.Text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// ROC AUC of the out-of-fold margins over the candidates (sentences with a kept trigger of the type): the chance that a
    /// "yes" candidate outranks a "no" one (ties count half). Margins are relative to each fold model's threshold.
    /// </summary>
    public static double CandidateAuc(IReadOnlyList<CvPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return EventDetectorTrainer.Auc(predictions.Where(p => p.Candidate && p.Sentence.Gold is not null).Select(p => (p.Margin, p.Sentence.Gold == true)));
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
