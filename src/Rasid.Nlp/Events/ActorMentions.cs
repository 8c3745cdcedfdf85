using Rasid.Core;
using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Events;

/// <summary>A possible event participant in a sentence: an entity (with its actor code) or an agent phrase.</summary>
internal sealed record ActorMention
{
    /// <summary>First and last token index (inclusive) in the sentence.</summary>
    public required int First { get; init; }
    public required int Last { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public string? Code { get; init; }
    /// <summary>The preposition governing the mention (folded: في، الي، ب، ل...), "gov" for a governing noun with ب/ل, or null.</summary>
    public string? Preposition { get; init; }
    public Entity? Entity { get; init; }
    /// <summary>A bare nationality adjective right after an event noun (غارة اسرائيلية): it names the event's agent.</summary>
    public bool IsAdjective { get; init; }
    /// <summary>A place or thing of role_words.tsv (مستشفى، سوق): the target of an event, never its source.</summary>
    public bool IsObject { get; init; }
    /// <summary>The token where the participant's phrase starts: its count when one precedes it (سبعة من عناصر الشرطة), else <see cref="First"/>.</summary>
    public int? CountFirst { get; init; }
    /// <summary>The character offset where the participant's phrase starts (the count's, else <see cref="Start"/>).</summary>
    public int? CountStart { get; init; }
    /// <summary>First token of the phrase, count included.</summary>
    public int Lead => CountFirst ?? First;
    /// <summary>Character offset where the phrase starts, count included.</summary>
    public int PhraseStart => CountStart ?? Start;
    public bool FromEntity => Entity is not null;
}

/// <summary>
/// Finds participants in a sentence: the document's entities (from the entity and actor layers) first, then agent
/// phrases (الشرطة، قوات جوية روسية، الرئيس الروسي) coded from agents and nationality adjectives, and bare nationality
/// adjectives after a noun (القرار الروسي → RUS). Titles before a named entity join it (الرئيس بشار الاسد).
/// </summary>
internal static class ActorMentions
{
    /// <summary>Prepositions (data/events/function_words.tsv class <c>preposition</c>).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> PrepositionWords = EventWords.Preposition;

    private const string In = "\u0641\u064A"; // في

    private static readonly Lazy<ActorLinker> Linker = new(() => new ActorLinker(EntityLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True for a folded preposition word (في، الى، على، من، بموجب...).</summary>
    public static bool IsPrepositionWord(string folded) => PrepositionWords.Contains(folded);

    public static List<ActorMention> Find(Document document, SentenceView sentence, EventKnowledge knowledge, IReadOnlySet<int> triggerTokens)
    {
        var tokens = sentence.Tokens;
        var covered = new bool[tokens.Count];
        var result = new List<ActorMention>();
        var normalized = tokens.Select(t => t.IsWord ? ArabicForms.Normalize(t.Text) : t.Text).ToList();
        foreach (var entity in document.Entities)
        {
            if (entity.End <= sentence.Range.Start || entity.Start >= sentence.Range.End) continue;
            var first = sentence.TokenAt(entity.Start);
            var last = sentence.TokenAt(entity.End - 1);
            if (first >= tokens.Count || last >= tokens.Count) continue;
            for (var k = first; k <= last; k++) covered[k] = true;
            var prefix = ArabicFold.Fold(document.Text.AsSpan(tokens[first].Start, Math.Max(0, entity.Start - tokens[first].Start)));
            result.Add(new ActorMention
            {
                First = first, Last = last, Start = entity.Start, End = entity.End, Code = entity.Actor ?? LinkerCode(normalized, first, last, document.Published), Entity = entity,
                Preposition = CliticPreposition(prefix) ?? PrecedingPreposition(tokens, first, triggerTokens, knowledge.Cues),
            });
        }

        result.Sort((a, b) => a.First.CompareTo(b.First));
        var agents = new List<ActorMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (covered[i] || !tokens[i].IsWord) continue;
            // Session 12: a word the tagger reads as a verb is no role noun of the entity lexicon (وحمل is not حملة "campaign" OPP,
            // وقاد is not قادة "leaders" MIL).
            if ((MatchAgent(tokens, covered, i, knowledge) ?? (tokens[i].Upos == "VERB" ? null : LexiconAgent(normalized, covered, i))) is not { } match)
            {
                // A bare nationality adjective after a noun: القرار الروسي → RUS.
                if (i > 0 && !covered[i - 1] && tokens[i - 1].IsWord && Nationality(tokens[i], knowledge) is { } iso && agents.All(a => a.Last < i - 1))
                {
                    // After an event noun (ضربة جوية أميركية، غارة اسرائيلية) the adjective alone names the agent.
                    var noun = triggerTokens.Contains(i - 1) ? i : i - 1;
                    agents.Add(new ActorMention
                    {
                        First = noun, Last = i, Start = tokens[noun].Start, End = tokens[i].End, Code = iso, IsAdjective = noun == i,
                        Preposition = noun == i ? null : CliticPreposition(ProcliticOf(tokens[i - 1])) ?? PrecedingPreposition(tokens, i - 1, triggerTokens, knowledge.Cues),
                    });
                }

                continue;
            }

            var (last, role, proclitic, curated, isObject) = match;
            string? country = null;
            var end = last;
            // Nationality adjective within the next three words (قوات جوية روسية), before any preposition or punctuation.
            for (var k = last + 1; k < tokens.Count && k <= last + 3; k++)
            {
                if (!tokens[k].IsWord || covered[k] || PrepositionWords.Contains(tokens[k].Folded) || knowledge.Cues.Is("break", tokens[k]) || knowledge.Cues.Is("venue_prep", tokens[k])) break;
                // After an object, a noun governed by ل + article (دورية مشتركة للقوات العراقية) is its owner, whose phrase the adjective
                // belongs to (session 12); a person keeps the old reading (جنديين تابعين للقوات العراقية → IRQMIL).
                if (isObject && tokens[k].Folded.Length > 4 && tokens[k].Folded[0] == '\u0644' && tokens[k].Folded[1] == '\u0644' && Nationality(tokens[k], knowledge) is null) break; // لل
                if (Nationality(tokens[k], knowledge) is { } iso)
                {
                    // A feminine singular adjective does not agree with a sound masculine plural (المتظاهرون الأعلام التركية، المتظاهرون
                    // اعلاما تركية: the flags are Turkish, not the protesters); it describes a noun between.
                    // But after a word of belonging (جنديين تابعين للقوات العراقية) the owner's country is the phrase's.
                    if (k > last + 1 && ArabicFold.IsSoundMasculinePlural(tokens[last].Folded, 5) && tokens[k].Folded.EndsWith('\u0647') // ه (folded ة)
                        && !(knowledge.Cues.Is("owner_link", tokens[last + 1]) || knowledge.Cues.IsStripped("owner_link", tokens[last + 1]))) break;
                    country = iso;
                    end = k;
                    break;
                }
            }

            var preposition = CliticPreposition(proclitic) ?? PrecedingPreposition(tokens, i, triggerTokens, knowledge.Cues);
            // A title before a named entity joins it: الرئيس بشار الاسد, للرئيس بوتين.
            var next = result.FindIndex(m => m.First == end + 1);
            // Not across a conjunction: «قوات الأمن ومجالس الصحوة» are two participants (session 12).
            if (country is null && next >= 0 && result[next].Code is not null && !Coordinated(document.Text, tokens, result[next]))
            {
                // A country-only code takes the title's role: رئيس تيمور الشرقية → TLS + GOV.
                var code = result[next].Code!;
                if (code.Length == 3 && role.Length == 3) code += role;
                // A person's office title in the text wins over the role the actor database gives the person (session 12:
                // الرئيس سعد الحريري, LBNPTY in the database → LBNGOV; the database role may be another period's).
                else if (result[next].Entity?.Type == "PER" && role.Length == 3 && code.Length >= 6 && !code.StartsWith("---", StringComparison.Ordinal)) code = code[..3] + role;
                result[next] = result[next] with { First = i, Start = tokens[i].Start, Preposition = preposition, Code = code };
                for (var k = i; k <= end; k++) covered[k] = true;
                i = end;
                continue;
            }

            // A title before a phrase of the actor database that the NER did not tag (نائب + رئيس البلدية, الرئيس + سعد الحريري):
            // it joins the phrase and the linker codes the whole (the title's role first, the country from the name). Two words
            // at least: one word of the UniversalPetrarch seed is too often a common noun or a first name. Only after a one-word
            // office title (الرئيس، نائب، وزير), never after an institution or another agent, which is a subject before its
            // object (انتقدت الحكومة سعد الحريري, خطف مسلحون نائب رئيس البلدية).
            if (country is null && next < 0 && end == i && role is "GOV" or "LEG" && !IsInstitution(normalized, i) && end + 2 < tokens.Count && !covered[end + 1] && tokens[end + 1].IsWord &&
                EntityLexicon.Default.MatchAt(normalized, end + 1).FirstOrDefault(m => m.Length >= 2 && m.PrefixLength == 0 && m.Entry.Actors.Count > 0 &&
                    m.Entry.Place is null && m.Entry.Nationality is null) is { Entry: not null } name &&
                Enumerable.Range(end + 1, name.Length).All(k => k < tokens.Count && !covered[k] && tokens[k].IsWord))
            {
                end += name.Length;
            }

            // مصدر امني في دمشق: the country of a place right after في.
            if (country is null && end + 2 < tokens.Count && tokens[end + 1].Folded == In)
            {
                var place = result.FirstOrDefault(m => m.First == end + 2 && m.Code is { Length: >= 3 });
                if (place is not null) country = place.Code![..3];
            }

            // A nationality adjective first, then the actor linker's country (coding the whole phrase as it codes a span in
            // 'rasid eval actors'). The role: Rasid's curated agents_extra.tsv first, then the linker's, then the converted
            // UniversalPetrarch agent list (machine-translated, noisier than the entity lexicon).
            var linked = Linker.Value.CountryAndRole(normalized[i..(end + 1)], document.Published);
            agents.Add(new ActorMention
            {
                First = i, Last = end, Start = tokens[i].Start, End = tokens[end].End,
                // A single curated common noun has no country of its own (الزوار is not the Libyan town Zuwara).
                Code = (country ?? (curated && i == end ? null : linked.Country) ?? "---") + (curated ? role : linked.Role ?? role), Preposition = preposition, IsObject = isObject,
            });
            for (var k = i; k <= end; k++) covered[k] = true;
            i = end;
        }

        result.AddRange(agents);
        result.Sort((a, b) => a.First.CompareTo(b.First));
        OwnedObjects(tokens, result, knowledge.Cues, triggerTokens);
        CountedGroups(tokens, result, knowledge.Cues, triggerTokens);
        PlaceCountries(tokens, result, knowledge.Cues);
        NisbaAdjectives(tokens, result);
        MemberOrganisations(tokens, result, normalized);
        InstitutionsOf(tokens, normalized, result);
        GovernedPartitives(tokens, result, knowledge.Cues, triggerTokens);
        return result;
    }

    /// <summary>An entity mention whose token starts with the conjunction و before the entity (ومجالس الصحوة).</summary>
    private static bool Coordinated(string text, IReadOnlyList<ViewToken> tokens, ActorMention m) =>
        m.Start > tokens[m.First].Start && ArabicFold.Fold(text.AsSpan(tokens[m.First].Start, m.Start - tokens[m.First].Start)).StartsWith('\u0648'); // و

    /// <summary>
    /// A participant phrase without a country right before في and a place (with an optional locative noun between) takes the
    /// place's country: «قاعدة للشرطة في مدينة بعقوبة» → IRQ + COP; since session 10 also across an agreeing adjective that is no
    /// participant («الزوار الشيعة في بغداد» → IRQ + CVL), with a nationality adjective after a place noun as the place («في المنطقة
    /// القبلية الباكستانية» → PAK), and right before a place noun in construct and its place («طلاب جامعة بغداد» → IRQ + EDU). Only phrases Rasid
    /// built (agent nouns, role words, owned objects), never a named entity, and only a place entity (LOC) with a country.
    /// </summary>
    private static void PlaceCountries(IReadOnlyList<ViewToken> tokens, List<ActorMention> mentions, RoleCues cues)
    {
        for (var n = 0; n < mentions.Count; n++)
        {
            var m = mentions[n];
            if (m.Entity is not null || m.IsAdjective || m.Code is not { Length: > 3 } code || !code.StartsWith("---", StringComparison.Ordinal)) continue;
            var k = m.Last + 1;
            if (k >= tokens.Count || !tokens[k].IsWord) continue;
            // An adjective that agrees in definiteness and is no participant of its own may stand between (الزوار الشيعة في بغداد،
            // سبعة جنود آخرين في المنطقة القبلية الباكستانية).
            if (k + 1 < tokens.Count && tokens[k + 1].IsWord && tokens[k + 1].Folded == In && ArabicForms.IsDefinite(tokens[m.Last].Folded) == ArabicForms.IsDefinite(tokens[k].Folded) &&
                tokens[k].Upos != "VERB" && !IsPrepositionWord(tokens[k].Folded) && !cues.IsStripped("locative", tokens[k]) && !mentions.Any(o => o.First <= k && o.Last >= k)) k++;
            if (tokens[k].Folded == In)
            {
                k++;
                if (k < tokens.Count && tokens[k].IsWord && cues.IsStripped("locative", tokens[k]) && !mentions.Any(o => o.First == k)) k++;
            }
            else if (cues.Is("locative", tokens[k]) && !tokens[k].Folded.StartsWith("\u0627\u0644", StringComparison.Ordinal))
            {
                // A place noun in construct (no article) and its place: «طلاب جامعة بغداد» → IRQ + EDU, «سكان مدينة غزة» → PSE + CVL.
                // The place noun may have joined the place as its title (جامعة بغداد): then that mention is the place.
                if (!mentions.Any(o => o.First == k && o.Entity?.Type == "LOC")) k++;
            }
            else
            {
                continue;
            }

            // The place: a LOC entity with a country, or after a place noun a nationality adjective (في المنطقة القبلية الباكستانية).
            var afterPlaceNoun = k >= 1 && tokens[k - 1].IsWord && cues.IsStripped("locative", tokens[k - 1]);
            var place = mentions.FirstOrDefault(o => o.First == k && o.Code is { Length: >= 3 } c && !c.StartsWith("---", StringComparison.Ordinal) &&
                (o.Entity?.Type == "LOC" || (afterPlaceNoun && o.Entity is null && c.Length == 3)));
            if (place is null) continue;
            mentions[n] = m with { Code = place.Code![..3] + code[3..] };
        }
    }

    /// <summary>
    /// A member of an organisation (session 11): a role phrase Rasid built (ناشطا، مقاتلين، عنصرا) directly followed by في or من and
    /// a named organisation (an ORG entity, or a name of the actor database that is no place) takes the organisation's code, as
    /// CAMEO codes a group's members: «ناشطاً في كتائب الاقصى» → PSEREB (not PSE + the activist's OPP). A place after في (مسلحين في
    /// غزة) is not an organisation, and a phrase with a country of its own (a nationality adjective) keeps its code.
    /// </summary>
    private static void MemberOrganisations(IReadOnlyList<ViewToken> tokens, List<ActorMention> mentions, List<string> normalized)
    {
        for (var n = 0; n < mentions.Count; n++)
        {
            var m = mentions[n];
            if (m.Entity is not null || m.IsAdjective || m.IsObject || m.Code is not { Length: > 3 } code) continue;
            var k = m.Last + 1;
            if (k >= tokens.Count || !tokens[k].IsWord || tokens[k].Folded is not (In or "\u0645\u0646")) continue; // في من
            var first = k + 1;
            while (first < tokens.Count && tokens[first].Kind == TokenKind.Punctuation && tokens[first].Text is "\u00AB" or "\"") first++; // «
            var organisation = mentions.FirstOrDefault(o => o.First == first && o.Code is { Length: > 3 } c && !c.StartsWith("---", StringComparison.Ordinal) &&
                (o.Entity is { Type: "ORG" } || (o.Entity is null && !o.IsAdjective && !o.IsObject && o.CountFirst is null)));
            if (organisation is null) continue;
            // The country may already be the organisation's (مصدر امني في دمشق: the country of the mention after في).
            if (!code.StartsWith("---", StringComparison.Ordinal) && !code.StartsWith(organisation.Code![..3], StringComparison.Ordinal)) continue;
            mentions[n] = m with { Code = MembersCode(normalized, organisation) ?? organisation.Code };
        }
    }

    /// <summary>
    /// An institution in construct with a coded name (session 12): a one-word institution noun Rasid built without a country and
    /// without the article (حكومة، وزارة، شرطة), directly followed by an ungoverned mention with a country, takes that country with
    /// its own role: «حكومة رئيس الوزراء رجب طيب اردوغان» → TUR + GOV (was ---GOV). A defined noun (الحكومة) is not in construct.
    /// </summary>
    private static void InstitutionsOf(IReadOnlyList<ViewToken> tokens, List<string> normalized, List<ActorMention> mentions)
    {
        for (var n = 0; n < mentions.Count; n++)
        {
            var m = mentions[n];
            if (m.Entity is not null || m.IsAdjective || m.IsObject || m.First != m.Last || m.Code is not { Length: > 3 } code || !code.StartsWith("---", StringComparison.Ordinal)) continue;
            if (ArabicForms.IsDefinite(tokens[m.First].Folded) || !IsInstitution(normalized, m.First)) continue;
            var owner = mentions.FirstOrDefault(o => o.First == m.Last + 1 && o.Preposition is null && !o.IsAdjective && o.Code is { Length: >= 3 } c && !c.StartsWith("---", StringComparison.Ordinal));
            if (owner is null) continue;
            mentions[n] = m with { Code = owner.Code![..3] + code[3..] };
        }
    }

    /// <summary>
    /// Session 12: an indefinite accusative role noun directly followed by a nisba adjective in the same case that Rasid also read as
    /// a role word (مهاجما انتحاريا) is one phrase, headed by the noun: «إن مهاجما انتحاريا من حركة طالبان فجر» — the organisation
    /// after the adjective is then the noun's (see <see cref="MemberOrganisations"/>). Only Rasid-built one-word mentions, no entity.
    /// </summary>
    private static void NisbaAdjectives(IReadOnlyList<ViewToken> tokens, List<ActorMention> mentions)
    {
        for (var n = 0; n + 1 < mentions.Count; n++)
        {
            var (noun, adjective) = (mentions[n], mentions[n + 1]);
            if (noun.Entity is not null || adjective.Entity is not null || noun.IsAdjective || adjective.IsAdjective || noun.IsObject || adjective.IsObject ||
                noun.First != noun.Last || adjective.First != adjective.Last || adjective.First != noun.Last + 1 || adjective.CountFirst is not null || adjective.Preposition is not null) continue;
            var (nf, af) = (tokens[noun.First].Folded, tokens[adjective.First].Folded);
            // ا (accusative tanwin) on the noun, يا (nisba + tanwin) on the adjective.
            if (nf.Length < 4 || af.Length < 5 || nf[^1] != '\u0627' || af[^1] != '\u0627' || af[^2] != '\u064A') continue;
            mentions[n] = noun with { Last = adjective.Last, End = adjective.End };
            mentions.RemoveAt(n + 1);
        }
    }

    /// <summary>
    /// Session 12: the code the actor database gives the members of an organisation when it codes them apart from it: the curated
    /// code of «عناصر» (function_words.tsv class <c>organisation_member</c>) + the organisation's name (عناصر طالبان → AFGREB while
    /// طالبان is IMGREB), else null.
    /// </summary>
    private static string? MembersCode(List<string> normalized, ActorMention organisation)
    {
        var name = normalized[organisation.First..(organisation.Last + 1)];
        foreach (var member in EventWords.OrganisationMember)
        {
            List<string> phrase = [member, .. name];
            foreach (var match in EntityLexicon.Default.MatchAt(phrase, 0))
            {
                if (match.Length != phrase.Count) continue;
                if (match.Entry.Actors.FirstOrDefault(a => a.Source != "petrarch" && a.Code is { Length: > 3 }) is { } actor) return actor.Code;
            }
        }

        return null;
    }

    /// <summary>
    /// A partitive group under a preposition (session 11): «على مجموعة من عناصر كتائب القسام»، «ضد عدد من المسلحين» — the head noun after
    /// the quantifier and من is governed by the preposition before the quantifier (the target preposition of اطلاق ... على), not free.
    /// Numbers are left alone: a number after a preposition is mostly a date or a place (في 19 يوليو).
    /// </summary>
    private static void GovernedPartitives(IReadOnlyList<ViewToken> tokens, List<ActorMention> mentions, RoleCues cues, IReadOnlySet<int> triggerTokens)
    {
        for (var n = 0; n < mentions.Count; n++)
        {
            var m = mentions[n];
            if (m.Preposition is not null) continue;
            var k = m.First - 1;
            while (k >= 0 && tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "\u00AB" or "\"") k--; // «
            if (k >= 0 && tokens[k].IsWord && cues.IsStripped("member", tokens[k])) k--;
            if (k < 1 || !tokens[k].IsWord || tokens[k].Folded != "\u0645\u0646") continue; // من
            k--;
            if (!tokens[k].IsWord || !cues.IsStripped("quantifier", tokens[k]) || triggerTokens.Contains(k)) continue;
            if (mentions.Any(o => o != m && o.First <= k && o.Last >= k)) continue;
            var preposition = CliticPreposition(ProcliticOf(tokens[k])) ?? PrecedingPreposition(tokens, k, triggerTokens, cues);
            if (preposition is null or "gov") continue;
            mentions[n] = m with { Preposition = preposition };
        }
    }

    /// <summary>
    /// A participant counted by a number or a quantifier before it, with an optional partitive من and a member noun
    /// (role_cues.tsv class <c>member</c>) between: «سبعة من عناصر الشرطة الأفغانية»، «42 مجندا»، «عشرات من المدنيين». The
    /// participant's phrase starts at the count, so its distance to the verb is counted from its first word (قتل أمس سبعة من
    /// عناصر الشرطة); its first token, code and preposition stay the noun's.
    /// </summary>
    private static void CountedGroups(IReadOnlyList<ViewToken> tokens, List<ActorMention> mentions, RoleCues cues, IReadOnlySet<int> triggerTokens)
    {
        for (var n = 0; n < mentions.Count; n++)
        {
            var m = mentions[n];
            var k = m.First - 1;
            if (k >= 0 && tokens[k].IsWord && cues.IsStripped("member", tokens[k])) k--;
            if (k >= 1 && tokens[k].IsWord && tokens[k].Folded == "\u0645\u0646") k--; // من
            if (k < 0 || triggerTokens.Contains(k)) continue;
            if (!(tokens[k].Kind == TokenKind.Number || (tokens[k].IsWord && cues.IsStripped("quantifier", tokens[k])))) continue;
            // An approximation before a number belongs to the count (نحو 150 متمردا، حوالي 30 شخصا).
            if (tokens[k].Kind == TokenKind.Number && k >= 1 && tokens[k - 1].IsWord && cues.Is("quantifier", tokens[k - 1]) && !triggerTokens.Contains(k - 1)) k--;
            if (mentions.Any(o => o != m && o.Last >= k && o.First < m.First)) continue;
            // A number after a preposition is a date or a place (في 19 يوليو، في 3 مدن), not a count of the participant.
            // «بينهم ثلاثة من رجال الشرطة»: a count after a pronoun preposition (role_cues.tsv class among) is a subset of the
            // casualties, not a governed noun.
            var among = k >= 1 && tokens[k - 1].IsWord && cues.Is("among", tokens[k - 1]);
            if (!among && (CliticPreposition(ProcliticOf(tokens[k])) ?? PrecedingPreposition(tokens, k, triggerTokens, cues)) is not null) continue;
            mentions[n] = m with { CountFirst = k, CountStart = tokens[k].Start };
        }
    }

    /// <summary>
    /// An attacked object with its owner (role_cues.tsv class <c>object</c>): دورية للجيش الأميركي، حافلة تابعة للشرطة، حافلة
    /// تقل عناصر من الحرس الثوري، دوريتين للشرطة. The object and the owner become one mention with the owner's code and the
    /// object's own governing preposition, so that an attack on the object has the owner as its target.
    /// </summary>
    private static void OwnedObjects(IReadOnlyList<ViewToken> tokens, List<ActorMention> mentions, RoleCues cues, IReadOnlySet<int> triggerTokens)
    {
        for (var n = 0; n < mentions.Count; n++)
        {
            var owner = mentions[n];
            // A place is where a vehicle goes, not who owns it (حافلة من كابل الى قندهار).
            if (owner.Code is null || owner.First == 0 || owner.Entity?.Type == "LOC") continue;
            // Walk back over a linking word (تابعة، التابعة، مملوكة، تقل، تضم) and a partitive (عناصر من) to the object noun.
            var k = owner.First - 1;
            var words = 0;
            while (k >= 0 && words < 3)
            {
                if (!tokens[k].IsWord) break;
                if (cues.IsStripped("object", tokens[k]) || cues.Is("object", tokens[k])) break;
                // An adjective of the object (دورية مشتركة للقوات العراقية) may stand before the owner (session 12).
                if (!cues.Is("owner_link", tokens[k]) && !cues.IsStripped("owner_link", tokens[k]) && !(words == 0 && tokens[k].Upos == "ADJ")) break;
                words++;
                k--;
            }

            if (k < 0 || !tokens[k].IsWord || triggerTokens.Contains(k) || !(cues.IsStripped("object", tokens[k]) || cues.Is("object", tokens[k]))) continue;
            // The owner is governed by ل (للجيش، لقوات) or follows a linking word (تقل عناصر من).
            if (words == 0 && owner.Preposition is not "gov" and not "\u0644") continue;
            // The object noun alone may be a role word (دورية → COP); its owner's code wins.
            var objectWord = mentions.FindIndex(m => m != owner && m.IsObject && m.Entity is null && m.First == k && m.Last == k);
            if (objectWord >= 0)
            {
                mentions.RemoveAt(objectWord);
                if (objectWord < n) n--;
                owner = mentions[n];
            }

            if (mentions.Any(m => m != owner && m.First <= k && m.Last >= k)) continue;
            var preposition = CliticPreposition(ProcliticOf(tokens[k])) ?? PrecedingPreposition(tokens, k, triggerTokens, cues);
            mentions[n] = owner with { First = k, Start = tokens[k].Start, Preposition = preposition, Entity = null, IsObject = true };
        }
    }

    private static (int Last, string Role, string Proclitic, bool Curated, bool IsObject)? MatchAgent(IReadOnlyList<ViewToken> tokens, bool[] covered, int i, EventKnowledge knowledge)
    {
        foreach (var cand in tokens[i].Candidates)
        {
            if (cand.ImperfectPrefix) continue;
            var stem = EventKnowledge.StripArticle(cand.Stem);
            if (!knowledge.AgentsByFirstWord.TryGetValue(stem, out var list)) continue;
            foreach (var (words, role) in list)
            {
                var k = i;
                var ok = true;
                for (var w = 1; w < words.Length && ok; w++)
                {
                    k++;
                    ok = k < tokens.Count && !covered[k] && tokens[k].IsWord && (tokens[k].HasStem(words[w]) || tokens[k].HasStem("\u0627\u0644" + words[w]));
                }

                if (!ok) continue;
                var key = string.Join(' ', words);
                // A common noun of role_words.tsv is never read from a verb (طالب "demanded").
                if (knowledge.RoleWords.Contains(key) && tokens[i].Upos == "VERB") continue;
                return (k, role, cand.Proclitic, knowledge.CuratedAgents.Contains(key), knowledge.ObjectAgents.Contains(key));
            }
        }

        return null;
    }

    /// <summary>
    /// A role noun of the entity lexicon (agents, institutions: مسلحين، الجيش، جنود) not in the agent list, or a name of the
    /// curated actor database (actors.tsv) the NER did not tag (its role is then empty: the linker codes the phrase).
    /// </summary>
    private static (int Last, string Role, string Proclitic, bool Curated, bool IsObject)? LexiconAgent(List<string> normalized, bool[] covered, int i)
    {
        foreach (var m in EntityLexicon.Default.MatchAt(normalized, i))
        {
            if (m.Entry.Place is not null || m.Entry.Nationality is not null || m.Entry.FirstName || m.Entry.LastName) continue;
            // A name of the curated actor database the NER missed (طالبان) is a participant too; its code comes from the linker.
            var curatedActor = m.Entry.Actors.Any(a => a.Source != "petrarch" && a.Code is { Length: >= 3 });
            var role = m.Entry.AgentRole ?? m.Entry.InstitutionRole ?? m.Entry.CuratedRole ?? (curatedActor ? "" : null);
            if (role is null) continue;
            var last = i + m.Length - 1;
            var ok = true;
            for (var k = i; k <= last && ok; k++) ok = !covered[k];
            if (!ok) continue;
            var proclitic = m.PrefixLength > 0 ? ArabicFold.Fold(normalized[i].AsSpan(0, m.PrefixLength)) : "";
            return (last, role, proclitic, false, false);
        }

        return null;
    }

    /// <summary>Whether the word at <paramref name="i"/> is an institution of the entity lexicon (الحكومة، البرلمان، الجيش).</summary>
    private static bool IsInstitution(List<string> normalized, int i) =>
        EntityLexicon.Default.MatchAt(normalized, i).Any(m => m.Length == 1 && m.Entry.InstitutionRole is not null);

    /// <summary>The actor linker's code of tokens first..last, or null when it finds neither country nor role.</summary>
    private static string? LinkerCode(List<string> normalized, int first, int last, DateOnly? date)
    {
        var (country, role) = Linker.Value.CountryAndRole(normalized[first..(last + 1)], date);
        return country is null && role is null ? null : (country ?? "---") + role;
    }

    private static string? Nationality(ViewToken token, EventKnowledge knowledge)
    {
        if (!token.IsWord) return null;
        foreach (var cand in token.Candidates)
        {
            if (cand.ImperfectPrefix) continue;
            if (knowledge.Nationalities.TryGetValue(cand.Stem, out var iso)) return iso;
        }

        return null;
    }

    private static string ProcliticOf(ViewToken token)
    {
        // The longest proclitic whose remainder is still a plausible word.
        foreach (var cand in token.Candidates)
        {
            if (!cand.ImperfectPrefix && cand.Proclitic.Length > 0 && token.Folded.Length - cand.Proclitic.Length >= 3) return cand.Proclitic;
        }

        return "";
    }

    /// <summary>ب or ل inside a proclitic sequence (و+ب+ال → ب), else null.</summary>
    private static string? CliticPreposition(string proclitic)
    {
        var p = proclitic.TrimStart('\u0648', '\u0641'); // و ف
        if (p.Length == 0) return null;
        return p[0] switch
        {
            '\u0628' => "\u0628", // ب
            '\u0644' => "\u0644", // ل
            '\u0643' => "\u0643", // ك
            _ => null,
        };
    }

    private static string? PrecedingPreposition(IReadOnlyList<ViewToken> tokens, int first, IReadOnlySet<int> triggerTokens, RoleCues cues)
    {
        if (first == 0 || !tokens[first - 1].IsWord) return null;
        var previous = tokens[first - 1];
        // A partitive من after a number or quantifier (مجموعة من المتمردين، 23 من الكوريين): the name is the head, not governed.
        if (previous.Folded == "\u0645\u0646" && first >= 2 && (tokens[first - 2].Kind == TokenKind.Number || cues.IsStripped("quantifier", tokens[first - 2]))) return null;
        // A place after a locative noun (شمال العراق، في مدينة غزة): a location, never a subject or object.
        if (cues.IsStripped("direction", previous)) return In;
        if (cues.IsStripped("locative", previous) && (CliticPreposition(ProcliticOf(previous)) is not null || (first >= 2 && PrepositionWords.Contains(tokens[first - 2].Folded)))) return In;
        if (PrepositionWords.Contains(previous.Folded)) return previous.Folded;
        // An auxiliary verb (وكانت، كانت، بينما) is no noun with a clitic preposition: its ك is part of كان (وكانت حركة طالبان قد خطفت).
        if (cues.Is("auxiliary", previous)) return null;
        // A governing noun with ب or ل (لوكالة فرانس برس, لمحاربة تنظيم الدولة): the mention is not a subject or object.
        if (triggerTokens.Contains(first - 1)) return null;
        var p = CliticPreposition(ProcliticOf(previous));
        return p is null ? null : "gov";
    }
}
