using Lucene.Net.Analysis.TokenAttributes;
using Rasid.Core;
using LuceneTokenizer = Lucene.Net.Analysis.Tokenizer;

namespace Rasid.Text.Lucene;

/// <summary>
/// Lucene tokenizer that runs Rasid's <see cref="Rasid.Text.Tokenizer"/> on the original text, optionally splits words
/// into clitics with an <see cref="ICliticSegmenter"/>, and writes each token (or part) search-normalized by the
/// <see cref="Normalizer"/>. Offsets point into the original text (through <c>CorrectOffset</c>, so char filters
/// keep working), which is what the Highlighter needs. Punctuation and emoji are not indexed; tokens that normalize
/// to nothing (a lone control or diacritic) are skipped. The token type is the <see cref="TokenKind"/> name.
/// </summary>
public sealed class RasidArabicTokenizer : LuceneTokenizer
{
    private static readonly Tokenizer SharedTokenizer = new();
    private static readonly string[] KindNames = Enum.GetValues<TokenKind>().Select(k => k.ToString()).ToArray();

    private readonly Normalizer _normalizer;
    private readonly ICliticSegmenter? _segmenter;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<TokenSpan> _tokens = [];
    private readonly List<int> _splits = [];
    private string _text = string.Empty;
    private int _next;
    private TokenSpan _current;
    private int _partIndex = -1;
    private char[] _buffer = new char[64];

    /// <summary>Creates the tokenizer over <paramref name="input"/>.</summary>
    /// <param name="input">The text to analyze.</param>
    /// <param name="normalizer">Normalizer applied to every token (normally <see cref="Normalizer.Search"/>).</param>
    /// <param name="segmenter">Optional clitic segmenter; when null, words are indexed whole.</param>
    public RasidArabicTokenizer(TextReader input, Normalizer normalizer, ICliticSegmenter? segmenter = null)
        : base(input)
    {
        _normalizer = normalizer ?? throw new ArgumentNullException(nameof(normalizer));
        _segmenter = segmenter;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        while (true)
        {
            if (_partIndex >= 0 && _partIndex <= _splits.Count)
            {
                var range = _current.Range;
                var start = _partIndex == 0 ? range.Start : range.Start + _splits[_partIndex - 1];
                var end = _partIndex == _splits.Count ? range.End : range.Start + _splits[_partIndex];
                _partIndex++;
                if (Emit(TextRange.FromBounds(start, end), _current.Kind)) return true;
                continue;
            }

            _partIndex = -1;
            if (_next >= _tokens.Count) return false;
            _current = _tokens[_next++];
            if (_current.Kind is TokenKind.Punctuation or TokenKind.Emoji) continue;
            _splits.Clear();
            if (_segmenter is not null && _current.Kind == TokenKind.Word)
            {
                _segmenter.Segment(_text.AsSpan(_current.Range.Start, _current.Range.Length), _splits);
                ValidateSplits(_current.Range.Length);
            }

            _partIndex = 0;
        }
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd();
        _tokens.Clear();
        SharedTokenizer.Tokenize(_text, new TextRange(0, _text.Length), _tokens);
        _next = 0;
        _partIndex = -1;
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text = string.Empty;
            _tokens.Clear();
        }

        base.Dispose(disposing);
    }

    private bool Emit(TextRange range, TokenKind kind)
    {
        var source = _text.AsSpan(range.Start, range.Length);
        var n = _normalizer.Normalize(source, _buffer);
        if (n < 0)
        {
            _buffer = new char[Normalizer.GetMaxNormalizedLength(source.Length)];
            n = _normalizer.Normalize(source, _buffer);
        }

        if (n == 0) return false;
        _term.CopyBuffer(_buffer, 0, n);
        _offset.SetOffset(CorrectOffset(range.Start), CorrectOffset(range.End));
        _type.Type = (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : kind.ToString();
        _position.PositionIncrement = 1;
        return true;
    }

    private void ValidateSplits(int length)
    {
        var previous = 0;
        foreach (var split in _splits)
        {
            if (split <= previous || split >= length)
            {
                throw new InvalidOperationException($"clitic segmenter returned split point {split} for a word of length {length}: split points must increase strictly inside the word");
            }

            previous = split;
        }
    }
}
