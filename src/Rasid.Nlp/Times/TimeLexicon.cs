namespace Rasid.Nlp.Times;

/// <summary>An entry of the time lexicon: folded words, value, and whether it needs a date context.</summary>
internal sealed record TimeEntry(string Category, string[] Words, string Value, bool Ambiguous);

/// <summary>The time-expression lexicon (Times/times-ar.tsv), indexed by category and first folded word.</summary>
internal sealed class TimeLexicon
{
    private readonly Dictionary<string, Dictionary<string, List<TimeEntry>>> _byCategory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<TimeEntry>>.AlternateLookup<ReadOnlySpan<char>>> _lookups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;

    public TimeLexicon(IEnumerable<string[]> rows, string version)
    {
        Version = version;
        foreach (var row in rows)
        {
            if (row.Length < 2) throw new FormatException($"times lexicon: bad row '{string.Join("\t", row)}'");
            var words = ArabicFold.FoldWords(row[1]);
            var entry = new TimeEntry(row[0], words, row.Length > 2 ? row[2] : "", row.Length > 3 && row[3] == "ambiguous");
            if (!_byCategory.TryGetValue(row[0], out var index)) _byCategory[row[0]] = index = new(StringComparer.Ordinal);
            if (!index.TryGetValue(words[0], out var list)) index[words[0]] = list = [];
            list.Add(entry);
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length)); // longest first
            _firstWords.Add(words[0]);
        }

        foreach (var (category, index) in _byCategory) _lookups[category] = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordLookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Version { get; }

    public static TimeLexicon Default { get; } = Load();

    private static TimeLexicon Load()
    {
        var rows = LexiconFile.Read("Rasid.Nlp.Times.times-ar.tsv", out var version);
        return new TimeLexicon(rows, version);
    }

    /// <summary>Entries of <paramref name="category"/> whose first word is <paramref name="firstWord"/> (folded).</summary>
    public IReadOnlyList<TimeEntry> Candidates(string category, string firstWord) =>
        _byCategory.TryGetValue(category, out var index) && index.TryGetValue(firstWord, out var list) ? list : [];

    /// <summary>
    /// <see cref="Candidates(string, string)"/> for a span of a token: no string is built, and a word that starts no
    /// entry of any category is rejected with one look-up.
    /// </summary>
    public IReadOnlyList<TimeEntry> Candidates(string category, ReadOnlySpan<char> firstWord) =>
        _firstWordLookup.Contains(firstWord) && _lookups.TryGetValue(category, out var index) && index.TryGetValue(firstWord, out var list) ? list : [];

    /// <summary>Whether <paramref name="word"/>, or the word without a leading ال (when more than one letter follows), starts an entry of any category.</summary>
    public bool StartsEntry(ReadOnlySpan<char> word) =>
        _firstWordLookup.Contains(word) || (word.Length > 3 && word.StartsWith("ال", StringComparison.Ordinal) && _firstWordLookup.Contains(word[2..]));

    public bool Has(string category, string word) => Candidates(category, word).Any(e => e.Words.Length == 1);
}
