using Rasid.Core;

namespace Rasid.Text;

/// <summary>
/// Light10 light stemmer for Arabic (Larkey, Ballesteros &amp; Connell): removes at most one prefix (ال وال بال كال فال
/// لل و) and then each listed suffix (ها ان ات ون ين يه ية ه ة ي) once, right to left, only when enough letters remain.
/// Affixes and minimum lengths are data: <c>Lang/Ar/light10.tsv</c>. Expects search-normalized words
/// (<see cref="Normalizer.Search"/>). The stem is always a contiguous part of the word, so the stemmer returns a range
/// and allocates nothing. Thread-safe.
/// </summary>
public sealed class LightStemmer
{
    private readonly (string Affix, int MinRemaining)[] _prefixes;
    private readonly (string Affix, int MinRemaining)[] _suffixes;

    /// <summary>Creates a stemmer with the embedded affix lists.</summary>
    public LightStemmer()
    {
        var lines = LanguageResource.ReadLines("Ar/light10.tsv", out var version);
        Version = version;
        var prefixes = new List<(string, int)>();
        var suffixes = new List<(string, int)>();
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3 || !int.TryParse(parts[2], out var min) || min < 1 || parts[1].Length == 0)
            {
                throw new InvalidOperationException($"light10.tsv: expected 'prefix|suffix<TAB>affix<TAB>min remaining', got '{line}'");
            }

            var entry = (parts[1], min);
            switch (parts[0])
            {
                case "prefix": prefixes.Add(entry); break;
                case "suffix": suffixes.Add(entry); break;
                default: throw new InvalidOperationException($"light10.tsv: unknown kind '{parts[0]}' in '{line}'");
            }
        }

        _prefixes = [.. prefixes];
        _suffixes = [.. suffixes];
    }

    /// <summary>Shared instance.</summary>
    public static LightStemmer Instance { get; } = new();

    /// <summary>Version of the affix file.</summary>
    public string Version { get; }

    /// <summary>Component id with version, used as evidence.</summary>
    public string Id => "stem.light10/" + Version;

    /// <summary>The range of the stem inside <paramref name="word"/> (the whole word when nothing is removed).</summary>
    public TextRange StemRange(ReadOnlySpan<char> word)
    {
        var start = 0;
        var end = word.Length;
        foreach (var (affix, min) in _prefixes)
        {
            if (end - affix.Length >= min && word.StartsWith(affix, StringComparison.Ordinal))
            {
                start = affix.Length;
                break;
            }
        }

        foreach (var (affix, min) in _suffixes)
        {
            if (end - start - affix.Length >= min && word[start..end].EndsWith(affix, StringComparison.Ordinal)) end -= affix.Length;
        }

        return TextRange.FromBounds(start, end);
    }

    /// <summary>The stem of <paramref name="word"/>.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var range = StemRange(word);
        return range.Length == word.Length ? word : word.Substring(range.Start, range.Length);
    }
}
