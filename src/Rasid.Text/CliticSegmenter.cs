using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Rasid.Core;

namespace Rasid.Text;

/// <summary>The role of a piece of a segmented token.</summary>
public enum CliticRole
{
    /// <summary>A one-letter proclitic word: و ف ب ل ك س.</summary>
    Proclitic,
    /// <summary>The host word (stem with the article ال when present).</summary>
    Host,
    /// <summary>An enclitic pronoun: ه ها هما هم هن ك كما كم كن ي ني نا.</summary>
    Enclitic,
}

/// <summary>One UD-style syntactic word inside a surface token.</summary>
/// <param name="Range">Exact range in the original text (diacritics belong to the letter they follow).</param>
/// <param name="Role">Proclitic, host or enclitic.</param>
/// <param name="Definite">True when the host carries the article ال (spelled, or elided after ل as in للقاء).</param>
/// <param name="ElidedArticle">
/// True when the alef of the article was elided after the proclitic ل (ل + القاء → للقاء): the host's range
/// then starts at the article's ل, so its text is لقاء and the full form is "ا" + text.
/// </param>
public readonly record struct CliticPiece(TextRange Range, CliticRole Role, bool Definite, bool ElidedArticle);

/// <summary>
/// Splits Arabic surface tokens into UD-style syntactic words: proclitics (و ف ب ل ك س and their
/// combinations وب ول فل وس...), the host, and an enclitic pronoun, with exact offsets. The article ال stays
/// in its host (<see cref="CliticPiece.Definite"/>). Learned from UD Arabic-PADT (see
/// <see cref="CliticSegmenterTrainer"/>): a dictionary of segmentations seen in training, and an averaged
/// perceptron that ranks the candidate splits of unseen tokens. Thread-safe and allocation-free per token.
/// </summary>
public sealed class CliticSegmenter
{
    /// <summary>Longest token (letters without diacritics) the segmenter considers; longer ones stay whole.</summary>
    internal const int MaxLetters = 48;

    /// <summary>
    /// Model record <c>M corpus-decisions</c>: the C (corpus word) records carry the perceptron's decision as a fourth
    /// column, and a C record without one is not split.
    /// </summary>
    internal const string CorpusDecisionsFlag = "corpus-decisions";

    /// <summary>Logical name of the embedded default model.</summary>
    internal const string ResourceName = "Rasid.Text.Models.ar-segmenter.txt.gz";

    private static readonly Lazy<IReadOnlyList<(string Form, SegLabel Label)>> Conventions = new(LoadConventions, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<CliticSegmenter> DefaultModel = new(() => Load(OpenResource()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, SegLabel> _known;
    private readonly FrozenDictionary<string, int> _hosts;
    private readonly FrozenDictionary<string, int> _corpus;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _corpusLookup;
    private readonly FrozenSet<string> _nonArticle;
    private readonly WeightTable _weights;
    private readonly NameLetterModel? _letters;
    private readonly SegmenterFeatures.HostCounter _hostCounter;
    private readonly SegmenterFeatures.HostCounter _corpusCounter;
    private readonly string[] _prefixes;
    private readonly string[] _suffixes;
    private readonly FrozenDictionary<string, SegLabel>.AlternateLookup<ReadOnlySpan<char>> _knownLookup;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _hostLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _nonArticleLookup;
    private readonly FrozenDictionary<string, Decision>.AlternateLookup<ReadOnlySpan<char>> _decisionLookup;

    internal CliticSegmenter(
        string version,
        IReadOnlyDictionary<string, SegLabel> known,
        IReadOnlyDictionary<string, int> hosts,
        IReadOnlyDictionary<string, int> corpus,
        IEnumerable<string> nonArticle,
        IReadOnlyDictionary<ulong, float> weights,
        IEnumerable<string> prefixes,
        IEnumerable<string> suffixes,
        IReadOnlyDictionary<string, SegLabel>? corpusDecisions = null,
        NameLetterModel? letters = null)
    {
        Version = version;
        _letters = letters;
        var merged = new Dictionary<string, SegLabel>(known, StringComparer.Ordinal);
        foreach (var (form, label) in Conventions.Value) merged[form] = label;
        _known = merged.ToFrozenDictionary(StringComparer.Ordinal);
        _hosts = hosts.ToFrozenDictionary(StringComparer.Ordinal);
        _corpus = corpus.ToFrozenDictionary(StringComparer.Ordinal);
        _corpusLookup = _corpus.GetAlternateLookup<ReadOnlySpan<char>>();
        _nonArticle = nonArticle.ToFrozenSet(StringComparer.Ordinal);
        _weights = new WeightTable(weights);
        _hostCounter = HostCount;
        _corpusCounter = CorpusCount;
        _prefixes = prefixes.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray();
        _suffixes = suffixes.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray();
        _knownLookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        _hostLookup = _hosts.GetAlternateLookup<ReadOnlySpan<char>>();
        _nonArticleLookup = _nonArticle.GetAlternateLookup<ReadOnlySpan<char>>();

        // Memo of decisions: every form of the dictionary and every word of the raw-news counts is decided once, so
        // that Segment needs one look-up for them (the result Decide would compute per token). The trainer stores the
        // perceptron's decisions for the corpus words in the model file (corpusDecisions); without them (older model
        // files) they are computed here.
        var decisions = new Dictionary<string, Decision>(_known.Count + _corpus.Count, StringComparer.Ordinal);
        foreach (var (form, label) in _known) decisions[form] = new Decision(label, IsDefinite(form, label));
        foreach (var form in _corpus.Keys)
        {
            if (decisions.ContainsKey(form) || form.Length > MaxLetters || !IsSegmentable(form)) continue;
            var label = corpusDecisions is null ? Score(form) : corpusDecisions.GetValueOrDefault(form);
            decisions[form] = new Decision(label, IsDefinite(form, label));
        }

        _decisionLookup = decisions.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A decided segmentation with its host's definiteness.</summary>
    private readonly record struct Decision(SegLabel Label, bool Definite);

    /// <summary>True when every character is an Arabic letter (what Segment passes to the decision).</summary>
    private static bool IsSegmentable(string form)
    {
        if (form.Length == 0) return false;
        foreach (var c in form)
        {
            if (!ArabicChars.IsArabicLetter(c)) return false;
        }

        return true;
    }

    /// <summary>The segmenter with the model embedded in Rasid.Text (loaded once).</summary>
    public static CliticSegmenter Default => DefaultModel.Value;

    /// <summary>Model version, from the model file.</summary>
    public string Version { get; }

    /// <summary>Component id with version, used as evidence.</summary>
    public string Id => "segment.perceptron/" + Version;

    /// <summary>Number of token forms whose segmentation the model has seen.</summary>
    public int KnownForms => _known.Count;

    /// <summary>
    /// Writes the syntactic words of the token <paramref name="token"/> of <paramref name="text"/> to
    /// <paramref name="pieces"/> (at least 5 long) and returns how many there are (1 when nothing is split).
    /// </summary>
    public int Segment(string text, TextRange token, Span<CliticPiece> pieces)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (pieces.Length < 5) throw new ArgumentException("the output span must hold at least 5 pieces", nameof(pieces));
        if (token.End > text.Length) throw new ArgumentOutOfRangeException(nameof(token), $"range {token} is outside a text of length {text.Length}");
        var surface = text.AsSpan(token.Start, token.Length);
        Span<char> letters = stackalloc char[MaxLetters];
        Span<int> positions = stackalloc int[MaxLetters];
        var n = 0;
        for (var i = 0; i < surface.Length; i++)
        {
            var c = surface[i];
            if (IsStripped(c)) continue;
            if (n == MaxLetters || !ArabicChars.IsArabicLetter(c))
            {
                pieces[0] = new CliticPiece(token, CliticRole.Host, false, false);
                return 1;
            }

            letters[n] = c;
            positions[n++] = token.Start + i;
        }

        if (n == 0)
        {
            pieces[0] = new CliticPiece(token, CliticRole.Host, false, false);
            return 1;
        }

        var form = letters[..n];
        SegLabel label;
        bool definite;
        if (_decisionLookup.TryGetValue(form, out var decision))
        {
            // Seen in training or in the raw-news word counts: decided once when the model was loaded.
            label = decision.Label;
            definite = decision.Definite;
        }
        else
        {
            label = Score(form);
            definite = IsDefinite(form, label);
        }

        var count = 0;
        for (var k = 0; k < label.Prefix; k++)
        {
            pieces[count++] = new CliticPiece(TextRange.FromBounds(k == 0 ? token.Start : positions[k], positions[k + 1]), CliticRole.Proclitic, false, false);
        }

        var hostStart = label.Prefix;
        var hostEnd = n - label.Suffix;
        var hostRange = TextRange.FromBounds(hostStart == 0 ? token.Start : positions[hostStart], hostEnd == n ? token.End : positions[hostEnd]);
        pieces[count++] = new CliticPiece(hostRange, CliticRole.Host, definite, label.Elided);
        if (label.Suffix > 0) pieces[count++] = new CliticPiece(TextRange.FromBounds(positions[hostEnd], token.End), CliticRole.Enclitic, false, false);
        return count;
    }

    /// <summary>Convenience overload: the pieces of <paramref name="token"/> as a new array.</summary>
    public CliticPiece[] Segment(string text, TextRange token)
    {
        Span<CliticPiece> pieces = stackalloc CliticPiece[5];
        var n = Segment(text, token, pieces);
        return pieces[..n].ToArray();
    }

    /// <summary>Characters ignored for segmentation (kept inside the piece of the letter before them): harakat, shadda, sukun, superscript alef, tatweel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsStripped(char c) => (c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == ArabicChars.Tatweel;

    /// <summary>The letters of <paramref name="s"/> without <see cref="IsStripped"/> characters.</summary>
    internal static string Strip(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var any = false;
        foreach (var c in s)
        {
            if (IsStripped(c))
            {
                any = true;
                break;
            }
        }

        if (!any) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!IsStripped(c)) sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The segmentation Segment uses for a diacritic-free form (memo first, then the perceptron).</summary>
    internal SegLabel Decided(ReadOnlySpan<char> form) => _decisionLookup.TryGetValue(form, out var d) ? d.Label : Score(form);

    /// <summary>True when the host of <paramref name="form"/> under <paramref name="label"/> carries the article ال.</summary>
    private bool IsDefinite(ReadOnlySpan<char> form, SegLabel label)
    {
        if (label.Elided) return true;
        var host = form[label.Prefix..(form.Length - label.Suffix)];
        return host.Length > 2 && host[0] == '\u0627' && host[1] == '\u0644' && !_nonArticleLookup.Contains(host);
    }

    /// <summary>The segmentation of a diacritic-free form: dictionary first, then the perceptron.</summary>
    internal SegLabel Decide(ReadOnlySpan<char> form)
    {
        if (_knownLookup.TryGetValue(form, out var known)) return known;
        return Score(form);
    }

    /// <summary>The perceptron's best candidate split of a diacritic-free form.</summary>
    private SegLabel Score(ReadOnlySpan<char> form)
    {
        if (form.Length < 2) return default;
        var best = default(SegLabel);
        var bestScore = float.NegativeInfinity;
        var wholeCount = HostCount(form);
        var wholeCorpusCount = CorpusCount(form);
        var wholeLetters = _letters?.Score(form) ?? 0;
        Span<ulong> features = stackalloc ulong[SegmenterFeatures.Count];
        foreach (var p in _prefixes)
        {
            if (!form.StartsWith(p)) continue;
            foreach (var e in _suffixes)
            {
                if (p.Length + e.Length >= form.Length || !form.EndsWith(e)) continue;
                for (var elided = 0; elided < 2; elided++)
                {
                    var label = new SegLabel((byte)p.Length, (byte)e.Length, elided == 1);
                    if (label.Elided && !CanElide(form, label)) continue;
                    SegmenterFeatures.Extract(form, label, _hostCounter, _corpusCounter, wholeCount, wholeCorpusCount, _letters, wholeLetters, features);
                    var score = 0f;
                    foreach (var f in features) score += _weights.Get(f);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = label;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>An elided article needs a ل proclitic right before a host that starts with ل.</summary>
    internal static bool CanElide(ReadOnlySpan<char> form, SegLabel label) =>
        label.Prefix > 0 && form[label.Prefix - 1] == '\u0644' && form[label.Prefix] == '\u0644' && form.Length - label.Prefix - label.Suffix >= 2;

    internal int HostCount(ReadOnlySpan<char> host) => _hostLookup.TryGetValue(host, out var c) ? c : 0;

    internal int CorpusCount(ReadOnlySpan<char> word) => _corpusLookup.TryGetValue(word, out var c) ? c : 0;

    private static Stream OpenResource() =>
        typeof(CliticSegmenter).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"model resource '{ResourceName}' is missing from Rasid.Text");

    /// <summary>The convention overrides in Lang/Ar/segmentation-conventions.tsv as labels.</summary>
    private static List<(string Form, SegLabel Label)> LoadConventions()
    {
        var result = new List<(string, SegLabel)>();
        foreach (var line in LanguageResource.ReadLines("Ar/segmentation-conventions.tsv", out _))
        {
            var cols = line.Split('\t');
            var pieces = cols.Length == 2 ? cols[1].Split('+') : [];
            if (pieces.Length == 0 || string.Concat(pieces) != cols[0] || pieces.Length > 5)
            {
                throw new InvalidDataException($"segmentation-conventions.tsv: '{line}' is not 'form<TAB>pieces joined by +' spelling the form");
            }

            // Leading one-letter pieces are proclitics; with two or more pieces left, the last is the enclitic.
            var prefix = 0;
            while (prefix < pieces.Length - 1 && pieces[prefix].Length == 1) prefix++;
            var suffix = pieces.Length - prefix >= 2 ? pieces[^1].Length : 0;
            if (prefix + 1 + (suffix > 0 ? 1 : 0) != pieces.Length) throw new InvalidDataException($"segmentation-conventions.tsv: '{line}' has more than one host");
            result.Add((cols[0], new SegLabel((byte)prefix, (byte)suffix, false)));
        }

        return result;
    }

    /// <summary>Loads a model written by <see cref="CliticSegmenterTrainer"/> (gzip-compressed text).</summary>
    public static CliticSegmenter Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        var known = new Dictionary<string, SegLabel>(StringComparer.Ordinal);
        var hosts = new Dictionary<string, int>(StringComparer.Ordinal);
        var corpus = new Dictionary<string, int>(StringComparer.Ordinal);
        var nonArticle = new List<string>();
        var weights = new Dictionary<ulong, float>();
        var prefixes = new List<string> { "" };
        var suffixes = new List<string> { "" };
        var corpusDecisions = new Dictionary<string, SegLabel>(StringComparer.Ordinal);
        var letterRatios = new Dictionary<ulong, float>();
        var decisionsStored = false;
        var lines = new VersionedLineReader(reader);
        foreach (var (lineNo, line) in lines.Lines())
        {
            var cols = line.Split('\t');
            try
            {
                switch (cols[0])
                {
                    case "D": known[cols[1]] = SegLabel.Parse(cols[2]); break;
                    case "H": hosts[cols[1]] = int.Parse(cols[2], CultureInfo.InvariantCulture); break;
                    case "C":
                        corpus[cols[1]] = int.Parse(cols[2], CultureInfo.InvariantCulture);
                        if (cols.Length > 3) corpusDecisions[cols[1]] = SegLabel.Parse(cols[3]);
                        break;
                    case "M" when cols[1] == CorpusDecisionsFlag: decisionsStored = true; break;
                    case "N": nonArticle.Add(cols[1]); break;
                    case "L": letterRatios[ulong.Parse(cols[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = float.Parse(cols[2], CultureInfo.InvariantCulture); break;
                    case "P": prefixes.Add(cols[1]); break;
                    case "E": suffixes.Add(cols[1]); break;
                    case "W": weights[ulong.Parse(cols[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = float.Parse(cols[2], CultureInfo.InvariantCulture); break;
                    default: throw new FormatException($"unknown record '{cols[0]}'");
                }
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new InvalidDataException($"segmenter model line {lineNo}: {ex.Message}", ex);
            }
        }

        return new CliticSegmenter(lines.Version, known, hosts, corpus, nonArticle, weights, prefixes.Distinct(), suffixes.Distinct(), decisionsStored ? corpusDecisions : null,
            letterRatios.Count > 0 ? new NameLetterModel(letterRatios) : null);
    }
}

/// <summary>Feature weights in an open-addressing table (hashed keys, linear probing): faster than a dictionary.</summary>
internal sealed class WeightTable
{
    private readonly ulong[] _keys;
    private readonly float[] _values;
    private readonly int _mask;

    public WeightTable(IReadOnlyDictionary<ulong, float> weights)
    {
        var size = 16;
        while (size < weights.Count * 2) size <<= 1;
        _keys = new ulong[size];
        _values = new float[size];
        _mask = size - 1;
        foreach (var (key, value) in weights)
        {
            var k = key == 0 ? 1 : key; // 0 marks an empty slot
            var i = (int)(Mix(k) & (uint)_mask);
            while (_keys[i] != 0 && _keys[i] != k) i = (i + 1) & _mask;
            _keys[i] = k;
            _values[i] = value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Get(ulong key)
    {
        var k = key == 0 ? 1 : key;
        var i = (int)(Mix(k) & (uint)_mask);
        while (true)
        {
            var stored = _keys[i];
            if (stored == k) return _values[i];
            if (stored == 0) return 0f;
            i = (i + 1) & _mask;
        }
    }

    private static ulong Mix(ulong k) => (k ^ (k >> 31)) * 0x94D049BB133111EBUL >> 7;
}

/// <summary>A segmentation of a diacritic-free form: proclitic letters, enclitic length, elided article.</summary>
/// <param name="Prefix">Number of one-letter proclitics at the start.</param>
/// <param name="Suffix">Length of the enclitic pronoun at the end (0 when none).</param>
/// <param name="Elided">True when the article's alef was elided after the proclitic ل.</param>
internal readonly record struct SegLabel(byte Prefix, byte Suffix, bool Elided)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix},{Suffix},{(Elided ? 1 : 0)}");

    public static SegLabel Parse(string s)
    {
        var parts = s.Split(',');
        if (parts.Length != 3) throw new FormatException($"invalid segmentation label '{s}'");
        return new SegLabel(byte.Parse(parts[0], CultureInfo.InvariantCulture), byte.Parse(parts[1], CultureInfo.InvariantCulture), parts[2] == "1");
    }
}

/// <summary>Hashed features of a candidate segmentation (shared by the segmenter and its trainer).</summary>
internal static class SegmenterFeatures
{
    public const int Count = 25;

    public delegate int HostCounter(ReadOnlySpan<char> host);

    public static void Extract(ReadOnlySpan<char> form, SegLabel label, HostCounter hostCount, HostCounter corpusCount, NameLetterModel? letters, Span<ulong> output) =>
        Extract(form, label, hostCount, corpusCount, hostCount(form), corpusCount(form), letters, letters?.Score(form) ?? 0, output);

    /// <summary>
    /// The features of one candidate, with the counts of the whole form (the same for every candidate) given:
    /// <paramref name="wholeCount"/> = hostCount(form), <paramref name="wholeCorpusCount"/> = corpusCount(form),
    /// <paramref name="wholeLetters"/> = letters.Score(form) (name-likeness of the letters; no features when letters is null).
    /// </summary>
    public static void Extract(ReadOnlySpan<char> form, SegLabel label, HostCounter hostCount, HostCounter corpusCount, int wholeCount, int wholeCorpusCount,
        NameLetterModel? letters, float wholeLetters, Span<ulong> output)
    {
        var p = form[..label.Prefix];
        var e = form[(form.Length - label.Suffix)..];
        var host = form[label.Prefix..(form.Length - label.Suffix)];
        var shape = Hash(1, p, e, label.Elided ? "x" : "");
        var count = label.Elided ? ElidedCount(host, hostCount) : hostCount(host);
        var bucket = count switch { 0 => "0", 1 => "1", < 5 => "2", < 20 => "3", _ => "4" };
        var wholeBucket = wholeCount switch { 0 => "0", 1 => "1", < 5 => "2", < 20 => "3", _ => "4" };
        var hostLen = Math.Min(host.Length, 7);
        var i = 0;
        output[i++] = shape;
        output[i++] = Mix(shape, Hash(2, bucket));
        output[i++] = Mix(shape, Hash(3, wholeBucket));
        output[i++] = Mix(shape, Hash(4, bucket, wholeBucket));
        output[i++] = Mix(shape, (ulong)hostLen * 0x9E3779B97F4A7C15UL + 5);
        output[i++] = Mix(Hash(6, p), Hash(6, host[..1]));
        output[i++] = Mix(Hash(7, p), Hash(7, host[..Math.Min(2, host.Length)]));
        output[i++] = Mix(Hash(8, e), Hash(8, host[^1..]));
        output[i++] = Mix(Hash(9, e), Hash(9, host[Math.Max(0, host.Length - 2)..]));
        output[i++] = Mix(shape, Hash(10, host.Length > 2 && host[0] == '\u0627' && host[1] == '\u0644' ? "al" : "-"));
        output[i++] = Mix(Hash(11, e), Hash(11, host[Math.Max(0, host.Length - 3)..]));
        output[i++] = Mix(Hash(12, p), Hash(12, host[..Math.Min(3, host.Length)]));
        output[i++] = Mix(Hash(13, p, e), Hash(13, bucket, host[..1]));
        output[i++] = Mix(Hash(14, p, e), Hash(14, bucket, host[^1..]));
        output[i++] = Mix(shape, (ulong)Math.Min(form.Length, 10) * 0x9E3779B97F4A7C15UL + 15);
        output[i++] = Mix(Hash(16, form[..Math.Min(2, form.Length)], form[Math.Max(0, form.Length - 2)..]), (ulong)(label.Prefix * 64 + label.Suffix * 2 + (label.Elided ? 1 : 0)) * 0x9E3779B97F4A7C15UL + 16);
        var hostCorpus = CorpusBucket(label.Elided ? ElidedCount(host, corpusCount) : HostCorpusCount(host, label.Suffix > 0, corpusCount));
        var formCorpus = CorpusBucket(wholeCorpusCount);
        output[i++] = Mix(shape, Hash(20, hostCorpus));
        output[i++] = Mix(shape, Hash(21, hostCorpus, formCorpus));
        output[i++] = Mix(Hash(22, p, e), Hash(22, hostCorpus, bucket));
        output[i++] = Mix(shape, Hash(23, formCorpus, wholeBucket));
        output[i++] = Mix(Hash(24, p, e), Hash(24, hostCorpus, host.Length > 2 && host[0] == '\u0627' && host[1] == '\u0644' ? "al" : "-"));

        // Name-likeness of the letters of the whole form and of the host (a name's first letters are not proclitics).
        Span<char> buckets = stackalloc char[2];
        buckets[0] = letters is null ? 'n' : NameLetterModel.Bucket(wholeLetters);
        buckets[1] = letters is null ? 'n' : NameLetterModel.Bucket(label.Prefix + label.Suffix == 0 ? wholeLetters : letters.Score(host));
        output[i++] = Mix(shape, Hash(25, buckets));
        output[i++] = Mix(Hash(26, p, e), Hash(26, buckets[1..], hostCorpus, formCorpus));

        // Article paradigm: the letters before the enclitic also occur in news after the article ال (بعيدة → البعيدة,
        // بطاقات → البطاقات, بنية → البنية), so their first letter belongs to a noun or adjective stem, not to a proclitic.
        var article = label.Elided || (form.Length > 2 && form[0] == '\u0627' && form[1] == '\u0644') ? "a" : CorpusBucket(ArticleCount(form[..(form.Length - label.Suffix)], label.Suffix > 0, corpusCount));
        output[i++] = Mix(Hash(27, p, e), Hash(27, article));
        output[i++] = Mix(Hash(28, p, e), Hash(28, article, hostCorpus));
    }

    /// <summary>
    /// Corpus count of ال + <paramref name="stem"/>; a final ا may be the accusative tanween alef, which the article drops
    /// (فرداً → الفرد), and before an enclitic a final ت stands for ة (شركتي → الشركة).
    /// </summary>
    private static int ArticleCount(ReadOnlySpan<char> stem, bool beforeEnclitic, HostCounter corpusCount)
    {
        Span<char> buffer = stackalloc char[CliticSegmenter.MaxLetters + 2];
        buffer[0] = '\u0627';
        buffer[1] = '\u0644';
        stem.CopyTo(buffer[2..]);
        var count = corpusCount(buffer[..(stem.Length + 2)]);
        if (stem.Length > 2 && stem[^1] == '\u0627') count = Math.Max(count, corpusCount(buffer[..(stem.Length + 1)]));
        if (beforeEnclitic && stem.Length > 1 && stem[^1] == '\u062A')
        {
            buffer[stem.Length + 1] = '\u0629';
            count = Math.Max(count, corpusCount(buffer[..(stem.Length + 2)]));
        }

        return count;
    }

    private static string CorpusBucket(int count) => count switch { 0 => "0", < 5 => "1", < 20 => "2", < 100 => "3", < 1000 => "4", _ => "5" };

    /// <summary>
    /// Corpus count of a host; before an enclitic, a final ت may stand for ة (بطولته → بطولة); a bare initial alef may
    /// be a hamza left unwritten, as news often does (واشار → و + اشار, counted as أشار too).
    /// </summary>
    private static int HostCorpusCount(ReadOnlySpan<char> host, bool beforeEnclitic, HostCounter corpusCount)
    {
        var count = corpusCount(host);
        if (host.Length > 1 && host[0] == '\u0627')
        {
            Span<char> hamza = stackalloc char[CliticSegmenter.MaxLetters];
            host.CopyTo(hamza);
            hamza[0] = '\u0623';
            count = Math.Max(count, corpusCount(hamza[..host.Length]));
            hamza[0] = '\u0625';
            count = Math.Max(count, corpusCount(hamza[..host.Length]));
        }

        if (beforeEnclitic && host.Length > 1 && host[^1] == '\u062A')
        {
            Span<char> buffer = stackalloc char[CliticSegmenter.MaxLetters];
            host.CopyTo(buffer);
            buffer[host.Length - 1] = '\u0629';
            count = Math.Max(count, corpusCount(buffer[..host.Length]));
        }

        return count;
    }

    private static int ElidedCount(ReadOnlySpan<char> host, HostCounter hostCount)
    {
        Span<char> buffer = stackalloc char[CliticSegmenter.MaxLetters + 1];
        buffer[0] = '\u0627';
        host.CopyTo(buffer[1..]);
        return hostCount(buffer[..(host.Length + 1)]);
    }

    private static ulong Mix(ulong a, ulong b) => (a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2))) * 0xBF58476D1CE4E5B9UL;

    private static ulong Hash(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default)
    {
        var h = 14695981039346656037UL ^ (ulong)template;
        h *= 1099511628211UL;
        foreach (var ch in a) h = (h ^ ch) * 1099511628211UL;
        h = (h ^ 0xFFFF) * 1099511628211UL;
        foreach (var ch in b) h = (h ^ ch) * 1099511628211UL;
        h = (h ^ 0xFFFE) * 1099511628211UL;
        foreach (var ch in c) h = (h ^ ch) * 1099511628211UL;
        return h;
    }
}
