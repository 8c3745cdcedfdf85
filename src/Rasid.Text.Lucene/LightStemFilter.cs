using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Rasid.Text.Lucene;

/// <summary>
/// Token filter applying Rasid's <see cref="LightStemmer"/> (Light10) to each term, unless the term is marked as a
/// keyword. Offsets are left as they are (they cover the whole original word).
/// </summary>
public sealed class LightStemFilter : TokenFilter
{
    private readonly LightStemmer _stemmer;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <summary>Creates the filter over <paramref name="input"/>.</summary>
    public LightStemFilter(TokenStream input, LightStemmer stemmer)
        : base(input)
    {
        _stemmer = stemmer ?? throw new ArgumentNullException(nameof(stemmer));
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_keyword.IsKeyword) return true;
        var buffer = _term.Buffer;
        var stem = _stemmer.StemRange(buffer.AsSpan(0, _term.Length));
        if (stem.Length != _term.Length)
        {
            if (stem.Start > 0) Array.Copy(buffer, stem.Start, buffer, 0, stem.Length);
            _term.Length = stem.Length;
        }

        return true;
    }
}
