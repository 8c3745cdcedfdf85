namespace Rasid.Nlp.Quotes;

/// <summary>A span in quotation marks: positions of the marks and of the trimmed content inside.</summary>
internal readonly record struct QuotedSpan(int Open, int Close, int ContentStart, int ContentEnd, bool Closed);

/// <summary>
/// Finds quotation-mark spans per paragraph: « », “ ”, ‘ ’ nest; straight " and ' pair in order. A quote
/// opened and never closed in its paragraph runs to the paragraph's end (it never crosses a blank line).
/// </summary>
internal static class QuoteMarks
{
    public static List<QuotedSpan> Find(string text)
    {
        var result = new List<QuotedSpan>();
        var p = 0;
        while (p < text.Length)
        {
            var end = text.IndexOf('\n', p);
            if (end < 0) end = text.Length;
            Paragraph(text, p, end, result);
            p = end + 1;
        }

        result.Sort((a, b) => a.Open.CompareTo(b.Open));
        return result;
    }

    private static void Paragraph(string text, int from, int to, List<QuotedSpan> result)
    {
        var stack = new Stack<(char Closer, int Open)>();
        int? straight = null;
        int? single = null;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '«': stack.Push(('»', i)); break;
                case '{' when IsOpenerContext(text, i, from): stack.Push(('»', i)); break; // some outlets type { for «
                case '‘' when IsOpenerContext(text, i, from): stack.Push(('’', i)); break;
                case '»' or '’':
                    if (stack.Count > 0 && stack.Peek().Closer == c) Add(text, stack.Pop().Open, i, true, result);
                    break;
                case '"' or '“' or '”':
                    // one family: writers mix them, and right-to-left typing often swaps “ and ”
                    if (straight is { } s) { Add(text, s, i, true, result); straight = null; }
                    else straight = i;
                    break;
                case '\'':
                    // only as a quotation mark at a word boundary, never inside a word (transliterations)
                    if (single is { } q && IsCloserContext(text, i, to)) { Add(text, q, i, true, result); single = null; }
                    else if (single is null && IsOpenerContext(text, i, from)) single = i;
                    break;
            }
        }

        var trimmedEnd = to;
        while (trimmedEnd > from && char.IsWhiteSpace(text[trimmedEnd - 1])) trimmedEnd--;
        if (straight is { } open) Add(text, open, trimmedEnd, false, result);
        while (stack.Count > 0) Add(text, stack.Pop().Open, trimmedEnd, false, result);
    }

    private static bool IsOpenerContext(string text, int i, int from) =>
        (i == from || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or ':' or '،') && i + 1 < text.Length && char.IsLetter(text[i + 1]);

    private static bool IsCloserContext(string text, int i, int to) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= to || !char.IsLetter(text[i + 1]));

    private static void Add(string text, int open, int close, bool closed, List<QuotedSpan> result)
    {
        var s = open + 1;
        var e = close;
        while (s < e && (char.IsWhiteSpace(text[s]) || text[s] is '.' or '،' or ',' or ':' or '؛')) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is '.' or '،' or ',' or '؛' or ':')) e--;
        if (e > s) result.Add(new QuotedSpan(open, close, s, e, closed));
    }
}
