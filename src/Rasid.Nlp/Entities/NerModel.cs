using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Rasid.Nlp.Entities;

/// <summary>
/// A linear-chain tagger over BIO tags (O, B-/I- PER ORG LOC MISC): emission weights per feature and tag,
/// tag-transition weights, first-order Viterbi decoding that forbids I-X after anything but B-X/I-X.
/// Trained by <see cref="NerTrainer"/> (averaged structured perceptron). Immutable and thread-safe.
/// </summary>
internal sealed class NerModel
{
    public const string Id = "ner.perceptron/4";

    /// <summary>Evidence id of the spans of the document pass (second model, <see cref="DocumentHints"/>).</summary>
    public const string DocumentId = "ner.perceptron-doc/4";
    private const string Magic = "RASID-NER";
    private const int FormatVersion = 1;

    public static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
    public static int TagCount => Tags.Length;

    private static readonly Lazy<NerModel?> Embedded = new(() => LoadEmbedded("ner.bin"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<NerModel?> EmbeddedDocument = new(() => LoadEmbedded("ner-doc.bin"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int> features;
    private readonly float[] weights;     // features.Count * TagCount
    private readonly float[] transitions; // (TagCount + 1) * TagCount; row TagCount = start

    // The same index keyed by 64-bit hashes of the feature strings (decoding without building strings); null when two
    // features of the model share a hash, and decoding then goes through the strings.
    // Built on first use: when the model is the first pass of a Pair (the entity component), the pair's table serves it
    // and this one is never read.
    private readonly Lazy<WeightTable?> hashed;

    /// <param name="features">The feature names and their indices.</param>
    /// <param name="weights">TagCount weights per feature index.</param>
    /// <param name="transitions">Tag-transition weights, (TagCount + 1) × TagCount (last row: sentence start).</param>
    /// <param name="trainedOn">What the model was trained on.</param>
    /// <param name="memory">Names remembered from the training data.</param>
    /// <param name="halfWeights">
    /// Whether decoding may keep the weights as float16 when they all are (false: float slots, as before session 12, for
    /// comparisons: <see cref="WithFloatTable"/>).
    /// </param>
    public NerModel(Dictionary<string, int> features, float[] weights, float[] transitions, string trainedOn, EntityMemory memory, bool halfWeights = true)
    {
        Memory = memory;
        this.features = features;
        this.weights = weights;
        this.transitions = transitions;
        TrainedOn = trainedOn;
        HalfAllowed = halfWeights;
        hashed = new(() => WeightTable.Build(features, weights, TagCount, halfWeights), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    // Whether the tables of this model (and of its pairs) may hold float16.
    private bool HalfAllowed { get; }

    /// <summary>The same model decoding from a table of float weights (the layout before session 12; same results, for speed comparisons).</summary>
    internal NerModel WithFloatTable() => new(features, weights, transitions, TrainedOn, Memory, halfWeights: false);

    /// <summary>What the model was trained on (for the manifest and evidence).</summary>
    public string TrainedOn { get; }

    public int FeatureCount => features.Count;

    /// <summary>Whether decoding reads the weights as float16 (true for a model read from its file: <see cref="Save"/> keeps float16).</summary>
    internal bool HalfWeights => hashed.Value?.IsHalf == true;

    /// <summary>The bytes of the decoding table (keys and weights), 0 when decoding goes through the feature strings.</summary>
    internal long TableBytes => hashed.Value?.Bytes ?? 0;

    /// <summary>Whether this model's own decoding table has been built (on first use).</summary>
    internal bool TableBuilt => hashed.IsValueCreated;

    /// <summary>Names remembered from the training data (features).</summary>
    public EntityMemory Memory { get; }

    /// <summary>The model built into the assembly (models/ner.bin), or null when it was not built in.</summary>
    public static NerModel? Default => Embedded.Value;

    /// <summary>The document pass built into the assembly (models/ner-doc.bin), or null when it was not built in.</summary>
    public static NerModel? DocumentDefault => EmbeddedDocument.Value;

    public static int TypeIndex(string tag) => Array.IndexOf(Tags, tag);

    // Allowed(prev, next) for prev = 0..TagCount-1 and TagCount (= sentence start), row-major: decoding asks it T² times a token.
    private static readonly bool[] AllowedTable = BuildAllowedTable();

    private static bool[] BuildAllowedTable()
    {
        var table = new bool[(TagCount + 1) * TagCount];
        for (var p = 0; p <= TagCount; p++)
        {
            for (var t = 0; t < TagCount; t++) table[p * TagCount + t] = Allowed(p == TagCount ? -1 : p, t);
        }

        return table;
    }

    /// <summary>Whether tag <paramref name="next"/> may follow <paramref name="prev"/> (-1 = sentence start).</summary>
    public static bool Allowed(int prev, int next)
    {
        var t = Tags[next];
        if (!t.StartsWith("I-", StringComparison.Ordinal)) return true;
        if (prev < 0) return false;
        var p = Tags[prev];
        return p.Length > 2 && p.AsSpan(2).SequenceEqual(t.AsSpan(2));
    }

    /// <summary>Emission scores [token, tag] for feature lists (unknown features ignored).</summary>
    public float[,] Emissions(List<string>[] feats, float[]? liveWeights = null, Dictionary<string, int>? liveIndex = null)
    {
        var w = liveWeights ?? weights;
        var index = liveIndex ?? features;
        var scores = new float[feats.Length, TagCount];
        for (var i = 0; i < feats.Length; i++)
        {
            foreach (var f in feats[i])
            {
                if (!index.TryGetValue(f, out var fi)) continue;
                var off = fi * TagCount;
                for (var t = 0; t < TagCount; t++) scores[i, t] += w[off + t];
            }
        }

        return scores;
    }

    /// <summary>Best tag sequence and, per token, a confidence from the margin of the best path.</summary>
    public int[] Decode(List<string>[] feats, out float[] confidence) => Viterbi(Emissions(feats), transitions, out confidence);

    /// <summary>
    /// Extracts the features of <paramref name="tokens"/> with <paramref name="featurizer"/> and decodes them, scoring each
    /// feature by its hash as it is produced (no feature strings); the result equals
    /// <c>Decode(featurizer.Extract(tokens, memory), out confidence)</c>.
    /// </summary>
    public int[] Decode(IReadOnlyList<string> tokens, NerFeatures featurizer, EntityMemory? memory, out float[] confidence, IReadOnlyList<NerTokenFeature>[]? hints = null, NerSentence? prepared = null)
    {
        if (hashed.Value is not { } table) return Decode(featurizer.Extract(tokens, memory, hints), out confidence);
        var sink = new EmissionSink(tokens.Count, table);
        featurizer.Extract(tokens, memory, sink, hints, prepared);
        return Viterbi(sink.Scores, tokens.Count, transitions, out confidence);
    }

    /// <summary>
    /// This model as the first pass and <paramref name="document"/> as the second pass of a document, decoded together
    /// (<see cref="Pair"/>), or null when they cannot be: both must decode by hashes and remember the same names (the
    /// memory features are among the shared ones), and no two names of the two models may share a hash.
    /// </summary>
    public Pair? PairWith(NerModel document) => Pair.Build(this, document);

    /// <summary>
    /// Two models decoding the two passes over a document (<see cref="EntityComponent"/>): the document pass scores the
    /// same features as the first pass plus its hints. One table holds the names of both models with their weights side
    /// by side, so the first pass looks each feature up once and also sums the second model's scores of it
    /// (<see cref="FirstPassRecord"/>); the second pass then adds only its hints. Immutable and thread-safe.
    /// </summary>
    public sealed class Pair
    {
        private readonly NerModel first;
        private readonly NerModel document;
        private readonly WeightTable table;

        internal static Pair? Build(NerModel first, NerModel document)
        {
            // The first model's own table is not needed (the union's holds its names: if they hashed alike, so would the
            // union's, and Build would fail); the document model's serves the second pass.
            if (document.hashed.Value is null || !first.Memory.SameAs(document.Memory)) return null;
            var union = new Dictionary<string, int>(first.features.Count + document.features.Count / 8, StringComparer.Ordinal);
            foreach (var name in first.features.Keys) union.TryAdd(name, union.Count);
            foreach (var name in document.features.Keys) union.TryAdd(name, union.Count);
            // Row of a name: its weights in the first model, then in the document model (zeros where a model lacks it:
            // adding +0 to a sum that starts at +0 leaves every sum bit-identical).
            var rows = new float[union.Count * 2 * TagCount];
            foreach (var (name, fi) in first.features) first.weights.AsSpan(fi * TagCount, TagCount).CopyTo(rows.AsSpan(union[name] * 2 * TagCount));
            foreach (var (name, fi) in document.features) document.weights.AsSpan(fi * TagCount, TagCount).CopyTo(rows.AsSpan((union[name] * 2 + 1) * TagCount));
            return WeightTable.Build(union, rows, 2 * TagCount, first.HalfAllowed && document.HalfAllowed) is { } table ? new Pair(first, document, table) : null;
        }

        /// <summary>Whether the shared table holds the weights as float16.</summary>
        internal bool HalfWeights => table.IsHalf;

        /// <summary>The bytes of the shared table.</summary>
        internal long TableBytes => table.Bytes;

        private Pair(NerModel first, NerModel document, WeightTable table)
        {
            this.first = first;
            this.document = document;
            this.table = table;
        }

        /// <summary>
        /// The first pass over one sentence: equals <c>first.Decode(tokens, featurizer, first.Memory, out confidence)</c>,
        /// and appends to <paramref name="record"/> each token's document-model scores of the same features.
        /// </summary>
        /// <param name="tokens">The sentence.</param>
        /// <param name="featurizer">The features.</param>
        /// <param name="confidence">Receives the confidences (empty when <paramref name="confidences"/> is false).</param>
        /// <param name="record">Receives the document model's scores.</param>
        /// <param name="prepared">The sentence's word facts, or null.</param>
        /// <param name="confidences">Whether to compute the confidences (the first pass of a document needs only the path).</param>
        public int[] DecodeFirst(IReadOnlyList<string> tokens, NerFeatures featurizer, out float[] confidence, FirstPassRecord record, NerSentence? prepared = null, bool confidences = true)
        {
            var sink = new EmissionSink(tokens.Count, table, record);
            featurizer.Extract(tokens, first.Memory, sink, prepared: prepared);
            return Viterbi(sink.Scores, tokens.Count, first.transitions, out confidence, confidences);
        }

        /// <summary>
        /// The document pass over a sentence whose tokens start at <paramref name="firstToken"/> of <paramref name="record"/>,
        /// with <paramref name="hints"/> (one list per token): equals
        /// <c>document.Decode(tokens, featurizer, document.Memory, out confidence, hints)</c> (the same features in the same
        /// order, so the same sums) without extracting or looking up the first pass's features again.
        /// </summary>
        public int[] DecodeSecond(FirstPassRecord record, int firstToken, IReadOnlyList<NerTokenFeature>[] hints, out float[] confidence)
        {
            var sink = new EmissionSink(hints.Length, document.hashed.Value!);
            sink.Start(record.Scores(firstToken, hints.Length));
            for (var i = 0; i < hints.Length; i++)
            {
                sink.Token(i);
                NerFeatures.AddWithNeighbours(sink, hints, i);
            }

            return Viterbi(sink.Scores, hints.Length, document.transitions, out confidence);
        }
    }

    /// <summary>Per-thread buffers of decoding (emission scores, Viterbi tables): decoding allocates only its results.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        public ulong[] Pending = new ulong[64];
        public float[] Emissions = new float[64 * TagCount];
        public float[] Viterbi = new float[64 * TagCount];
        public int[] Back = new int[64 * TagCount];

        public static Scratch Current => current ??= new Scratch();

        public static T[] Ensure<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length) buffer = new T[Math.Max(length, buffer.Length * 2)];
            return buffer;
        }
    }

    /// <summary>
    /// Adds the weights of each feature to its token's emission scores [token, tag], looked up by hash; a token's
    /// hashes are looked up together when the token ends. With a <see cref="FirstPassRecord"/>, the table holds 2 × TagCount
    /// weights per feature and the second TagCount (the document model's) are summed into the record.
    /// </summary>
    private sealed class EmissionSink(int tokens, WeightTable index, FirstPassRecord? record = null) : NerFeatureSink
    {
        private readonly Scratch scratch = Scratch.Current;
        private readonly int length = Clear(Scratch.Current, tokens * TagCount);
        private int count;
        private int row = -1;

        // The current token's word block sums (first TagCount: this table's first model; then the record's), or null.
        private float[]? block;

        private static int Clear(Scratch scratch, int length)
        {
            Scratch.Ensure(ref scratch.Emissions, length).AsSpan(0, length).Clear();
            return length;
        }

        /// <summary>Sets the emission scores to <paramref name="scores"/> before any feature is added (row-major [token, tag]).</summary>
        public void Start(ReadOnlySpan<float> scores) => scores.CopyTo(scratch.Emissions.AsSpan(0, length));

        /// <summary>The emission scores, row-major [token, tag] (a per-thread buffer), once every token's features have been added.</summary>
        public ReadOnlySpan<float> Scores
        {
            get
            {
                Flush();
                return scratch.Emissions.AsSpan(0, length);
            }
        }

        public override void Token(int index)
        {
            Flush();
            row = index * TagCount;
        }

        public override void Add(string feature) => Push(NerFeatureHash.Of(feature));

        public override void Add(in NerFeature feature) => Push(feature.Hash);

        /// <summary>
        /// Uses the word's remembered block sums for this table, or adds the block's features and remembers their sums
        /// (summed from zero in the order they come, as the token's row would be: copying them into the zeroed row gives
        /// the same floats).
        /// </summary>
        public override void AddWordBlock(NerWordFacts word, Action<NerFeatureSink, NerWordFacts> write)
        {
            if (!word.Shared)
            {
                // Facts of this sentence only (past the facts cache): remembering the sums would not pay off. The block's
                // features are the token's first, so summed with the rest into the zeroed row they give the same floats.
                write(this, word);
                return;
            }

            var known = word.Block;
            if (known is null || !ReferenceEquals(known.Table, index))
            {
                var pending = count;
                write(this, word);
                var sums = new float[index.Width];
                var hashes = scratch.Pending.AsSpan(pending, count - pending);
                Span<int> found = stackalloc int[hashes.Length];
                index.FindAll(hashes, found);
                index.AddAll(found, sums);

                count = pending;
                word.Block = known = new WordBlockSums(index, sums);
            }

            block = known.Sums;
        }

        public override void Add(string prefix, ReadOnlySpan<char> value) => Push(NerFeatureHash.Of(prefix, value));

        public override void Add(string prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Push(NerFeatureHash.Of(prefix, a, b));

        public override void Add(in NerPairStart start, ReadOnlySpan<char> b) => Push(NerFeatureHash.Continue(start.State, b));

        private void Push(ulong hash)
        {
            if (count == scratch.Pending.Length) Array.Resize(ref scratch.Pending, count * 2);
            scratch.Pending[count++] = hash;
        }

        private void Flush()
        {
            if (row < 0) return;
            var pending = scratch.Pending.AsSpan(0, count);
            Span<int> found = count <= 256 ? stackalloc int[count] : new int[count];
            index.FindAll(pending, found);
            var target = scratch.Emissions.AsSpan(row, TagCount);
            var sums = block;
            block = null;
            if (sums is not null) sums.AsSpan(0, TagCount).CopyTo(target);
            index.AddAll(found, target);
            if (record is not null)
            {
                // The document model's scores: a sum of their own, so summing them after the first model's gives the same floats.
                var second = record.AddToken();
                if (sums is not null) sums.AsSpan(TagCount, TagCount).CopyTo(second);
                index.AddAll(found, second, TagCount);
            }

            count = 0;
            row = -1;
        }
    }

    /// <summary>
    /// Open-addressing table from feature hash to the feature's weights (linear probing, at most 70% full). The keys are
    /// an array of their own (8 bytes a slot: the probes of the ~40 look-ups of a token, most of them of features the
    /// model lacks, stay within a ~0.7 MB array that the caches can hold) and the weights of slot k are row k of a second
    /// array, read only for the features found. The weights are stored as float16 when every one of them is exactly a
    /// float16 (a model read from its file, which holds float16): rows of 2 × width bytes instead of 4 × width; otherwise
    /// (a model just trained) as float. Either way the floats added are the same.
    /// </summary>
    private sealed class WeightTable
    {
        // Key 0 = empty slot.
        private readonly ulong[] keys;

        // capacity × rowBytes.
        private readonly byte[] rows;
        private readonly int rowBytes;
        private readonly ulong capacity;
        private readonly bool half;

        private WeightTable(int count, int width, bool half)
        {
            Width = width;
            this.half = half;
            rowBytes = width * (half ? 2 : sizeof(float));
            capacity = (ulong)(count * 10L / 7 + 16);
            keys = new ulong[capacity];
            rows = new byte[checked((int)capacity * rowBytes)];
        }

        /// <summary>Weights per feature.</summary>
        public int Width { get; }

        /// <summary>Whether the weights are stored as float16.</summary>
        public bool IsHalf => half;

        /// <summary>The bytes of the table (keys and weights).</summary>
        public long Bytes => keys.LongLength * sizeof(ulong) + rows.LongLength;

        /// <summary>
        /// The table of <paramref name="features"/> with their weights (<paramref name="width"/> per feature index, from
        /// <paramref name="weights"/>; as float16 when <paramref name="allowHalf"/> and they all are), or null when two of
        /// them share a hash (or one hashes to 0, the empty mark).
        /// </summary>
        public static WeightTable? Build(Dictionary<string, int> features, float[] weights, int width, bool allowHalf)
        {
            var table = new WeightTable(features.Count, width, allowHalf && Float16.Holds(weights));
            foreach (var (name, index) in features)
            {
                var hash = NerFeatureHash.Of(name);
                if (hash == 0) return null;
                var slot = table.Home(hash);
                while (table.keys[slot] != 0)
                {
                    if (table.keys[slot] == hash) return null;
                    slot = table.Next(slot);
                }

                table.keys[slot] = hash;
                var row = weights.AsSpan(index * width, width);
                var to = table.rows.AsSpan(slot * table.rowBytes, table.rowBytes);
                if (table.half) Float16.Write(row, MemoryMarshal.Cast<byte, Half>(to));
                else row.CopyTo(MemoryMarshal.Cast<byte, float>(to));
            }

            return table;
        }

        /// <summary>
        /// For every hash, where its weights start (for <see cref="AddAll"/>), or -1 when the table lacks it. The home
        /// slots are read first in a loop without branches, so that the cache misses of a token's ~40 look-ups overlap
        /// instead of queueing one behind the other.
        /// </summary>
        public void FindAll(ReadOnlySpan<ulong> hashes, Span<int> result)
        {
            Span<ulong> home = hashes.Length <= 256 ? stackalloc ulong[hashes.Length] : new ulong[hashes.Length];
            for (var i = 0; i < hashes.Length; i++)
            {
                result[i] = Home(hashes[i]);
                home[i] = keys[result[i]];
            }

            for (var i = 0; i < hashes.Length; i++)
            {
                var hash = hashes[i];
                var slot = result[i];
                var key = home[i];
                while (key != hash && key != 0)
                {
                    slot = Next(slot);
                    key = keys[slot];
                }

                result[i] = key == 0 ? -1 : slot * rowBytes;
            }
        }

        /// <summary>
        /// Adds to <paramref name="target"/> the weights <paramref name="column"/> … <paramref name="column"/> +
        /// target.Length − 1 of each feature found (<see cref="FindAll"/>; -1 = not found, skipped), feature after feature:
        /// target[t] receives the same additions in the same order as from a table of floats.
        /// </summary>
        public void AddAll(ReadOnlySpan<int> found, Span<float> target, int column = 0)
        {
            ref var start = ref MemoryMarshal.GetArrayDataReference(rows);
            if (half)
            {
                foreach (var at in found)
                {
                    if (at >= 0) Float16.AddTo(target, ref Unsafe.Add(ref start, at + column * 2));
                }
            }
            else
            {
                foreach (var at in found)
                {
                    if (at >= 0) AddFloats(target, ref Unsafe.As<byte, float>(ref Unsafe.Add(ref start, at + column * sizeof(float))));
                }
            }
        }

        // target[t] += source[t] for every t (8 lanes at a time: the same additions as one at a time).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void AddFloats(Span<float> target, ref float source)
        {
            var t = 0;
            ref var to = ref MemoryMarshal.GetReference(target);
            if (Vector256.IsHardwareAccelerated)
            {
                for (; t + Vector256<float>.Count <= target.Length; t += Vector256<float>.Count)
                {
                    (Vector256.LoadUnsafe(ref to, (nuint)t) + Vector256.LoadUnsafe(ref source, (nuint)t)).StoreUnsafe(ref to, (nuint)t);
                }
            }

            for (; t < target.Length; t++) Unsafe.Add(ref to, t) += Unsafe.Add(ref source, t);
        }

        private int Next(int slot) => (ulong)(slot + 1) == capacity ? 0 : slot + 1;

        // Fibonacci hashing (hash × 2^64/φ), its top 32 bits scaled to the capacity.
        private int Home(ulong hash) => (int)(((hash * 11400714819323198485UL) >> 32) * capacity >> 32);
    }

    internal static int[] Viterbi(float[,] em, float[] trans, out float[] confidence) =>
        Viterbi(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(em)), em.Length), em.GetLength(0), trans, out confidence);

    /// <summary>Viterbi over emission scores in row-major [token, tag] order, <paramref name="n"/> tokens.</summary>
    private static int[] Viterbi(ReadOnlySpan<float> em, int n, float[] trans, out float[] confidence, bool confidences = true)
    {
        var T = TagCount;
        var path = new int[n];
        confidence = confidences ? new float[n] : [];
        if (n == 0) return path;
        var allowed = AllowedTable;
        var scratch = Scratch.Current;
        var score = Scratch.Ensure(ref scratch.Viterbi, n * T);
        var back = Scratch.Ensure(ref scratch.Back, n * T);
        for (var t = 0; t < T; t++) score[t] = allowed[T * T + t] ? trans[T * T + t] + em[t] : float.NegativeInfinity;
        for (var i = 1; i < n; i++)
        {
            var previous = (i - 1) * T;
            for (var t = 0; t < T; t++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < T; p++)
                {
                    if (!allowed[p * T + t]) continue;
                    var s = score[previous + p] + trans[p * T + t];
                    if (s > best) { best = s; arg = p; }
                }

                score[i * T + t] = best + em[i * T + t];
                back[i * T + t] = arg;
            }
        }

        var last = 0;
        var end = (n - 1) * T;
        for (var t = 1; t < T; t++) if (score[end + t] > score[end + last]) last = t;
        path[n - 1] = last;
        for (var i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]];
        // Confidence: logistic of the emission margin between the chosen tag and the best other tag.
        for (var i = 0; i < confidence.Length; i++)
        {
            var chosen = em[i * T + path[i]];
            var other = float.NegativeInfinity;
            for (var t = 0; t < T; t++) if (t != path[i] && em[i * T + t] > other) other = em[i * T + t];
            confidence[i] = (float)(1 / (1 + Math.Exp(-(chosen - other) / 4)));
        }

        return path;
    }

    /// <summary>Writes the model (gzip: header, tags, transitions, features with their non-zero weights as float16).</summary>
    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(TrainedOn);
        w.Write(TagCount);
        foreach (var t in Tags) w.Write(t);
        foreach (var x in transitions) w.Write(x);
        var kept = features.Where(kv => HasWeight(kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        w.Write(kept.Count);
        foreach (var (name, fi) in kept)
        {
            w.Write(name);
            var mask = 0;
            for (var t = 0; t < TagCount; t++) if ((Half)weights[fi * TagCount + t] != Half.Zero) mask |= 1 << t;
            w.Write((ushort)mask);
            for (var t = 0; t < TagCount; t++) if ((mask & (1 << t)) != 0) w.Write((Half)weights[fi * TagCount + t]);
        }

        Memory.Save(w);
    }

    private bool HasWeight(int fi)
    {
        for (var t = 0; t < TagCount; t++) if (Math.Abs(weights[fi * TagCount + t]) >= 1e-3f) return true;
        return false;
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">When the stream is not a Rasid NER model of this version.</exception>
    public static NerModel Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz, Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException("not a Rasid NER model");
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion})");
        var trainedOn = r.ReadString();
        var tagCount = r.ReadInt32();
        for (var t = 0; t < tagCount; t++)
        {
            if (r.ReadString() != Tags[t]) throw new InvalidDataException("NER model tag set differs from this version's");
        }

        var trans = new float[(TagCount + 1) * TagCount];
        for (var i = 0; i < trans.Length; i++) trans[i] = r.ReadSingle();
        var count = r.ReadInt32();
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var weights = new float[count * TagCount];
        for (var fi = 0; fi < count; fi++)
        {
            index[r.ReadString()] = fi;
            var mask = r.ReadUInt16();
            for (var t = 0; t < TagCount; t++) if ((mask & (1 << t)) != 0) weights[fi * TagCount + t] = (float)r.ReadHalf();
        }

        return new NerModel(index, weights, trans, trainedOn, EntityMemory.Load(r));
    }

    private static NerModel? LoadEmbedded(string file)
    {
        using var stream = EntityData.OpenModel(file);
        return stream is null ? null : Load(stream);
    }
}

/// <summary>
/// The document model's emission scores of each token's features (without hints), summed by the first NER pass over a
/// document for the second pass (<see cref="NerModel.Pair"/>). Reusable: <see cref="Clear"/> keeps the buffer.
/// </summary>
internal sealed class FirstPassRecord
{
    private float[] scores = new float[1024 * NerModel.Tags.Length];

    /// <summary>Tokens recorded so far.</summary>
    public int TokenCount { get; private set; }

    /// <summary>Forgets every token (the buffer stays).</summary>
    public void Clear() => TokenCount = 0;

    /// <summary>Appends the next token: its scores, all zero, to be summed into.</summary>
    public Span<float> AddToken()
    {
        var tags = NerModel.TagCount;
        var start = TokenCount * tags;
        if (start + tags > scores.Length) Array.Resize(ref scores, scores.Length * 2);
        TokenCount++;
        var row = scores.AsSpan(start, tags);
        row.Clear();
        return row;
    }

    /// <summary>The scores [token, tag] of <paramref name="count"/> tokens from token <paramref name="first"/>.</summary>
    public ReadOnlySpan<float> Scores(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)(first + count), (uint)TokenCount, nameof(count));
        return scores.AsSpan(first * NerModel.TagCount, count * NerModel.TagCount);
    }
}
