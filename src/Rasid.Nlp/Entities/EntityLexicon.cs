using System.Globalization;
using System.Text.RegularExpressions;

namespace Rasid.Nlp.Entities;

/// <summary>One dated actor record: the same actor id may have several (dated roles).</summary>
internal sealed record ActorRecord(string Id, string? Canonical, string Type, string? Code, DateOnly? From, DateOnly? To, string Source)
{
    public bool Covers(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);

    public int Distance(DateOnly date) =>
        Covers(date) ? 0 : From is { } f && date < f ? f.DayNumber - date.DayNumber : To is { } t ? date.DayNumber - t.DayNumber : 0;
}

/// <summary>
/// A place: English name, ISO-3 country, kind (country, capital, city), coordinates when known, and whether it is one of the
/// hand-checked places of places.tsv (<c>Curated</c>): only those and countries are matched from the dictionary alone; the
/// world cities are too ambiguous with common words (مدينة is also Mdina, Malta) and only geocode what the NER found.
/// </summary>
internal sealed record PlaceRecord(string Name, string Country, string Kind, double? Lat, double? Lon, bool Curated = false);

/// <summary>A title naming an office holder in a period (الرئيس الروسي → putin, 2012–).</summary>
internal sealed record TitleRecord(string ActorId, DateOnly? From, DateOnly? To);

/// <summary>What a phrase of the lexicon can be.</summary>
internal sealed class LexEntry
{
    public List<ActorRecord> Actors { get; } = [];
    public PlaceRecord? Place { get; set; }
    public string? Nationality { get; set; }
    public string? InstitutionRole { get; set; }
    public List<TitleRecord> Titles { get; } = [];
    public bool FirstName { get; set; }
    public bool LastName { get; set; }
    public string? AgentRole { get; set; }
    public string? CuratedRole { get; set; }

    /// <summary>
    /// Whether a place or actor name stored under this key ends in ه/ة (سورية, السعودية). The key drops that letter so that
    /// روسية finds روسي, but a proper name written without it (<see cref="HasBareProperName"/>) must not be found in a word
    /// that has it — الرياضة "sport" is not الرياض, المالية "finance" not Mali, حماسه "his zeal" not Hamas.
    /// </summary>
    public bool HasHehProperName { get; set; }

    /// <summary>
    /// Whether a place name, a curated actor name, or a one-word UniversalPetrarch actor name that is not a nisba adjective
    /// (…ي, whose feminine is an inflection: تايلاندي/التايلاندية) is stored under this key without a final ه/ة.
    /// </summary>
    public bool HasBareProperName { get; set; }

    /// <summary>
    /// What this phrase is when its places and actors do not fit the matched word (a dropped final ه/ة, <see cref="ProperNamesNeedBareForm"/>;
    /// an article that they never or always have, <see cref="ProperNamesNeedArticle"/>, <see cref="ProperNamesRefuseArticle"/>): the entry
    /// without its places and actors, or null when nothing else is left. Set once the lexicon is built; null also when no view is needed.
    /// </summary>
    internal LexEntry? WithoutProperNames { get; set; }

    /// <summary>Whether this entry has places or actors that a word ending in a dropped ه/ة must not match.</summary>
    internal bool ProperNamesNeedBareForm => HasBareProperName && !HasHehProperName;

    /// <summary>Whether a place or curated actor name stored under this key is written with the article (الرقة، القاعدة، المغرب).</summary>
    public bool HasProperNameWithArticle { get; set; }

    /// <summary>Whether a place or curated actor name stored under this key is written without the article (غزة، مصر، حماس).</summary>
    public bool HasProperNameWithoutArticle { get; set; }

    /// <summary>
    /// Whether the places and actors of this entry are only found in a word that has the article (الرقة، والرقة، بالرقة، للرقة): the key
    /// drops ال, but ورقة "a paper" is not و + الرقة, قاعدة "a base" not القاعدة, مغرب "sunset" not المغرب.
    /// </summary>
    internal bool ProperNamesNeedArticle => HasProperNameWithArticle && !HasProperNameWithoutArticle;

    /// <summary>
    /// Whether the places and actors of this entry are only found in a word without the article: سيول (Seoul) is not السيول "the
    /// floods", حماس not الحماس "the zeal" (a nationality adjective such as السوري keeps its own part of the entry).
    /// </summary>
    internal bool ProperNamesRefuseArticle => HasProperNameWithoutArticle && !HasProperNameWithArticle;

    /// <summary>
    /// The NER feature names of this entry (<see cref="NerLexNames"/>), built by the first sentence that matches it and
    /// remembered (the entry is complete once the lexicon is built; a race builds equal copies).
    /// </summary>
    internal NerLexNames? NerNames { get; set; }
}

/// <summary>A lexicon phrase found in a token sequence.</summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="Length">Number of tokens.</param>
/// <param name="PrefixLength">Characters of the normalized first token that are proclitics (و ب ل ال ...).</param>
/// <param name="Entry">What the phrase is.</param>
internal readonly record struct LexMatch(int Start, int Length, int PrefixLength, LexEntry Entry);

/// <summary>
/// The entity lexicon: actor database (data/entities/actors.tsv, then the UniversalPetrarch seed), titles,
/// institutions, nationality adjectives, places and person names, keyed by normalized token sequences
/// (<see cref="ArabicForms.Key(string)"/>). Loaded once; immutable and thread-safe afterwards.
/// </summary>
internal sealed partial class EntityLexicon
{
    public const int MaxPhraseTokens = 6;
    private static readonly Lazy<EntityLexicon> Shared = new(() => new EntityLexicon(), LazyThreadSafetyMode.ExecutionAndPublication);
    /// <summary>Tokens of UniversalPetrarch names that are not part of the name (word_classes.tsv class <c>petrarch_filler</c>).</summary>
    private static readonly HashSet<string> PetrarchFillers = new(EntityData.WordClass(WordClassFile, "petrarch_filler"), StringComparer.Ordinal);
    /// <summary>Smaller world cities are left out: their Arabic labels are mostly noise or common words.</summary>
    private const long MinCityPopulation = 10_000;

    /// <summary>The file of the lexicon's and linker's word classes (data/entities/word_classes.tsv).</summary>
    internal const string WordClassFile = "word_classes.tsv";

    /// <summary>Nouns for a kind of place stripped from the front of world-cities names (word_classes.tsv class <c>place_prefix</c>, in order).</summary>
    private static readonly IReadOnlyList<string> PlacePrefixes = EntityData.WordClass(WordClassFile, "place_prefix");

    /// <summary>Keys of the nouns for a kind of place (مدينة، منطقة، قرية): alone they name no place (classes <c>place_prefix</c> and <c>place_noun</c>).</summary>
    private static readonly HashSet<string> PlaceNounKeys = new(PlacePrefixes.Concat(EntityData.WordClass(WordClassFile, "place_noun")).Select(TokenKey), StringComparer.Ordinal);

    /// <summary>
    /// Whether the one-word lexicon phrase at <paramref name="word"/> (normalized, clitics allowed) is a noun for a kind of
    /// place (المدينة "the city", not Medina; منطقة، قرية): such a word alone names no country.
    /// </summary>
    public static bool IsPlaceNoun(string word, int prefixLength) => PlaceNounKeys.Contains(ArabicForms.Key(word[prefixLength..]));

    private readonly Dictionary<string, LexEntry> phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ActorRecord>> actorsById = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefixes = new(StringComparer.Ordinal);
    private Dictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> phraseLookup;
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;
    private int maxKeyLength;

    /// <summary>The lexicon built from the embedded data files.</summary>
    public static EntityLexicon Default => Shared.Value;

    public string Version { get; }

    private EntityLexicon()
    {
        var versions = new List<string>();
        LoadNames();
        LoadPlaces(versions);
        LoadActors(versions);
        LoadPetrarchActors();
        LoadSmall("roles.tsv", versions, (e, r) => e.CuratedRole ??= r[1].Trim());
        LoadPetrarchAgents();
        LoadSmall("nationalities.tsv", versions, (e, r) => e.Nationality ??= r[1].Trim());
        LoadSmall("institutions.tsv", versions, (e, r) => e.InstitutionRole ??= r[1].Trim());
        LoadTitles(versions);
        BuildProperNameViews();
        IndexPrefixes();
        Version = string.Join('.', versions);
    }

    /// <summary>The key of one token (normalized, without ال and final ة).</summary>
    public static string TokenKey(string token) => ArabicForms.Key(ArabicForms.Normalize(token));

    /// <summary>The key of a phrase written as in text.</summary>
    public static string PhraseKey(string phrase) =>
        string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TokenKey));

    public LexEntry? Lookup(string phrase) => phrases.GetValueOrDefault(PhraseKey(phrase));

    /// <summary>The entry stored under an exact key (tokens already <see cref="ArabicForms.Key(string)"/>ed, joined by spaces).</summary>
    internal LexEntry? ByKey(string key) => phrases.GetValueOrDefault(key);

    public IReadOnlyList<ActorRecord> ActorRows(string id) => actorsById.TryGetValue(id, out var rows) ? rows : [];

    /// <summary>
    /// Lexicon phrases starting at token <paramref name="start"/> of <paramref name="normalized"/> (tokens already
    /// <see cref="ArabicForms.Normalize(string)"/>d), longest first. Only the first token may carry proclitics.
    /// </summary>
    public IReadOnlyList<LexMatch> MatchAt(IReadOnlyList<string> normalized, int start, Func<LexEntry, bool>? filter = null)
    {
        List<LexMatch>? result = null;
        var word = normalized[start].AsSpan();
        Span<int> prefixes = stackalloc int[ArabicForms.MaxCandidates];
        var count = ArabicForms.CandidatePrefixes(word, prefixes);
        Span<char> buffer = stackalloc char[maxKeyLength];
        var seenPrefix = 0; // bit per phrase length already matched with proclitics
        for (var c = 0; c < count; c++)
        {
            var prefix = prefixes[c];
            var stem = word[prefix..];
            var key = ArabicForms.Key(stem);
            if (key.Length < 2 || key.Length > maxKeyLength) continue;
            key.CopyTo(buffer);
            var length = key.Length;
            var hehDropped = DropsHeh(stem, key);
            // The article: on the stem itself (الرقة), or among the stripped proclitics (والرقة، بالرقة، للرقة).
            var hadArticle = ArabicForms.StripArticle(stem).Length < stem.Length
                             || (prefix >= 2 && (word.Slice(prefix - 2, 2).SequenceEqual(ArabicForms.Article) || (word[prefix - 1] == '\u0644' && word[prefix - 2] == '\u0644')));
            for (var len = 1; len <= MaxPhraseTokens && start + len <= normalized.Count; len++)
            {
                if (len > 1)
                {
                    var word2 = normalized[start + len - 1].AsSpan();
                    var next = ArabicForms.Key(word2);
                    if (length + 1 + next.Length > maxKeyLength) break;
                    buffer[length++] = ' ';
                    next.CopyTo(buffer[length..]);
                    length += next.Length;
                    hehDropped = DropsHeh(word2, next);
                }

                // No phrase of the lexicon starts with these words: no longer phrase can match either.
                var phrase = buffer[..length];
                if (!prefixLookup.Contains(phrase)) break;
                if (phraseLookup.TryGetValue(phrase, out var found) && View(found, hehDropped, hadArticle) is { } entry && (filter is null || filter(entry)))
                {
                    // The ال of the first word stays in the span unless more clitics precede it.
                    var spanPrefix = prefix;
                    if (prefix >= 2 && stem.Length + prefix == word.Length && word[(prefix - 2)..].StartsWith(ArabicForms.Article, StringComparison.Ordinal)) spanPrefix = prefix - 2;
                    var bit = 1 << len;
                    if (prefix == 0 || (seenPrefix & bit) == 0)
                    {
                        if (prefix != 0) seenPrefix |= bit;
                        (result ??= []).Add(new LexMatch(start, len, spanPrefix, entry));
                    }
                }
            }
        }

        if (result is null) return [];
        if (result.Count > 1) result.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : a.PrefixLength.CompareTo(b.PrefixLength));
        return result;
    }

    /// <summary>
    /// What a matched entry is for this word: without its places and actors (<see cref="LexEntry.WithoutProperNames"/>) when the
    /// key dropped the word's final ه/ة and they are named without it (<see cref="LexEntry.ProperNamesNeedBareForm"/>), when the
    /// word has no article and they are only named with it (<see cref="LexEntry.ProperNamesNeedArticle"/>), or when it has one and
    /// they are only named without it (<see cref="LexEntry.ProperNamesRefuseArticle"/>); null when nothing else is left.
    /// </summary>
    private static LexEntry? View(LexEntry found, bool hehDropped, bool hadArticle) =>
        (hehDropped && found.ProperNamesNeedBareForm) || (hadArticle ? found.ProperNamesRefuseArticle : found.ProperNamesNeedArticle) ? found.WithoutProperNames : found;

    /// <summary>Notes on the entry of a place or curated actor name (as written) its final ه/ة and its article (<see cref="NotingHeh"/>, <see cref="NotingArticle"/>).</summary>
    private static LexEntry NotingProperName(LexEntry entry, string name)
    {
        var normalized = ArabicForms.Normalize(name);
        return NotingArticle(NotingHeh(entry, normalized), normalized);
    }

    /// <summary>Notes on the entry of a place or curated actor name whether the name has the article.</summary>
    private static LexEntry NotingArticle(LexEntry entry, string normalizedName)
    {
        if (ArabicForms.StripArticle(normalizedName.AsSpan()).Length < normalizedName.Length) entry.HasProperNameWithArticle = true;
        else entry.HasProperNameWithoutArticle = true;
        return entry;
    }

    /// <summary>Whether <see cref="ArabicForms.Key(ReadOnlySpan{char})"/> dropped a final ه/ة of <paramref name="word"/> (the key is shorter than the word without its article).</summary>
    private static bool DropsHeh(ReadOnlySpan<char> word, ReadOnlySpan<char> key) => key.Length < ArabicForms.StripArticle(word).Length;

    /// <summary>
    /// Notes on the entry of a place or actor name whether the name ends in ه/ة (<see cref="LexEntry.HasHehProperName"/>) or
    /// not (<see cref="LexEntry.HasBareProperName"/>); a lemma-form name (UniversalPetrarch: حكومة_فلسطيني) counts as bare only
    /// when it is one word and not a nisba adjective.
    /// </summary>
    private static LexEntry NotingHeh(LexEntry entry, string normalizedName, bool lemmaForm = false)
    {
        var words = normalizedName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return entry;
        var last = words[^1];
        if (DropsHeh(last, ArabicForms.Key(last))) entry.HasHehProperName = true;
        else if (!lemmaForm || (words.Length == 1 && !last.EndsWith('\u064A'))) entry.HasBareProperName = true;
        return entry;
    }

    /// <summary>
    /// The reduced entries (<see cref="LexEntry.WithoutProperNames"/>) of the entries whose places and actors a word may not find:
    /// by its final ه/ة or by its article (<see cref="View"/>).
    /// </summary>
    private void BuildProperNameViews()
    {
        foreach (var entry in phrases.Values)
        {
            if (!entry.ProperNamesNeedBareForm && !entry.ProperNamesNeedArticle && !entry.ProperNamesRefuseArticle) continue;
            var view = new LexEntry
            {
                Nationality = entry.Nationality, InstitutionRole = entry.InstitutionRole, FirstName = entry.FirstName, LastName = entry.LastName,
                AgentRole = entry.AgentRole, CuratedRole = entry.CuratedRole,
            };
            view.Titles.AddRange(entry.Titles);
            var empty = view.Nationality is null && view.InstitutionRole is null && !view.FirstName && !view.LastName && view.AgentRole is null
                        && view.CuratedRole is null && view.Titles.Count == 0;
            entry.WithoutProperNames = empty ? null : view;
        }
    }

    /// <summary>
    /// Whether some phrase of the lexicon starts with this (normalized) word, with or without its proclitics: when not,
    /// <see cref="MatchAt"/> finds nothing at it whatever follows.
    /// </summary>
    public bool CanStartPhrase(ReadOnlySpan<char> word)
    {
        Span<int> prefixes = stackalloc int[ArabicForms.MaxCandidates];
        var count = ArabicForms.CandidatePrefixes(word, prefixes);
        for (var c = 0; c < count; c++)
        {
            var key = ArabicForms.Key(word[prefixes[c]..]);
            if (key.Length < 2 || key.Length > maxKeyLength) continue;
            if (prefixLookup.Contains(key)) return true;
        }

        return false;
    }

    /// <summary>Every phrase key and every leading run of its words ("a", "a b" of "a b c"), to stop extending a match early.</summary>
    private void IndexPrefixes()
    {
        foreach (var key in phrases.Keys)
        {
            maxKeyLength = Math.Max(maxKeyLength, key.Length);
            prefixes.Add(key);
            for (var i = key.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = key.IndexOf(' ', i + 1))
            {
                prefixes.Add(key[..i]);
            }
        }

        phraseLookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private LexEntry Entry(string key)
    {
        if (!phrases.TryGetValue(key, out var entry)) phrases[key] = entry = new LexEntry();
        return entry;
    }

    private void LoadNames()
    {
        foreach (var line in EntityData.RawLines("names/male-first-names.txt").Concat(EntityData.RawLines("names/female-first-names.txt")))
        {
            var key = PhraseKey(line);
            if (key.Length > 1) Entry(key).FirstName = true;
        }

        foreach (var line in EntityData.RawLines("names/last-names.txt"))
        {
            var key = PhraseKey(line);
            if (key.Length > 1) Entry(key).LastName = true;
        }
    }

    private void LoadPlaces(List<string> versions)
    {
        var placeRows = EntityData.Rows("places/places.tsv", out var v);
        foreach (var r in placeRows)
        {
            var place = new PlaceRecord(r[0], r[1], r[2], double.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture), Curated: true);
            foreach (var name in r[5].Split('|')) NotingProperName(Entry(PhraseKey(name)), name).Place ??= place;
        }

        versions.Add("places" + v);
        var coordinates = LoadCoordinates(versions);
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EntityData.RawLines("places/en_world.csv").Skip(1))
        {
            var f = EntityData.SplitCsv(line);
            if (f.Count >= 4) english[f[2]] = f[3];
        }

        var countryByArabic = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EntityData.RawLines("places/ar_world.csv").Skip(1))
        {
            var f = EntityData.SplitCsv(line);
            if (f.Count < 4) continue;
            var iso = f[2].ToUpperInvariant();
            var key = PhraseKey(f[3]);
            countryByArabic[key] = iso;
            var found = coordinates.TryGetValue(("country", iso, ""), out var c);
            NotingProperName(Entry(key), f[3]).Place ??= new PlaceRecord(english.GetValueOrDefault(f[2], iso), iso, "country", found ? c.Lat : null, found ? c.Lon : null);
        }

        var excluded = new HashSet<(string, string)>();
        var exclusions = EntityData.Rows("places/world-cities-exclude.tsv", out var xv);
        foreach (var r in exclusions)
        {
            if (r.Length >= 2) excluded.Add((r[0], r[1]));
        }

        versions.Add("xcities" + xv);
        foreach (var line in EntityData.RawLines("places/world-cities.csv").Skip(1))
        {
            var f = EntityData.SplitCsv(line.TrimStart('\uFEFF'));
            if (f.Count < 5 || !countryByArabic.TryGetValue(PhraseKey(f[0]), out var iso) || excluded.Contains((f[3], iso))) continue;
            if (!long.TryParse(f[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population) || population < MinCityPopulation) continue;
            var name = f[2].Trim();
            foreach (var p in PlacePrefixes)
            {
                if (name.StartsWith(p + " ", StringComparison.Ordinal)) name = name[(p.Length + 1)..];
            }

            var key = PhraseKey(ArabicForms.Normalize(name));
            if (key.Length < 3 || key.Count(c => c == ' ') > 2) continue;
            var found = coordinates.TryGetValue(("city", iso, f[3]), out var c);
            NotingProperName(Entry(key), name).Place ??= new PlaceRecord(f[3], iso, "city", found ? c.Lat : null, found ? c.Lon : null);
        }
    }

    /// <summary>
    /// Coordinates of the ISO countries and world cities (places/geonames-coords.tsv, built by tools/places/build-coords.js),
    /// keyed by (kind, ISO-3 country, English city name; "" for countries).
    /// </summary>
    private static Dictionary<(string Kind, string Country, string Name), (double Lat, double Lon)> LoadCoordinates(List<string> versions)
    {
        var result = new Dictionary<(string, string, string), (double, double)>();
        var rows = EntityData.Rows("places/geonames-coords.tsv", out var v);
        foreach (var r in rows)
        {
            if (r.Length < 5) throw new FormatException($"data/entities/places/geonames-coords.tsv: row '{string.Join(' ', r)}' needs 5 tab-separated fields");
            var key = (r[0], r[1], r[0] == "country" ? "" : r[2]);
            result.TryAdd(key, (double.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture)));
        }

        versions.Add("coords" + v);
        return result;
    }

    private void LoadActors(List<string> versions)
    {
        var actorRows = EntityData.Rows("actors.tsv", out var v);
        foreach (var r in actorRows)
        {
            if (r.Length < 7) throw new FormatException($"data/entities/actors.tsv: row '{string.Join(' ', r)}' needs 7 tab-separated fields");
            var record = new ActorRecord(r[0], Nullable(r[1]), r[2], Nullable(r[3]), ParseDate(r[4]), ParseDate(r[5]), "actors.tsv");
            AddActorRow(record);
            foreach (var name in r[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var entry = NotingProperName(Entry(PhraseKey(name)), name);
                if (!entry.Actors.Contains(record)) entry.Actors.Add(record);
            }
        }

        versions.Add("actors" + v);
    }

    private void AddActorRow(ActorRecord record)
    {
        if (!actorsById.TryGetValue(record.Id, out var list)) actorsById[record.Id] = list = [];
        list.Add(record);
    }

    [GeneratedRegex(@"\[\s*([A-Z~]+)\s*([^\]]*)\]")]
    private static partial Regex CodeRegex();

    /// <summary>Reads actor_dict_ar_v4.txt: "NAME_WORDS_ [CODE]" or a name line followed by indented "[CODE dates]" lines.</summary>
    private void LoadPetrarchActors()
    {
        LexEntry? current = null;
        string? currentName = null;
        var lineNo = 0;
        foreach (var raw in EntityData.RawLines("petrarch/actor_dict_ar_v4.txt"))
        {
            lineNo++;
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length == 0) continue;
            var indented = char.IsWhiteSpace(line[0]) && line.TrimStart().StartsWith('[');
            if (!indented)
            {
                var bracket = line.IndexOf('[', StringComparison.Ordinal);
                var namePart = (bracket >= 0 ? line[..bracket] : line).Trim();
                var normalized = namePart.Split('_', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(w => ArabicForms.Normalize(w)).Where(w => !PetrarchFillers.Contains(w)).ToArray();
                var words = normalized.Select(ArabicForms.Key).ToArray();
                if (words.Length == 0 || words.Any(w => w.Length == 0)) { current = null; continue; }
                currentName = string.Join(' ', words);
                current = NotingHeh(Entry(currentName), string.Join(' ', normalized), lemmaForm: true);
                if (bracket < 0) continue;
            }

            if (current is null) continue;
            foreach (Match m in CodeRegex().Matches(line))
            {
                var code = m.Groups[1].Value.TrimStart('~');
                var (from, to) = ParsePetrarchDates(m.Groups[2].Value);
                var record = new ActorRecord("petrarch:" + lineNo.ToString(CultureInfo.InvariantCulture), null, "", code, from, to, "petrarch");
                current.Actors.Add(record);
            }
        }
    }

    /// <summary>Reads agents.all.ar.txt: "ENGLISH_NAME [~ROLE] arabic phrase".</summary>
    private void LoadPetrarchAgents()
    {
        foreach (var raw in EntityData.RawLines("petrarch/agents_all_ar.txt"))
        {
            var m = CodeRegex().Match(raw);
            if (!m.Success || !m.Groups[1].Value.StartsWith('~')) continue;
            var arabic = raw[(m.Index + m.Length)..];
            var hash = arabic.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) arabic = arabic[..hash];
            arabic = new string(arabic.Where(c => !char.IsPunctuation(c) || c == ' ').ToArray()).Trim();
            if (arabic.Length < 2 || !arabic.Any(c => c >= '\u0600' && c <= '\u06FF')) continue;
            var key = PhraseKey(arabic);
            if (key.Length > 1) Entry(key).AgentRole ??= m.Groups[1].Value.TrimStart('~');
        }
    }

    private void LoadSmall(string file, List<string> versions, Action<LexEntry, string[]> apply)
    {
        var rows = EntityData.Rows(file, out var v);
        foreach (var r in rows)
        {
            if (r.Length < 2) throw new FormatException($"data/entities/{file}: row '{r[0]}' needs 2 tab-separated fields");
            var key = PhraseKey(r[0]);
            apply(Entry(key), r);
            if (file is "nationalities.tsv" or "roles.tsv" && !key.Contains(' ', StringComparison.Ordinal))
            {
                // Plural, dual and accusative forms: السوريين / السوريون / عراقيا / جنديين.
                foreach (var ending in new[] { "ين", "ون", "ا", "ان" })
                {
                    // روسيا is the country, not the accusative of روسي; طالبان is the Taliban, not two students (طالب).
                    if (phrases.TryGetValue(key + ending, out var existing) && (existing.Place is not null || (file == "roles.tsv" && existing.Actors.Count > 0))) continue;
                    apply(Entry(key + ending), r);
                }
            }
        }

        versions.Add(Path.GetFileNameWithoutExtension(file) + v);
    }

    private void LoadTitles(List<string> versions)
    {
        var titleRows = EntityData.Rows("titles.tsv", out var v);
        foreach (var r in titleRows)
        {
            Entry(PhraseKey(r[0])).Titles.Add(new TitleRecord(r[1], ParseDate(r.Length > 2 ? r[2] : ""), ParseDate(r.Length > 3 ? r[3] : "")));
        }

        versions.Add("titles" + v);
    }

    private static string? Nullable(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateOnly? ParseCompact(string s) =>
        s == "18000101" ? null : DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static (DateOnly? From, DateOnly? To) ParsePetrarchDates(string s)
    {
        s = s.Trim();
        if (s.Length == 0) return (null, null);
        if (s[0] == '>') return (ParseCompact(s[1..].Trim()), null);
        if (s[0] == '<') return (null, ParseCompact(s[1..].Trim()));
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? (ParseCompact(s[..dash].Trim()), ParseCompact(s[(dash + 1)..].Trim())) : (null, null);
    }
}
