using System.Globalization;
using Rasid.Core;

namespace Rasid.Text;

/// <summary>A token found by the <see cref="Tokenizer"/>: its range in the original text and its kind.</summary>
/// <param name="Range">Range in the original text.</param>
/// <param name="Kind">Word, number, punctuation...</param>
public readonly record struct TokenSpan(TextRange Range, TokenKind Kind);

/// <summary>
/// Splits text into surface tokens with exact offsets: Arabic words (with their diacritics and tatweel),
/// Latin words, numbers (with . , ٫ ٬ separators between digits), URLs, e-mails, hashtags, mentions, emoji
/// and single punctuation marks (a run of dots is one token). Whitespace and control characters are skipped.
/// Thread-safe and allocation-free apart from the caller's output list.
/// </summary>
public sealed class Tokenizer
{
    /// <summary>Component id with version, used as evidence.</summary>
    public const string Id = "tokens.rules/1";

    /// <summary>Appends the tokens of <paramref name="range"/> of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public void Tokenize(string text, TextRange range, List<TokenSpan> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        if (range.End > text.Length) throw new ArgumentOutOfRangeException(nameof(range), $"range {range} is outside a text of length {text.Length}");
        var s = text.AsSpan(0, range.End);
        var i = range.Start;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || IsIgnorable(c))
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (TryUrl(s, i, out var end)) kind = TokenKind.Url;
            else if (TryEmail(s, i, out end)) kind = TokenKind.Email;
            else if ((c == '#' || c == '@') && TryTag(s, i, out end)) kind = c == '#' ? TokenKind.Hashtag : TokenKind.AtMention;
            else if (ArabicChars.IsArabicWordChar(c) && !(c == ArabicChars.Tatweel && !TatweelJoinsLetters(s, i)))
            {
                end = ScanArabicWord(s, i);
                kind = TokenKind.Word;
            }
            else if (c == ArabicChars.Tatweel)
            {
                end = ScanPunctuation(s, i);
                kind = TokenKind.Punctuation;
            }
            else if (ArabicChars.IsDigit(c))
            {
                end = ScanNumber(s, i);
                kind = TokenKind.Number;
            }
            else if (char.IsLetter(c))
            {
                end = ScanLatinWord(s, i);
                kind = TokenKind.Latin;
            }
            else if (IsEmojiStart(s, i))
            {
                end = ScanEmoji(s, i);
                kind = TokenKind.Emoji;
            }
            else
            {
                end = ScanPunctuation(s, i);
                kind = TokenKind.Punctuation;
            }

            output.Add(new TokenSpan(TextRange.FromBounds(start, end), kind));
            i = end;
        }
    }

    /// <summary>Convenience overload: all tokens of <paramref name="text"/>.</summary>
    public IReadOnlyList<TokenSpan> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new List<TokenSpan>();
        Tokenize(text, new TextRange(0, text.Length), output);
        return output;
    }

    /// <summary>Zero-width and bidi control characters: skipped between tokens.</summary>
    internal static bool IsIgnorable(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF' or '\u00AD' or '\u061C' ||
        (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || (char.IsControl(c) && !char.IsWhiteSpace(c));

    private static int ScanArabicWord(ReadOnlySpan<char> s, int i)
    {
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == ArabicChars.Tatweel && !TatweelJoinsLetters(s, i)) break;
            if (ArabicChars.IsArabicWordChar(c) || ArabicChars.IsCombining(c)) i++;
            else if ((c == ArabicChars.ZeroWidthNonJoiner || c == ArabicChars.ZeroWidthJoiner) && i + 1 < s.Length && ArabicChars.IsArabicWordChar(s[i + 1])) i++;
            else break;
        }

        return i;
    }

    /// <summary>
    /// True when the tatweel (kashida) run at <paramref name="i"/> stretches a word: Arabic letters on both sides
    /// (كـبير). A run at a word's edge is a dash (العالمـ، ـريتشارد) and becomes a punctuation token.
    /// </summary>
    private static bool TatweelJoinsLetters(ReadOnlySpan<char> s, int i)
    {
        var before = i - 1;
        while (before >= 0 && (s[before] == ArabicChars.Tatweel || ArabicChars.IsArabicMark(s[before]))) before--;
        var after = i;
        while (after < s.Length && (s[after] == ArabicChars.Tatweel || ArabicChars.IsArabicMark(s[after]))) after++;
        return before >= 0 && after < s.Length && ArabicChars.IsArabicLetter(s[before]) && ArabicChars.IsArabicLetter(s[after]);
    }

    private static int ScanNumber(ReadOnlySpan<char> s, int i)
    {
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (ArabicChars.IsDigit(c)) i++;
            else if (c is '.' or ',' or ArabicChars.DecimalSeparator or ArabicChars.ThousandsSeparator && i + 1 < s.Length && ArabicChars.IsDigit(s[i + 1])) i += 2;
            else break;
        }

        return i;
    }

    private static int ScanLatinWord(ReadOnlySpan<char> s, int i)
    {
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if ((char.IsLetterOrDigit(c) && !ArabicChars.IsArabicLetter(c)) || (ArabicChars.IsCombining(c) && !ArabicChars.IsArabicMark(c))) i++;
            else if (c is '\'' or '\u2019' or '-' && i + 1 < s.Length && char.IsLetter(s[i + 1]) && !ArabicChars.IsArabicLetter(s[i + 1])) i += 2;
            else if (c == '.' && i + 1 < s.Length && char.IsUpper(s[i + 1]) && i >= 1 && char.IsUpper(s[i - 1]) && (i + 2 >= s.Length || !char.IsLower(s[i + 2]))) i += 2; // U.S, U.N
            else break;
        }

        return i;
    }

    private static int ScanPunctuation(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) return i + 2;
        var end = i + 1;
        if (c == '.' || c == '-' || c == '!' || c == '?' || c == ArabicChars.QuestionMark || c == ArabicChars.Tatweel)
        {
            while (end < s.Length && s[end] == c) end++;
        }

        return end;
    }

    private static bool IsEmojiStart(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var cp = char.ConvertToUtf32(c, s[i + 1]);
            return cp is >= 0x1F000 and <= 0x1FAFF;
        }

        return c is >= '\u2600' and <= '\u27BF' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol;
    }

    private static int ScanEmoji(ReadOnlySpan<char> s, int i)
    {
        i += char.IsHighSurrogate(s[i]) ? 2 : 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3') i++;
            else if (c == '\uD83C' && i + 1 < s.Length && s[i + 1] is >= '\uDFFB' and <= '\uDFFF') i += 2; // skin tone
            else if (c == ArabicChars.ZeroWidthJoiner && i + 1 < s.Length && IsEmojiStart(s, i + 1)) i = ScanEmojiAtom(s, i + 1);
            else break;
        }

        return i;
    }

    private static int ScanEmojiAtom(ReadOnlySpan<char> s, int i) => i + (char.IsHighSurrogate(s[i]) ? 2 : 1);

    private static bool TryUrl(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i;
        var rest = s[i..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
              rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        end = i;
        while (end < s.Length && !char.IsWhiteSpace(s[end]) && s[end] is not ('"' or '<' or '>' or '\u00AB' or '\u00BB' or '\u060C')) end++;
        while (end > i && s[end - 1] is '.' or ',' or ')' or ';' or ':' or '!' or '?' or '\'' or '\u061F') end--;
        return end - i > 7;
    }

    private static bool TryEmail(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i;
        if (!IsEmailLocal(s[i])) return false;
        var j = i;
        while (j < s.Length && IsEmailLocal(s[j])) j++;
        if (j >= s.Length || s[j] != '@' || j == i) return false;
        var k = j + 1;
        var dots = 0;
        while (k < s.Length && (char.IsAsciiLetterOrDigit(s[k]) || s[k] == '-' || (s[k] == '.' && k + 1 < s.Length && char.IsAsciiLetterOrDigit(s[k + 1]))))
        {
            if (s[k] == '.') dots++;
            k++;
        }

        if (dots == 0) return false;
        end = k;
        return true;
    }

    private static bool IsEmailLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+';

    private static bool TryTag(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i + 1;
        while (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '_' || ArabicChars.IsArabicMark(s[end]))) end++;
        return end > i + 1;
    }
}
