using Rasid.Nlp.Entities;
using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>Trains <see cref="EventDetector"/> models: a deterministic linear model per event type (logistic regression by default).</summary>
internal sealed class EventDetectorTrainer(EventKnowledge knowledge)
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Update weight of a missed positive in the perceptron (the logistic regression weighs classes by their sizes).</summary>
    public double PositiveWeight { get; init; } = 3.0;

    /// <summary>
    /// One raw sentence as a training example of <paramref name="type"/>: its features, and whether it has a trigger
    /// the coder would keep for that type (only such sentences can become events, so only they are scored).
    /// </summary>
    public DetectorExample Example(string text, bool label, string type, Tokenizer tokenizer, WordClusters clusters)
    {
        var view = SentenceView.FromText(text, tokenizer);
        var hits = TriggerMatcher.Find(view, knowledge);
        return new DetectorExample(EventDetector.Features(view, hits, clusters, knowledge.Cues), label, EventCoderComponent.CandidateTypes(hits).Contains(type));
    }

    /// <summary>L2 regularisation of the logistic regression.</summary>
    public double L2 { get; init; } = 1e-3;

    /// <summary>"perceptron" (averaged) or "logistic" (L2-regularised logistic regression by SGD).</summary>
    public string Algorithm { get; init; } = "logistic";

    /// <summary>Folds of the cross-validation on the training data that chooses the decision threshold (0: threshold 0).</summary>
    public int ThresholdFolds { get; init; } = 5;

    /// <summary>
    /// Trains one type's model; with <see cref="ThresholdFolds"/> &gt; 0 the threshold is the one that maximises F1 of
    /// the out-of-fold scores (example i is in fold i mod k), so the dev split is never used.
    /// </summary>
    public TypeModel Train(IReadOnlyList<DetectorExample> examples) => Train(examples, out _);

    /// <summary>
    /// Weight of a positive example relative to a negative one, as a power of the class ratio: 1 = balanced classes,
    /// 0.5 = square root of the ratio, 0 = unweighted.
    /// </summary>
    public double Balance { get; init; } = 1.0;

    /// <summary>True: the threshold is chosen on the sentences with a kept trigger of the type (the coder's decision), false: on all.</summary>
    public bool GateThreshold { get; init; } = true;

    /// <summary>True: the final model is the average of the cross-validation fold models (bagging); false: one model refitted on all data.</summary>
    public bool AverageFolds { get; init; } = true;

    /// <summary>
    /// Half-window (in ranks of the out-of-fold scores) over which the F1 of a threshold is averaged before the best one is
    /// chosen (0: the single best cut, as up to model v4).
    /// </summary>
    public int ThresholdSmoothing { get; init; } = 3;

    /// <summary>Class-weight exponents tried by <see cref="TrainSelected"/>.</summary>
    public IReadOnlyList<double> BalanceGrid { get; init; } = [1.0, 0.5];

    /// <summary>L2 values tried by <see cref="TrainSelected"/>.</summary>
    public IReadOnlyList<double> L2Grid { get; init; } = [1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1];

    /// <summary>
    /// Number of (L2, class weight) settings whose models are averaged into the final one (1: the single best setting, as up
    /// to model v5; 5 since v6, which lowers the variance of choosing one setting from a few dozen positives). With k &gt; 1 the k settings with the best smoothed out-of-fold F1 are averaged, their out-of-fold scores
    /// too, and the threshold is chosen on those averaged scores.
    /// </summary>
    public int SettingEnsemble { get; init; } = 5;

    /// <summary>
    /// Chooses L2 from <see cref="L2Grid"/> by the out-of-fold F1 of a cross-validation on <paramref name="examples"/> (the
    /// training split only), then trains on all of them with that L2; <paramref name="cv"/> is the chosen setting's CV figure.
    /// </summary>
    public TypeModel TrainSelected(IReadOnlyList<DetectorExample> examples, out CrossValidation cv, out IReadOnlyList<CrossValidation> tried)
    {
        var all = new List<(TypeModel Model, CrossValidation Result, double[] Oof)>();
        foreach (var balance in BalanceGrid)
        foreach (var l2 in L2Grid)
        {
            var trainer = new EventDetectorTrainer(knowledge) { GateThreshold = GateThreshold, Epochs = Epochs, L2 = l2, Balance = balance, AverageFolds = AverageFolds, Algorithm = Algorithm, ThresholdFolds = ThresholdFolds, PositiveWeight = PositiveWeight, ThresholdSmoothing = ThresholdSmoothing };
            var model = trainer.Train(examples, out var result, out var oof);
            all.Add((model, result, oof));
        }

        tried = all.Select(a => a.Result).ToList();
        // The best setting first (ties: the earlier one in the grid, as before).
        var ranked = all.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Result.Smoothed).ThenBy(x => x.i).Select(x => x.a).ToList();
        if (SettingEnsemble <= 1 || ThresholdFolds <= 1 || ranked.Count < 2)
        {
            cv = ranked[0].Result;
            return ranked[0].Model;
        }

        var members = ranked.Take(SettingEnsemble).ToList();
        var oofMean = new double[examples.Count];
        foreach (var m in members) for (var i = 0; i < oofMean.Length; i++) oofMean[i] += m.Oof[i] / members.Count;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in members) foreach (var (f, w) in m.Model.Weights) weights[f] = weights.GetValueOrDefault(f) + w / members.Count;
        var choice = ChooseThreshold(examples, oofMean);
        cv = choice with { L2 = members[0].Result.L2, Balance = members[0].Result.Balance };
        return new TypeModel(weights, Math.Round(choice.Threshold, 4));
    }

    /// <summary>Trains one type's model and reports the out-of-fold figures at the chosen threshold.</summary>
    public TypeModel Train(IReadOnlyList<DetectorExample> examples, out CrossValidation cv) => Train(examples, out cv, out _);

    /// <summary>
    /// Trains one type's model and reports the out-of-fold figures at the chosen threshold; <paramref name="oof"/> holds each
    /// example's out-of-fold score (0 for auxiliary examples).
    /// </summary>
    public TypeModel Train(IReadOnlyList<DetectorExample> examples, out CrossValidation cv, out double[] oof)
    {
        oof = new double[examples.Count];
        var model = AverageFolds && ThresholdFolds > 1 ? new TypeModel(new Dictionary<string, double>(), 0) : TrainOnce(examples);
        cv = new CrossValidation(L2, Balance, 0, 0, 0, 0);
        if (ThresholdFolds <= 1) return model;
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var fold = 0; fold < ThresholdFolds; fold++)
        {
            var train = examples.Where((e, i) => e.Auxiliary || i % ThresholdFolds != fold).ToList();
            var foldModel = TrainOnce(train);
            foreach (var (f, w) in foldModel.Weights) sum[f] = sum.GetValueOrDefault(f) + w / ThresholdFolds;
            for (var i = 0; i < examples.Count; i++)
            {
                if (examples[i].Auxiliary || i % ThresholdFolds != fold) continue;
                double score = 0;
                foreach (var feature in examples[i].Features) score += foldModel.Weights.GetValueOrDefault(feature.Name) * feature.Value;
                oof[i] = score;
            }
        }

        var choice = ChooseThreshold(examples, oof);
        cv = choice with { L2 = L2, Balance = Balance };
        // The fold models' average is the final model, so the threshold chosen on their out-of-fold scores fits the
        // model it is applied to (a model refitted on all the data has larger weights and shifted scores).
        if (AverageFolds)
        {
            var averaged = sum.Where(kv => Math.Abs(kv.Value) >= 0.02).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            return new TypeModel(averaged, Math.Round(choice.Threshold, 4));
        }

        return model with { Threshold = Math.Round(choice.Threshold, 4) };
    }

    /// <summary>
    /// The threshold on out-of-fold <paramref name="scores"/> with the best F1 averaged over ±<see cref="ThresholdSmoothing"/>
    /// neighbouring cuts (with a few dozen positives the best single cut is often a spike that one sentence makes); a
    /// sentence without a kept trigger counts as a negative prediction whatever its score (when <see cref="GateThreshold"/>).
    /// </summary>
    private CrossValidation ChooseThreshold(IReadOnlyList<DetectorExample> examples, double[] scores)
    {
        var scored = new List<(double Score, bool Label)>();
        var missedByGate = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            var (_, label, candidate, auxiliary) = examples[i];
            if (auxiliary) continue;
            if (candidate || !GateThreshold) scored.Add((scores[i], label));
            else if (label) missedByGate++;
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        var positives = scored.Count(x => x.Label) + missedByGate;
        double bestF1 = -1, threshold = 0, bestSmoothed = -1;
        int tp = 0, bestTp = 0, bestPredicted = 0;
        var f1s = new double[scored.Count];
        for (var i = 0; i < scored.Count; i++)
        {
            if (scored[i].Label) tp++;
            f1s[i] = 2.0 * tp / (i + 1 + positives);
        }

        var half = ThresholdSmoothing;
        tp = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            if (scored[i].Label) tp++;
            if (i + 1 < scored.Count && scored[i + 1].Score >= scored[i].Score) continue;
            double window = 0;
            var n = 0;
            for (var j = Math.Max(0, i - half); j <= Math.Min(scored.Count - 1, i + half); j++, n++) window += f1s[j];
            var smoothed = window / n;
            if (smoothed > bestSmoothed)
            {
                bestSmoothed = smoothed;
                bestF1 = f1s[i];
                bestTp = tp;
                bestPredicted = i + 1;
                threshold = i + 1 < scored.Count ? (scored[i].Score + scored[i + 1].Score) / 2 : scored[i].Score - 1e-6;
            }
        }

        return new CrossValidation(0, 0, bestPredicted == 0 ? 0 : (double)bestTp / bestPredicted, positives == 0 ? 0 : (double)bestTp / positives, Math.Max(0, bestF1), positives) { Auc = Auc(scored), Smoothed = bestSmoothed, Threshold = threshold };
    }

    /// <summary>
    /// Area under the ROC curve of scored examples: the chance that a positive outranks a negative, tied scores counting half
    /// (average ranks); 0 when either class is missing.
    /// </summary>
    internal static double Auc(IEnumerable<(double Score, bool Label)> examples)
    {
        var scored = examples.OrderBy(e => e.Score).ToList();
        long positives = scored.Count(e => e.Label), negatives = scored.Count - positives;
        if (positives == 0 || negatives == 0) return 0;
        double rankSum = 0;
        for (var i = 0; i < scored.Count;)
        {
            var j = i;
            while (j < scored.Count && scored[j].Score == scored[i].Score) j++;
            var rank = (i + 1 + j) / 2.0; // average 1-based rank of the tie group
            for (var k = i; k < j; k++) if (scored[k].Label) rankSum += rank;
            i = j;
        }

        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    private TypeModel TrainOnce(IReadOnlyList<DetectorExample> examples) =>
        Algorithm == "logistic" ? TrainLogistic(examples) : TrainPerceptron(examples);

    private TypeModel TrainLogistic(IReadOnlyList<DetectorExample> examples)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = examples.Select(e => (Ids: e.Features.Select(f => index.TryGetValue(f.Name, out var id) ? id : index[f.Name] = index.Count).ToArray(), Values: e.Features.Select(f => f.Value).ToArray(), e.Label)).ToArray();
        var w = new double[index.Count];
        var g2 = new double[index.Count];
        var positives = Math.Max(1, data.Count(d => d.Label));
        // Class weight from the type's own examples (auxiliary examples of another type would change the ratio).
        var own = examples.Where(e => !e.Auxiliary).ToList();
        if (own.Count < examples.Count) positives = Math.Max(1, own.Count(e => e.Label));
        var negatives = (own.Count < examples.Count ? own.Count : data.Length) - positives;
        var posWeight = Math.Pow((double)negatives / positives, Balance);
        var lambda = L2;
        var order = Enumerable.Range(0, data.Length).ToArray();
        ulong state = 0x9E3779B97F4A7C15UL;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            Shuffle(order, ref state);

            foreach (var n in order)
            {
                var (ids, values, label) = data[n];
                double z = 0;
                for (var k = 0; k < ids.Length; k++) z += w[ids[k]] * values[k];
                var p = 1 / (1 + Math.Exp(-z));
                var err = (label ? posWeight : 1.0) * ((label ? 1.0 : 0.0) - p);
                for (var k = 0; k < ids.Length; k++)
                {
                    var id = ids[k];
                    var grad = err * values[k] - lambda * w[id];
                    g2[id] += grad * grad;
                    w[id] += 0.5 * grad / Math.Sqrt(g2[id] + 1e-8);
                }
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, id) in index)
        {
            if (Math.Abs(w[id]) >= 0.02) weights[feature] = w[id];
        }

        return new TypeModel(weights, 0);
    }

    /// <summary>Fisher-Yates with a fixed xorshift generator: the same data gives the same model on every machine.</summary>
    private static void Shuffle(int[] order, ref ulong state)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var j = (int)(state % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private TypeModel TrainPerceptron(IReadOnlyList<DetectorExample> examples)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = examples.Select(e => (Ids: e.Features.Select(f => index.TryGetValue(f.Name, out var id) ? id : index[f.Name] = index.Count).ToArray(), Values: e.Features.Select(f => f.Value).ToArray(), e.Label)).ToArray();
        var w = new double[index.Count];
        var total = new double[index.Count];
        var stamp = new int[index.Count];
        var order = Enumerable.Range(0, data.Length).ToArray();
        var step = 1;
        ulong state = 0x9E3779B97F4A7C15UL;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            Shuffle(order, ref state);

            foreach (var n in order)
            {
                var (ids, values, label) = data[n];
                double score = 0;
                for (var k = 0; k < ids.Length; k++) score += w[ids[k]] * values[k];
                var y = label ? 1.0 : -1.0;
                if (y * score <= 0)
                {
                    var delta = label ? PositiveWeight : 1.0;
                    for (var k = 0; k < ids.Length; k++)
                    {
                        var id = ids[k];
                        total[id] += (step - stamp[id]) * w[id];
                        stamp[id] = step;
                        w[id] += y * delta * values[k];
                    }
                }

                step++;
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, id) in index)
        {
            total[id] += (step - stamp[id]) * w[id];
            var averaged = total[id] / step;
            if (Math.Abs(averaged) >= 1e-4) weights[feature] = averaged;
        }

        return new TypeModel(weights, 0);
    }
}

/// <summary>A training sentence: features, gold label, and whether the coder would consider it (it has a kept trigger of the type).</summary>
/// <param name="Features">The sentence's features.</param>
/// <param name="Label">Gold label (yes / no).</param>
/// <param name="Candidate">True when the coder would consider the sentence (it has a kept trigger of the type).</param>
/// <param name="Auxiliary">True for an example of another type shared through renamed features: always trained on, never scored
/// (not in the held-out folds, not in the threshold choice).</param>
internal readonly record struct DetectorExample(List<DetectorFeature> Features, bool Label, bool Candidate, bool Auxiliary = false);

/// <summary>Out-of-fold figures of a cross-validation on the training split at the threshold it chose.</summary>
internal readonly record struct CrossValidation(double L2, double Balance, double Precision, double Recall, double F1, int Positives)
{
    /// <summary>Area under the ROC curve of the out-of-fold scores of the candidate sentences.</summary>
    public double Auc { get; init; }

    /// <summary>F1 at the chosen cut averaged over its neighbouring cuts (equal to F1 without smoothing).</summary>
    public double Smoothed { get; init; }

    /// <summary>The chosen threshold on the out-of-fold scores.</summary>
    public double Threshold { get; init; }
}
