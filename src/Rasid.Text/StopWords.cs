using System.Collections.Frozen;

namespace Rasid.Text;

/// <summary>
/// Arabic stop words for search (index and query time only): <c>Lang/Ar/stopwords.txt</c>, compared after search
/// normalization. The list holds قال, اليوم, أمس, بعد, قبل: never drop stop words before quote, time or event
/// extraction. Thread-safe.
/// </summary>
public sealed class StopWords
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StopWords()
    {
        var lines = LanguageResource.ReadLines("Ar/stopwords.txt", out var version);
        Version = version;
        _words = lines.Select(l => Normalizer.Search.NormalizeToString(l.Trim())).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded Arabic list (mohataher/arabic-stop-words, MIT).</summary>
    public static StopWords Arabic { get; } = new();

    /// <summary>Version of the list.</summary>
    public string Version { get; }

    /// <summary>Component id with version, used as evidence.</summary>
    public string Id => "stopwords.ar/" + Version;

    /// <summary>The search-normalized stop words.</summary>
    public IReadOnlyCollection<string> Words => _words;

    /// <summary>True when the search-normalized <paramref name="normalizedWord"/> is a stop word.</summary>
    public bool Contains(ReadOnlySpan<char> normalizedWord) => _lookup.Contains(normalizedWord);
}
