namespace Rasid.Nlp.Evaluation;

/// <summary>Conversions between token conventions of UD Arabic treebanks.</summary>
public static class UdConventions
{
    /// <summary>True when any sentence holds a multi-word token.</summary>
    public static bool HasMultiwordTokens(IReadOnlyList<ConlluSentence> sentences) =>
        sentences.Any(s => s.Tokens.Any(t => t.IsMultiword));

    /// <summary>
    /// Rewrites PUD-style files, where clitics are tokens of their own written with SpaceAfter=No, into the
    /// UD multi-word-token form: a run of tokens joined by SpaceAfter=No whose boundary characters are both
    /// Arabic letters (و|جمعية, غير|ها) becomes one surface token whose words are the original tokens.
    /// </summary>
    public static List<ConlluSentence> MergeClitics(IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<ConlluSentence>(sentences.Count);
        foreach (var sentence in sentences)
        {
            var tokens = new List<ConlluToken>();
            var i = 0;
            var list = sentence.Tokens;
            while (i < list.Count)
            {
                var j = i;
                while (j + 1 < list.Count && !list[j].SpaceAfter && IsArabicLetter(list[j].Form[^1]) && IsArabicLetter(list[j + 1].Form[0])) j++;
                if (j == i) tokens.Add(list[i]);
                else
                {
                    var group = list.Skip(i).Take(j - i + 1).ToList();
                    tokens.Add(new ConlluToken(string.Concat(group.Select(t => t.Form)), group.SelectMany(t => t.Words).ToArray(), list[j].SpaceAfter));
                }

                i = j + 1;
            }

            result.Add(sentence with { Tokens = tokens });
        }

        return result;
    }

    /// <summary>Flattens multi-word tokens so that every syntactic word is a token (the PUD convention).</summary>
    public static List<ConlluSentence> WordsAsTokens(IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Select(s => s with
        {
            Tokens = s.Tokens.SelectMany(t => t.IsMultiword
                ? t.Words.Select((w, k) => new ConlluToken(w.Form, [w], k == t.Words.Count - 1 && t.SpaceAfter))
                : [t]).ToArray(),
        }).ToList();
    }

    internal static bool IsArabicLetter(char c) => c != '\u0640' && (c >= '\u0620' && c <= '\u064A') || (c >= '\u064B' && c <= '\u0652') || c == '\u0670' || (c >= '\u0671' && c <= '\u06D3');
}
