using Rasid.Core;
using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>A token of a sentence seen by the event coder: its range, folded form and candidate stems.</summary>
internal sealed class ViewToken(int start, int end, string text, TokenKind kind, string? upos = null)
{
    private StemCandidate[]? _candidates;

    public int Start { get; } = start;
    public int End { get; } = end;
    public string Text { get; } = text;
    public TokenKind Kind { get; } = kind;
    public string Folded { get; } = kind == TokenKind.Word ? ArabicFold.Fold(text) : text;
    public bool IsWord => Kind == TokenKind.Word && Folded.Length > 0;
    /// <summary>The tagger's UPOS of the token's stem word (its longest syntactic word), or null when no tagger ran.</summary>
    public string? Upos { get; } = upos;

    /// <summary>Candidate stems after stripping clitics (words only).</summary>
    public StemCandidate[] Candidates => _candidates ??= IsWord ? ArabicFold.Candidates(Folded) : [];

    /// <summary>True when some candidate stem (any proclitic) equals <paramref name="stem"/>.</summary>
    public bool HasStem(string stem)
    {
        if (!IsWord) return false;
        if (Folded == stem) return true;
        foreach (var c in Candidates)
        {
            if (c.Stem == stem && !c.ImperfectPrefix) return true;
        }

        return false;
    }
}

/// <summary>The tokens of one sentence (punctuation included, so clause boundaries stay visible).</summary>
internal sealed class SentenceView
{
    public SentenceView(string text, TextRange range, IReadOnlyList<ViewToken> tokens)
    {
        Text = text;
        Range = range;
        Tokens = tokens;
    }

    public string Text { get; }
    public TextRange Range { get; }
    public IReadOnlyList<ViewToken> Tokens { get; }

    /// <summary>The sentences of an analysed document.</summary>
    public static List<SentenceView> FromDocument(Document document)
    {
        var result = new List<SentenceView>(document.Sentences.Count);
        var t = 0;
        foreach (var sentence in document.Sentences)
        {
            while (t < document.Tokens.Count && document.Tokens[t].End <= sentence.Start) t++;
            var end = t;
            while (end < document.Tokens.Count && document.Tokens[end].Start < sentence.End) end++;
            var tokens = new List<ViewToken>(end - t); // sized once: the list no longer grows token by token
            for (var k = t; k < end; k++)
            {
                var token = document.Tokens[k];
                tokens.Add(new ViewToken(token.Start, token.End, token.Text, token.Kind, StemUpos(token)));
            }

            result.Add(new SentenceView(document.Text, sentence.Range, tokens));
        }

        return result;
    }

    /// <summary>The UPOS of the longest syntactic word of a token (و+ب+القرار → the tag of القرار).</summary>
    private static string? StemUpos(Token token)
    {
        Word? best = null;
        foreach (var word in token.Words)
        {
            if (best is null || word.End - word.Start > best.End - best.Start) best = word;
        }

        return best?.Upos;
    }

    /// <summary>One sentence made of a whole raw text (training and evaluation data: one sentence per record).</summary>
    public static SentenceView FromText(string text, Tokenizer tokenizer)
    {
        var tokens = tokenizer.Tokenize(text).Select(s => new ViewToken(s.Range.Start, s.Range.End, s.Range.Slice(text), s.Kind)).ToList();
        return new SentenceView(text, new TextRange(0, text.Length), tokens);
    }

    /// <summary>Index of the first token whose range ends after <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].End > offset) return i;
        }

        return Tokens.Count;
    }
}
