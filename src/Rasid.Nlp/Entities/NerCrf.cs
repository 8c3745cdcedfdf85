using System.Diagnostics;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Linear-chain CRF training for <see cref="NerModel"/>'s weights (the same features, tags, forbidden transitions and
/// start row as the perceptron, so the model file and the Viterbi decoder are unchanged): maximizes the conditional
/// log-likelihood Σ log p(y|x) − λ/2·‖w‖² by AdaGrad over single sentences visited in a seeded order. Marginals come from
/// forward-backward in log space (doubles) over the allowed transitions only (I-X after anything but B-X/I-X has
/// probability 0, as in decoding). The L2 term of a feature row is applied lazily when the row is next touched (a proximal
/// shrink for the steps it was idle), and once more for every row at the end, so every step costs only the sentence's
/// features. Deterministic: one thread, fixed order.
/// </summary>
/// <param name="ids">Per sentence, per token: the feature indices.</param>
/// <param name="gold">Per sentence: the gold tag indices.</param>
/// <param name="featureCount">Number of features (rows of <see cref="NerModel.TagCount"/> weights).</param>
internal sealed class NerCrf(int[][][] ids, int[][] gold, int featureCount)
{
    /// <summary>
    /// Factor applied to the trained weights before they go into a <see cref="NerModel"/>: decoding reads a token's confidence
    /// as 1 / (1 + e^(−m/4)) of its emission margin m, so ×4 makes that the CRF's log-odds margin (the best path is unchanged).
    /// </summary>
    public const float ConfidenceScale = 4f;

    private static readonly bool[] Allowed = BuildAllowed();

    /// <summary>λ of the L2 penalty λ/2·‖w‖² over the whole data.</summary>
    public float L2 { get; init; } = 1f;

    /// <summary>AdaGrad's base learning rate η (a weight moves by η·g/√Σg²).</summary>
    public float LearningRate { get; init; } = 0.1f;

    /// <summary>Sentences from this index on are extra data, weighted by <see cref="ExtraWeight"/>.</summary>
    public int Main { get; init; } = int.MaxValue;

    /// <summary>Weight of the log-likelihood of the extra sentences.</summary>
    public float ExtraWeight { get; init; } = 1f;

    private static bool[] BuildAllowed()
    {
        var T = NerModel.TagCount;
        var table = new bool[(T + 1) * T];
        for (var p = 0; p <= T; p++)
        {
            for (var t = 0; t < T; t++) table[p * T + t] = NerModel.Allowed(p == T ? -1 : p, t);
        }

        return table;
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> passes starting from <paramref name="w0"/>/<paramref name="t0"/> (zeros when null; given
    /// weights start with AdaGrad accumulators of 1)
    /// and returns the emission weights [feature × tag] and transitions [(tag + start) × tag] (log-potentials, unscaled).
    /// </summary>
    public (float[] W, float[] TW) Train(int epochs, int seed, float[]? w0, float[]? t0, Action<string>? progress, CancellationToken ct = default)
    {
        var T = NerModel.TagCount;
        var w = w0 is null ? new float[featureCount * T] : (float[])w0.Clone();
        var tw = t0 is null ? new float[(T + 1) * T] : (float[])t0.Clone();
        var gw = new float[w.Length];        // AdaGrad: sums of squared gradients
        var gt = new float[tw.Length];
        if (w0 is not null)
        {
            // Starting from given weights: the accumulators start at 1, as if one unit gradient had been seen, so a weight the
            // loss hardly moves (a near-zero gradient history) is not shrunk away by the L2 step at an unbounded rate η/√Σg².
            Array.Fill(gw, 1f);
            Array.Fill(gt, 1f);
        }

        var grad = new float[w.Length];      // this sentence's gradient (touched rows only)
        var gradT = new double[tw.Length];
        var last = new int[featureCount];    // step at which a row's L2 was last applied
        var stamp = new int[featureCount];   // 1 + the step at which a row was last touched
        var touched = new List<int>();
        var lambda = L2 / Math.Max(1, ids.Length);
        var eta = LearningRate;
        var order = Enumerable.Range(0, ids.Length).ToArray();
        var rng = new Random(seed);
        var lattice = new Lattice();
        var step = 0;
        var watch = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            var logLikelihood = 0.0;
            foreach (var s in order)
            {
                ct.ThrowIfCancellationRequested();
                var x = ids[s];
                var n = x.Length;
                if (n == 0) continue;
                var r = s < Main ? 1.0 : ExtraWeight;
                var y = gold[s];
                lattice.Compute(x, w, tw);
                logLikelihood += r * lattice.GoldLogProbability(y);
                step++;

                // Gradient of r·log p(y|x): observed minus expected counts.
                touched.Clear();
                Array.Clear(gradT);
                for (var i = 0; i < n; i++)
                {
                    var node = lattice.NodeMarginals(i);
                    foreach (var fi in x[i])
                    {
                        if (stamp[fi] != step)
                        {
                            stamp[fi] = step;
                            touched.Add(fi);
                            Array.Clear(grad, fi * T, T);
                        }

                        var row = fi * T;
                        for (var t = 0; t < T; t++) grad[row + t] -= (float)(r * node[t]);
                        grad[row + y[i]] += (float)r;
                    }

                    gradT[(i == 0 ? T : y[i - 1]) * T + y[i]] += r;
                }

                lattice.SubtractEdgeMarginals(gradT, r);

                foreach (var fi in touched)
                {
                    var row = fi * T;
                    var idle = step - last[fi];
                    last[fi] = step;
                    for (var t = 0; t < T; t++)
                    {
                        var k = row + t;
                        var rate = gw[k] > 0 ? eta / MathF.Sqrt(gw[k]) : eta;
                        if (w[k] != 0) w[k] /= 1 + rate * lambda * idle;
                        var g = grad[k];
                        if (g == 0) continue;
                        gw[k] += g * g;
                        if (gw[k] > 0) w[k] += eta * g / MathF.Sqrt(gw[k]);   // 0 when g² underflows (a peaked start)
                    }
                }

                for (var k = 0; k < tw.Length; k++)
                {
                    var rate = gt[k] > 0 ? eta / MathF.Sqrt(gt[k]) : eta;
                    tw[k] /= 1 + rate * lambda;
                    var g = (float)gradT[k];
                    if (g == 0) continue;
                    gt[k] += g * g;
                    if (gt[k] > 0) tw[k] += eta * g / MathF.Sqrt(gt[k]);
                }
            }

            progress?.Invoke($"crf epoch {epoch}/{epochs} (seed {seed}): log-likelihood {logLikelihood:F1}, {watch.Elapsed.TotalSeconds:F0} s");
        }

        // The L2 shrink every row still owes for the steps since it was last touched.
        for (var fi = 0; fi < featureCount; fi++)
        {
            var idle = step - last[fi];
            if (idle == 0) continue;
            for (var t = 0; t < T; t++)
            {
                var k = fi * T + t;
                var rate = gw[k] > 0 ? eta / MathF.Sqrt(gw[k]) : eta;
                w[k] /= 1 + rate * lambda * idle;
            }
        }

        return (w, tw);
    }

    /// <summary>
    /// The factor a (of a few candidates from 0.002 to 1) that gives weights <paramref name="w"/>·a, <paramref name="tw"/>·a the
    /// highest log-likelihood on every fourth sentence: puts a perceptron's weights on the CRF's scale before training on.
    /// </summary>
    public float BestScale(float[] w, float[] tw)
    {
        float[] candidates = [0.002f, 0.005f, 0.01f, 0.02f, 0.05f, 0.1f, 0.2f, 0.5f, 1f];
        var lattice = new Lattice();
        var best = (Scale: 1f, LogLikelihood: double.NegativeInfinity);
        foreach (var a in candidates)
        {
            var ws = w.Select(v => v * a).ToArray();
            var ts = tw.Select(v => v * a).ToArray();
            var ll = 0.0;
            for (var s = 0; s < ids.Length; s += 4)
            {
                if (ids[s].Length == 0) continue;
                lattice.Compute(ids[s], ws, ts);
                ll += lattice.GoldLogProbability(gold[s]);
            }

            if (ll > best.LogLikelihood) best = (a, ll);
        }

        return best.Scale;
    }

    /// <summary>Forward-backward over one sentence in log space (buffers reused between sentences).</summary>
    internal sealed class Lattice
    {
        private double[] em = new double[64 * NerModel.Tags.Length];
        private double[] alpha = new double[64 * NerModel.Tags.Length];
        private double[] beta = new double[64 * NerModel.Tags.Length];
        private readonly double[] node = new double[NerModel.Tags.Length];
        private readonly double[] work = new double[NerModel.Tags.Length + 1];
        private int n;
        private float[] transitions = [];

        /// <summary>log Z of the last sentence.</summary>
        public double LogZ { get; private set; }

        public void Compute(int[][] x, float[] w, float[] tw)
        {
            var T = NerModel.TagCount;
            n = x.Length;
            transitions = tw;
            if (em.Length < n * T)
            {
                em = new double[n * T * 2];
                alpha = new double[n * T * 2];
                beta = new double[n * T * 2];
            }

            for (var i = 0; i < n; i++)
            {
                var row = em.AsSpan(i * T, T);
                row.Clear();
                foreach (var fi in x[i])
                {
                    var off = fi * T;
                    for (var t = 0; t < T; t++) row[t] += w[off + t];
                }
            }

            for (var t = 0; t < T; t++) alpha[t] = Allowed[T * T + t] ? tw[T * T + t] + em[t] : double.NegativeInfinity;
            for (var i = 1; i < n; i++)
            {
                for (var t = 0; t < T; t++)
                {
                    var m = 0;
                    for (var p = 0; p < T; p++) if (Allowed[p * T + t]) work[m++] = alpha[(i - 1) * T + p] + tw[p * T + t];
                    alpha[i * T + t] = LogSumExp(work, m) + em[i * T + t];
                }
            }

            for (var t = 0; t < T; t++) beta[(n - 1) * T + t] = 0;
            for (var i = n - 2; i >= 0; i--)
            {
                for (var p = 0; p < T; p++)
                {
                    var m = 0;
                    for (var t = 0; t < T; t++) if (Allowed[p * T + t]) work[m++] = tw[p * T + t] + em[(i + 1) * T + t] + beta[(i + 1) * T + t];
                    beta[i * T + p] = LogSumExp(work, m);
                }
            }

            for (var t = 0; t < T; t++) work[t] = alpha[(n - 1) * T + t];
            LogZ = LogSumExp(work, T);
        }

        /// <summary>p(tag at token i = t) for every t (valid until the next call).</summary>
        public ReadOnlySpan<double> NodeMarginals(int i)
        {
            var T = NerModel.TagCount;
            for (var t = 0; t < T; t++) node[t] = Math.Exp(alpha[i * T + t] + beta[i * T + t] - LogZ);
            return node;
        }

        /// <summary>Subtracts r × the expected transition counts (start row included) from <paramref name="gradT"/>.</summary>
        public void SubtractEdgeMarginals(double[] gradT, double r)
        {
            var T = NerModel.TagCount;
            for (var t = 0; t < T; t++)
            {
                if (Allowed[T * T + t]) gradT[T * T + t] -= r * Math.Exp(alpha[t] + beta[t] - LogZ);
            }

            for (var i = 1; i < n; i++)
            {
                for (var p = 0; p < T; p++)
                {
                    var a = alpha[(i - 1) * T + p];
                    if (double.IsNegativeInfinity(a)) continue;
                    for (var t = 0; t < T; t++)
                    {
                        if (!Allowed[p * T + t]) continue;
                        gradT[p * T + t] -= r * Math.Exp(a + transitions[p * T + t] + em[i * T + t] + beta[i * T + t] - LogZ);
                    }
                }
            }
        }

        /// <summary>log p(y|x) of the last sentence (−∞ when y uses a forbidden transition; counted as 0 then).</summary>
        public double GoldLogProbability(int[] y)
        {
            var T = NerModel.TagCount;
            var score = 0.0;
            for (var i = 0; i < n; i++)
            {
                var p = i == 0 ? T : y[i - 1];
                if (!Allowed[p * T + y[i]]) return 0;
                score += transitions[p * T + y[i]] + em[i * T + y[i]];
            }

            return score - LogZ;
        }

        private static double LogSumExp(double[] values, int count)
        {
            var max = double.NegativeInfinity;
            for (var k = 0; k < count; k++) if (values[k] > max) max = values[k];
            if (double.IsNegativeInfinity(max)) return max;
            var sum = 0.0;
            for (var k = 0; k < count; k++) sum += Math.Exp(values[k] - max);
            return max + Math.Log(sum);
        }
    }
}
