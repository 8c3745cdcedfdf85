using Rasid.Core;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Times;

namespace Rasid.Nlp.Quotes;

/// <summary>
/// Adds the <c>quotes</c> layer: direct quotations (in « », “ ”, " ", ' ') and indirect speech introduced by a
/// reporting verb and ان/أن/إن, with the speaker (subject of the cue, the sentence's subject, or the previous
/// speaker for continuations such as مضيفا ان) linked to an entity's actor when the entities layer has one.
/// Runs after the entity components when they are present; needs only tokens.
/// </summary>
internal sealed class QuoteComponent : IDocumentComponent
{
    private const int MaxSubjectTokens = 8;
    private const int MaxCueToComplement = 14;
    private const int MaxCueToMark = 24;
    private readonly QuoteLexicon _lex;

    public QuoteComponent() : this(QuoteLexicon.Default)
    {
    }

    public QuoteComponent(QuoteLexicon lexicon)
    {
        _lex = lexicon;
        Id = "quotes.rules/" + lexicon.Version;
    }

    public string Id { get; }

    public AnnotationLayers Requires => AnnotationLayers.Tokens;

    public AnnotationLayers Adds => AnnotationLayers.Quotes;

    /// <summary>A token as the quote rules read it.</summary>
    /// <param name="Start">Start offset.</param>
    /// <param name="End">End offset (exclusive).</param>
    /// <param name="Fold">Folded text.</param>
    /// <param name="Kind">Token kind.</param>
    /// <param name="Sentence">Sentence index.</param>
    /// <param name="Verb">Whether one of its syntactic words is tagged VERB (a clause, not a speaker's name).</param>
    /// <param name="Preposition">Whether its first syntactic word is tagged ADP and a pronoun follows it (عنها، له، عليه): no speaker starts there.</param>
    /// <param name="Adposition">Whether it is a preposition alone (في، على): a noun phrase after it is its object.</param>
    /// <param name="Noun">Whether its first syntactic word after a conjunction (و، ف) is tagged NOUN or PROPN (a sentence's subject may start there).</param>
    private readonly record struct Tok(int Start, int End, string Fold, TokenKind Kind, int Sentence, bool Verb = false, bool Preposition = false, bool Adposition = false, bool Noun = false);

    private sealed record SpeakerInfo(Mention Mention, string? Actor, string? Canonical, string Rule);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var toks = BuildTokens(document);
        var marks = QuoteMarks.Find(text);
        var used = new bool[marks.Count];
        var quotes = new List<(Quote Quote, int CueToken)>();
        SpeakerInfo? previous = null;
        var previousSentence = -10;

        for (var i = 0; i < toks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tok = toks[i];
            if (tok.Kind != TokenKind.Word || _lex.Cue(tok.Fold) is not { } cue) continue;
            if (cue.Lemma == "بين" && tok.Fold.EndsWith("بين", StringComparison.Ordinal) && !text.AsSpan(tok.Start, tok.End - tok.Start).Contains('\u0651')) continue; // بين "between"
            if (InsideClosedQuote(marks, tok.Start)) continue;
            if (quotes.Any(x => x.Quote.Content.Start <= tok.Start && tok.End <= x.Quote.Content.End)) continue;

            // find what follows the cue: complementizer, colon or an opening quotation mark
            var subjectStart = i + 1;
            var j = i + 1;
            int contentFrom = -1;
            var viaMark = -1;
            var colon = false;
            while (j < toks.Count && j - i <= MaxCueToMark && toks[j].Sentence == tok.Sentence)
            {
                var f = toks[j].Fold;
                var markIndex = MarkOpeningAt(marks, toks[j].Start);
                if (markIndex >= 0 && marks[markIndex].Closed && FollowedByComplement(toks, marks[markIndex]) is int after)
                {
                    j = after; // a quoted name as subject: وأفاد «المرصد السوري» بأن
                    continue;
                }

                if (markIndex >= 0 && WordCount(text, marks[markIndex]) >= 3) { viaMark = markIndex; break; }
                if (f == ":") { colon = true; contentFrom = j + 1; break; }
                if (j - i > MaxCueToComplement) { j++; continue; }
                if (_lex.In("comp", f)) { contentFrom = j + 1; break; }
                if (_lex.In("link", f) && j + 1 < toks.Count && _lex.In("comp", toks[j + 1].Fold)) { contentFrom = j + 2; break; }
                if (f is "." or "؟" or "!" or "؛") break;
                if (toks[j].Kind == TokenKind.Word && _lex.Cue(f) is not null) break;
                j++;
            }

            if (contentFrom < 0 && viaMark < 0) continue;
            var subjectEnd = j; // exclusive token index (complementizer, link, colon or the quote)
            if (contentFrom > 0 && _lex.In("link", toks[j].Fold)) subjectEnd = j;

            // content
            int cs, ce;
            var kind = QuoteKind.Indirect;
            string rule;
            if (viaMark < 0 && contentFrom < toks.Count)
            {
                // a quotation opening right after the complementizer (or one word later) is the content
                for (var k = contentFrom; k < toks.Count && k <= contentFrom + 1 && toks[k].Sentence == tok.Sentence; k++)
                {
                    var m = MarkOpeningAt(marks, toks[k].Start);
                    if (m >= 0 && !used[m] && WordCount(text, marks[m]) >= 3) { viaMark = m; break; }
                }
            }

            if (viaMark >= 0)
            {
                var q = marks[viaMark];
                used[viaMark] = true;
                (cs, ce) = (q.ContentStart, q.ContentEnd);
                kind = QuoteKind.Direct;
                rule = colon ? "cue+colon+quote" : contentFrom > 0 ? "cue+comp+quote" : "cue+quote";
            }
            else
            {
                if (contentFrom >= toks.Count || toks[contentFrom].Sentence != tok.Sentence) continue;
                cs = toks[contentFrom].Start;
                ce = ContentEnd(document, toks, contentFrom, marks, used, colon, out var closedByMark);
                if (closedByMark || colon) kind = QuoteKind.Direct;
                rule = colon ? "cue+colon" : "cue+comp";
            }

            if (ce <= cs) continue;

            // speaker
            var speaker = SubjectSpeaker(document, toks, subjectStart, subjectEnd);
            if (speaker is null)
            {
                var sentenceInitial = IsSentenceInitial(toks, i);
                if ((cue.Participle || sentenceInitial) && previous is not null && tok.Sentence - previousSentence <= 3)
                {
                    speaker = previous with { Rule = cue.Participle ? "continuation" : "previous-speaker" };
                }
                else if (!sentenceInitial && !cue.Participle)
                {
                    // "، وأكدت أنه": a cue with و opens a clause whose subject is the sentence's subject
                    var conjoined = tok.Fold.Length > 2 && tok.Fold[0] is 'و' or 'ف' && _lex.Cue(tok.Fold[1..]) is not null;
                    if (conjoined && previous is not null && tok.Sentence - previousSentence <= 3) speaker = previous with { Rule = "previous-speaker" };
                    else speaker = (conjoined ? null : BeforeCue(document, toks, i)) ?? EarlierInSentence(document, toks, i);
                }
                else if (cue.Participle && previous is null)
                {
                    speaker = EarlierInSentence(document, toks, i);
                }
            }

            var quote = new Quote
            {
                Kind = kind,
                Content = Mention.Of(text, TextRange.FromBounds(cs, ce)),
                Cue = Mention.Of(text, TextRange.FromBounds(tok.Start, tok.End)),
                Speaker = speaker?.Mention,
                SpeakerActor = speaker?.Actor,
                SpeakerCanonical = speaker?.Canonical,
                Evidence = new Evidence(Id, Rule: $"{rule};cue={cue.Lemma};speaker={speaker?.Rule ?? "none"}"),
            };
            quotes.Add((quote, i));
            if (speaker is not null) { previous = speaker; previousSentence = tok.Sentence; }
        }

        // long quotations without a cue: speech continuing the previous speaker (or a cue right after them)
        for (var m = 0; m < marks.Count; m++)
        {
            if (used[m] || !marks[m].Closed || WordCount(text, marks[m]) < 5 || InsideOther(marks, m)) continue;
            var q = marks[m];
            if (quotes.Any(x => x.Quote.Content.Start <= q.ContentStart && x.Quote.Content.End >= q.ContentEnd)) continue;
            var speaker = SpeakerForOrphan(document, toks, q, quotes);
            if (speaker.Info is null) continue; // a list or title in quotation marks, not speech
            var cueMention = speaker.Cue;
            quotes.Add((new Quote
            {
                Kind = QuoteKind.Direct,
                Content = Mention.Of(text, TextRange.FromBounds(q.ContentStart, q.ContentEnd)),
                Cue = cueMention,
                Speaker = speaker.Info?.Mention,
                SpeakerActor = speaker.Info?.Actor,
                SpeakerCanonical = speaker.Info?.Canonical,
                Evidence = new Evidence(Id, Rule: $"quotation-marks;speaker={speaker.Info?.Rule ?? "none"}"),
            }, -1));
        }

        document.Quotes.AddRange(quotes.OrderBy(x => x.Quote.Content.Start).Select(x => x.Quote));
    }

    private static List<Tok> BuildTokens(Document document)
    {
        var toks = new List<Tok>(document.Tokens.Count);
        var s = 0;
        foreach (var t in document.Tokens)
        {
            while (s < document.Sentences.Count - 1 && t.Start >= document.Sentences[s].End) s++;
            var fold = ArabicFold.Fold(t.Text);
            if (fold.Length == 0) continue; // a lone diacritic or tatweel
            var verb = t.Words.Exists(w => w.Upos == "VERB");
            var preposition = t.Words.Count >= 2 && t.Words[0].Upos == "ADP" && t.Words[^1].Upos == "PRON";
            var adposition = t.Words.Count == 1 && t.Words[0].Upos == "ADP";
            var head = t.Words.Find(w => w.Upos != "CCONJ");
            var noun = head?.Upos is "NOUN" or "PROPN";
            toks.Add(new Tok(t.Start, t.End, fold, t.Kind, s, verb, preposition, adposition, noun));
        }

        return toks;
    }

    private static bool InsideClosedQuote(List<QuotedSpan> marks, int pos) =>
        marks.Any(m => m.Closed && m.Open < pos && pos < m.Close && WordCountRange(m) > 0);

    private static int WordCountRange(QuotedSpan m) => m.ContentEnd - m.ContentStart;

    private static bool InsideOther(List<QuotedSpan> marks, int m) =>
        marks.Where((x, k) => k != m).Any(x => x.Open < marks[m].Open && marks[m].Close <= x.Close);

    private static int MarkOpeningAt(List<QuotedSpan> marks, int pos)
    {
        for (var k = 0; k < marks.Count; k++) if (marks[k].Open == pos) return k;
        return -1;
    }

    private static int WordCount(string text, QuotedSpan q) =>
        text[q.ContentStart..q.ContentEnd].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private bool ComplementWithin(List<Tok> toks, int from, int n)
    {
        for (var k = from; k < toks.Count && k < from + n; k++)
        {
            if (_lex.In("comp", toks[k].Fold)) return true;
        }

        return false;
    }

    /// <summary>Index of the token after a closed quotation when a complementizer follows it, else null.</summary>
    private int? FollowedByComplement(List<Tok> toks, QuotedSpan q)
    {
        var k = toks.FindIndex(t => t.Start > q.Close);
        if (k < 0) return null;
        return _lex.In("comp", toks[k].Fold) || (_lex.In("link", toks[k].Fold) && k + 1 < toks.Count && _lex.In("comp", toks[k + 1].Fold)) ? k : null;
    }

    private static bool NewParagraphBetween(string text, int from, int to) => text.AsSpan(from, to - from).Contains('\n');

    private static bool IsSentenceInitial(List<Tok> toks, int i) => i == 0 || toks[i - 1].Sentence != toks[i].Sentence;

    /// <summary>End of indirect content: sentence end, or before "، مضيفا"/"و+cue", or the close of a quotation opened inside it.</summary>
    private int ContentEnd(Document document, List<Tok> toks, int from, List<QuotedSpan> marks, bool[] used, bool toParagraphEnd, out bool closedByMark)
    {
        closedByMark = false;
        var sentence = toks[from].Sentence;
        var last = from;
        for (var k = from; k < toks.Count && (toks[k].Sentence == sentence || (toParagraphEnd && !NewParagraphBetween(document.Text, toks[k - 1].End, toks[k].Start))); k++)
        {
            var f = toks[k].Fold;
            if (k > from && toks[k].Kind == TokenKind.Word && _lex.Cue(f) is { } c && (c.Participle || toks[k - 1].Fold is "،" or "," || (f[0] == 'و' && ComplementWithin(toks, k + 1, 3)))) break;
            if (k > from && f is "،" or "," && k + 1 < toks.Count && (_lex.Cue(toks[k + 1].Fold) is not null || (toks[k + 1].Fold.StartsWith('و') && _lex.In("comp", toks[k + 1].Fold[1..])))) break;
            var m = MarkOpeningAt(marks, toks[k].Start);
            if (m >= 0 && k <= from + 6 && marks[m].Closed && WordCount(document.Text, marks[m]) >= 3)
            {
                used[m] = true;
                closedByMark = true;
                return marks[m].ContentEnd;
            }

            if (f is "." or "؟" or "!" && !toParagraphEnd) break;
            last = k;
        }

        var end = toks[last].End;
        while (end > toks[from].Start && document.Text[end - 1] is '.' or '،' or ',' or ':' or '؛') end--;
        return end;
    }

    /// <summary>The subject between the cue and the complementizer (VSO): up to a stop word or punctuation.</summary>
    private SpeakerInfo? SubjectSpeaker(Document document, List<Tok> toks, int from, int to)
    {
        // نقل X عن Y أن: the source is Y
        for (var k = from; k < to; k++)
        {
            if (toks[k].Fold == "عن" && k > from && _lex.Cue(toks[from - 1].Fold) is { Lemma: "نقل" }) { from = k + 1; break; }
        }

        while (from < to && IsQuoteMark(toks[from].Fold)) from++;
        var end = from;
        var appositive = false;
        while (end < to && end - from < MaxSubjectTokens)
        {
            var t = toks[end];
            if (IsQuoteMark(t.Fold)) { end++; continue; }
            if (t.Fold is "،" or "," && !appositive && end > from && Appositive(toks, end + 1, to) is int appEnd)
            {
                // رئيس الحكومة التركية، أحمد داود أوغلو، أن
                appositive = true;
                end = appEnd;
                break;
            }

            if (t.Kind is TokenKind.Punctuation or TokenKind.Number) break;
            if (_lex.In("stop", t.Fold) || t.Preposition) break; // قال عنها: the phrase is about someone, not the speaker
            if (_lex.Cue(t.Fold) is not null) break;
            if (end + 1 < to && _lex.In("stop2", t.Fold + " " + toks[end + 1].Fold)) break;
            if (t.Fold.StartsWith("لل", StringComparison.Ordinal) || (t.Fold.StartsWith("ل", StringComparison.Ordinal) && t.Fold.Length > 4 && t.Fold[1] is 'و' && t.Fold.Contains("كال", StringComparison.Ordinal))) break; // للصحفيين، لوكالة
            if (document.Times.Any(x => x.Start < t.End && t.Start < x.End)) break;
            end++;
        }

        while (end > from && IsQuoteMark(toks[end - 1].Fold)) end--;
        if (end == from) return null;
        return MakeSpeaker(document, toks[from].Start, toks[end - 1].End, "subject-after-cue");
    }

    private static bool IsQuoteMark(string f) => f is "«" or "»" or "\"" or "“" or "”" or "{" or "}";

    /// <summary>End (exclusive) of a short name between commas, or null.</summary>
    private int? Appositive(List<Tok> toks, int from, int to)
    {
        var k = from;
        while (k < to && k - from < 5 && toks[k].Kind == TokenKind.Word && !_lex.In("stop", toks[k].Fold)) k++;
        if (k == from || k - from >= 5) return null;
        return k == to || toks[k].Fold is "،" or "," ? k : null;
    }

    /// <summary>SVO order: the noun phrase right before the cue ("أحمد داود أوغلو أعلن أن").</summary>
    private SpeakerInfo? BeforeCue(Document document, List<Tok> toks, int cueIndex)
    {
        var end = cueIndex;
        if (end > 0 && toks[end - 1].Fold is "،" or ",") end--;
        var k = end;
        while (k > 0 && end - k < 6 && toks[k - 1].Sentence == toks[cueIndex].Sentence)
        {
            var t = toks[k - 1];
            if (t.Kind != TokenKind.Word || _lex.In("stop", t.Fold) || _lex.In("particle", t.Fold) || _lex.Cue(t.Fold) is not null) break;
            k--;
        }

        if (k == end) return null;
        // a verb inside is a clause of its own (حيث لم يقدره أحد، قال), and a phrase after a preposition its object
        // (في حديث عفوي، قال): neither is the speaker's noun phrase
        for (var v = k; v < end; v++) if (toks[v].Verb) return null;
        if (k > 0 && toks[k - 1].Sentence == toks[cueIndex].Sentence && toks[k - 1].Adposition && !_lex.In("particle", toks[k - 1].Fold)) return null;
        // the phrase must start at a boundary (sentence start, punctuation or a stop word), not in the middle of a clause
        var boundary = k == 0 || toks[k - 1].Sentence != toks[cueIndex].Sentence || toks[k - 1].Kind == TokenKind.Punctuation || _lex.In("stop", toks[k - 1].Fold) || _lex.In("particle", toks[k - 1].Fold);
        if (!boundary) return null;
        return MakeSpeaker(document, toks[k].Start, toks[end - 1].End, "subject-before-cue");
    }

    /// <summary>The subject named earlier in the sentence: an entity before the cue, else the sentence's first noun phrase.</summary>
    private SpeakerInfo? EarlierInSentence(Document document, List<Tok> toks, int cueIndex)
    {
        var sentence = toks[cueIndex].Sentence;
        var first = cueIndex;
        while (first > 0 && toks[first - 1].Sentence == sentence) first--;
        var k = first;
        while (k < cueIndex && _lex.In("particle", toks[k].Fold)) k++;
        if (k >= cueIndex) return EntityBeforeCue(document, toks, first, cueIndex);
        // a sentence opening with a definite noun is SVO; otherwise skip the verb
        var startsWithNoun = toks[k].Fold.StartsWith("ال", StringComparison.Ordinal) || toks[k].Fold.StartsWith("وال", StringComparison.Ordinal);
        if (!startsWithNoun && !toks[k].Noun) k++;
        // the subject's noun phrase: a definite noun keeps only definite words after it (المقاومة الشعبية | سيطرتها)
        var end = Math.Min(cueIndex, k + 3);
        for (var m = k + 1; m < end; m++)
        {
            if (ArabicForms.IsDefinite(toks[m - 1].Fold) && !ArabicForms.IsDefinite(toks[m].Fold)) { end = m; break; }
        }

        // The sentence's own subject phrase first (linked to an entity inside it by MakeSpeaker); an entity elsewhere
        // before the cue is only a fallback: "ورحب مصدر امني في دمشق لوكالة فرانس برس ... الذي قال" is the source's speech, not AFP's.
        var s = k < cueIndex ? SubjectSpeaker(document, toks, k, end) : null;
        if (s is not null) return s with { Rule = s.Rule.Replace("subject-after-cue", "sentence-subject", StringComparison.Ordinal) };
        return EntityBeforeCue(document, toks, first, cueIndex);
    }

    private static SpeakerInfo? EntityBeforeCue(Document document, List<Tok> toks, int first, int cueIndex)
    {
        int from = toks[first].Start, to = toks[cueIndex].Start;
        var entity = document.Entities
            .Where(e => e.Start >= from && e.End <= to && (e.Type is "PER" or "ORG" || (e.Type == "LOC" && e.Actor is not null)))
            .OrderBy(e => e.Type == "LOC" ? 1 : 0).ThenByDescending(e => e.Start).FirstOrDefault();
        return entity is null ? null : new SpeakerInfo(Mention.Of(document.Text, entity.Range), entity.Actor, entity.Canonical, "entity-before-cue");
    }

    private SpeakerInfo MakeSpeaker(Document document, int start, int end, string rule)
    {
        var text = document.Text;
        var range = TextRange.FromBounds(start, end);
        var entity = document.Entities.Where(e => e.Range.Overlaps(range))
            .OrderBy(e => e.Type == "PER" ? 0 : e.Type == "ORG" ? 1 : 2).ThenByDescending(e => e.Actor is not null).FirstOrDefault();
        if (entity is not null)
        {
            return new SpeakerInfo(Mention.Of(text, range), entity.Actor, entity.Canonical, rule + ";entity");
        }

        var head = QuoteLexicon.WithoutConjunction(ArabicFold.Fold(text[start..end].Split(' ')[0])).Any(f => _lex.In("anon", f));
        return new SpeakerInfo(Mention.Of(text, range), null, null, head ? rule + ";anonymous" : rule);
    }

    private (SpeakerInfo? Info, Mention? Cue) SpeakerForOrphan(Document document, List<Tok> toks, QuotedSpan q, List<(Quote Quote, int CueToken)> quotes)
    {
        // «...»، قال الوزير / "..." يقول X
        var k = toks.FindIndex(t => t.Start >= q.Close + 1);
        while (k >= 0 && k < toks.Count && toks[k].Kind == TokenKind.Punctuation) k++;
        if (k >= 0 && k < toks.Count && toks[k].Kind == TokenKind.Word && _lex.Cue(toks[k].Fold) is { Participle: false } && !NewParagraphBetween(document.Text, q.Close, toks[k].Start))
        {
            var end = k + 1;
            while (end < toks.Count && toks[end].Sentence == toks[k].Sentence && end - k <= MaxSubjectTokens) end++;
            var s = SubjectSpeaker(document, toks, k + 1, end);
            if (s is not null) return (s with { Rule = s.Rule.Replace("subject-after-cue", "cue-after-quote", StringComparison.Ordinal) }, Mention.Of(document.Text, TextRange.FromBounds(toks[k].Start, toks[k].End)));
        }

        var before = quotes.Where(x => x.Quote.Content.End <= q.Open && x.Quote.Speaker is not null).OrderByDescending(x => x.Quote.Content.End).FirstOrDefault();
        if (before.Quote is { } p && q.Open - p.Content.End < 600)
        {
            return (new SpeakerInfo(p.Speaker!, p.SpeakerActor, p.SpeakerCanonical, "previous-speaker"), null);
        }

        return (null, null);
    }
}
