using BenchmarkDotNet.Attributes;
using Rasid.Core;
using Rasid.Nlp;
using Rasid.Nlp.Components;
using Rasid.Nlp.Tagging;

namespace Rasid.Benchmarks;

/// <summary>
/// The UPOS tagger and lemmatizer on the news corpus (<see cref="NewsCorpus"/>), single-threaded. The documents are
/// split into sentences, tokens and clitic words once in setup; one operation = tagging every sentence of the
/// corpus. Words/s is computed from the input word count (see <see cref="WordsPerSecondColumn"/>).
/// </summary>
[MemoryDiagnoser]
public class TaggerBenchmarks
{
    private readonly List<Document> _documents = [];
    private readonly List<TaggerInput[]> _sentences = [];
    private int[] _tags = new int[256];
    private IDocumentComponent _stage = null!;
    private PerceptronTagger _tagger = null!;

    [GlobalSetup]
    public void Setup()
    {
        var full = RasidPipeline.CreateDefault();
        var upToWords = new RasidPipeline(full.Components.TakeWhile(c => (c.Adds & AnnotationLayers.Tags) == 0));
        _stage = full.Components.First(c => (c.Adds & AnnotationLayers.Tags) != 0);
        _tagger = PerceptronTagger.Default;
        foreach (var text in NewsCorpus.Documents)
        {
            var document = upToWords.Analyze(text);
            _documents.Add(document);
            var t = 0;
            foreach (var sentence in document.Sentences)
            {
                var inputs = new List<TaggerInput>();
                while (t < document.Tokens.Count && document.Tokens[t].Start < sentence.End)
                {
                    var words = document.Tokens[t++].Words;
                    var prefix = TaggerRoles.ProcliticCount(words);
                    for (var k = 0; k < words.Count; k++)
                    {
                        inputs.Add(new TaggerInput(TaggerRoles.Form(words[k].Text, words[k].Feats), TaggerRoles.Role(k, words.Count, prefix)));
                    }
                }

                _sentences.Add([.. inputs]);
                if (inputs.Count > _tags.Length) _tags = new int[inputs.Count];
            }
        }
    }

    /// <summary>Tags only: features hashed from the word spans, scored against the weight table (no lemmas, no document updates).</summary>
    [Benchmark(Description = "Tagger: tag (spans, no lemmas)")]
    public long TagOnly()
    {
        long sum = 0;
        foreach (var sentence in _sentences)
        {
            _tagger.Tag(sentence, _tags);
            sum += _tags[0];
        }

        return sum;
    }

    /// <summary>Tags and lemmatizes: the lemma lookups added to <see cref="TagOnly"/>.</summary>
    [Benchmark(Description = "Tagger: tag + lemmatize")]
    public long TagAndLemmatize()
    {
        long sum = 0;
        foreach (var sentence in _sentences)
        {
            _tagger.Tag(sentence, _tags);
            for (var i = 0; i < sentence.Length; i++) sum += _tagger.Lemmatize(sentence[i].Form, _tagger.TagName(_tags[i])).Length;
        }

        return sum;
    }

    /// <summary>The pipeline stage (tags.perceptron): builds the inputs from the document's words and writes UPOS and lemma back.</summary>
    [Benchmark(Description = "Tagger stage (TagComponent)")]
    public int Stage()
    {
        foreach (var document in _documents) _stage.Process(document, CancellationToken.None);
        return _documents.Count;
    }
}
