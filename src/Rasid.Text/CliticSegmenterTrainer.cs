using System.Globalization;
using System.IO.Compression;

namespace Rasid.Text;

/// <summary>
/// Trains a <see cref="CliticSegmenter"/> from segmented surface tokens (e.g. UD Arabic-PADT with surface
/// tokens rebuilt): keeps the most frequent segmentation of every form seen, counts host words, and trains
/// an averaged perceptron that ranks candidate splits. The perceptron is trained once per distinct form,
/// with that form's own contribution removed from the host counts, so it learns how to split forms it has
/// never seen (which is what it is used for at run time).
/// </summary>
public sealed class CliticSegmenterTrainer
{
    private readonly Dictionary<string, Dictionary<SegLabel, int>> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _hosts = new(StringComparer.Ordinal);
    private Dictionary<string, int> _corpus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Def, int All)> _alHosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suffixes = new(StringComparer.Ordinal);
    private List<string> _names = [];
    private readonly HashSet<string> _analysed = new(StringComparer.Ordinal);

    /// <summary>
    /// One training form in this many is trained as if the raw-news counts had never seen it or its parts (default 3),
    /// so the model also learns to split words the counts do not cover. 0 never hides the counts.
    /// </summary>
    public int CorpusDropout { get; init; } = 3;

    /// <summary>
    /// Number of perceptrons trained with different shuffles of the training forms (seeds 17, 18, ...) whose averaged
    /// weights are averaged again (default 1): less dependent on one training order.
    /// </summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Number of tokens added.</summary>
    public int Tokens { get; private set; }

    /// <summary>Adds one surface token and its segmentation.</summary>
    /// <param name="form">The token's letters (diacritics are stripped here).</param>
    /// <param name="prefixCount">Number of one-letter proclitics at its start.</param>
    /// <param name="encliticLength">Length of the enclitic pronoun at its end (0 when none).</param>
    /// <param name="elidedArticle">True when the article's alef was elided after ل (للقاء).</param>
    /// <param name="hostDefinite">True when the host carries the article (Definite=Def with ال).</param>
    /// <param name="analysed">
    /// False for a token whose segmentation the treebank never analysed (PADT's X/U words such as ونادي, سنحاول): it
    /// goes into the dictionary (for lack of better evidence about that form) but never trains the perceptron.
    /// </param>
    /// <returns>False when the segmentation does not fit the form (the token is ignored).</returns>
    public bool Add(string form, int prefixCount, int encliticLength, bool elidedArticle, bool hostDefinite, bool analysed = true)
    {
        ArgumentNullException.ThrowIfNull(form);
        form = CliticSegmenter.Strip(form);
        if (form.Length == 0 || form.Length > CliticSegmenter.MaxLetters || prefixCount < 0 || encliticLength < 0 ||
            prefixCount + encliticLength >= form.Length || !form.All(ArabicChars.IsArabicLetter))
        {
            return false;
        }

        var label = new SegLabel((byte)prefixCount, (byte)encliticLength, elidedArticle);
        if (elidedArticle && !CliticSegmenter.CanElide(form, label)) return false;
        Tokens++;
        if (analysed) _analysed.Add(form);
        if (!_forms.TryGetValue(form, out var labels)) _forms[form] = labels = [];
        labels[label] = labels.GetValueOrDefault(label) + 1;
        var host = HostKey(form, label);
        _hosts[host] = _hosts.GetValueOrDefault(host) + 1;
        if (host.Length > 2 && host.StartsWith("\u0627\u0644", StringComparison.Ordinal))
        {
            var (def, all) = _alHosts.GetValueOrDefault(host);
            _alHosts[host] = (def + (hostDefinite ? 1 : 0), all + 1);
        }

        var p = form[..prefixCount];
        var e = form[(form.Length - encliticLength)..];
        if (p.Length > 0) _prefixes[p] = _prefixes.GetValueOrDefault(p) + 1;
        if (e.Length > 0) _suffixes[e] = _suffixes.GetValueOrDefault(e) + 1;
        return true;
    }

    /// <summary>
    /// Sets word counts from unlabelled text (letters without diacritics): how often a candidate host occurs as
    /// a word of its own is strong evidence for a split (سيموت → س + يموت) or against one (وينستون).
    /// </summary>
    /// <param name="counts">Word counts.</param>
    /// <param name="minCount">Words seen fewer times are left out of the model.</param>
    public void SetCorpusCounts(IReadOnlyDictionary<string, int> counts, int minCount = 3)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _corpus = counts.Where(kv => kv.Value >= minCount && kv.Key.Length <= CliticSegmenter.MaxLetters).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Sets proper-noun lexicon words: the model then learns from letter trigrams how name-like a form and its host
    /// look (<see cref="NameLetterModel"/>), against splitting the first letters of a name off as a proclitic.
    /// </summary>
    /// <param name="names">Undiacritized name words (e.g. the tagger's proper-noun lexicon).</param>
    public void SetNameWords(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Trains the perceptron and writes the model (gzip-compressed text) to <paramref name="output"/>.</summary>
    /// <param name="output">Destination stream.</param>
    /// <param name="version">Model version written in the file.</param>
    /// <param name="epochs">Perceptron passes over the distinct forms.</param>
    /// <param name="minAffixCount">Proclitic/enclitic strings seen fewer times are not candidates.</param>
    public void Save(Stream output, string version, int epochs = 8, int minAffixCount = 3)
    {
        ArgumentNullException.ThrowIfNull(output);
        var prefixes = _prefixes.Where(kv => kv.Value >= minAffixCount).Select(kv => kv.Key).ToList();
        var suffixes = _suffixes.Where(kv => kv.Value >= minAffixCount).Select(kv => kv.Key).ToList();
        var letters = _names.Count == 0 ? null : NameLetterModel.Build(_names, _corpus.Count > 0 ? _corpus.Keys : _forms.Keys);
        var weights = TrainPerceptron(prefixes, suffixes, epochs, letters, 17);
        if (Seeds > 1)
        {
            for (var seed = 1; seed < Seeds; seed++)
            {
                foreach (var (f, w) in TrainPerceptron(prefixes, suffixes, epochs, letters, 17 + seed)) weights[f] = weights.GetValueOrDefault(f) + w;
            }

            foreach (var f in weights.Keys.ToList())
            {
                var avg = weights[f] / Seeds;
                if (Math.Abs(avg) > 1e-3f) weights[f] = avg;
                else weights.Remove(f);
            }
        }

        var nonArticle = _alHosts.Where(kv => kv.Value.Def * 2 < kv.Value.All).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var known = _forms.ToDictionary(kv => kv.Key, kv => Best(kv.Value), StringComparer.Ordinal);

        // The segmenter as it will be loaded decides every corpus word once; the decisions are stored with the counts.
        var model = new CliticSegmenter(version, known, _hosts, _corpus, nonArticle, weights, prefixes.Prepend(""), suffixes.Prepend(""), letters: letters);
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("# Rasid clitic segmenter: D form label(prefix,enclitic,elided) | H host count | N al-host without article | P/E affix | W feature weight");
        writer.WriteLine($"# version: {version}");
        foreach (var p in prefixes.Order(StringComparer.Ordinal)) writer.WriteLine($"P\t{p}");
        foreach (var e in suffixes.Order(StringComparer.Ordinal)) writer.WriteLine($"E\t{e}");
        writer.WriteLine($"M\t{CliticSegmenter.CorpusDecisionsFlag}");
        foreach (var host in nonArticle) writer.WriteLine($"N\t{host}");
        if (letters is not null)
        {
            foreach (var (key, ratio) in letters.LogRatios.OrderBy(kv => kv.Key)) writer.WriteLine(NameLetterModel.Record(key, ratio));
        }

        foreach (var (form, labels) in _forms.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteLine($"D\t{form}\t{Best(labels)}");
        }

        foreach (var (host, count) in _hosts.OrderBy(kv => kv.Key, StringComparer.Ordinal)) writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"H\t{host}\t{count}"));
        foreach (var (word, count) in _corpus.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var decision = known.ContainsKey(word) || !word.All(ArabicChars.IsArabicLetter) ? default : model.Decided(word);
            writer.WriteLine(decision == default
                ? string.Create(CultureInfo.InvariantCulture, $"C\t{word}\t{count}")
                : string.Create(CultureInfo.InvariantCulture, $"C\t{word}\t{count}\t{decision}"));
        }

        foreach (var (feature, weight) in weights.OrderBy(kv => kv.Key))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"W\t{feature:x16}\t{weight:G6}"));
        }
    }

    private static SegLabel Best(Dictionary<SegLabel, int> labels) =>
        labels.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Prefix + kv.Key.Suffix).First().Key;

    /// <summary>The host's key in the host counts: its letters, with the elided alef restored.</summary>
    private static string HostKey(string form, SegLabel label)
    {
        var host = form[label.Prefix..(form.Length - label.Suffix)];
        return label.Elided ? "\u0627" + host : host;
    }

    private Dictionary<ulong, float> TrainPerceptron(List<string> prefixes, List<string> suffixes, int epochs, NameLetterModel? letters, int seed)
    {
        var weights = new Dictionary<ulong, float>();
        var totals = new Dictionary<ulong, double>();
        var stamps = new Dictionary<ulong, int>();
        var step = 1;
        var examples = _forms.Where(kv => _analysed.Contains(kv.Key)).Select(kv => (Form: kv.Key, Label: Best(kv.Value), Labels: kv.Value)).OrderBy(x => x.Form, StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var gold = new ulong[SegmenterFeatures.Count];
        var guess = new ulong[SegmenterFeatures.Count];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(examples);
            foreach (var (form, label, labels) in examples)
            {
                // Leave this form out of the host counts, as if it had never been seen.
                var own = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (l, c) in labels)
                {
                    var key = HostKey(form, l);
                    own[key] = own.GetValueOrDefault(key) + c;
                }

                // One form in three is trained as if the raw corpus had never seen it or its parts, so the model
                // also learns to split rare words (names, technical terms) from their letters alone.
                var hideCorpus = CorpusDropout > 0 && (StableHash(form) % (uint)CorpusDropout == 0 || (epoch % 3 == 2 && form.Length % 2 == 0));
                int Corpus(ReadOnlySpan<char> word) => hideCorpus ? 0 : _corpus.GetValueOrDefault(word.ToString());

                int Count(ReadOnlySpan<char> host)
                {
                    var s = host.ToString();
                    return _hosts.GetValueOrDefault(s) - own.GetValueOrDefault(s);
                }

                var best = default(SegLabel);
                var bestScore = float.NegativeInfinity;
                var goldIsCandidate = false;
                foreach (var candidate in Candidates(form, prefixes, suffixes))
                {
                    if (candidate == label) goldIsCandidate = true;
                    SegmenterFeatures.Extract(form, candidate, Count, Corpus, letters, guess);
                    var score = 0f;
                    foreach (var f in guess) score += weights.GetValueOrDefault(f);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = candidate;
                    }
                }

                if (goldIsCandidate && best != label)
                {
                    SegmenterFeatures.Extract(form, label, Count, Corpus, letters, gold);
                    SegmenterFeatures.Extract(form, best, Count, Corpus, letters, guess);
                    foreach (var f in gold) Update(f, 1);
                    foreach (var f in guess) Update(f, -1);
                }

                step++;
            }
        }

        var averaged = new Dictionary<ulong, float>();
        foreach (var (f, w) in weights)
        {
            var total = totals.GetValueOrDefault(f) + (step - stamps.GetValueOrDefault(f)) * w;
            var avg = (float)(total / step);
            if (Math.Abs(avg) > 1e-3f) averaged[f] = avg;
        }

        return averaged;

        void Update(ulong f, float delta)
        {
            var w = weights.GetValueOrDefault(f);
            totals[f] = totals.GetValueOrDefault(f) + (step - stamps.GetValueOrDefault(f)) * w;
            stamps[f] = step;
            weights[f] = w + delta;
        }
    }

    private static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return h;
    }

    private static IEnumerable<SegLabel> Candidates(string form, List<string> prefixes, List<string> suffixes)
    {
        foreach (var p in prefixes.Prepend(""))
        {
            if (!form.StartsWith(p, StringComparison.Ordinal)) continue;
            foreach (var e in suffixes.Prepend(""))
            {
                if (p.Length + e.Length >= form.Length || !form.EndsWith(e, StringComparison.Ordinal)) continue;
                var plain = new SegLabel((byte)p.Length, (byte)e.Length, false);
                yield return plain;
                var elided = plain with { Elided = true };
                if (CliticSegmenter.CanElide(form, elided)) yield return elided;
            }
        }
    }
}
