using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Training;
using Rasid.Text;

namespace Rasid.Nlp.Tagging;

/// <summary>A word to tag: its undiacritized form (elided article restored) and its place in its token.</summary>
/// <param name="Form">Letters of the word (diacritics stripped; للقاء's host given as اللقاء).</param>
/// <param name="Role">0 = the token's only word, 1 = proclitic, 2 = host of a split token, 3 = enclitic.</param>
public readonly record struct TaggerInput(string Form, int Role);

/// <summary>A lemma edit: cut letters from the start and end of the form, then add letters before and after.</summary>
internal readonly record struct LemmaRule(int CutPrefix, int CutSuffix, string AddPrefix, string AddSuffix);

/// <summary>
/// Which feature templates <see cref="PerceptronTagger.Train"/> gives domain copies (feature augmentation, Daumé III 2007,
/// "Frustratingly easy domain adaptation"): a training sentence updates the shared weight of a feature and the weight of
/// its copy for the sentence's domain (out-of-domain or in-domain); the saved model keeps shared + in-domain weights
/// folded into one weight per feature and drops the out-of-domain copies, so the model's size and speed do not change.
/// </summary>
public enum TaggerAugmentation
{
    /// <summary>No domain copies: one weight per feature for all training sentences.</summary>
    None,

    /// <summary>Domain copies for the bias and the templates that contain the word itself (word, previous tag × word, role × word, previous word × word, word × next word, word × next cluster).</summary>
    Word,

    /// <summary>
    /// Domain copies for every template except those that describe the word's letters (prefixes, suffixes, shape, the
    /// word's own cluster): the conventions are in the word and its context; how an unseen word looks is shared.
    /// </summary>
    Context,

    /// <summary>Domain copies for every template.</summary>
    All,
}

/// <summary>Accuracy of a tagger on gold-tokenized sentences.</summary>
/// <param name="Correct">Words with the right UPOS.</param>
/// <param name="Total">Words with a known gold UPOS.</param>
/// <param name="LemmasCorrect">Words with the right lemma.</param>
/// <param name="LemmasTotal">Words with a gold lemma.</param>
/// <param name="Confusion">Counts of (gold, predicted) UPOS pairs.</param>
public sealed record TaggerAccuracy(int Correct, int Total, int LemmasCorrect, int LemmasTotal, IReadOnlyDictionary<(string Gold, string System), int> Confusion);

/// <summary>
/// UPOS tagger and lemmatizer: a greedy left-to-right averaged perceptron over hashed features (the word,
/// its neighbours, prefixes and suffixes, its role in its token, the previous tags, membership of the word and
/// its neighbours in a proper-noun lexicon, the word clusters of the word and its neighbours learned from unlabelled
/// news, stored in the model), and a lemma table (the most frequent lemma seen for form + UPOS,
/// then for the form, then the form without its article). Features are hashed straight from the characters
/// (no strings are built) and looked up in one open-addressing table whose rows are the per-tag weights, so
/// tagging allocates nothing per word. Trained on UD Arabic (see <see cref="Train"/>). Immutable and thread-safe.
/// </summary>
public sealed class PerceptronTagger
{
    /// <summary>Logical name of the embedded default model.</summary>
    internal const string ResourceName = "Rasid.Nlp.Models.ar-tagger.txt.gz";

    private const int FeatureCount = 29;
    private const int MaxClusterKey = 48;
    private const double MaxWeight = 32.767;
    private const int None = -1;
    private const string HiddenText = "\uFFFD";
    private const string BosText = "\uFFFE";
    private const string EosText = "\uFFFF";
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private static readonly Lazy<PerceptronTagger> DefaultModel = new(() => Load(OpenResource()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _tags;
    private readonly int _stride;
    private readonly int _entry;
    private readonly short[] _table;
    private readonly int _mask;
    private readonly int _shift;
    private readonly int _featureRows;
    private readonly string[] _lexiconWords;
    private readonly FrozenSet<ulong> _lexicon;
    private readonly FrozenDictionary<string, string> _lemmaByFormTag;
    private readonly FrozenDictionary<string, string> _lemmaByForm;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _formTagLookup;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _formLookup;
    private readonly FrozenDictionary<string, LemmaRule> _lemmaRules;
    private readonly FrozenDictionary<string, LemmaRule>.AlternateLookup<ReadOnlySpan<char>> _ruleLookup;
    private readonly FrozenDictionary<string, int> _clusters;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _clusterLookup;

    private PerceptronTagger(string version, string[] tags, IReadOnlyDictionary<ulong, float[]> weights, IEnumerable<string> lexicon, IReadOnlyDictionary<string, string> lemmaByFormTag, IReadOnlyDictionary<string, string> lemmaByForm, IReadOnlyDictionary<string, LemmaRule> lemmaRules, IReadOnlyDictionary<string, int> clusters)
    {
        Version = version;
        _tags = tags;
        // One open-addressing table of entries [64-bit feature hash | one weight per tag], the weights stored as
        // thousandths in 16 bits (the model keeps three decimals; |w| ≤ 32.767 is checked): a lookup touches one
        // cache line.
        var lanes = Vector<short>.Count;
        _stride = (tags.Length + lanes - 1) / lanes * lanes;
        _entry = 4 + _stride;
        var capacity = 16;
        while (capacity * 3 < weights.Count * 4) capacity *= 2;
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _mask = capacity - 1;
        _table = new short[capacity * _entry];
        foreach (var (key, w) in weights)
        {
            var slot = Slot(key);
            while (KeyAt(slot) != 0) slot = (slot + 1) & _mask;
            MemoryMarshal.Write(MemoryMarshal.AsBytes(_table.AsSpan(slot * _entry, 4)), key);
            for (var t = 0; t < tags.Length; t++)
            {
                var q = Math.Round(w[t] * 1000.0);
                if (Math.Abs(q) > short.MaxValue) throw new InvalidDataException($"tagger weight {w[t]} is out of range (|w| must be at most 32.767)");
                _table[slot * _entry + 4 + t] = (short)q;
            }
        }

        _featureRows = weights.Count;
        _lexiconWords = lexicon.Select(Fold).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _lexicon = _lexiconWords.Select(w => LexiconKey(w)).ToFrozenSet();
        _lemmaByFormTag = lemmaByFormTag.ToFrozenDictionary(StringComparer.Ordinal);
        _lemmaByForm = lemmaByForm.ToFrozenDictionary(StringComparer.Ordinal);
        _formTagLookup = _lemmaByFormTag.GetAlternateLookup<ReadOnlySpan<char>>();
        _formLookup = _lemmaByForm.GetAlternateLookup<ReadOnlySpan<char>>();
        _lemmaRules = lemmaRules.ToFrozenDictionary(StringComparer.Ordinal);
        _ruleLookup = _lemmaRules.GetAlternateLookup<ReadOnlySpan<char>>();
        _clusters = clusters.ToFrozenDictionary(StringComparer.Ordinal);
        _clusterLookup = _clusters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The tagger with the model embedded in Rasid.Nlp (loaded once).</summary>
    public static PerceptronTagger Default => DefaultModel.Value;

    /// <summary>Model version.</summary>
    public string Version { get; }

    /// <summary>Component id with version, used as evidence.</summary>
    public string Id => "tags.perceptron/" + Version;

    /// <summary>The UPOS tags the model knows.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>Number of hashed features with weights.</summary>
    internal int FeatureRows => _featureRows;

    /// <summary>Number of words with a word cluster.</summary>
    internal int ClusterWords => _clusters.Count;

    /// <summary>Number of words in the proper-noun lexicon.</summary>
    internal int LexiconSize => _lexiconWords.Length;

    /// <summary>Tags one sentence; returns the UPOS of each word.</summary>
    public string[] Tag(IReadOnlyList<TaggerInput> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var span = words is List<TaggerInput> list ? CollectionsMarshal.AsSpan(list) : words.ToArray();
        var indexes = span.Length <= 256 ? stackalloc int[span.Length] : new int[span.Length];
        Tag(span, indexes);
        var result = new string[span.Length];
        for (var i = 0; i < result.Length; i++) result[i] = _tags[indexes[i]];
        return result;
    }

    /// <summary>Tags one sentence into <paramref name="output"/> (indexes into <see cref="Tags"/>); allocates nothing.</summary>
    public void Tag(ReadOnlySpan<TaggerInput> words, Span<int> output)
    {
        if (output.Length < words.Length) throw new ArgumentException("output is shorter than the sentence", nameof(output));
        Span<ulong> features = stackalloc ulong[FeatureCount];
        Span<int> scores = stackalloc int[_stride];
        var clusters = words.Length <= 256 ? stackalloc int[words.Length] : new int[words.Length];
        for (var i = 0; i < words.Length; i++) clusters[i] = ClusterCode(_clusterLookup, words[i].Form);
        int prev = None, prev2 = None;
        for (var i = 0; i < words.Length; i++)
        {
            var count = Extract(words, clusters, i, prev, prev2, _lexicon, features);
            var best = Best(features[..count], scores);
            output[i] = best;
            prev2 = prev;
            prev = best;
        }
    }

    private int Best(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        scores.Clear();
        var acc = MemoryMarshal.Cast<int, Vector<int>>(scores);
        var table = _table.AsSpan();

        // First touch every feature's home slot in a branch-free loop, so that the cache misses of the ~30
        // lookups overlap instead of queueing behind the compare-and-branch of the accumulation loop.
        Span<int> slots = stackalloc int[FeatureCount];
        Span<ulong> found = stackalloc ulong[FeatureCount];
        for (var i = 0; i < features.Length; i++)
        {
            slots[i] = Slot(features[i]);
            found[i] = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(table.Slice(slots[i] * _entry, 4)));
        }

        for (var i = 0; i < features.Length; i++)
        {
            var f = features[i];
            var slot = slots[i];
            var k = found[i];
            while (k != f && k != 0)
            {
                slot = (slot + 1) & _mask;
                k = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(table.Slice(slot * _entry, 4)));
            }

            if (k == 0) continue;
            var row = MemoryMarshal.Cast<short, Vector<short>>(table.Slice(slot * _entry + 4, _stride));
            for (var v = 0; v < row.Length; v++)
            {
                Vector.Widen(row[v], out var low, out var high);
                acc[2 * v] += low;
                acc[2 * v + 1] += high;
            }
        }

        var best = 0;
        for (var t = 1; t < _tags.Length; t++)
        {
            if (scores[t] > scores[best]) best = t;
        }

        return best;
    }

    private ulong KeyAt(int slot) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(_table.AsSpan(slot * _entry, 4)));

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The UPOS of tag index <paramref name="index"/> (as written by <see cref="Tag(ReadOnlySpan{TaggerInput}, Span{int})"/>).</summary>
    public string TagName(int index) => _tags[index];

    /// <summary>The index of <paramref name="upos"/> in <see cref="Tags"/>, or -1.</summary>
    public int TagIndex(string upos) => Array.IndexOf(_tags, upos);

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="upos"/> (diacritics stripped).</summary>
    public string Lemmatize(string form, string upos)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(upos);
        var length = form.Length + 1 + upos.Length;
        var buffer = length <= 128 ? stackalloc char[length] : new char[length];
        form.AsSpan().CopyTo(buffer);
        buffer[form.Length] = '\t';
        upos.AsSpan().CopyTo(buffer[(form.Length + 1)..]);
        if (_formTagLookup.TryGetValue(buffer, out var lemma)) return lemma;
        if (_lemmaByForm.TryGetValue(form, out lemma)) return lemma;
        if (form.AsSpan().IndexOfAny("\u0623\u0625\u0622\u0649") >= 0)
        {
            FoldInto(form, buffer);
            if (_formTagLookup.TryGetValue(buffer, out lemma)) return lemma;
            if (_formLookup.TryGetValue(buffer[..form.Length], out lemma)) return lemma;
        }

        if (VariantLemma(form, upos) is { } known) return known;
        return _lemmaRules.Count > 0 && RuleLemma(form, upos) is { } ruled ? ruled : FallbackLemma(form, upos);
    }

    /// <summary>
    /// The lemma of an unseen noun, adjective or name through a spelling variant seen in training: without its article
    /// (السن → سن), with the article (مواهب → المواهب), with ت as ة before an enclitic (معيشت → معيشة), each also folded.
    /// Null when no variant is known.
    /// </summary>
    private string? VariantLemma(string form, string upos)
    {
        if (upos is not ("NOUN" or "ADJ" or "PROPN") || form.Length < 2 || form.Length > 60) return null;
        Span<char> buffer = stackalloc char[2 + 60 + 1 + 8];
        var f = form.AsSpan();
        if (f.Length > 3 && f.StartsWith("\u0627\u0644", StringComparison.Ordinal))
        {
            if (Known(f[2..], upos) is { } bare) return bare;
        }
        else
        {
            buffer[0] = '\u0627';
            buffer[1] = '\u0644';
            f.CopyTo(buffer[2..]);
            if (Known(buffer[..(f.Length + 2)], upos) is { } with) return with;
        }

        if (f.Length > 2 && f[^1] == '\u062A')
        {
            f.CopyTo(buffer);
            buffer[f.Length - 1] = '\u0629';
            if (Known(buffer[..f.Length], upos) is { } marbuta) return marbuta;
        }

        return null;
    }

    /// <summary>The lemma the tables give <paramref name="word"/> (tagged <paramref name="upos"/>, or any tag), as spelled or folded.</summary>
    private string? Known(ReadOnlySpan<char> word, string upos)
    {
        Span<char> key = stackalloc char[word.Length + 1 + upos.Length];
        word.CopyTo(key);
        key[word.Length] = '\t';
        upos.AsSpan().CopyTo(key[(word.Length + 1)..]);
        if (_formTagLookup.TryGetValue(key, out var lemma) || _formLookup.TryGetValue(word, out lemma)) return lemma;
        if (word.IndexOfAny("\u0623\u0625\u0622\u0649") < 0) return null;
        FoldInto(word, key);
        return _formTagLookup.TryGetValue(key, out lemma) || _formLookup.TryGetValue(key[..word.Length], out lemma) ? lemma : null;
    }

    /// <summary>Number of learned lemma rules.</summary>
    internal int LemmaRuleCount => _lemmaRules.Count;

    /// <summary>
    /// The lemma of an unseen word by the edit rule learned for the most specific context of the word without its
    /// article that has one (UPOS with its first two and last three letters, then first and last two, first and last,
    /// first letter, UPOS alone): e.g. VERB ي…ون → cut ي and ون (يحملون → حمل).
    /// </summary>
    private string? RuleLemma(string form, string upos)
    {
        if (upos is "PUNCT" or "NUM" or "SYM" || upos.Length > 8) return null;
        var article = WithoutArticle(form).Length != form.Length;
        var s = article ? form.AsSpan(2) : form.AsSpan();
        if (s.Length < 2) return null;
        // The keys of LemmaContexts, built in one buffer (no strings for lookups): UPOS|level|context.
        Span<char> key = stackalloc char[8 + 3 + 2 + 1 + 3];
        upos.AsSpan().CopyTo(key);
        var at = upos.Length;
        key[at] = '|';
        key[at + 2] = '|';
        var n = s.Length;
        for (var level = 4; level >= 0; level--)
        {
            if ((level == 4 && n < 5) || (level == 3 && n < 3)) continue;
            key[at + 1] = (char)('0' + level);
            var end = at + 3;
            switch (level)
            {
                case 4: end = Append(key, end, s[..2], s[(n - 3)..]); break;
                case 3: end = Append(key, end, s[..1], s[(n - 2)..]); break;
                case 2: end = Append(key, end, s[..1], s[(n - 1)..]); break;
                case 1: key[end++] = s[0]; break;
            }

            if (!_ruleLookup.TryGetValue(key[..end], out var rule)) continue;
            if (rule.CutPrefix + rule.CutSuffix + 2 > n) continue;
            return string.Concat(rule.AddPrefix, s.Slice(rule.CutPrefix, n - rule.CutPrefix - rule.CutSuffix), rule.AddSuffix);
        }

        return null;

        static int Append(Span<char> key, int end, ReadOnlySpan<char> first, ReadOnlySpan<char> last)
        {
            first.CopyTo(key[end..]);
            end += first.Length;
            key[end++] = '|';
            last.CopyTo(key[end..]);
            return end + last.Length;
        }
    }

    /// <summary>The form without its article (الزراعية → زراعية) when it has one and more than two letters after it.</summary>
    private static string WithoutArticle(string form) =>
        form.Length > 4 && form.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? form[2..] : form;

    /// <summary>The lemma-rule contexts of a word (without its article), most specific first.</summary>
    private static IEnumerable<string> LemmaContexts(string form, string upos)
    {
        var n = form.Length;
        if (n >= 5) yield return string.Concat(upos, "|4|", form[..2], "|", form[(n - 3)..]);
        if (n >= 3) yield return string.Concat(upos, "|3|", form[..1], "|", form[(n - 2)..]);
        if (n >= 2) yield return string.Concat(upos, "|2|", form[..1], "|", form[(n - 1)..]);
        if (n >= 1) yield return string.Concat(upos, "|1|", form[..1]);
        yield return upos + "|0|";
    }

    /// <summary>
    /// The edit from <paramref name="form"/> to <paramref name="lemma"/>: keep their longest common substring, cut what
    /// is around it in the form, add what is around it in the lemma. Null when they share fewer than two letters.
    /// </summary>
    internal static LemmaRule? RuleOf(string form, string lemma)
    {
        int bestLength = 0, bestForm = 0, bestLemma = 0;
        var previous = new int[lemma.Length + 1];
        var current = new int[lemma.Length + 1];
        for (var i = 1; i <= form.Length; i++)
        {
            for (var j = 1; j <= lemma.Length; j++)
            {
                current[j] = form[i - 1] == lemma[j - 1] ? previous[j - 1] + 1 : 0;
                if (current[j] > bestLength)
                {
                    bestLength = current[j];
                    bestForm = i - bestLength;
                    bestLemma = j - bestLength;
                }
            }

            (previous, current) = (current, previous);
        }

        if (bestLength < 2) return null;
        return new LemmaRule(bestForm, form.Length - bestForm - bestLength, lemma[..bestLemma], lemma[(bestLemma + bestLength)..]);
    }

    /// <summary>
    /// Lemma of an unseen word: the form without its article; an adjective also loses its feminine, sound plural
    /// and accusative endings (الزراعية → زراعي, كبيرات → كبير, مباشرا → مباشر); a noun's feminine plural ات
    /// becomes ة (بطاريات → بطارية).
    /// </summary>
    internal static string FallbackLemma(string form, string upos)
    {
        if (upos is "PUNCT" or "NUM" or "SYM") return form;
        var s = form.AsSpan();
        if (s.Length > 3 && s.StartsWith("ال", StringComparison.Ordinal)) s = s[2..];
        if (upos == "ADJ" && s.Length > 4)
        {
            if (s.EndsWith("ات", StringComparison.Ordinal) || s.EndsWith("ون", StringComparison.Ordinal) || s.EndsWith("ين", StringComparison.Ordinal)) s = s[..^2];
            else if (s.EndsWith("ة", StringComparison.Ordinal) || s.EndsWith("ا", StringComparison.Ordinal)) s = s[..^1];
        }
        else if (upos == "NOUN" && s.Length > 5 && s.EndsWith("ات", StringComparison.Ordinal))
        {
            return string.Concat(s[..^2], "ة");
        }

        return s.Length == form.Length ? form : s.ToString();
    }

    private static int Extract(ReadOnlySpan<TaggerInput> words, ReadOnlySpan<int> clusters, int i, int prev, int prev2, FrozenSet<ulong> lexicon, Span<ulong> output, bool hideWord = false)
    {
        var form = words[i].Form.AsSpan();
        var w = hideWord ? HiddenText.AsSpan() : form;
        var bos = BosText.AsSpan();
        var eos = EosText.AsSpan();
        var p1 = i > 0 ? words[i - 1].Form.AsSpan() : bos;
        var n1 = i + 1 < words.Length ? words[i + 1].Form.AsSpan() : eos;
        var role = words[i].Role;
        var nextRole = i + 1 < words.Length ? words[i + 1].Role : None;
        var lexW = InLexicon(lexicon, form);
        var lexP = i > 0 ? InLexicon(lexicon, p1) : 0;
        var lexN = i + 1 < words.Length ? InLexicon(lexicon, n1) : 0;
        // Template numbers are part of the hashes; the gaps are templates of models v1–v3 that model v4 dropped (the words
        // two to the left and right, folded word and bigrams, lexicon × shape × previous tag): the word clusters
        // (30–36) carry what they did, and the 5-fold PUD cross-validation is higher without them (docs/tagging.md).
        var k = 0;
        output[k++] = Start(0).Value;
        output[k++] = Start(1).Add(w).Value;
        output[k++] = Start(2).Add(p1).Value;
        output[k++] = Start(3).Add(n1).Value;
        output[k++] = Start(6).Add(Suffix(form, 1)).Value;
        output[k++] = Start(7).Add(Suffix(form, 2)).Value;
        output[k++] = Start(8).Add(Suffix(form, 3)).Value;
        output[k++] = Start(9).Add(Prefix(form, 1)).Value;
        output[k++] = Start(10).Add(Prefix(form, 2)).Value;
        output[k++] = Start(11).Add(Prefix(form, 3)).Value;
        output[k++] = Start(12).Add(prev).Value;
        output[k++] = Start(13).Add(prev2).Add(prev).Value;
        output[k++] = Start(14).Add(prev).Add(w).Value;
        output[k++] = Start(15).Add(role).Value;
        output[k++] = Start(16).Add(role).Add(w).Value;
        output[k++] = Start(17).Add(nextRole).Add(n1).Value;
        output[k++] = Start(18).Add(Shape(form)).Value;
        output[k++] = Start(19).Add(p1).Add(w).Value;
        output[k++] = Start(20).Add(w).Add(n1).Value;
        output[k++] = Start(21).Add(role).Add(Suffix(form, 2)).Value;
        output[k++] = Start(25).AddFolded(Prefix(form, 2)).AddFolded(Suffix(form, 2)).Value;
        output[k++] = Start(26).Add(lexW).Add(role).Value;
        output[k++] = Start(27).Add(lexP).Add(lexW).Add(lexN).Value;
        output[k++] = Start(29).Add(Suffix(form, 4)).Value;
        var cw = clusters[i];
        var cp = i > 0 ? clusters[i - 1] : -2;
        var cn = i + 1 < words.Length ? clusters[i + 1] : -3;
        output[k++] = Start(30).Add(cw).Value;
        output[k++] = Start(31).Add(ClusterPrefix(cw, 5)).Value;
        output[k++] = Start(33).Add(cp).Value;
        output[k++] = Start(34).Add(cn).Value;
        output[k++] = Start(36).Add(w).Add(ClusterPrefix(cn, 8)).Value;
        return k;
    }

    /// <summary>
    /// The cluster code of a word (its bit string with a leading 1, see <see cref="ClusterCodeOf"/>), looked up normalized
    /// like the clusters (<see cref="ArabicForms.Normalize(ReadOnlySpan{char})"/>), then without its article, then with
    /// the article added; 0 when none is known.
    /// </summary>
    private static int ClusterCode(FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> form)
    {
        if (lookup.Dictionary.Count == 0 || form.Length == 0 || form.Length > MaxClusterKey) return 0;
        Span<char> buffer = stackalloc char[MaxClusterKey + 2];
        buffer[0] = '\u0627';
        buffer[1] = '\u0644';
        var n = ArabicForms.NormalizeInto(form, buffer[2..]);
        var word = buffer.Slice(2, n);
        if (lookup.TryGetValue(word, out var code)) return code;
        if (n > 3 && word.StartsWith("\u0627\u0644", StringComparison.Ordinal)) return lookup.TryGetValue(word[2..], out code) ? code : 0;
        return n >= 2 && word[0] >= '\u0620' && word[0] <= '\u064A' && lookup.TryGetValue(buffer[..(n + 2)], out code) ? code : 0;
    }

    /// <summary>A cluster bit string as a number with a leading 1 ("0110" → 0b10110), so that prefixes of any length stay distinct.</summary>
    internal static int ClusterCodeOf(string bits)
    {
        var code = 1;
        foreach (var c in bits)
        {
            if (c is not ('0' or '1') || code >= 1 << 30) throw new FormatException($"'{bits}' is not a cluster bit string");
            code = (code << 1) | (c - '0');
        }

        return code;
    }

    private static string ClusterBits(int code)
    {
        var length = BitOperations.Log2((uint)code);
        var chars = new char[length];
        for (var b = 0; b < length; b++) chars[b] = (char)('0' + ((code >> (length - 1 - b)) & 1));
        return new string(chars);
    }

    /// <summary>The first <paramref name="bits"/> bits of a cluster code (unknown words and sentence edges unchanged).</summary>
    private static int ClusterPrefix(int code, int bits)
    {
        if (code <= 0) return code;
        var length = BitOperations.Log2((uint)code);
        return length <= bits ? code : code >> (length - bits);
    }

    /// <summary>0 = not in the lexicon, 1 = the word is, 2 = the word without its article is.</summary>
    private static int InLexicon(FrozenSet<ulong> lexicon, ReadOnlySpan<char> w)
    {
        if (lexicon.Count == 0 || w.Length < 2) return 0;
        if (lexicon.Contains(LexiconKey(w))) return 1;
        if (w.Length > 4 && w.StartsWith("ال", StringComparison.Ordinal) && lexicon.Contains(LexiconKey(w[2..]))) return 2;
        return 0;
    }

    private static ulong LexiconKey(ReadOnlySpan<char> w) => Start(0x4C58).AddFolded(w).Value;

    /// <summary>
    /// Folds spellings that news text often leaves out: hamza on or under alef and madda (أ إ آ → ا), alef maqsura
    /// (ى → ي). Internal helper for features and lemma lookup (the Normalizer of Rasid.Text is richer).
    /// </summary>
    internal static string Fold(string w)
    {
        if (w.AsSpan().IndexOfAny("\u0623\u0625\u0622\u0649") < 0) return w;
        return string.Create(w.Length, w, static (span, src) => FoldInto(src, span));
    }

    private static void FoldInto(ReadOnlySpan<char> source, Span<char> target)
    {
        for (var i = 0; i < source.Length; i++) target[i] = FoldChar(source[i]);
    }

    private static char FoldChar(char c) => c switch { '\u0623' or '\u0625' or '\u0622' => '\u0627', '\u0649' => '\u064A', _ => c };

    private static ReadOnlySpan<char> Suffix(ReadOnlySpan<char> w, int n) => w[Math.Max(0, w.Length - n)..];

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> w, int n) => w[..Math.Min(n, w.Length)];

    private static int Shape(ReadOnlySpan<char> w)
    {
        if (w.Length == 0) return 0;
        var c = w[0];
        if (char.IsDigit(c)) return 1;
        if (c >= '\u0620' && c <= '\u06FF') return w.Length <= 2 ? 2 : w.Length <= 4 ? 3 : 4;
        if (char.IsLetter(c)) return char.IsUpper(c) ? 5 : 6;
        return 7;
    }

    private static FeatureHash Start(int template) => new((FnvOffset ^ (ulong)template) * FnvPrime);

    /// <summary>FNV-1a over the parts of one feature, each part closed by a separator.</summary>
    private readonly struct FeatureHash(ulong value)
    {
        public ulong Value => value == 0 ? 1 : value;

        public FeatureHash Add(ReadOnlySpan<char> s)
        {
            var h = value;
            foreach (var c in s) h = (h ^ c) * FnvPrime;
            return new((h ^ 0xFFFF) * FnvPrime);
        }

        public FeatureHash AddFolded(ReadOnlySpan<char> s)
        {
            var h = value;
            foreach (var c in s) h = (h ^ FoldChar(c)) * FnvPrime;
            return new((h ^ 0xFFFF) * FnvPrime);
        }

        public FeatureHash Add(int n) => new(((value ^ (uint)(n + 0x10000)) * FnvPrime ^ 0xFFFF) * FnvPrime);
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

    /// <summary>
    /// Trains a tagger on <paramref name="sentences"/> (averaged perceptron, <paramref name="epochs"/> passes, fixed
    /// seed). <paramref name="lexicon"/>: proper-noun words (any spelling; folded and stored in the model).
    /// <paramref name="predictedHistory"/>: train on the tags the model predicts for the previous words (as when
    /// tagging) instead of the gold tags. <paramref name="clusters"/>: normalized word → cluster bit string (as written
    /// by <c>rasid train clusters</c>; stored in the model) for the cluster features; null or empty: none.
    /// <paramref name="inDomain"/> (one flag per sentence; null: all in-domain) and <paramref name="augmentation"/>: feature
    /// augmentation for domain adaptation (see <see cref="TaggerAugmentation"/>); the model tags as the in-domain sentences.
    /// </summary>
    public static PerceptronTagger Train(IReadOnlyList<IReadOnlyList<TrainingToken>> sentences, string version, int epochs = 10, IEnumerable<string>? lexicon = null, double rareDropout = 0, bool predictedHistory = false, IReadOnlyDictionary<string, string>? clusters = null, IReadOnlyList<bool>? inDomain = null, TaggerAugmentation augmentation = TaggerAugmentation.None)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (inDomain is not null && inDomain.Count != sentences.Count) throw new ArgumentException("one in-domain flag per sentence is needed", nameof(inDomain));
        var augmented = AugmentedTemplates(augmentation);
        var clusterCodes = (clusters ?? new Dictionary<string, string>()).ToDictionary(kv => kv.Key, kv => ClusterCodeOf(kv.Value), StringComparer.Ordinal);
        var clusterLookup = clusterCodes.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var lexiconWords = (lexicon ?? []).Select(Fold).Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).ToArray();
        var lexiconKeys = lexiconWords.Select(w => LexiconKey(w)).ToFrozenSet();
        var tags = sentences.SelectMany(s => s).SelectMany(t => t.Words).Select(w => w.Upos).Where(t => t != TrainingCorpus.Unknown).Distinct().Order(StringComparer.Ordinal).ToArray();
        var tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);

        // Each sentence also exists with folded spellings (no hamza on alef, ى → ي), as much news is written;
        // every epoch trains on one of the two versions.
        var data = sentences.Select((s, n) =>
        {
            var inputs = Inputs(s).ToArray();
            return (Inputs: inputs, Folded: inputs.Select(i => i with { Form = Fold(i.Form) }).ToArray(),
                Clusters: inputs.Select(i => ClusterCode(clusterLookup, i.Form)).ToArray(),
                Gold: s.SelectMany(t => t.Words).Select(w => tagIndex.GetValueOrDefault(w.Upos, None)).ToArray(),
                Domain: inDomain is null || inDomain[n] ? InDomain : OutOfDomain);
        }).ToArray();
        // Words seen once have their identity hidden in some passes, so that affix, shape and lexicon features learn
        // to carry unknown words.
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (inputs, _, _, _, _) in data)
        {
            foreach (var input in inputs) frequency[input.Form] = frequency.GetValueOrDefault(input.Form) + 1;
        }

        var weights = new Dictionary<ulong, float[]>();
        var totals = new Dictionary<ulong, double[]>();
        var stamps = new Dictionary<ulong, int[]>();
        var step = 1;
        var random = new Random(7);
        var features = new ulong[2 * FeatureCount];
        var scores = new float[tags.Length];
        var domainCopies = new HashSet<ulong>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(data);
            foreach (var (plain, folded, wordClusters, gold, domain) in data)
            {
                var inputs = random.Next(3) == 0 ? folded : plain;
                int prev = None, prev2 = None;
                for (var i = 0; i < inputs.Length; i++)
                {
                    var hide = rareDropout > 0 && frequency.GetValueOrDefault(plain[i].Form) == 1 && random.NextDouble() < rareDropout;
                    var count = Extract(inputs, wordClusters, i, prev, prev2, lexiconKeys, features, hide);
                    if (augmented.Length > 0)
                    {
                        // The domain copies of the augmented templates follow the shared features.
                        var shared = count;
                        for (var j = 0; j < shared; j++)
                        {
                            if (!augmented[j]) continue;
                            features[count] = DomainCopy(features[j], domain);
                            domainCopies.Add(features[count++]);
                        }
                    }

                    Array.Clear(scores);
                    foreach (var f in features.AsSpan(0, count))
                    {
                        if (!weights.TryGetValue(f, out var w)) continue;
                        for (var t = 0; t < scores.Length; t++) scores[t] += w[t];
                    }

                    var best = 0;
                    for (var t = 1; t < scores.Length; t++)
                    {
                        if (scores[t] > scores[best]) best = t;
                    }

                    if (gold[i] == None)
                    {
                        prev2 = prev;
                        prev = best;
                        continue;
                    }

                    var truth = gold[i];
                    if (best != truth)
                    {
                        foreach (var f in features.AsSpan(0, count))
                        {
                            Update(f, truth, 1);
                            Update(f, best, -1);
                        }
                    }

                    step++;
                    prev2 = prev;
                    prev = predictedHistory ? best : truth; // by default teacher forcing: train on gold history
                }
            }
        }

        // The model stores weights as thousandths in 16 bits (|w| ≤ 32.767); when an averaged weight is larger, all are
        // scaled down by the same factor, which changes no decision (the best tag is the same for any positive scale).
        var largest = 0.0;
        foreach (var (f, w) in weights)
        {
            for (var t = 0; t < tags.Length; t++) largest = Math.Max(largest, Math.Abs((totals[f][t] + (step - stamps[f][t]) * w[t]) / step));
        }

        var scale = largest > MaxWeight ? MaxWeight / largest : 1.0;
        var averaged = new Dictionary<ulong, float[]>();
        foreach (var (f, w) in weights)
        {
            var avg = new float[tags.Length];
            var any = false;
            for (var t = 0; t < tags.Length; t++)
            {
                var total = totals[f][t] + (step - stamps[f][t]) * w[t];
                avg[t] = (float)Math.Round(total / step * scale, 3);
                any |= avg[t] != 0;
            }

            if (any) averaged[f] = avg;
        }

        if (domainCopies.Count > 0) averaged = FoldDomainCopies(weights, totals, stamps, step, domainCopies, tags.Length);

        var (byFormTag, byForm) = LemmaTables(sentences);
        return new PerceptronTagger(version, tags, averaged, lexiconWords, byFormTag, byForm, LemmaRules(sentences), clusterCodes);

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

    private const int OutOfDomain = 1;
    private const int InDomain = 2;

    /// <summary>Per feature index of <see cref="Extract"/>: whether <paramref name="augmentation"/> gives it domain copies (empty: none).</summary>
    private static bool[] AugmentedTemplates(TaggerAugmentation augmentation) => augmentation switch
    {
        TaggerAugmentation.None => [],
        TaggerAugmentation.All => Enumerable.Repeat(true, FeatureCount).ToArray(),
        // Extract's indexes 0 (bias), 1 (word), 12 (prev tag × word), 14 (role × word), 17 (prev word × word),
        // 18 (word × next word), 28 (word × next cluster).
        TaggerAugmentation.Word => Enumerable.Range(0, FeatureCount).Select(i => i is 0 or 1 or 12 or 14 or 17 or 18 or 28).ToArray(),
        // All but 4–9 (suffixes, prefixes), 16 (shape), 19 (role × suffix), 20 (folded prefix × suffix), 23 (4-letter
        // suffix), 24 and 25 (the word's cluster).
        TaggerAugmentation.Context => Enumerable.Range(0, FeatureCount).Select(i => i is not ((>= 4 and <= 9) or 16 or 19 or 20 or 23 or 24 or 25)).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(augmentation)),
    };

    /// <summary>The key of the copy of feature <paramref name="f"/> for a domain.</summary>
    private static ulong DomainCopy(ulong f, int domain)
    {
        var h = ((f ^ (0x444F4D00UL + (ulong)domain)) * FnvPrime ^ 0xFFFF) * FnvPrime;
        return h == 0 ? 1 : h;
    }

    /// <summary>
    /// The averaged weights of an augmented training folded for tagging in-domain text: each shared feature's weight
    /// plus that of its in-domain copy; the out-of-domain copies are dropped. Scaled down as a whole when a folded weight
    /// is above the 16-bit range (as in <see cref="Train"/>).
    /// </summary>
    private static Dictionary<ulong, float[]> FoldDomainCopies(Dictionary<ulong, float[]> weights, Dictionary<ulong, double[]> totals, Dictionary<ulong, int[]> stamps, int step, HashSet<ulong> domainCopies, int tagCount)
    {
        double[] Average(ulong f)
        {
            var avg = new double[tagCount];
            if (!weights.TryGetValue(f, out var w)) return avg;
            for (var t = 0; t < tagCount; t++) avg[t] = (totals[f][t] + (step - stamps[f][t]) * w[t]) / step;
            return avg;
        }

        var folded = new Dictionary<ulong, double[]>();
        var largest = 0.0;
        foreach (var f in weights.Keys)
        {
            if (domainCopies.Contains(f)) continue;
            var avg = Average(f);
            var copy = DomainCopy(f, InDomain);
            if (domainCopies.Contains(copy))
            {
                var extra = Average(copy);
                for (var t = 0; t < tagCount; t++) avg[t] += extra[t];
            }

            folded[f] = avg;
            for (var t = 0; t < tagCount; t++) largest = Math.Max(largest, Math.Abs(avg[t]));
        }

        var scale = largest > MaxWeight ? MaxWeight / largest : 1.0;
        var result = new Dictionary<ulong, float[]>();
        foreach (var (f, avg) in folded)
        {
            var w = new float[tagCount];
            var any = false;
            for (var t = 0; t < tagCount; t++)
            {
                w[t] = (float)Math.Round(avg[t] * scale, 3);
                any |= w[t] != 0;
            }

            if (any) result[f] = w;
        }

        return result;
    }

    /// <summary>UPOS and lemma accuracy and per-tag (gold, predicted) counts of this tagger on <paramref name="sentences"/> (gold tokens).</summary>
    public TaggerAccuracy Accuracy(IReadOnlyList<IReadOnlyList<TrainingToken>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var confusion = new Dictionary<(string Gold, string System), int>();
        int correct = 0, total = 0, lemmas = 0, lemmaTotal = 0;
        foreach (var sentence in sentences)
        {
            var inputs = Inputs(sentence);
            var predicted = Tag(inputs);
            var gold = sentence.SelectMany(t => t.Words).ToArray();
            for (var i = 0; i < gold.Length; i++)
            {
                if (gold[i].Lemma is not ("" or "_"))
                {
                    lemmaTotal++;
                    if (Lemmatize(inputs[i].Form, predicted[i]) == gold[i].Lemma) lemmas++;
                }

                if (gold[i].Upos == TrainingCorpus.Unknown) continue;
                total++;
                if (gold[i].Upos == predicted[i]) correct++;
                confusion[(gold[i].Upos, predicted[i])] = confusion.GetValueOrDefault((gold[i].Upos, predicted[i])) + 1;
            }
        }

        return new TaggerAccuracy(correct, total, lemmas, lemmaTotal, confusion);
    }

    /// <summary>
    /// Lemma edit rules for unseen words, learned from the distinct (form, UPOS, lemma) triples of training: for each
    /// context (see <see cref="LemmaContexts"/>) seen with at least two triples, the most frequent edit; a context whose
    /// edit is the same as that of the next more general context is left out.
    /// </summary>
    private static Dictionary<string, LemmaRule> LemmaRules(IReadOnlyList<IReadOnlyList<TrainingToken>> sentences)
    {
        var counts = new Dictionary<string, Dictionary<LemmaRule, int>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, string)>();
        foreach (var word in sentences.SelectMany(s => s).SelectMany(t => t.Words))
        {
            if (word.Lemma is "" or "_" || word.Upos is TrainingCorpus.Unknown or "PUNCT" or "NUM" or "SYM") continue;
            var form = WithoutArticle(word.TaggerForm);
            if (form.Length < 2 || !seen.Add((form, word.Upos, word.Lemma))) continue;
            if (RuleOf(form, word.Lemma) is not { } rule) continue;
            foreach (var context in LemmaContexts(form, word.Upos))
            {
                if (!counts.TryGetValue(context, out var d)) counts[context] = d = [];
                d[rule] = d.GetValueOrDefault(rule) + 1;
            }
        }

        var best = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        foreach (var (context, d) in counts)
        {
            var top = d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.ToString(), StringComparer.Ordinal).First();
            if (top.Value >= 2) best[context] = top.Key;
        }

        // Drop a context whose rule its nearest more general context with a rule already gives.
        var result = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        foreach (var (context, rule) in best)
        {
            var parent = Parent(context);
            while (parent is not null && !best.ContainsKey(parent)) parent = Parent(parent);
            if (parent is null || best[parent] != rule) result[context] = rule;
        }

        return result;

        static string? Parent(string context)
        {
            var parts = context.Split('|');
            return parts[1] switch
            {
                "4" => $"{parts[0]}|3|{parts[2][..1]}|{parts[3][1..]}",
                "3" => $"{parts[0]}|2|{parts[2]}|{parts[3][1..]}",
                "2" => $"{parts[0]}|1|{parts[2]}",
                "1" => $"{parts[0]}|0|",
                _ => null,
            };
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

        // By form and tag only where that differs from the form's usual lemma: the table stays small.
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
        writer.WriteLine("# Rasid UPOS tagger: T tags | P proper-noun lexicon word (folded) | L form<TAB>upos lemma | F form lemma | R lemma-rule context, cut prefix, cut suffix, add prefix, add suffix | C normalized word, cluster bits | W feature-hash weights-per-tag");
        writer.WriteLine($"# version: {Version}");
        writer.WriteLine("T\t" + string.Join('\t', _tags));
        foreach (var word in _lexiconWords) writer.WriteLine("P\t" + word);
        foreach (var (key, lemma) in _lemmaByFormTag.OrderBy(kv => kv.Key, StringComparer.Ordinal)) writer.WriteLine($"L\t{key}\t{lemma}");
        foreach (var (key, lemma) in _lemmaByForm.OrderBy(kv => kv.Key, StringComparer.Ordinal)) writer.WriteLine($"F\t{key}\t{lemma}");
        foreach (var (key, rule) in _lemmaRules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"R\t{key}\t{rule.CutPrefix}\t{rule.CutSuffix}\t{rule.AddPrefix}\t{rule.AddSuffix}"));
        }
        foreach (var (word, code) in _clusters.OrderBy(kv => kv.Key, StringComparer.Ordinal)) writer.WriteLine($"C\t{word}\t{ClusterBits(code)}");
        var rows = new List<(ulong Key, int Slot)>(_featureRows);
        for (var slot = 0; slot <= _mask; slot++)
        {
            var key = KeyAt(slot);
            if (key != 0) rows.Add((key, slot));
        }

        var sb = new System.Text.StringBuilder();
        foreach (var (key, slot) in rows.OrderBy(r => r.Key))
        {
            sb.Clear();
            sb.Append("W\t").Append(key.ToString("x16", CultureInfo.InvariantCulture));
            for (var t = 0; t < _tags.Length; t++)
            {
                var w = _table[slot * _entry + 4 + t] / 1000f;
                if (w != 0) sb.Append('\t').Append(t.ToString(CultureInfo.InvariantCulture)).Append(':').Append(w.ToString("G5", CultureInfo.InvariantCulture));
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
        var lexicon = new List<string>();
        var rules = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        var clusters = new Dictionary<string, int>(StringComparer.Ordinal);
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
                    case "P": lexicon.Add(cols[1]); break;
                    case "C": clusters[cols[1]] = ClusterCodeOf(cols[2]); break;
                    case "R":
                        rules[cols[1]] = new LemmaRule(int.Parse(cols[2], CultureInfo.InvariantCulture), int.Parse(cols[3], CultureInfo.InvariantCulture), cols[4], cols[5]);
                        break;
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
        return new PerceptronTagger(lines.Version, tags, weights, lexicon, byFormTag, byForm, rules, clusters);
    }
}
