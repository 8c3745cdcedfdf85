using Rasid.Core;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Finds named entities and links them: the NER tagger (<see cref="NerModel"/>) proposes PER/ORG/LOC/MISC
/// spans; curated dictionary phrases (actors.tsv names, institution + nationality, office titles, places)
/// add or replace overlapping spans; attached proclitics (و ف ب ل ك) are cut off by offset; then each entity is
/// linked (<see cref="ActorLinker"/>) and shortened or repeated person names take the actor of an earlier full
/// mention in the same document (ايفانوف after سيرغي ايفانوف). Thread-safe; adds <c>entities</c>.
/// </summary>
internal sealed class EntityComponent : IDocumentComponent
{
    public const string DictionaryId = "entities.lexicon/1";
    public const string CorefRule = "coref";
    private readonly NerModel? model;
    private readonly NerModel? documentModel;
    private readonly NerFeatures features;
    private readonly ActorLinker linker;

    // Both passes decoded together: the first pass also sums the document model's scores of its features, and the
    // document pass adds only its hints (no second feature extraction or look-up). Null when the models cannot be paired.
    private readonly NerModel.Pair? pair;

    // The first pass's record of the document being processed on this thread (buffer reused from document to document).
    [ThreadStatic]
    private static FirstPassRecord? Record;

    /// <param name="model">The sentence tagger (first pass), or null for dictionary spans only.</param>
    /// <param name="lexicon">Names, places and actors.</param>
    /// <param name="documentModel">The document pass (second model, with <see cref="DocumentHints"/> from the first pass over the whole document), or null.</param>
    public EntityComponent(NerModel? model, EntityLexicon lexicon, NerModel? documentModel = null)
    {
        this.model = model;
        this.documentModel = model is null ? null : documentModel;
        pair = model is not null && documentModel is not null ? model.PairWith(documentModel) : null;
        features = new NerFeatures(lexicon);
        linker = new ActorLinker(lexicon);
    }

    /// <summary>The component with the built-in model and data.</summary>
    public static EntityComponent CreateDefault() => new(NerModel.Default, EntityLexicon.Default, NerModel.DocumentDefault);

    public string Id => "entities/1";

    public AnnotationLayers Requires => AnnotationLayers.Sentences | AnnotationLayers.Tokens;

    public AnnotationLayers Adds => AnnotationLayers.Entities | AnnotationLayers.Actors;

    private sealed record Candidate(int Start, int End, int Prefix, string Type, double Score, string By, string? Rule, LinkResult? Link);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var date = document.Published;
        var tokenIndex = 0;
        var people = new List<(string[] Keys, LinkResult Link)>();
        var sentences = new List<List<Token>>();
        foreach (var sentence in document.Sentences)
        {
            while (tokenIndex < document.Tokens.Count && document.Tokens[tokenIndex].Start < sentence.Start) tokenIndex++;
            var first = tokenIndex;
            while (tokenIndex < document.Tokens.Count && document.Tokens[tokenIndex].End <= sentence.End) tokenIndex++;
            if (tokenIndex > first) sentences.Add(document.Tokens.GetRange(first, tokenIndex - first));
        }

        var words = new string[sentences.Count][];
        // Word facts, normalized tokens and lexicon matches of each sentence: the features and the dictionary spans both use them.
        var prepared = new NerSentence[sentences.Count];
        for (var si = 0; si < sentences.Count; si++)
        {
            var sentence = sentences[si];
            var w = words[si] = new string[sentence.Count];
            for (var i = 0; i < w.Length; i++) w[i] = sentence[i].Text;
            prepared[si] = features.Prepare(w);
        }

        List<NerTokenFeature>[][]? hints = null;
        // Where each sentence's tokens start in the first pass's record (null: the second pass extracts features again).
        int[]? recordedFrom = null;
        var record = pair is not null ? (Record ??= new FirstPassRecord()) : null;
        if (model is not null && documentModel is not null)
        {
            // First pass over the whole document; its tags of repeated words are the second pass's hints.
            record?.Clear();
            if (record is not null) recordedFrom = new int[words.Length];
            var firstPass = new List<string[]>(words.Length);
            var keys = new string?[words.Length][];
            for (var si = 0; si < words.Length; si++)
            {
                int[] path;
                if (record is not null)
                {
                    recordedFrom![si] = record.TokenCount;
                    path = pair!.DecodeFirst(words[si], features, out _, record, prepared[si], confidences: false);
                }
                else
                {
                    path = model.Decode(words[si], features, model.Memory, out _, prepared: prepared[si]);
                }

                firstPass.Add(TagNames(path));
                var sentenceKeys = keys[si] = new string?[words[si].Length];
                for (var i = 0; i < sentenceKeys.Length; i++) sentenceKeys[i] = DocumentHints.Key(words[si][i], prepared[si].Keys[i]);
            }

            hints = DocumentHints.FromKeys(keys, firstPass);
        }

        for (var si = 0; si < sentences.Count; si++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = sentences[si];
            foreach (var c in Recognize(tokens, words[si], prepared[si], hints?[si], recordedFrom is null ? -1 : recordedFrom[si], date))
            {
                var startToken = tokens[c.Start];
                var original = startToken.Text.AsSpan();
                var start = startToken.Start + ArabicForms.OriginalOffset(original, c.Prefix);
                var end = tokens[c.End - 1].End;
                var link = c.Link;
                var keys = new string[c.End - c.Start];
                for (var k = 1; k < keys.Length; k++) keys[k] = EntityLexicon.TokenKey(tokens[c.Start + k].Text);
                keys[0] = ArabicForms.Key(ArabicForms.Normalize(text.AsSpan(start, startToken.End - start)));
                var rule = c.Rule;
                if (c.Type == "PER")
                {
                    // A shortened name takes the person named in full earlier in the story even when it has a link of its own
                    // (كارتر after آشتون كارتر is not the Jimmy Carter of the UniversalPetrarch seed).
                    if (Coreferent(people, keys, out var shortened) is { } earlier && (link?.Code is null || (shortened && (earlier.Code != link.Code || earlier.ActorId != link.ActorId))))
                    {
                        link = earlier;
                        rule = CorefRule;
                    }
                    else if (link is not null)
                    {
                        people.Add((keys, link));
                    }
                }

                document.Entities.Add(new Entity
                {
                    Start = start,
                    End = end,
                    Text = text[start..end],
                    Type = c.Type,
                    Actor = link?.Code,
                    Canonical = link?.Canonical,
                    Place = link?.Place is { Lat: { } lat, Lon: { } lon } p ? new Place(p.Name, lat, lon, p.Country) : null,
                    Evidence = new Evidence(c.By, Math.Round(c.Score, 3), link is null ? rule : rule is null ? "link:" + link.Rule : rule + "+link:" + link.Rule),
                });
            }
        }
    }

    /// <summary>A person mention whose words are all words (or the last word) of an earlier linked person.</summary>
    /// <param name="people">Linked persons so far, in text order.</param>
    /// <param name="keys">The mention's word keys.</param>
    /// <param name="shortened">Whether the earlier name is longer and the mention repeats its last word (a shortened repetition by
    /// family name: كارتر after آشتون كارتر), not the same words; a repeated first name alone (جورج) is not counted.</param>
    private static LinkResult? Coreferent(List<(string[] Keys, LinkResult Link)> people, string[] keys, out bool shortened)
    {
        for (var i = people.Count - 1; i >= 0; i--)
        {
            var earlier = people[i].Keys;
            if (keys.Length < earlier.Length && keys.All(k => earlier.Contains(k, StringComparer.Ordinal)))
            {
                shortened = keys.Contains(earlier[^1], StringComparer.Ordinal);
                return people[i].Link;
            }

            if (keys.SequenceEqual(earlier, StringComparer.Ordinal))
            {
                shortened = false;
                return people[i].Link;
            }
        }

        shortened = false;
        return null;
    }

    // The tag names of a decoded path.
    private static string[] TagNames(int[] path)
    {
        var tags = new string[path.Length];
        for (var i = 0; i < path.Length; i++) tags[i] = NerModel.Tags[path[i]];
        return tags;
    }

    /// <summary>Entity candidates of one sentence, non-overlapping, in text order.</summary>
    private List<Candidate> Recognize(List<Token> tokens, string[] words, NerSentence prepared, List<NerTokenFeature>[]? hints, int recordedFrom, DateOnly? date)
    {
        var norm = prepared.Norm;
        var matches = prepared.Matches;
        var dictionary = DictionarySpans(norm, matches, date);
        var modelSpans = new List<Candidate>();
        if (model is not null)
        {
            var tagger = hints is null ? model : documentModel!;
            var path = hints is not null && recordedFrom >= 0
                ? pair!.DecodeSecond(Record!, recordedFrom, hints, out var confidence)
                : tagger.Decode(words, features, tagger.Memory, out confidence, hints, prepared);
            var tags = TagNames(path);
            foreach (var (s, e, type) in Evaluation.ConllNer.Chunks(tags))
            {
                var score = 1.0;
                for (var i = s; i < e; i++) score = Math.Min(score, confidence[i]);
                var prefix = CliticPrefix(norm, matches[s], s, e, type == "PER");
                if (IsNationalityAdjective(norm, matches, s, e, prefix)) continue;
                var link = linker.Link(norm, s, e, prefix, date);
                modelSpans.Add(new Candidate(s, e, prefix, type, score, hints is null ? NerModel.Id : NerModel.DocumentId, null, link));
            }
        }

        // Dictionary spans first (longest first), then model spans that do not overlap them.
        // (A stable insertion sort in place, as OrderByDescending(length).ThenBy(start): the lists are short.)
        for (var k = 1; k < dictionary.Count; k++)
        {
            var c = dictionary[k];
            var j = k - 1;
            for (; j >= 0 && Before(c, dictionary[j]); j--) dictionary[j + 1] = dictionary[j];
            dictionary[j + 1] = c;
        }

        var taken = new bool[tokens.Count];
        var result = new List<Candidate>();
        foreach (var c in dictionary) Take(c);
        foreach (var c in modelSpans) Take(c);

        void Take(Candidate c)
        {
            var free = true;
            for (var i = c.Start; i < c.End; i++) free &= !taken[i];
            if (!free) return;
            for (var i = c.Start; i < c.End; i++) taken[i] = true;
            result.Add(c);
        }

        static bool Before(Candidate a, Candidate b) => a.End - a.Start != b.End - b.Start ? a.End - a.Start > b.End - b.Start : a.Start < b.Start;

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>سورية in "مصادر سورية" (and السوري in "النزاع السوري") is an adjective (Syrian), not the country: one word that is also a nationality adjective, not after a preposition.</summary>
    private static bool IsNationalityAdjective(string[] norm, IReadOnlyList<LexMatch>[] matches, int start, int end, int prefix)
    {
        if (end - start != 1 || prefix > 0 || ArabicForms.ConjPrepLength(norm[start], 3) > 0) return false;
        if (start > 0 && ActorLinker.IsLocative(norm[start - 1])) return false;
        if (start == 0) return false;
        var entry = matches[start].FirstOrDefault(m => m.Length == 1 && m.PrefixLength == 0).Entry;
        // مصادر سورية, and also النزاع السوري (the document pass can carry the LOC of سورية to السوري: same matching key).
        return entry?.Nationality is not null;
    }

    /// <summary>
    /// Proclitics to cut from the first token of a model span: when the rest is a known name, or before ال; in a person's name
    /// also و/ف then ب/ل (not ك: كريم is not ك + ريم) before a listed first name that the whole word is not (لمحمد عبده،
    /// وهيام يونس → محمد عبده، هيام يونس; وليد and بسام are first names themselves and stay whole).
    /// </summary>
    /// <param name="norm">The sentence's normalized tokens.</param>
    /// <param name="matchesAtStart">The lexicon matches at <paramref name="start"/> (<see cref="NerSentence.Matches"/>): the
    /// matches of the span's tokens alone are those of them that end inside it, and only whole-span ones are read here (a
    /// prefix length, the same for matches of the same length and prefix, so their order does not matter).</param>
    /// <param name="start">The span's first token.</param>
    /// <param name="end">The token after the span.</param>
    /// <param name="person">Whether the span is a person's name.</param>
    private static int CliticPrefix(string[] norm, IReadOnlyList<LexMatch> matchesAtStart, int start, int end, bool person)
    {
        var word = norm[start];
        if (ArabicForms.ConjPrepLength(word) == 0) return 0;
        var length = end - start;
        var whole = false;
        for (var k = 0; k < matchesAtStart.Count; k++)
        {
            var m = matchesAtStart[k];
            if (m.Length != length) continue;
            if (m.PrefixLength > 0) return m.PrefixLength;
            whole = true;
        }

        if (word.StartsWith(ArabicForms.Article, StringComparison.Ordinal) || whole) return 0;
        var p = ArabicForms.ConjPrepLength(word, 3);
        // و/ف/ب/ك + ال: cut before ال (بالقاهرة → القاهرة); لل (ل + ال) keeps the word whole.
        if (p > 0 && word.AsSpan(p).StartsWith(ArabicForms.Article) && !(word[p - 1] == '\u0644')) return p;
        return person ? FirstNamePrefix(word, matchesAtStart) : 0;
    }

    /// <summary>The proclitics (و/ف, then ب/ل) before a listed first name at the start of a person's name, or 0 when the whole word is a first name or none is found.</summary>
    private static int FirstNamePrefix(string word, IReadOnlyList<LexMatch> matchesAtStart)
    {
        var best = 0;
        for (var k = 0; k < matchesAtStart.Count; k++)
        {
            var m = matchesAtStart[k];
            if (m.Length != 1 || !m.Entry.FirstName) continue;
            if (m.PrefixLength == 0) return 0;
            if (word[m.PrefixLength - 1] == '\u0643' || word.AsSpan(0, m.PrefixLength).Contains(ArabicForms.Article, StringComparison.Ordinal)) continue;
            best = best == 0 ? m.PrefixLength : Math.Min(best, m.PrefixLength);
        }

        return best;
    }

    /// <summary>Curated phrases: actors.tsv names, titles, institution + nationality, places with coordinates and countries.</summary>
    private List<Candidate> DictionarySpans(string[] norm, IReadOnlyList<LexMatch>[] matches, DateOnly? date)
    {
        var result = new List<Candidate>();
        for (var i = 0; i < norm.Length; i++)
        {
            if (norm[i].Length < 2 || !char.IsLetter(norm[i][0])) continue;
            foreach (var m in matches[i])
            {
                var e = m.Entry;
                var curated = e.Actors.FirstOrDefault(a => a.Source != "petrarch");
                if (curated is not null)
                {
                    if (m.Length == 1 && IsAmbiguous(norm[i][m.PrefixLength..])) continue;
                    var link = linker.Link(norm, i, i + m.Length, m.PrefixLength, date);
                    result.Add(new Candidate(i, i + m.Length, m.PrefixLength, curated.Type, 1, DictionaryId, "actor:" + curated.Id, link));
                    break;
                }

                if (e.Titles.Count > 0 && m.Length >= 2)
                {
                    var next = i + m.Length;
                    // A title right before a name is not the entity: the name is.
                    if (next < norm.Length && matches[next].Any(x => x.Entry.Actors.Any(a => a.Type == "PER") || x.Entry.FirstName)) break;
                    if (linker.Title(e, date) is { } titled)
                    {
                        result.Add(new Candidate(i, next, m.PrefixLength, "PER", 0.8, DictionaryId, "title", titled));
                        break;
                    }
                }

                if (e.InstitutionRole is not null && i + m.Length < norm.Length)
                {
                    var after = matches[i + m.Length].FirstOrDefault(x => x.PrefixLength == 0 && (x.Entry.Nationality is not null || x.Entry.Place?.Kind == "country"));
                    if (after.Entry is not null)
                    {
                        var end = i + m.Length + after.Length;
                        var link = linker.Link(norm, i, end, m.PrefixLength, date);
                        if (link?.Code is not null) result.Add(new Candidate(i, end, m.PrefixLength, "ORG", 0.9, DictionaryId, "institution+nationality", link));
                        break;
                    }
                }

                if (e.Place is { } p && (p.Curated || p.Kind == "country") && e.Nationality is null)
                {
                    var link = linker.Link(norm, i, i + m.Length, m.PrefixLength, date);
                    result.Add(new Candidate(i, i + m.Length, m.PrefixLength, "LOC", 0.9, DictionaryId, "place", link));
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Single words that are names in the actor database but mostly common words in text.</summary>
    private static bool IsAmbiguous(string word) => Ambiguous.Contains(ArabicForms.Key(word));

    private static readonly HashSet<string> Ambiguous = new(
        EntityData.WordClass(EntityLexicon.WordClassFile, "ambiguous_name").Select(w => ArabicForms.Key(ArabicForms.Normalize(w))),
        StringComparer.Ordinal);
}
