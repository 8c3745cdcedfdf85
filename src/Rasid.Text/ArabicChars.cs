using System.Globalization;
using System.Runtime.CompilerServices;

namespace Rasid.Text;

/// <summary>Character classes used by the tokenizer and splitter, as named code points and ranges.</summary>
internal static class ArabicChars
{
    /// <summary>ـ tatweel (kashida).</summary>
    public const char Tatweel = '\u0640';
    /// <summary>، Arabic comma.</summary>
    public const char Comma = '\u060C';
    /// <summary>؛ Arabic semicolon.</summary>
    public const char Semicolon = '\u061B';
    /// <summary>؟ Arabic question mark.</summary>
    public const char QuestionMark = '\u061F';
    /// <summary>٫ Arabic decimal separator.</summary>
    public const char DecimalSeparator = '\u066B';
    /// <summary>٬ Arabic thousands separator.</summary>
    public const char ThousandsSeparator = '\u066C';
    /// <summary>۔ Arabic full stop (Urdu style).</summary>
    public const char FullStop = '\u06D4';
    /// <summary>ZWNJ, kept inside words.</summary>
    public const char ZeroWidthNonJoiner = '\u200C';
    /// <summary>ZWJ, kept inside words and emoji sequences.</summary>
    public const char ZeroWidthJoiner = '\u200D';

    /// <summary>True for letters of the Arabic blocks (base, supplement, extended-A, presentation forms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsArabicLetter(char c) =>
        (c >= '\u0620' && c <= '\u064A') || (c >= '\u066E' && c <= '\u06D3') || c == '\u06D5' ||
        (c >= '\u06EE' && c <= '\u06EF') || (c >= '\u06FA' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') ||
        (c >= '\u08A0' && c <= '\u08C9') || (c >= '\uFB50' && c <= '\uFDFB') || (c >= '\uFE70' && c <= '\uFEFC');

    /// <summary>True for Arabic combining marks (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsArabicMark(char c) =>
        (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == Tatweel || (c >= '\u0610' && c <= '\u061A') ||
        (c >= '\u06D6' && c <= '\u06ED') || (c >= '\u08CA' && c <= '\u08FF');

    /// <summary>True for Arabic letters, marks and tatweel: the characters of an Arabic word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsArabicWordChar(char c) => IsArabicLetter(c) || IsArabicMark(c);

    /// <summary>True for decimal digits of any script (ASCII, Arabic-Indic, Eastern Arabic-Indic...).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => char.IsDigit(c);

    /// <summary>True for sentence-final punctuation: . ! ? ؟ … ۔</summary>
    public static bool IsTerminator(char c) => c is '.' or '!' or '?' or QuestionMark or '\u2026' or FullStop or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    /// <summary>True for closing quotes and brackets that stay with the sentence they end.</summary>
    public static bool IsCloser(char c) => c is '"' or '\'' or '\u00BB' or '\u201D' or '\u2019' or ')' or ']' or '}' or '\u203A' or '\uFD3F' or '\u300D';

    /// <summary>True for letters that are not Arabic (Latin, Cyrillic, Greek...).</summary>
    public static bool IsOtherLetter(char c) => char.IsLetter(c) && !IsArabicLetter(c);

    /// <summary>True for combining marks of any script.</summary>
    public static bool IsCombining(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
