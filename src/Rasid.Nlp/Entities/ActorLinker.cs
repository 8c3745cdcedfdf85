namespace Rasid.Nlp.Entities;

/// <summary>What a mention was linked to.</summary>
/// <param name="Code">CAMEO-style actor code (SYRGOV, RUS, IGOUNO, IMGMUSISI) or null.</param>
/// <param name="Canonical">Canonical English name or null.</param>
/// <param name="ActorId">Actor database id (actors.tsv) or null.</param>
/// <param name="Place">The place when the mention is one.</param>
/// <param name="Rule">Which rule linked it (for evidence).</param>
internal sealed record LinkResult(string? Code, string? Canonical, string? ActorId, PlaceRecord? Place, string Rule);

/// <summary>
/// Links mentions to actors and places: names in the actor database (dated rows: the row covering the article
/// date wins, else the nearest), titles naming office holders (الرئيس الروسي → the Russian president on that
/// date), institution + nationality compositions (الجيش السوري → SYR + MIL), places (a country → its ISO code;
/// a capital acting as a subject → the government, ISO + GOV; after في/من/مطار... → the country). Thread-safe.
/// </summary>
internal sealed class ActorLinker(EntityLexicon lexicon)
{
    /// <summary>Words after which a capital is a location, not its government (في دمشق، مطار دمشق).</summary>
    private static readonly HashSet<string> Locative = new(EntityData.WordClass(EntityLexicon.WordClassFile, "locative"), StringComparer.Ordinal);

    public EntityLexicon Lexicon => lexicon;

    /// <summary>Whether <paramref name="normalized"/> is a word after which a place name is a location (في، من، مطار...).</summary>
    public static bool IsLocative(string normalized) => Locative.Contains(normalized);

    /// <summary>Links the mention made of normalized tokens <paramref name="tokens"/>[start..end).</summary>
    /// <param name="tokens">Normalized tokens of the sentence.</param>
    /// <param name="start">First token of the mention.</param>
    /// <param name="end">Token after the mention.</param>
    /// <param name="prefixLength">Proclitic characters of the first token outside the mention (ب in بدمشق).</param>
    /// <param name="date">Article date.</param>
    public LinkResult? Link(IReadOnlyList<string> tokens, int start, int end, int prefixLength, DateOnly? date)
    {
        // ل + ال written لل is cut whole (للرقة → رقة): give the article back, the lexicon tells places by it (الرقة, not ورقة).
        var first = tokens[start][prefixLength..];
        if (prefixLength >= 2 && tokens[start][prefixLength - 1] == '\u0644' && tokens[start][prefixLength - 2] == '\u0644') first = ArabicForms.Article + first;
        var span = new List<string>(end - start) { first };
        for (var i = start + 1; i < end; i++) span.Add(tokens[i]);
        var matches = lexicon.MatchAt(span, 0);
        foreach (var m in matches)
        {
            if (m.Length != span.Count) continue;
            var e = m.Entry;
            if (Choose(e.Actors, date) is { } record && !(record.Source == "petrarch" && e.Place is not null))
            {
                var petrarch = record.Source == "petrarch";
                return new LinkResult(record.Code, record.Canonical ?? e.Place?.Name, petrarch ? null : record.Id, e.Place, petrarch ? "petrarch" : "actors");
            }

            if (e.Titles.Count > 0 && Title(e, date) is { } titled) return titled;
            if (e.Place is { } p)
            {
                // After a preposition or a locative noun, or after the dash of a dateline (عين اليوم – الرياض): the place, not the
                // government acting.
                var locative = prefixLength > 0 || (start > 0 && (Locative.Contains(tokens[start - 1]) || tokens[start - 1] is "\u2013" or "\u2014" or "-"));
                var code = p.Kind == "capital" && !locative ? p.Country + "GOV" : p.Country;
                return new LinkResult(code, p.Name, null, p, p.Kind == "capital" && !locative ? "capital-as-government" : "place");
            }
        }

        return Compose(span, date);
    }

    /// <summary>The office holder named by a title entry on <paramref name="date"/>.</summary>
    public LinkResult? Title(LexEntry e, DateOnly? date)
    {
        var title = date is { } d
            ? e.Titles.FirstOrDefault(t => (t.From is null || t.From <= d) && (t.To is null || d <= t.To))
            : e.Titles.LastOrDefault();
        if (title is null) return null;
        var record = Choose(lexicon.ActorRows(title.ActorId), date);
        return record is null ? null : new LinkResult(record.Code, record.Canonical, record.Id, null, "title");
    }

    /// <summary>Institution (+ nationality adjective or country name): الجيش السوري → SYRMIL, حكومة سوريا → SYRGOV.</summary>
    public LinkResult? Compose(IReadOnlyList<string> span, DateOnly? date)
    {
        var (country, role) = CountryAndRole(span, date, institutionsOnly: true);
        if (country is null || role is null) return null;
        return new LinkResult(country + role, null, null, null, "institution+nationality");
    }

    /// <summary>
    /// The country and role found in a phrase: actor database names, places, nationality adjectives give the
    /// country; institutions, agents (petrarch agents) and actor codes give the role. First found wins. Only the
    /// countries, capitals and hand-checked places of places.tsv give a country: the world cities are common words
    /// too often (الناس is a town of Ireland, الزوار Zuwara, بلدة a town of Malta). A noun for a kind of place alone
    /// (المدينة، منطقة) gives none, and a former office holder (الرئيس السابق) is coded ELI.
    /// </summary>
    /// <param name="span">Normalized words of the phrase.</param>
    /// <param name="date">Date the phrase is read at (dated actor rows).</param>
    /// <param name="institutionsOnly">Only institutions and nationality adjectives or places (for composed entity codes).</param>
    /// <param name="trace">When given, receives one line per decision ("role GOV &lt;- roles 'رئيس'") for error listings.</param>
    public (string? Country, string? Role) CountryAndRole(IReadOnlyList<string> span, DateOnly? date, bool institutionsOnly = false, List<string>? trace = null)
    {
        string? country = null, role = null;
        int roleEnd = 0;
        var roleFromInstitution = false;
        for (var i = 0; i < span.Count;)
        {
            var matches = lexicon.MatchAt(span, i);
            if (matches.Count == 0) { i++; continue; }
            var m = matches[0];
            var e = m.Entry;
            var phrase = trace is null ? "" : string.Join(' ', span.Skip(i).Take(m.Length));
            var coded = false;
            void Country(string? c, string source)
            {
                coded |= c is not null;
                if (c is null || country is not null) return;
                country = c;
                trace?.Add($"country {c} <- {source} '{phrase}'");
            }

            void Role(string? r, string source)
            {
                coded |= r is not null;
                if (r is null || role is not null) return;
                role = r;
                roleEnd = i + m.Length;
                roleFromInstitution = e.InstitutionRole is not null;
                trace?.Add($"role {r} <- {source} '{phrase}'");
            }

            // المدينة alone is "the city", not Medina (a UniversalPetrarch actor row): a place noun gives no country.
            var placeNoun = m.Length == 1 && EntityLexicon.IsPlaceNoun(span[i], m.PrefixLength);
            if (!institutionsOnly && e.CuratedRole is { } curatedRole) Role(curatedRole, "roles");
            if (!institutionsOnly && e.Actors.Count > 0 && Choose(e.Actors, date)?.Code is { Length: >= 3 } code)
            {
                var (c, r) = SplitCode(code);
                if (!placeNoun) Country(c, "actor " + code);
                Role(r, "actor " + code);
            }

            if (e.Place is { } p && (p.Curated || p.Kind == "country") && !placeNoun) Country(p.Country, "place " + p.Name);
            if (e.Nationality is { } n) Country(n, "nationality");
            if (e.InstitutionRole is { } ir) Role(ir, "institutions");
            if (!institutionsOnly && e.AgentRole is { } ar) Role(AgentRole(ar), "agents " + ar);
            if (!institutionsOnly && e.Titles.Count > 0 && Title(e, date)?.Code is { } tc)
            {
                var (c, r) = SplitCode(tc);
                Country(c, "title " + tc);
                Role(r, "title " + tc);
            }

            // A longer phrase that codes nothing (a title without a holder on that date: الرئيس الموريتاني in 2008, a name) does
            // not hide the words inside it (الرئيس → GOV, الموريتاني → MRT).
            i += coded ? m.Length : 1;
        }

        // A former office holder is an elite (CAMEO ELI): الرئيس السابق، رئيسة الوزراء الباكستانية السابقة, not an institution
        // (الحكومة السابقة stays GOV).
        if (!institutionsOnly && role is "GOV" or "LEG" && !roleFromInstitution)
        {
            for (var k = roleEnd; k < span.Count && k < roleEnd + 3; k++)
            {
                if (ArabicForms.Key(span[k]) != Former) continue;
                trace?.Add($"role ELI <- former '{span[k]}'");
                role = "ELI";
                break;
            }
        }

        return (country, role);
    }

    /// <summary>CAMEO religion codes: they tell a faith, not a role (اسلامي → MUS, راهب بوذي → BUD).</summary>
    private static readonly HashSet<string> Religions = new(EntityData.WordClass(CameoCodeFile, "religion"), StringComparer.Ordinal);

    /// <summary>The CAMEO code tables (data/entities/cameo_codes.tsv).</summary>
    private const string CameoCodeFile = "cameo_codes.tsv";

    /// <summary>
    /// The role of a UniversalPetrarch agent code: its first three letters (GOVLEG → GOV, REBMUS → REB), or after a religion
    /// code the role that follows it (MUSUAF → UAF), none for a religion alone (MUS).
    /// </summary>
    public static string? AgentRole(string code)
    {
        if (code.Length < 3) return null;
        if (!Religions.Contains(code[..3])) return code[..3];
        return code.Length >= 6 && Roles.Contains(code[3..6]) ? code[3..6] : null;
    }

    /// <summary>Key of السابق/السابقة ("former").</summary>
    private static readonly string Former = ArabicForms.Key(EntityData.WordClass(EntityLexicon.WordClassFile, "former").Single());

    /// <summary>CAMEO role codes (a code starting with one has no country).</summary>
    private static readonly HashSet<string> Roles = new(EntityData.WordClass(CameoCodeFile, "role"), StringComparer.Ordinal);

    /// <summary>SYRGOV → (SYR, GOV); IGOUNO → (IGO, UNO); RUS → (RUS, null); MIL → (null, MIL).</summary>
    public static (string? Country, string? Role) SplitCode(string code)
    {
        if (code.Length >= 3 && Roles.Contains(code[..3])) return (null, code[..3]);
        if (code.Length > 3 && code[..3] is "IGO" or "IMG" or "NGO" or "MNC" && !Roles.Contains(code[3..Math.Min(code.Length, 6)])) return (code[..3], null);
        return code.Length <= 3 ? (code, null) : (code[..3], code[3..Math.Min(code.Length, 6)]);
    }

    /// <summary>The record for <paramref name="date"/>: curated rows before petrarch ones; covering the date, else nearest.</summary>
    public static ActorRecord? Choose(IReadOnlyList<ActorRecord> rows, DateOnly? date)
    {
        if (rows.Count == 0) return null;
        // The pool: the curated rows when there are any, else every row (no copies: this runs for every linked mention).
        var curated = false;
        for (var k = 0; k < rows.Count && !curated; k++) curated = rows[k].Source != "petrarch";
        ActorRecord? first = null, last = null, open = null, covering = null, nearest = null;
        var distance = int.MaxValue;
        for (var k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            if (curated && r.Source == "petrarch") continue;
            first ??= r;
            last = r;
            if (date is not { } day)
            {
                open ??= r.To is null ? r : null;
                continue;
            }

            if (r.Covers(day)) { covering = r; break; }
            // The first row of the least distance (as MinBy).
            var dr = r.Distance(day);
            if (nearest is null || dr < distance) { nearest = r; distance = dr; }
        }

        if (date is not { } d) return open ?? last;
        if (covering is not null) return covering;
        nearest ??= first!;
        if (nearest.Code is not { Length: >= 3 } code || nearest.Type == "ORG") return nearest;
        // Out of every dated role: after the last one a person is a former official (ISO + ELI), before the
        // first one only the country is known.
        var country = SplitCode(code).Country;
        if (country is null) return nearest;
        return nearest with { Code = nearest.To is { } to && d > to ? country + "ELI" : country };
    }
}
