using System.Collections.Frozen;
using Rasid.Core;

namespace Rasid.Text;

/// <summary>
/// Splits paragraphs into sentences at . ! ? ؟ … (with closing quotes and brackets kept in the sentence),
/// never inside numbers (3.5), abbreviations (أ.ف.ب، د.، Dr.) or addresses. A paragraph break always ends a
/// sentence. Ranges are trimmed and point into the original text. Thread-safe.
/// </summary>
public sealed class SentenceSplitter
{
    private readonly FrozenSet<string> _abbreviations;

    /// <summary>Creates a splitter with the embedded abbreviation list.</summary>
    public SentenceSplitter()
    {
        var lines = LanguageResource.ReadLines("Ar/abbreviations.txt", out var version);
        Version = version;
        _abbreviations = lines.Select(l => l.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Version of the abbreviation list.</summary>
    public string Version { get; }

    /// <summary>Component id with version, used as evidence.</summary>
    public string Id => "sentences.rules/" + Version;

    /// <summary>Appends the sentences of one paragraph to <paramref name="output"/>.</summary>
    public void Split(string text, TextRange paragraph, List<TextRange> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var end = paragraph.End;
        var start = paragraph.Start;
        for (var i = paragraph.Start; i < end; i++)
        {
            var c = text[i];
            if (!ArabicChars.IsTerminator(c)) continue;
            if (c == '.' && !IsSentenceFinalPeriod(text, i, end)) continue;
            var j = i + 1;
            while (j < end && (ArabicChars.IsTerminator(text[j]) || ArabicChars.IsCloser(text[j]))) j++;
            if (j < end && !char.IsWhiteSpace(text[j])) continue;
            Emit(text, start, j, output);
            start = j;
            i = j - 1;
        }

        Emit(text, start, end, output);
    }

    /// <summary>Sentences of all <paramref name="paragraphs"/>.</summary>
    public List<TextRange> Split(string text, IEnumerable<TextRange> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var output = new List<TextRange>();
        foreach (var paragraph in paragraphs) Split(text, paragraph, output);
        return output;
    }

    private bool IsSentenceFinalPeriod(string text, int i, int end)
    {
        if (i + 1 < end && (char.IsLetterOrDigit(text[i + 1]) || ArabicChars.IsArabicMark(text[i + 1]))) return false; // 3.5, أ.ف.ب, example.com
        var wordStart = i;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '[' or '«' or '"')) wordStart--;
        var word = text.AsSpan(wordStart, i - wordStart);
        if (word.IsEmpty) return true;
        if (_abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            // "2015 م." ends a sentence: a one-letter era marker after a number is not an abbreviation of a name.
            return word.Length == 1 && PreviousWordIsNumber(text, wordStart);
        }

        var lastDot = word.LastIndexOf('.');
        var lastPart = lastDot >= 0 ? word[(lastDot + 1)..] : word;
        if (lastPart.Length == 1 && char.IsLetter(lastPart[0]))
        {
            return ArabicChars.IsArabicLetter(lastPart[0]) ? PreviousWordIsNumber(text, wordStart) && lastDot < 0 : false;
        }

        return true;
    }

    private static bool PreviousWordIsNumber(string text, int wordStart)
    {
        var k = wordStart - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k])) k--;
        return k >= 0 && char.IsDigit(text[k]);
    }

    private static void Emit(string text, int start, int end, List<TextRange> output)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || Tokenizer.IsIgnorable(text[start]))) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || Tokenizer.IsIgnorable(text[end - 1]))) end--;
        if (end > start) output.Add(TextRange.FromBounds(start, end));
    }
}
