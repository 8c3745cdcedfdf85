using BenchmarkDotNet.Attributes;
using Rasid.Core;
using Rasid.Nlp;
using Rasid.Nlp.Entities;

namespace Rasid.Benchmarks;

/// <summary>
/// The NLP stages one at a time: NER + linking (the entities stage), the NER tagger alone (features + Viterbi, no
/// dictionary or linking), times, quotes and events. One operation = one stage over <see cref="Articles"/>
/// SaudiNewsNet articles (<see cref="NewsCorpus"/>), single-threaded, with the earlier layers computed once in the
/// set-up; each operation works on fresh copies of the documents whose own layers are empty (copies share the
/// earlier layers, which a stage only reads). Allocations per operation come from the MemoryDiagnoser;
/// words/s from the input words of those articles (<see cref="Words"/>, used by <see cref="WordsPerSecondColumn"/>).
/// </summary>
[MemoryDiagnoser]
public class NlpStageBenchmarks
{
    /// <summary>Articles per operation: enough for stable figures, few enough for a short run on a shared machine.</summary>
    public const int Articles = 200;

    private readonly RasidPipeline _pipeline = RasidPipeline.CreateDefault();
    private readonly Dictionary<string, IDocumentComponent> _stages = [];
    private List<Document> _prepared = [];
    private List<string[]> _sentenceTokens = [];
    private NerModel _ner = null!;
    private NerFeatures _features = null!;

    /// <summary>Input words (whitespace-separated) of the benchmark articles.</summary>
    public static long Words => LazyWords.Value;

    private static readonly Lazy<long> LazyWords = new(() => NewsCorpus.Documents.Take(Articles).Sum(d => (long)d.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));

    [GlobalSetup]
    public void Setup()
    {
        foreach (var c in _pipeline.Components) _stages[c.Id.Split('/')[0]] = c;
        _prepared = NewsCorpus.Documents.Take(Articles)
            .Select(text => _pipeline.Analyze(text, new ArticleInfo { Published = new DateOnly(2015, 7, 22) }))
            .ToList();
        _ner = NerModel.Default ?? throw new InvalidOperationException("the NER model is not built in");
        _features = new NerFeatures(EntityLexicon.Default);
        _sentenceTokens = _prepared.SelectMany(d => d.Sentences.Select(s => d.Tokens.Where(t => t.Start >= s.Start && t.End <= s.End).Select(t => t.Text).ToArray()))
            .Where(t => t.Length > 0).ToList();
    }

    [Benchmark(Description = "NER + linking (entities stage)")]
    public int Entities() => Run("entities");

    [Benchmark(Description = "NER tagger only (features + Viterbi)")]
    public int NerTagger()
    {
        var n = 0;
        foreach (var tokens in _sentenceTokens) n += _ner.Decode(_features.Extract(tokens, _ner.Memory), out _).Length;
        return n;
    }

    [Benchmark(Description = "Times")]
    public int Times() => Run("times.rules");

    [Benchmark(Description = "Quotes")]
    public int Quotes() => Run("quotes.rules");

    [Benchmark(Description = "Events")]
    public int Events() => Run("events.coder");

    private int Run(string stage)
    {
        var component = _stages[stage];
        var n = 0;
        foreach (var prepared in _prepared)
        {
            var document = Fresh(prepared, component.Adds);
            component.Process(document, CancellationToken.None);
            n += document.Entities.Count + document.Times.Count + document.Quotes.Count + document.Events.Count;
        }

        return n;
    }

    /// <summary>A copy of an analysed document sharing its layers except those <paramref name="adds"/> names, which are empty.</summary>
    internal static Document Fresh(Document d, AnnotationLayers adds) => new()
    {
        Id = d.Id, Published = d.Published, Title = d.Title, Url = d.Url, Source = d.Source, Language = d.Language, Text = d.Text,
        Removed = d.Removed, Sentences = d.Sentences, Tokens = d.Tokens,
        Entities = adds.HasFlag(AnnotationLayers.Entities) ? [] : d.Entities,
        Times = adds.HasFlag(AnnotationLayers.Times) ? [] : d.Times,
        Quotes = adds.HasFlag(AnnotationLayers.Quotes) ? [] : d.Quotes,
        Events = adds.HasFlag(AnnotationLayers.Events) ? [] : d.Events,
    };
}
