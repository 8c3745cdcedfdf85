namespace Rasid.Nlp.Entities;

/// <summary>A tagged sentence: tokens and their BIO tags (types PER, ORG, LOC, MISC).</summary>
internal sealed record TaggedSentence(string[] Tokens, string[] Tags);

/// <summary>How <see cref="NerTrainer"/> learns the weights (the features, tags and decoder are the same).</summary>
internal enum NerObjective
{
    /// <summary>Averaged structured perceptron (Collins 2002).</summary>
    Perceptron,

    /// <summary>Linear-chain CRF: conditional log-likelihood with L2, trained by AdaGrad (<see cref="NerCrf"/>).</summary>
    Crf,
}

/// <summary>
/// Trains a <see cref="NerModel"/> with the averaged structured perceptron (Collins 2002): decode each
/// sentence with Viterbi, add the gold path's features and subtract the predicted path's; the final weights are
/// the average over all updates. Sentences are visited in a fixed pseudo-random order (seeded), so training is
/// deterministic. Features seen fewer than <see cref="MinFeatureCount"/> times are dropped.
/// </summary>
internal sealed class NerTrainer(NerFeatures featurizer)
{
    /// <summary>The feature extractor.</summary>
    public NerFeatures Featurizer => featurizer;

    public int Epochs { get; init; } = 10;
    public int MinFeatureCount { get; init; } = 1;
    public int Seed { get; init; } = 13;
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Perceptrons trained with different visiting orders (seeds <see cref="Seed"/>, <see cref="Seed"/>+1, …) whose averaged
    /// weights are averaged again into one model (same size and decoding cost as one perceptron).
    /// </summary>
    public int Seeds { get; init; } = 1;

    /// <summary>
    /// Loss-augmented decoding during training: every wrong tag of a token gets this much extra score, so the perceptron
    /// also updates on correct paths that win by less than the margin (0 = the plain perceptron).
    /// </summary>
    public float Margin { get; init; }

    /// <summary>The training objective: the averaged perceptron (default) or a linear-chain CRF.</summary>
    public NerObjective Objective { get; init; } = NerObjective.Perceptron;

    /// <summary>CRF: the L2 penalty λ/2·‖w‖² (λ = 1/σ²) over the whole data.</summary>
    public float L2 { get; init; } = 1f;

    /// <summary>CRF: AdaGrad's base learning rate.</summary>
    public float LearningRate { get; init; } = 0.1f;

    /// <summary>CRF: start from the weights of an averaged perceptron trained first (same seeds and epochs), scaled to log-odds.</summary>
    public bool InitFromPerceptron { get; init; }

    /// <summary>CRF: epochs of AdaGrad (default: <see cref="Epochs"/>).</summary>
    public int? CrfEpochs { get; init; }

    /// <summary>Weight of the updates made on the extra sentences (1 = as much as the main data).</summary>
    public float ExtraWeight { get; init; } = 1f;

    /// <summary>
    /// Trains on <paramref name="sentences"/> (the main data: remembered names come from it, jackknifed) and optional
    /// <paramref name="extra"/> sentences (other corpora mapped to the same conventions: they see the names remembered from
    /// all the main data, and their updates are scaled by <see cref="ExtraWeight"/>).
    /// </summary>
    public NerModel Train(IReadOnlyList<TaggedSentence> sentences, string trainedOn, Action<string>? progress = null, IReadOnlyList<TaggedSentence>? extra = null, IReadOnlyList<List<NerTokenFeature>[]>? hints = null, CancellationToken ct = default)
    {
        var T = NerModel.TagCount;
        var main = sentences.Count;
        extra ??= [];
        var feats = new List<string>[main + extra.Count][];
        var gold = new int[main + extra.Count][];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Jackknifed memory: sentence s gets the names remembered from the other folds.
        var folds = Math.Max(1, Math.Min(Folds, sentences.Count));
        var foldMemory = new EntityMemory[folds];
        for (var k = 0; k < folds; k++)
        {
            foldMemory[k] = folds == 1 ? EntityMemory.Empty : EntityMemory.Build(sentences.Where((_, i) => i * folds / sentences.Count != k));
        }

        var fullMemory = extra.Count > 0 ? EntityMemory.Build(sentences) : EntityMemory.Empty;
        for (var s = 0; s < feats.Length; s++)
        {
            ct.ThrowIfCancellationRequested();
            var sentence = s < main ? sentences[s] : extra[s - main];
            feats[s] = featurizer.Extract(sentence.Tokens, s < main ? foldMemory[s * folds / main] : fullMemory, s < main ? hints?[s] : null);
            gold[s] = sentence.Tags.Select(t => NerModel.TypeIndex(t) is var i and >= 0 ? i : throw new ArgumentException($"unknown tag '{t}'")).ToArray();
            foreach (var f in feats[s].SelectMany(x => x)) counts[f] = counts.GetValueOrDefault(f) + 1;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (f, count) in counts) if (count >= MinFeatureCount) index[f] = index.Count;
        var ids = new int[feats.Length][][];
        for (var s = 0; s < feats.Length; s++)
        {
            ids[s] = feats[s].Select(fl => fl.Where(index.ContainsKey).Select(f => index[f]).ToArray()).ToArray();
        }

        var seeds = Math.Max(1, Seeds);
        if (Objective == NerObjective.Crf) return TrainCrf(index, ids, gold, main, trainedOn, sentences, progress, ct);
        var sumW = new float[index.Count * T];
        var sumT = new float[(T + 1) * T];
        for (var k = 0; k < seeds; k++)
        {
            var (w, tw) = TrainWeights(ids, gold, main, index.Count, Seed + k, progress, ct);
            for (var i = 0; i < w.Length; i++) sumW[i] += w[i] / seeds;
            for (var i = 0; i < tw.Length; i++) sumT[i] += tw[i] / seeds;
        }

        return new NerModel(index, sumW, sumT, trainedOn, EntityMemory.Build(sentences));
    }

    private NerModel TrainCrf(Dictionary<string, int> index, int[][][] ids, int[][] gold, int main, string trainedOn, IReadOnlyList<TaggedSentence> sentences, Action<string>? progress, CancellationToken ct)
    {
        var T = NerModel.TagCount;
        var crf = new NerCrf(ids, gold, index.Count) { L2 = L2, LearningRate = LearningRate, ExtraWeight = ExtraWeight, Main = main };
        float[]? w0 = null, t0 = null;
        if (InitFromPerceptron)
        {
            // The perceptron's scale is arbitrary; bring its weights to the CRF's by fitting one scale factor (log-likelihood).
            var seeds = Math.Max(1, Seeds);
            w0 = new float[index.Count * T];
            t0 = new float[(T + 1) * T];
            for (var k = 0; k < seeds; k++)
            {
                var (w, tw) = TrainWeights(ids, gold, main, index.Count, Seed + k, progress, ct);
                for (var i = 0; i < w.Length; i++) w0[i] += w[i] / seeds;
                for (var i = 0; i < tw.Length; i++) t0[i] += tw[i] / seeds;
            }

            var scale = crf.BestScale(w0, t0);
            progress?.Invoke($"crf: perceptron weights scaled by {scale:G3}");
            for (var i = 0; i < w0.Length; i++) w0[i] *= scale;
            for (var i = 0; i < t0.Length; i++) t0[i] *= scale;
        }

        var (weights, transitions) = crf.Train(CrfEpochs ?? Epochs, Seed, w0, t0, progress, ct);
        // Decoding reads a confidence from the emission margin m as 1 / (1 + e^(-m/4)): scaling by 4 makes it the CRF's
        // log-odds margin, and leaves the best path unchanged.
        for (var i = 0; i < weights.Length; i++) weights[i] *= NerCrf.ConfidenceScale;
        for (var i = 0; i < transitions.Length; i++) transitions[i] *= NerCrf.ConfidenceScale;
        return new NerModel(index, weights, transitions, trainedOn, EntityMemory.Build(sentences));
    }

    private (float[] W, float[] TW) TrainWeights(int[][][] ids, int[][] gold, int main, int featureCount, int seed, Action<string>? progress, CancellationToken ct)
    {
        var T = NerModel.TagCount;
        var w = new float[featureCount * T];
        var u = new float[featureCount * T];
        var tw = new float[(T + 1) * T];
        var tu = new float[(T + 1) * T];
        var order = Enumerable.Range(0, ids.Length).ToArray();
        var rng = new Random(seed);
        var c = 1f;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            rng.Shuffle(order);
            var errors = 0;
            foreach (var s in order)
            {
                ct.ThrowIfCancellationRequested();
                var n = ids[s].Length;
                if (n == 0) continue;
                var em = new float[n, T];
                for (var i = 0; i < n; i++)
                {
                    foreach (var fi in ids[s][i])
                    {
                        for (var t = 0; t < T; t++) em[i, t] += w[fi * T + t];
                    }
                }

                var g = gold[s];
                if (Margin > 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        for (var t = 0; t < T; t++) if (t != g[i]) em[i, t] += Margin;
                    }
                }

                var pred = NerModel.Viterbi(em, tw, out _);
                var r = s < main ? 1f : ExtraWeight;
                var rc = r * c;
                for (var i = 0; i < n; i++)
                {
                    var gp = i == 0 ? T : g[i - 1];
                    var pp = i == 0 ? T : pred[i - 1];
                    if (g[i] == pred[i] && gp == pp) continue;
                    if (g[i] != pred[i])
                    {
                        errors++;
                        foreach (var fi in ids[s][i])
                        {
                                w[fi * T + g[i]] += r; u[fi * T + g[i]] += rc;
                            w[fi * T + pred[i]] -= r; u[fi * T + pred[i]] -= rc;
                        }
                    }

                    tw[gp * T + g[i]] += r; tu[gp * T + g[i]] += rc;
                    tw[pp * T + pred[i]] -= r; tu[pp * T + pred[i]] -= rc;
                }

                c++;
            }

            progress?.Invoke($"epoch {epoch}/{Epochs} (seed {seed}): {errors} token errors");
        }

        for (var i = 0; i < w.Length; i++) w[i] -= u[i] / c;
        for (var i = 0; i < tw.Length; i++) tw[i] -= tu[i] / c;
        return (w, tw);
    }
}
