using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using Rasid.Nlp.Training;
using Rasid.Text;

namespace Rasid.Nlp.Tagging;

/// <summary>A word to tag: its undiacritized form (elided article restored) and its place in its token.</summary>
/// <param name="Form">Letters of the word (diacritics stripped; للقاء's host given as اللقاء).</param>
/// <param name="Role">0 = the token's only word, 1 = proclitic, 2 = host of a split token, 3 = enclitic.</param>
public readonly record struct TaggerInput(string Form, int Role);

/// <summary>
/// UPOS tagger and lemmatizer: a greedy left-to-right averaged perceptron over hashed features (the word,
/// its neighbours, prefixes and suffixes, its role in its token, the previous tags), and a lemma table (the
/// most frequent lemma seen for form + UPOS, then for the form, then the form without its article).
/// Trained on UD Arabic (see <see cref="Train"/>). Immutable and thread-safe.
/// </summary>
public sealed class PerceptronTagger
{
    /// <summary>Logical name of the embedded default model.</summary>
    internal const string ResourceName = "Rasid.Nlp.Models.ar-tagger.txt.gz";

    private const int FeatureCount = 26;

    private static readonly Lazy<PerceptronTagger> DefaultModel = new(() => Load(OpenResource()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _tags;
    private readonly FrozenDictionary<ulong, float[]> _weights;
    private readonly FrozenDictionary<string, string> _lemmaByFormTag;
    private readonly FrozenDictionary<string, string> _lemmaByForm;

    private PerceptronTagger(string version, string[] tags, IReadOnlyDictionary<ulong, float[]> weights, IReadOnlyDictionary<string, string> lemmaByFormTag, IReadOnlyDictionary<string, string> lemmaByForm)
    {
        Version = version;
        _tags = tags;
        _weights = weights.ToFrozenDictionary();
        _lemmaByFormTag = lemmaByFormTag.ToFrozenDictionary(StringComparer.Ordinal);
        _lemmaByForm = lemmaByForm.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The tagger with the model embedded in Rasid.Nlp (loaded once).</summary>
    public static PerceptronTagger Default => DefaultModel.Value;

    /// <summary>Model version.</summary>
    public string Version { get; }

    /// <summary>Component id with version, used as evidence.</summary>
    public string Id => "tags.perceptron/" + Version;

    /// <summary>The UPOS tags the model knows.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>Tags one sentence; returns the UPOS of each word.</summary>
    public string[] Tag(IReadOnlyList<TaggerInput> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var result = new string[words.Count];
        Span<ulong> features = stackalloc ulong[FeatureCount];
        var scores = new float[_tags.Length];
        string prev = "<s>", prev2 = "<s>";
        for (var i = 0; i < words.Count; i++)
        {
            Extract(words, i, prev, prev2, features);
            Array.Clear(scores);
            foreach (var f in features)
            {
                if (!_weights.TryGetValue(f, out var w)) continue;
                for (var t = 0; t < scores.Length; t++) scores[t] += w[t];
            }

            var best = 0;
            for (var t = 1; t < scores.Length; t++)
            {
                if (scores[t] > scores[best]) best = t;
            }

            result[i] = _tags[best];
            prev2 = prev;
            prev = result[i];
        }

        return result;
    }

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="upos"/> (diacritics stripped).</summary>
    public string Lemmatize(string form, string upos)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (_lemmaByFormTag.TryGetValue(form + "\t" + upos, out var lemma)) return lemma;
        if (_lemmaByForm.TryGetValue(form, out lemma)) return lemma;
        var folded = Fold(form);
        if (_lemmaByFormTag.TryGetValue(folded + "\t" + upos, out lemma)) return lemma;
        if (_lemmaByForm.TryGetValue(folded, out lemma)) return lemma;
        return FallbackLemma(form, upos);
    }

    /// <summary>Lemma of an unseen word: the form without its article, a host's ت restored to ة.</summary>
    internal static string FallbackLemma(string form, string upos)
    {
        if (upos is "PUNCT" or "NUM" or "SYM") return form;
        var s = form;
        if (s.Length > 3 && s.StartsWith("ال", StringComparison.Ordinal)) s = s[2..];
        return s;
    }

    private static void Extract(IReadOnlyList<TaggerInput> words, int i, string prev, string prev2, Span<ulong> output)
    {
        var w = words[i].Form;
        var p1 = i > 0 ? words[i - 1].Form : "<s>";
        var p2 = i > 1 ? words[i - 2].Form : "<s>";
        var n1 = i + 1 < words.Count ? words[i + 1].Form : "</s>";
        var n2 = i + 2 < words.Count ? words[i + 2].Form : "</s>";
        var role = words[i].Role.ToString(CultureInfo.InvariantCulture);
        var nextRole = i + 1 < words.Count ? words[i + 1].Role.ToString(CultureInfo.InvariantCulture) : "-";
        var k = 0;
        output[k++] = H(0, "bias");
        output[k++] = H(1, w);
        output[k++] = H(2, p1);
        output[k++] = H(3, n1);
        output[k++] = H(4, p2);
        output[k++] = H(5, n2);
        output[k++] = H(6, Suffix(w, 1));
        output[k++] = H(7, Suffix(w, 2));
        output[k++] = H(8, Suffix(w, 3));
        output[k++] = H(9, Prefix(w, 1));
        output[k++] = H(10, Prefix(w, 2));
        output[k++] = H(11, Prefix(w, 3));
        output[k++] = H(12, prev);
        output[k++] = H(13, prev2, prev);
        output[k++] = H(14, prev, w);
        output[k++] = H(15, role);
        output[k++] = H(16, role, w);
        output[k++] = H(17, nextRole, n1);
        output[k++] = H(18, Shape(w));
        output[k++] = H(19, p1, w);
        output[k++] = H(20, w, n1);
        output[k++] = H(21, role, Suffix(w, 2));
        var nw = Fold(w);
        output[k++] = H(22, nw);
        output[k++] = H(23, Fold(p1), nw);
        output[k++] = H(24, nw, Fold(n1));
        output[k++] = H(25, Prefix(nw, 2), Suffix(nw, 2));
    }

    /// <summary>
    /// Folds spellings that news text often leaves out: hamza on or under alef and madda (أ إ آ → ا), alef maqsura
    /// (ى → ي). Internal helper for features and lemma lookup (the Normalizer of Rasid.Text is richer).
    /// </summary>
    internal static string Fold(string w)
    {
        if (w.AsSpan().IndexOfAny("\u0623\u0625\u0622\u0649") < 0) return w;
        return string.Create(w.Length, w, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = src[i] switch { '\u0623' or '\u0625' or '\u0622' => '\u0627', '\u0649' => '\u064A', var c => c };
            }
        });
    }

    private static ReadOnlySpan<char> Suffix(string w, int n) => w.AsSpan(Math.Max(0, w.Length - n));

    private static ReadOnlySpan<char> Prefix(string w, int n) => w.AsSpan(0, Math.Min(n, w.Length));

    private static string Shape(string w)
    {
        if (w.Length == 0) return "empty";
        var c = w[0];
        if (char.IsDigit(c)) return "digit";
        if (c >= '\u0620' && c <= '\u06FF') return w.Length <= 2 ? "ar-short" : w.Length <= 4 ? "ar-mid" : "ar-long";
        if (char.IsLetter(c)) return char.IsUpper(c) ? "latin-upper" : "latin";
        return "punct";
    }

    private static ulong H(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default)
    {
        var h = 14695981039346656037UL ^ (ulong)template;
        h *= 1099511628211UL;
        foreach (var ch in a) h = (h ^ ch) * 1099511628211UL;
        h = (h ^ 0xFFFF) * 1099511628211UL;
        foreach (var ch in b) h = (h ^ ch) * 1099511628211UL;
        return h;
    }

    private static Stream OpenResource() =>
        typeof(PerceptronTagger).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"model resource '{ResourceName}' is missing from Rasid.Nlp");

    /// <summary>The tagger inputs of a training sentence.</summary>
    public static List<TaggerInput> Inputs(IReadOnlyList<TrainingToken> sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var inputs = new List<TaggerInput>();
        foreach (var token in sentence)
        {
            var roles = Components.TaggerRoles.Of(token.Words.Select(w => w.Text).ToArray());
            for (var k = 0; k < token.Words.Count; k++) inputs.Add(new TaggerInput(token.Words[k].TaggerForm, roles[k]));
        }

        return inputs;
    }

    /// <summary>Trains a tagger on <paramref name="sentences"/> (averaged perceptron, <paramref name="epochs"/> passes).</summary>
    public static PerceptronTagger Train(IReadOnlyList<IReadOnlyList<TrainingToken>> sentences, string version, int epochs = 10)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        // Each sentence also exists with folded spellings (no hamza on alef, ى → ي), as much news is written;
        // every epoch trains on one of the two versions.
        var data = sentences.Select(s =>
        {
            var inputs = Inputs(s);
            return (Inputs: inputs, Folded: inputs.Select(i => i with { Form = Fold(i.Form) }).ToList(), Tags: s.SelectMany(t => t.Words).Select(w => w.Upos).ToArray());
        }).ToArray();
        var tags = data.SelectMany(d => d.Tags).Where(t => t != TrainingCorpus.Unknown).Distinct().Order(StringComparer.Ordinal).ToArray();
        var tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var weights = new Dictionary<ulong, float[]>();
        var totals = new Dictionary<ulong, double[]>();
        var stamps = new Dictionary<ulong, int[]>();
        var step = 1;
        var random = new Random(7);
        var features = new ulong[FeatureCount];
        var scores = new float[tags.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(data);
            foreach (var (plain, folded, gold) in data)
            {
                var inputs = random.Next(3) == 0 ? folded : plain;
                string prev = "<s>", prev2 = "<s>";
                for (var i = 0; i < inputs.Count; i++)
                {
                    Extract(inputs, i, prev, prev2, features);
                    Array.Clear(scores);
                    foreach (var f in features)
                    {
                        if (!weights.TryGetValue(f, out var w)) continue;
                        for (var t = 0; t < scores.Length; t++) scores[t] += w[t];
                    }

                    var best = 0;
                    for (var t = 1; t < scores.Length; t++)
                    {
                        if (scores[t] > scores[best]) best = t;
                    }

                    if (gold[i] == TrainingCorpus.Unknown)
                    {
                        prev2 = prev;
                        prev = tags[best];
                        continue;
                    }

                    var truth = tagIndex[gold[i]];
                    if (best != truth)
                    {
                        foreach (var f in features)
                        {
                            Update(f, truth, 1);
                            Update(f, best, -1);
                        }
                    }

                    step++;
                    prev2 = prev;
                    prev = gold[i]; // teacher forcing: train on gold history
                }
            }
        }

        var averaged = new Dictionary<ulong, float[]>();
        foreach (var (f, w) in weights)
        {
            var avg = new float[tags.Length];
            var any = false;
            for (var t = 0; t < tags.Length; t++)
            {
                var total = totals[f][t] + (step - stamps[f][t]) * w[t];
                avg[t] = (float)Math.Round(total / step, 3);
                any |= avg[t] != 0;
            }

            if (any) averaged[f] = avg;
        }

        var (byFormTag, byForm) = LemmaTables(sentences);
        return new PerceptronTagger(version, tags, averaged, byFormTag, byForm);

        void Update(ulong f, int t, float delta)
        {
            if (!weights.TryGetValue(f, out var w))
            {
                weights[f] = w = new float[tags.Length];
                totals[f] = new double[tags.Length];
                stamps[f] = new int[tags.Length];
            }

            totals[f][t] += (step - stamps[f][t]) * w[t];
            stamps[f][t] = step;
            w[t] += delta;
        }
    }

    private static (Dictionary<string, string> ByFormTag, Dictionary<string, string> ByForm) LemmaTables(IReadOnlyList<IReadOnlyList<TrainingToken>> sentences)
    {
        var formTag = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var form = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var word in sentences.SelectMany(s => s).SelectMany(t => t.Words))
        {
            if (word.Lemma is "" or "_" || word.Upos == TrainingCorpus.Unknown) continue;
            Count(formTag, word.TaggerForm + "\t" + word.Upos, word.Lemma);
            Count(form, word.TaggerForm, word.Lemma);
            var folded = Fold(word.TaggerForm);
            if (folded != word.TaggerForm)
            {
                Count(formTag, folded + "\t" + word.Upos, word.Lemma);
                Count(form, folded, word.Lemma);
            }
        }

        // Keep only entries the fallbacks would get wrong: the table stays small.
        var byFormTag = new Dictionary<string, string>(StringComparer.Ordinal);
        var byForm = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemmas) in form)
        {
            var best = Best(lemmas);
            byForm[key] = best;
        }

        foreach (var (key, lemmas) in formTag)
        {
            var best = Best(lemmas);
            var f = key[..key.IndexOf('\t', StringComparison.Ordinal)];
            if (byForm.GetValueOrDefault(f) != best) byFormTag[key] = best;
        }

        foreach (var key in byForm.Keys.ToList())
        {
            if (FallbackLemma(key, "NOUN") == byForm[key]) byForm.Remove(key);
        }

        return (byFormTag, byForm);

        static void Count(Dictionary<string, Dictionary<string, int>> table, string key, string lemma)
        {
            if (!table.TryGetValue(key, out var d)) table[key] = d = new Dictionary<string, int>(StringComparer.Ordinal);
            d[lemma] = d.GetValueOrDefault(lemma) + 1;
        }

        static string Best(Dictionary<string, int> d) => d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>Writes the model (gzip-compressed text).</summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("# Rasid UPOS tagger: T tags | W feature-hash weights-per-tag | L form<TAB>upos lemma | F form lemma");
        writer.WriteLine($"# version: {Version}");
        writer.WriteLine("T\t" + string.Join('\t', _tags));
        foreach (var (key, lemma) in _lemmaByFormTag.OrderBy(kv => kv.Key, StringComparer.Ordinal)) writer.WriteLine($"L\t{key}\t{lemma}");
        foreach (var (key, lemma) in _lemmaByForm.OrderBy(kv => kv.Key, StringComparer.Ordinal)) writer.WriteLine($"F\t{key}\t{lemma}");
        foreach (var (f, w) in _weights.OrderBy(kv => kv.Key))
        {
            var sb = new System.Text.StringBuilder();
            sb.Append("W\t").Append(f.ToString("x16", CultureInfo.InvariantCulture));
            for (var t = 0; t < w.Length; t++)
            {
                if (w[t] != 0) sb.Append('\t').Append(t.ToString(CultureInfo.InvariantCulture)).Append(':').Append(w[t].ToString("G5", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(sb.ToString());
        }
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    public static PerceptronTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        string[] tags = [];
        var weights = new Dictionary<ulong, float[]>();
        var byFormTag = new Dictionary<string, string>(StringComparer.Ordinal);
        var byForm = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new VersionedLineReader(reader);
        foreach (var (lineNo, line) in lines.Lines())
        {
            var cols = line.Split('\t');
            try
            {
                switch (cols[0])
                {
                    case "T": tags = cols[1..]; break;
                    case "L": byFormTag[cols[1] + "\t" + cols[2]] = cols[3]; break;
                    case "F": byForm[cols[1]] = cols[2]; break;
                    case "W":
                        var w = new float[tags.Length];
                        for (var k = 2; k < cols.Length; k++)
                        {
                            var colon = cols[k].IndexOf(':', StringComparison.Ordinal);
                            w[int.Parse(cols[k].AsSpan(0, colon), CultureInfo.InvariantCulture)] = float.Parse(cols[k].AsSpan(colon + 1), CultureInfo.InvariantCulture);
                        }

                        weights[ulong.Parse(cols[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = w;
                        break;
                    default: throw new FormatException($"unknown record '{cols[0]}'");
                }
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException($"tagger model line {lineNo}: {ex.Message}", ex);
            }
        }

        if (tags.Length == 0) throw new InvalidDataException("tagger model has no tag list");
        return new PerceptronTagger(lines.Version, tags, weights, byFormTag, byForm);
    }
}
