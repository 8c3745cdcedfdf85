namespace Rasid.Nlp.Entities;

/// <summary>A tagged sentence: tokens and their BIO tags (types PER, ORG, LOC, MISC).</summary>
internal sealed record TaggedSentence(string[] Tokens, string[] Tags);

/// <summary>
/// Trains a <see cref="NerModel"/> with the averaged structured perceptron (Collins 2002): decode each
/// sentence with Viterbi, add the gold path's features and subtract the predicted path's; the final weights are
/// the average over all updates. Sentences are visited in a fixed pseudo-random order (seeded), so training is
/// deterministic. Features seen fewer than <see cref="MinFeatureCount"/> times are dropped.
/// </summary>
internal sealed class NerTrainer(NerFeatures featurizer)
{
    public int Epochs { get; init; } = 10;
    public int MinFeatureCount { get; init; } = 1;
    public int Seed { get; init; } = 13;
    public int Folds { get; init; } = 5;

    public NerModel Train(IReadOnlyList<TaggedSentence> sentences, string trainedOn, Action<string>? progress = null, CancellationToken ct = default)
    {
        var T = NerModel.TagCount;
        var feats = new List<string>[sentences.Count][];
        var gold = new int[sentences.Count][];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Jackknifed memory: sentence s gets the names remembered from the other folds.
        var folds = Math.Max(1, Math.Min(Folds, sentences.Count));
        var foldMemory = new EntityMemory[folds];
        for (var k = 0; k < folds; k++)
        {
            foldMemory[k] = folds == 1 ? EntityMemory.Empty : EntityMemory.Build(sentences.Where((_, i) => i * folds / sentences.Count != k));
        }

        for (var s = 0; s < sentences.Count; s++)
        {
            ct.ThrowIfCancellationRequested();
            feats[s] = featurizer.Extract(sentences[s].Tokens, foldMemory[s * folds / sentences.Count]);
            gold[s] = sentences[s].Tags.Select(t => NerModel.TypeIndex(t) is var i and >= 0 ? i : throw new ArgumentException($"unknown tag '{t}'")).ToArray();
            foreach (var f in feats[s].SelectMany(x => x)) counts[f] = counts.GetValueOrDefault(f) + 1;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (f, count) in counts) if (count >= MinFeatureCount) index[f] = index.Count;
        var w = new float[index.Count * T];
        var u = new float[index.Count * T];
        var tw = new float[(T + 1) * T];
        var tu = new float[(T + 1) * T];
        var ids = new int[sentences.Count][][];
        for (var s = 0; s < sentences.Count; s++)
        {
            ids[s] = feats[s].Select(fl => fl.Where(index.ContainsKey).Select(f => index[f]).ToArray()).ToArray();
        }

        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new Random(Seed);
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

                var pred = NerModel.Viterbi(em, tw, out _);
                var g = gold[s];
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
                            w[fi * T + g[i]] += 1; u[fi * T + g[i]] += c;
                            w[fi * T + pred[i]] -= 1; u[fi * T + pred[i]] -= c;
                        }
                    }

                    tw[gp * T + g[i]] += 1; tu[gp * T + g[i]] += c;
                    tw[pp * T + pred[i]] -= 1; tu[pp * T + pred[i]] -= c;
                }

                c++;
            }

            progress?.Invoke($"epoch {epoch}/{Epochs}: {errors} token errors");
        }

        for (var i = 0; i < w.Length; i++) w[i] -= u[i] / c;
        for (var i = 0; i < tw.Length; i++) tw[i] -= tu[i] / c;
        return new NerModel(index, w, tw, trainedOn, EntityMemory.Build(sentences));
    }
}
