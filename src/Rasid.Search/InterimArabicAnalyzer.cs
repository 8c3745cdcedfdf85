using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Rasid.Core;
using Rasid.Text;
using LuceneTokenizer = Lucene.Net.Analysis.Tokenizer;

namespace Rasid.Search;

/// <summary>
/// INTERIM analyzer, to be replaced by <c>RasidArabicAnalyzer</c> from the text core (pass it through
/// <see cref="SearchIndexOptions.AnalyzerFactory"/>). Chain: Rasid.Text's <see cref="Rasid.Text.Tokenizer"/> (exact
/// offsets into the original text; punctuation and emoji dropped) → <see cref="InterimArabicNormalizationFilter"/>
/// (أ إ آ ٱ → ا, ة → ه, ى → ي, diacritics and tatweel removed, Latin lower-cased, Arabic-Indic digits → 0-9)
/// → <see cref="InterimArabicLightStemFilter"/> (strips the article ال with a leading و ف ب ك ل, a leading و on words of five letters or more,
/// and a few plural/pronoun suffixes). No stop words.
/// </summary>
public sealed class InterimArabicAnalyzer : Analyzer
{
    /// <summary>Id recorded with evaluation figures.</summary>
    public const string Id = "search.interim-ar/1";

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new RasidTokenizer(reader);
        TokenStream stream = new InterimArabicNormalizationFilter(source);
        stream = new InterimArabicLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

/// <summary>Lucene tokenizer over Rasid.Text's tokenizer: words, numbers, URLs, tags; offsets into the original text.</summary>
internal sealed class RasidTokenizer : LuceneTokenizer
{
    private static readonly Rasid.Text.Tokenizer Splitter = new();
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly List<TokenSpan> _spans = [];
    private string? _text;
    private int _next;

    public RasidTokenizer(TextReader reader)
        : base(reader)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_text is null)
        {
            _text = m_input.ReadToEnd();
            _spans.Clear();
            Splitter.Tokenize(_text, new TextRange(0, _text.Length), _spans);
            _next = 0;
        }

        while (_next < _spans.Count)
        {
            var span = _spans[_next++];
            if (span.Kind is TokenKind.Punctuation or TokenKind.Emoji) continue;
            var start = span.Range.Start;
            var end = span.Range.End;
            if (span.Kind is TokenKind.Hashtag or TokenKind.AtMention) start++; // #سوريا is searchable as سوريا
            if (end <= start) continue;
            _term.SetEmpty().Append(_text, start, end - start);
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
            return true;
        }

        return false;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text?.Length ?? 0);
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        _text = null;
        _spans.Clear();
        _next = 0;
    }
}

/// <summary>INTERIM normalization of search terms (see <see cref="InterimArabicAnalyzer"/>); works in place, offsets untouched.</summary>
internal sealed class InterimArabicNormalizationFilter : TokenFilter
{
    private const char AlefMadda = '\u0622';      // آ
    private const char AlefHamzaAbove = '\u0623'; // أ
    private const char AlefHamzaBelow = '\u0625'; // إ
    private const char AlefWasla = '\u0671';      // ٱ
    private const char Alef = '\u0627';           // ا
    private const char TehMarbuta = '\u0629';     // ة
    private const char Heh = '\u0647';            // ه
    private const char AlefMaksura = '\u0649';    // ى
    private const char Yeh = '\u064A';            // ي
    private const char Tatweel = '\u0640';        // ـ
    private const char SuperscriptAlef = '\u0670';

    private readonly ICharTermAttribute _term;

    public InterimArabicNormalizationFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var buffer = _term.Buffer;
            var length = Normalize(buffer, _term.Length);
            if (length == 0) continue; // a token of marks only
            _term.Length = length;
            return true;
        }

        return false;
    }

    /// <summary>Normalizes <paramref name="s"/>[0..length) in place; returns the new length.</summary>
    internal static int Normalize(char[] s, int length)
    {
        var w = 0;
        for (var r = 0; r < length; r++)
        {
            var c = s[r];
            switch (c)
            {
                case AlefMadda or AlefHamzaAbove or AlefHamzaBelow or AlefWasla:
                    c = Alef;
                    break;
                case TehMarbuta:
                    c = Heh;
                    break;
                case AlefMaksura:
                    c = Yeh;
                    break;
                case Tatweel or SuperscriptAlef:
                    continue;
                default:
                    if (c >= '\u064B' && c <= '\u065F') continue; // harakat, tanwin, shadda, sukun
                    if (c >= '\u0660' && c <= '\u0669') c = (char)('0' + (c - '\u0660')); // ٠-٩
                    else if (c >= '\u06F0' && c <= '\u06F9') c = (char)('0' + (c - '\u06F0')); // ۰-۹
                    else if (c < '\u0600') c = char.ToLowerInvariant(c);
                    break;
            }

            s[w++] = c;
        }

        return w;
    }

    /// <summary>Normalizes a string the same way (for tests and callers).</summary>
    internal static string Normalize(string text)
    {
        var buffer = text.ToCharArray();
        return new string(buffer, 0, Normalize(buffer, buffer.Length));
    }
}

/// <summary>INTERIM light stemmer on normalized terms (see <see cref="InterimArabicAnalyzer"/>).</summary>
internal sealed class InterimArabicLightStemFilter : TokenFilter
{
    // Normalized forms: وال بال كال فال لل ال ; then و (words of five letters or more); suffixes ها ات ون ين ان ه.
    private static readonly string[] ArticlePrefixes = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644"];
    private static readonly string[] Suffixes = ["\u0647\u0627", "\u0627\u062A", "\u0648\u0646", "\u064A\u0646", "\u0627\u0646", "\u0647"];
    private const char Waw = '\u0648';

    private readonly ICharTermAttribute _term;

    public InterimArabicLightStemFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var (start, length) = Stem(buffer, 0, _term.Length);
        if (start > 0) Array.Copy(buffer, start, buffer, 0, length);
        _term.Length = length;
        return true;
    }

    internal static (int Start, int Length) Stem(char[] s, int start, int length)
    {
        if (length == 0 || s[start] > '\u06FF' || s[start] < '\u0600') return (start, length);
        var stripped = false;
        foreach (var prefix in ArticlePrefixes)
        {
            if (length - prefix.Length >= 2 && Matches(s, start, prefix))
            {
                start += prefix.Length;
                length -= prefix.Length;
                stripped = true;
                break;
            }
        }

        if (!stripped && length > 4 && s[start] == Waw)
        {
            start++;
            length--;
        }

        foreach (var suffix in Suffixes)
        {
            if (length - suffix.Length >= 3 && Matches(s, start + length - suffix.Length, suffix))
            {
                length -= suffix.Length;
                break;
            }
        }

        return (start, length);
    }

    internal static string Stem(string term)
    {
        var buffer = term.ToCharArray();
        var (start, length) = Stem(buffer, 0, buffer.Length);
        return new string(buffer, start, length);
    }

    private static bool Matches(char[] s, int at, string affix)
    {
        for (var i = 0; i < affix.Length; i++)
        {
            if (s[at + i] != affix[i]) return false;
        }

        return true;
    }
}
