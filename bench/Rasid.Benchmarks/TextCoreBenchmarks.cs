using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Rasid.Core;
using Rasid.Text;
using Rasid.Text.Lucene;
using Tokenizer = Rasid.Text.Tokenizer;

namespace Rasid.Benchmarks;

/// <summary>
/// One operation = the whole corpus (a few MB of Arabic news) through one pipeline, single-threaded.
/// Words/s is computed from the input word count (see <see cref="WordsPerSecondColumn"/>).
/// </summary>
[MemoryDiagnoser]
public class TextCoreBenchmarks
{
    private readonly Tokenizer _tokenizer = new();
    private readonly List<TokenSpan> _tokens = new(4096);
    private char[] _chars = new char[4096];
    private int[] _starts = new int[4096];
    private int[] _ends = new int[4096];
    private IReadOnlyList<string> _documents = [];
    private Analyzer _lucene = null!;
    private Analyzer _rasid = null!;
    private CliticSegmenter _segmenter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documents = NewsCorpus.Documents;
        _lucene = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        _rasid = new RasidArabicAnalyzer();
        _segmenter = CliticSegmenter.Default;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _lucene.Dispose();
        _rasid.Dispose();
    }

    /// <summary>Reference ceiling: count runs of Arabic letters, nothing else.</summary>
    [Benchmark(Description = "Scan letter runs (reference)")]
    public long ScanLetterRuns()
    {
        long runs = 0;
        foreach (var doc in _documents)
        {
            var inRun = false;
            foreach (var c in doc)
            {
                var letter = c >= '\u0621' && c <= '\u064A';
                if (letter && !inRun) runs++;
                inRun = letter;
            }
        }

        return runs;
    }

    [Benchmark(Description = "Rasid tokenize")]
    public long RasidTokenize()
    {
        long count = 0;
        foreach (var doc in _documents)
        {
            _tokens.Clear();
            _tokenizer.Tokenize(doc, new TextRange(0, doc.Length), _tokens);
            count += _tokens.Count;
        }

        return count;
    }

    /// <summary>Tokenize the original text, then search-normalize every token into reused buffers with its offset map.</summary>
    [Benchmark(Description = "Rasid tokenize + normalize (offset maps)")]
    public long RasidTokenizeNormalize()
    {
        long chars = 0;
        var normalizer = Normalizer.Search;
        foreach (var doc in _documents)
        {
            _tokens.Clear();
            _tokenizer.Tokenize(doc, new TextRange(0, doc.Length), _tokens);
            foreach (var token in _tokens)
            {
                var source = doc.AsSpan(token.Range.Start, token.Range.Length);
                var n = normalizer.Normalize(source, _chars, _starts, _ends);
                if (n < 0)
                {
                    Grow(Normalizer.GetMaxNormalizedLength(source.Length));
                    n = normalizer.Normalize(source, _chars, _starts, _ends);
                }

                chars += n;
            }
        }

        return chars;
    }

    /// <summary>
    /// Tokenize, search-normalize every token (offset maps), and split every Arabic word token into its syntactic
    /// words with <see cref="CliticSegmenter.Segment(string, TextRange, Span{CliticPiece})"/> (the default model).
    /// </summary>
    [Benchmark(Description = "Rasid tokenize + normalize + segment")]
    public long RasidTokenizeNormalizeSegment() => TokenizeNormalizeSegment(_documents, _tokenizer, _tokens, _segmenter, ref _chars, ref _starts, ref _ends);

    /// <summary>The body of <see cref="RasidTokenizeNormalizeSegment"/>; returns normalized chars plus a checksum of the pieces.</summary>
    internal static long TokenizeNormalizeSegment(IReadOnlyList<string> documents, Tokenizer tokenizer, List<TokenSpan> tokens, CliticSegmenter segmenter, ref char[] chars, ref int[] starts, ref int[] ends)
    {
        long sum = 0;
        var normalizer = Normalizer.Search;
        Span<CliticPiece> pieces = stackalloc CliticPiece[5];
        foreach (var doc in documents)
        {
            tokens.Clear();
            tokenizer.Tokenize(doc, new TextRange(0, doc.Length), tokens);
            foreach (var token in tokens)
            {
                var source = doc.AsSpan(token.Range.Start, token.Range.Length);
                var n = normalizer.Normalize(source, chars, starts, ends);
                if (n < 0)
                {
                    var size = Normalizer.GetMaxNormalizedLength(source.Length);
                    chars = new char[size];
                    starts = new int[size];
                    ends = new int[size];
                    n = normalizer.Normalize(source, chars, starts, ends);
                }

                sum += n;
                if (token.Kind != TokenKind.Word) continue;
                var count = segmenter.Segment(doc, token.Range, pieces);
                for (var k = 0; k < count; k++)
                {
                    var piece = pieces[k];
                    sum = (sum * 31) + (piece.Range.Start * 7) + piece.Range.End + ((int)piece.Role * 3) + (piece.Definite ? 1 : 0) + (piece.ElidedArticle ? 2 : 0);
                }
            }
        }

        return sum;
    }

    /// <summary>Normalize whole documents (with offset maps) into reused buffers, no tokenization.</summary>
    [Benchmark(Description = "Rasid normalize whole text (offset maps)")]
    public long RasidNormalizeText()
    {
        long chars = 0;
        var normalizer = Normalizer.Search;
        foreach (var doc in _documents)
        {
            var n = normalizer.Normalize(doc, _chars, _starts, _ends);
            if (n < 0)
            {
                Grow(Normalizer.GetMaxNormalizedLength(doc.Length));
                n = normalizer.Normalize(doc, _chars, _starts, _ends);
            }

            chars += n;
        }

        return chars;
    }

    [Benchmark(Description = "RasidArabicAnalyzer (Lucene token stream)")]
    public long RasidAnalyzer() => Consume(_rasid);

    [Benchmark(Baseline = true, Description = "Lucene.NET ArabicAnalyzer")]
    public long LuceneArabicAnalyzer() => Consume(_lucene);

    private void Grow(int size)
    {
        _chars = new char[size];
        _starts = new int[size];
        _ends = new int[size];
    }

    private long Consume(Analyzer analyzer)
    {
        long terms = 0;
        foreach (var doc in _documents)
        {
            using var stream = analyzer.GetTokenStream("body", new StringReader(doc));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) terms += term.Length;
            stream.End();
        }

        return terms;
    }
}
