using System.Text.RegularExpressions;
using Rasid.Core;

namespace Rasid.Text;

/// <summary>A line left out of analysis and the rule that removed it.</summary>
/// <param name="Range">The line's range in the original text (without its line break).</param>
/// <param name="Reason">Rule family, e.g. <c>advert</c>, <c>share-buttons</c>, <c>byline</c>.</param>
public readonly record struct BoilerplateLine(TextRange Range, string Reason);

/// <summary>What the cleaner found: paragraphs to analyse and lines removed, both as ranges into the original.</summary>
/// <param name="Paragraphs">Kept lines, trimmed of surrounding whitespace, in text order.</param>
/// <param name="Removed">Boilerplate lines, in text order.</param>
public sealed record CleanedText(IReadOnlyList<TextRange> Paragraphs, IReadOnlyList<BoilerplateLine> Removed);

/// <summary>
/// Finds the story's paragraphs and leaves out boilerplate lines scraped with it (adverts such as "Ad",
/// share buttons, bylines, "read also" links, credits, separators). Never changes the text: it only returns ranges.
/// Rules are data: <c>Lang/Ar/boilerplate.tsv</c>.
/// </summary>
public sealed class BoilerplateCleaner
{
    private readonly (string Reason, Regex Pattern)[] _rules;

    /// <summary>Creates a cleaner with the embedded rules.</summary>
    public BoilerplateCleaner()
    {
        var lines = LanguageResource.ReadLines("Ar/boilerplate.tsv", out var version);
        Version = version;
        _rules = lines.Select(ParseRule).ToArray();
    }

    /// <summary>Version of the rule file.</summary>
    public string Version { get; }

    /// <summary>Component id with version, used as evidence.</summary>
    public string Id => "boilerplate.rules/" + Version;

    /// <summary>Splits <paramref name="text"/> into paragraphs (one per non-empty line) and boilerplate lines.</summary>
    public CleanedText Clean(string text)
    {
        var paragraphs = new List<TextRange>();
        var removed = new List<BoilerplateLine>();
        foreach (var line in Lines(text))
        {
            var reason = Classify(text.AsSpan(line.Start, line.Length));
            if (reason is null) paragraphs.Add(line);
            else removed.Add(new BoilerplateLine(line, reason));
        }

        return new CleanedText(paragraphs, removed);
    }

    /// <summary>The non-empty lines of <paramref name="text"/>, trimmed of whitespace and invisible controls.</summary>
    public static IEnumerable<TextRange> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = IndexOfLineBreak(text, lineStart);
            var range = Trim(text, lineStart, lineEnd);
            if (!range.IsEmpty) yield return range;
            if (lineEnd >= text.Length) yield break;
            lineStart = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
        }
    }

    /// <summary>The reason a single line is boilerplate, or null when it is story text.</summary>
    public string? Classify(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Length > 300) return null;
        foreach (var (reason, pattern) in _rules)
        {
            if (pattern.IsMatch(line)) return reason;
        }

        return null;
    }

    private static int IndexOfLineBreak(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085') return i;
        }

        return text.Length;
    }

    private static TextRange Trim(string text, int start, int end)
    {
        while (start < end && IsTrimmable(text[start])) start++;
        while (end > start && IsTrimmable(text[end - 1])) end--;
        return TextRange.FromBounds(start, end);
    }

    private static bool IsTrimmable(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200E' or '\u200F' or '\uFEFF' or '\u202A' or '\u202B' or '\u202C' or '\u2066' or '\u2067' or '\u2068' or '\u2069';

    private static (string, Regex) ParseRule(string line)
    {
        var tab = line.IndexOf('\t');
        if (tab <= 0) throw new InvalidOperationException($"boilerplate rule without a tab: '{line}'");
        var pattern = new Regex("^(?:" + line[(tab + 1)..] + ")$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(200));
        return (line[..tab].Trim(), pattern);
    }
}
