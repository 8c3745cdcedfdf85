using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Rasid.Core;
using Rasid.Text;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Learns hierarchical word clusters from unlabelled text (a cheap stand-in for Brown clusters): every frequent
/// normalized word gets a context vector (positive PMI of the words at offsets -2, -1, +1, +2 among the most
/// frequent context words, context counts smoothed with exponent 0.75), projected to a few hundred dimensions by
/// a fixed random ±1 matrix, centred and length-normalized; the words are then clustered by spherical k-means in
/// levels (32 clusters, each split into 8, each of those into 8), and a word's bit string is its cluster number at
/// every level (5 + 3 + 3 bits), so prefixes are coarser clusters. Deterministic (seeded).
/// </summary>
internal sealed class WordClusterTrainer
{
    private const int Boundary = -1;

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> types = [];
    private readonly List<int> counts = [];
    private readonly List<int> stream = [];

    public int MinCount { get; init; } = 10;
    public int MaxWords { get; init; } = 50000;
    public int ContextWords { get; init; } = 2000;
    public int Dimensions { get; init; } = 256;
    public int Seed { get; init; } = 17;

    public int Tokens => stream.Count;

    /// <summary>The normalized tokens added so far, in order; null marks the end of a text.</summary>
    public IEnumerable<string?> NormalizedTokens()
    {
        foreach (var id in stream) yield return id == Boundary ? null : types[id];
    }

    /// <summary>Adds a text (tokenized with the text core's tokenizer, tokens normalized like the NER features).</summary>
    public void AddText(string text, Tokenizer tokenizer, List<TokenSpan> spans)
    {
        spans.Clear();
        tokenizer.Tokenize(text, new TextRange(0, text.Length), spans);
        foreach (var span in spans)
        {
            var word = ArabicForms.Normalize(text.AsSpan(span.Range.Start, span.Range.Length));
            if (word.Length == 0) continue;
            if (!ids.TryGetValue(word, out var id))
            {
                ids[word] = id = types.Count;
                types.Add(word);
                counts.Add(0);
            }

            counts[id]++;
            stream.Add(id);
        }

        stream.Add(Boundary);
    }

    /// <summary>Adds the title and content of every article of the SaudiNewsNet day files (*.zip) in a folder.</summary>
    /// <returns>The number of articles read.</returns>
    public int AddSaudiNewsNet(string directory, Action<string>? warn = null)
    {
        var tokenizer = new Tokenizer();
        var spans = new List<TokenSpan>();
        var articles = 0;
        foreach (var zip in Directory.GetFiles(directory, "*.zip").Order(StringComparer.Ordinal))
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var s = entry.Open();
                JsonDocument json;
                try { json = JsonDocument.Parse(s); }
                catch (JsonException ex)
                {
                    warn?.Invoke($"{zip}:{entry.FullName}: not valid JSON ({ex.Message}); skipped");
                    continue;
                }

                using var _ = json;
                if (json.RootElement.ValueKind != JsonValueKind.Array) continue;
                foreach (var record in json.RootElement.EnumerateArray())
                {
                    articles++;
                    foreach (var field in (ReadOnlySpan<string>)["title", "content"])
                    {
                        if (record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String) AddText(value.GetString() ?? "", tokenizer, spans);
                    }
                }
            }
        }

        return articles;
    }

    /// <summary>Clusters the words seen at least <see cref="MinCount"/> times; returns word → bit string.</summary>
    public Dictionary<string, string> Train(Action<string>? progress = null)
    {
        var byFrequency = Enumerable.Range(0, types.Count).Where(i => counts[i] >= MinCount)
            .OrderByDescending(i => counts[i]).ThenBy(i => types[i], StringComparer.Ordinal).Take(MaxWords).ToArray();
        var vocab = new int[types.Count];
        Array.Fill(vocab, -1);
        for (var v = 0; v < byFrequency.Length; v++) vocab[byFrequency[v]] = v;
        var ctx = new int[types.Count];
        Array.Fill(ctx, -1);
        var C = Math.Min(ContextWords, byFrequency.Length);
        for (var c = 0; c < C; c++) ctx[byFrequency[c]] = c;
        var width = C + 1; // + text boundary
        int[] offsets = [-2, -1, 1, 2];
        var D = offsets.Length * width;
        var V = byFrequency.Length;

        // Co-occurrence counts per word (sparse).
        var cooc = new Dictionary<int, float>[V];
        for (var v = 0; v < V; v++) cooc[v] = [];
        var colTotal = new double[D];
        for (var i = 0; i < stream.Count; i++)
        {
            var id = stream[i];
            if (id < 0 || vocab[id] < 0) continue;
            var row = cooc[vocab[id]];
            for (var k = 0; k < offsets.Length; k++)
            {
                var j = i + offsets[k];
                var step = Math.Sign(offsets[k]);
                var crossed = false;
                for (var m = i + step; m != j + step; m += step) if (m < 0 || m >= stream.Count || stream[m] < 0) { crossed = true; break; }
                var c = crossed ? C : ctx[stream[j]];
                if (c < 0) continue;
                var dim = k * width + c;
                row[dim] = row.GetValueOrDefault(dim) + 1;
                colTotal[dim]++;
            }
        }

        progress?.Invoke($"clusters: {Tokens} tokens, {V} words, {D} context dimensions");

        // PPMI with context-distribution smoothing, then a fixed random projection.
        var smoothed = colTotal.Select(x => Math.Pow(x, 0.75)).ToArray();
        var smoothedSum = smoothed.Sum();
        var rng = new Random(Seed);
        var d = Dimensions;
        var projection = new float[D * d];
        for (var i = 0; i < projection.Length; i++) projection[i] = rng.Next(2) == 0 ? -1 : 1;
        var vectors = new float[V * d];
        for (var v = 0; v < V; v++)
        {
            var rowTotal = 0.0;
            foreach (var x in cooc[v].Values) rowTotal += x;
            if (rowTotal == 0) continue;
            var vec = vectors.AsSpan(v * d, d);
            foreach (var (dim, x) in cooc[v])
            {
                var pmi = Math.Log(x * smoothedSum / (rowTotal * smoothed[dim]));
                if (pmi <= 0) continue;
                var r = projection.AsSpan(dim * d, d);
                for (var t = 0; t < d; t++) vec[t] += (float)pmi * r[t];
            }

            Normalize(vec);
            cooc[v] = null!;
        }

        // Centre the vectors (PPMI is non-negative, so every projected vector shares one direction) and renormalize.
        var mean = new double[d];
        for (var v = 0; v < V; v++) for (var t = 0; t < d; t++) mean[t] += vectors[v * d + t];
        for (var v = 0; v < V; v++)
        {
            var vec = vectors.AsSpan(v * d, d);
            for (var t = 0; t < d; t++) vec[t] -= (float)(mean[t] / V);
            Normalize(vec);
        }

        if (Environment.GetEnvironmentVariable("RASID_CLUSTER_PROBE") is { Length: > 0 } probe)
        {
            foreach (var word in probe.Split(','))
            {
                if (!ids.TryGetValue(word, out var pid) || vocab[pid] < 0) continue;
                var q = vectors.AsSpan(vocab[pid] * d, d).ToArray();
                var near = Enumerable.Range(0, V).OrderByDescending(v => Dot(vectors.AsSpan(v * d, d), q)).Take(12).Select(v => types[byFrequency[v]]);
                progress?.Invoke($"  {word}: {string.Join(' ', near)}");
            }
        }

        // Levels of flat spherical k-means: 2^LevelBits[0] clusters, each split into 2^LevelBits[1], and so on.
        var paths = new string[V];
        Array.Fill(paths, "");
        var groups = new List<int[]> { Enumerable.Range(0, V).ToArray() };
        var rng2 = new Random(Seed);
        foreach (var levelBits in LevelBits)
        {
            var next = new List<int[]>();
            foreach (var members in groups)
            {
                var k = 1 << levelBits;
                var assign = members.Length <= k ? Enumerable.Range(0, members.Length).ToArray() : KMeans(members, k, vectors, d, rng2);
                var code = new string[k];
                for (var c = 0; c < k; c++) code[c] = Convert.ToString(c, 2).PadLeft(levelBits, '0');
                for (var i = 0; i < members.Length; i++) paths[members[i]] += code[assign[i]];
                for (var c = 0; c < k; c++)
                {
                    var sub = members.Where((_, i) => assign[i] == c).ToArray();
                    if (sub.Length > 0) next.Add(sub);
                }
            }

            groups = next;
            progress?.Invoke($"clusters: level of {levelBits} bits done, {groups.Count} clusters");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var v = 0; v < V; v++) result[types[byFrequency[v]]] = paths[v];
        return result;
    }

    /// <summary>Bits per level of the cluster tree.</summary>
    public int[] LevelBits { get; init; } = [5, 3, 3];

    private static int[] KMeans(int[] members, int k, float[] vectors, int d, Random rng)
    {
        // Seeds: k-means++ over the most frequent members (members are in frequency order).
        var centroids = new float[k * d];
        var pool = Math.Min(members.Length, Math.Max(k * 20, 2000));
        var dist = new double[pool];
        Array.Fill(dist, double.MaxValue);
        var first = members[rng.Next(Math.Min(pool, 10))];
        vectors.AsSpan(first * d, d).CopyTo(centroids.AsSpan(0, d));
        for (var c = 1; c < k; c++)
        {
            var prev = centroids.AsSpan((c - 1) * d, d);
            var total = 0.0;
            for (var i = 0; i < pool; i++)
            {
                dist[i] = Math.Min(dist[i], Math.Max(0, 1 - Dot(vectors.AsSpan(members[i] * d, d), prev)));
                total += dist[i];
            }

            var pick = rng.NextDouble() * total;
            var chosen = pool - 1;
            for (var i = 0; i < pool; i++) { pick -= dist[i]; if (pick <= 0) { chosen = i; break; } }
            vectors.AsSpan(members[chosen] * d, d).CopyTo(centroids.AsSpan(c * d, d));
        }

        var assign = new int[members.Length];
        Array.Fill(assign, -1);
        for (var iter = 0; iter < 15; iter++)
        {
            var changed = 0;
            for (var i = 0; i < members.Length; i++)
            {
                var x = vectors.AsSpan(members[i] * d, d);
                var best = 0;
                var bestDot = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var dot = Dot(x, centroids.AsSpan(c * d, d));
                    if (dot > bestDot) { bestDot = dot; best = c; }
                }

                if (best != assign[i]) { assign[i] = best; changed++; }
            }

            if (changed == 0) break;
            var sums = new float[k * d];
            var sizes = new int[k];
            for (var i = 0; i < members.Length; i++)
            {
                var x = vectors.AsSpan(members[i] * d, d);
                var c = sums.AsSpan(assign[i] * d, d);
                for (var t = 0; t < d; t++) c[t] += x[t];
                sizes[assign[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0) continue; // keep the old centroid
                var cs = sums.AsSpan(c * d, d);
                Normalize(cs);
                cs.CopyTo(centroids.AsSpan(c * d, d));
            }
        }

        return assign;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(a);
        var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(b);
        var acc = System.Numerics.Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++) acc += va[i] * vb[i];
        var sum = System.Numerics.Vector.Sum(acc);
        for (var i = va.Length * System.Numerics.Vector<float>.Count; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm <= 0) return;
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
    }

    /// <summary>Writes <c>word TAB bits</c> lines, gzip'd, sorted by word, after a version line.</summary>
    public static void Save(Dictionary<string, string> clusters, Stream output, string version, string source)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new StreamWriter(gz, new UTF8Encoding(false));
        w.Write($"# version: {version}\n# word clusters for NER features (rasid train clusters): {source}\n");
        foreach (var (word, bits) in clusters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (word.Contains('\t', StringComparison.Ordinal) || word.Contains('\n', StringComparison.Ordinal) || word.StartsWith('#')) continue;
            w.Write(word);
            w.Write('\t');
            w.Write(bits);
            w.Write('\n');
        }
    }
}
