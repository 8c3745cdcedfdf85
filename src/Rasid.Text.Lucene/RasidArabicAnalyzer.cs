using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Rasid.Text.Lucene;

/// <summary>
/// Lucene.NET analyzer for Arabic news built from Rasid's parts: <see cref="RasidArabicTokenizer"/> (Rasid tokenizer,
/// optional clitic segmenter, search-profile <see cref="Normalizer"/>) → lower case (Latin) → Arabic stop words
/// (<see cref="StopWords.Arabic"/>) → <see cref="LightStemFilter"/> (Light10). Offsets point into the original text.
/// Use the same analyzer at index and query time. Thread-safe (Lucene reuses components per thread).
/// </summary>
public sealed class RasidArabicAnalyzer : Analyzer
{
    /// <summary>Lucene compatibility version used by the filters.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Normalizer _normalizer;
    private readonly ICliticSegmenter? _segmenter;
    private readonly CharArraySet _stopWords;
    private readonly LightStemmer? _stemmer;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="segmenter">Optional clitic segmenter (words are indexed whole without one).</param>
    /// <param name="stem">False to index normalized words without stemming (e.g. for an exact-form field).</param>
    /// <param name="stopWords">Stop words (search-normalized); the embedded Arabic list when null, none when empty.</param>
    public RasidArabicAnalyzer(ICliticSegmenter? segmenter = null, bool stem = true, IEnumerable<string>? stopWords = null)
    {
        _normalizer = Normalizer.Search;
        _segmenter = segmenter;
        _stemmer = stem ? LightStemmer.Instance : null;
        var words = stopWords?.Select(w => _normalizer.NormalizeToString(w)).ToList() ?? [.. StopWords.Arabic.Words];
        _stopWords = CharArraySet.Copy(Version, words);
    }

    /// <summary>Component id with versions of its parts, used as evidence.</summary>
    public string Id => $"analyzer.ar/{Tokenizer.Id}+{_normalizer.Id}+{StopWords.Arabic.Id}" + (_stemmer is null ? string.Empty : "+" + _stemmer.Id);

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new RasidArabicTokenizer(reader, _normalizer, _segmenter);
        TokenStream result = new LowerCaseFilter(Version, source);
        if (_stopWords.Count > 0) result = new StopFilter(Version, result, _stopWords);
        if (_stemmer is not null) result = new LightStemFilter(result, _stemmer);
        return new TokenStreamComponents(source, result);
    }
}
