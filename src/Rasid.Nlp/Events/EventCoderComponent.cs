using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Rasid.Core;
using Rasid.Nlp.Entities;
using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>
/// Codes PLOVER/CAMEO events sentence by sentence: triggers from <c>data/events/triggers.tsv</c>, ASSAULT and PROTEST
/// confirmed by the trained <see cref="EventDetector"/>, source and target from the entity layer (actor codes) and
/// agent phrases by word-order patterns (VSO, SVO, passive على يد/من قبل, nominal predicates with a genitive),
/// date from a time expression of the sentence (else the article's date, flagged), place from a geocoded LOC entity,
/// negation and modality; the same event reported twice in an article becomes one event with two mentions.
/// Reads the Entities and Times layers when earlier components produced them.
/// </summary>
internal sealed partial class EventCoderComponent : IDocumentComponent
{
    public const string ComponentId = "events.coder/1";

    private static readonly HashSet<string> DetectedTypes = new(StringComparer.Ordinal) { "ASSAULT", "PROTEST" };

    // Negation words before a trigger and denial verbs earlier in the sentence (folded; data/events/function_words.tsv).
    private static readonly FrozenSet<string> NegationWords = EventWords.Negation;
    private static readonly FrozenSet<string> DenialWords = EventWords.Denial;

    // قد and سوف each select their own reading of the verb after them (possible, future): rule words, not a list.
    private const string Qad = "\u0642\u062F";           // قد
    private const string Sawfa = "\u0633\u0648\u0641";   // سوف

    private readonly EventKnowledge _knowledge;
    private readonly EventDetector? _detector;
    private readonly Entities.WordClusters _clusters;

    /// <summary>Creates the coder with the shipped knowledge and model.</summary>
    public EventCoderComponent()
        : this(EventKnowledge.Default, EventDetector.Default)
    {
    }

    public EventCoderComponent(EventKnowledge knowledge, EventDetector? detector)
    {
        _knowledge = knowledge;
        _detector = detector;
        _clusters = detector is null ? Entities.WordClusters.Empty : Entities.WordClusters.Default;
    }

    /// <summary>The same coder without the trained detector: every ASSAULT/PROTEST trigger is coded (evaluation of roles given the event).</summary>
    public EventCoderComponent WithoutDetector() => new(_knowledge, detector: null);

    /// <summary>
    /// Why a document has no event of <paramref name="type"/> (error reports): per sentence, the first kept trigger of the
    /// type and the detector's score (margin over its threshold), a trigger the coder does not code ("purpose", "embedded"),
    /// or "no trigger".
    /// </summary>
    public string Explain(Document document, string type)
    {
        var parts = new List<string>();
        foreach (var sentence in SentenceView.FromDocument(document))
        {
            var hits = TriggerMatcher.Find(sentence, _knowledge);
            if (!CandidateTypes(hits).Contains(type))
            {
                // A trigger of the type that the coder does not code: a purpose noun (لمحاربة) or content of an irrealis trigger.
                if (hits.FirstOrDefault(h => h.Entry.Plover == type) is { } gated)
                {
                    parts.Add($"\"{sentence.Tokens[gated.First].Text}\" {(gated.IsPurpose ? "purpose" : "embedded")}");
                }

                continue;
            }

            var hit = hits.First(h => h.Entry.Plover == type);
            var features = EventDetector.Features(sentence, hits, _clusters, _knowledge.Cues);
            var score = _detector?.Score(type, features);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"\"{sentence.Tokens[hit.First].Text}\" {score:+0.00;-0.00}"));
        }

        return parts.Count == 0 ? "no trigger" : string.Join(", ", parts);
    }

    /// <summary>
    /// The types of the triggers the coder would code in a sentence: not a purpose noun (لمحاربة) and not a noun embedded
    /// under an irrealis trigger (دعا الى تشكيل) unless it names the participants (ودعا متظاهرون الى الافراج). The detector's threshold is chosen on these sentences.
    /// </summary>
    public static HashSet<string> CandidateTypes(IReadOnlyList<TriggerHit> hits)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var embedded = false;
        foreach (var hit in hits)
        {
            var isContent = hit.IsPurpose || (embedded && !hit.IsVerb && !hit.NamesParticipants);
            if (hit.Entry.Embeds) embedded = true;
            if (!isContent) types.Add(hit.Entry.Plover);
        }

        return types;
    }

    public string Id => ComponentId;

    public AnnotationLayers Requires => AnnotationLayers.Sentences | AnnotationLayers.Tokens;

    public AnnotationLayers Adds => AnnotationLayers.Events;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var raw = new List<RawEvent>();
        foreach (var sentence in SentenceView.FromDocument(document))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CodeSentence(document, sentence, raw);
        }

        document.Events.AddRange(Merge(document, raw));
    }

    private void CodeSentence(Document document, SentenceView sentence, List<RawEvent> output)
    {
        var hits = TriggerMatcher.Find(sentence, _knowledge);
        var triggerTokens = new HashSet<int>();
        foreach (var hit in hits)
        {
            for (var k = hit.First; k <= hit.Last; k++) triggerTokens.Add(k);
        }

        var mentions = ActorMentions.Find(document, sentence, _knowledge, triggerTokens);
        Dictionary<string, double>? scores = null;
        // The detector only confirms ASSAULT/PROTEST triggers: a sentence without one needs no features.
        if (_detector is not null && hits.Any(h => DetectedTypes.Contains(h.Entry.Plover)))
        {
            var features = EventDetector.Features(sentence, hits, _clusters, _knowledge.Cues);
            scores = [];
            foreach (var type in DetectedTypes)
            {
                if (_detector.Score(type, features) is { } score) scores[type] = score;
            }
        }

        // Session 12: role assignment reads a one-word ASSAULT trigger of a noun row as the verb it is when the tagger says so
        // (the noun row اطلاق|اطلق|اطلقت lists perfect forms: «طائرة بدون طيار تابعة لجيش الاحتلال أطلقت ... صاروخا» has a subject).
        // Detection and the purpose/content gating keep the row's kind.
        var roleHits = hits.Select(h => VerbReading(h, sentence)).ToList();
        var embedded = false;
        var seenTypes = new HashSet<string>(StringComparer.Ordinal);
        ActorMention? lastSource = null;
        ActorMention? lastProtestSource = null;
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            var entry = hit.Entry;
            seenTypes.Add(entry.Plover);
            var isContent = hit.IsPurpose || (embedded && !hit.IsVerb && !hit.NamesParticipants);
            if (entry.Embeds) embedded = true;
            if (isContent) continue;
            double? score = null;
            if (scores is not null && scores.TryGetValue(entry.Plover, out var s))
            {
                if (s < 0) continue;
                score = s;
            }

            var (source, target) = AssignRoles(roleHits[h], sentence, mentions, roleHits, lastSource, lastProtestSource);
            // An adverbial participle (منتقدا، منددا) shares the subject of the sentence's previous event.
            if (source is null && lastSource is not null && IsAdverbialParticiple(sentence.Tokens[hit.First])) source = lastSource;
            if (source is not null) lastSource = source;
            if (source is not null && entry.Plover == "PROTEST") lastProtestSource = source;
            if (!DetectedTypes.Contains(entry.Plover) && source is null && target is null) continue;
            // The protesters' noun (ورفع المتظاهرون لافتات) reports the event; its predicate is the verb they are the subject of.
            var predicate = hit.NamesParticipants && entry.Plover == "PROTEST" ? ProtestPredicate(sentence.Tokens, hit, hits, mentions, _knowledge.Cues) : -1;
            var (first, last, isVerb) = predicate >= 0 ? (predicate, predicate, true) : (hit.First, hit.Last, hit.IsVerb);
            output.Add(Build(document, sentence, first, last, entry.Plover, entry.Cameo, entry.Mode, entry.Lemma, source, target,
                new Evidence(ComponentId, score is null ? null : Probability(score.Value), entry.Id + " " + entry.Lemma), mentions, isVerb));
        }

        // No model-only events: a sentence the detector scores positive but without a dictionary trigger of the type
        // («وقال وزير الآثار في البيان إن البعثة اكتشفت ...») is not coded; on the GSR dev split they added no true positive.
    }

    /// <summary>
    /// The verb whose subject is a protester noun (session 12), as the GSR annotators mark a protest event: before the phrase
    /// (its count included) within two words (ورفع المتظاهرون، وألقى عشرات المتظاهرين، ورفع خلالها المتظاهرون) or, after an
    /// auxiliary or when none stands before, a plural verb within four words after it (ان متظاهرين اطلقوا، وكان متظاهرون بمدينة
    /// العريش قد حطموا). The tagger's VERB tag decides (or, before the noun, the <c>utter</c> class); a verb that is itself a PROTEST
    /// trigger keeps its own event; a governed noun has no predicate. -1 when none.
    /// </summary>
    private static int ProtestPredicate(IReadOnlyList<ViewToken> tokens, TriggerHit hit, IReadOnlyList<TriggerHit> hits, List<ActorMention> mentions, RoleCues cues)
    {
        var phrase = mentions.FirstOrDefault(m => m.First <= hit.Last && m.Last >= hit.First);
        // A governed noun (تضامنهم مع المتظاهرين) is no subject.
        if (phrase is { Preposition: not null }) return -1;
        var (lead, end) = phrase is null ? (hit.First, hit.Last) : (Math.Min(phrase.Lead, hit.First), Math.Max(phrase.Last, hit.Last));
        bool IsProtestTrigger(int k) => hits.Any(h => h != hit && h.Entry.Plover == "PROTEST" && h.First <= k && h.Last >= k);
        var words = 0;
        for (var k = lead - 1; k >= 0 && words < 2; k--)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation) break;
                continue;
            }

            words++;
            if (mentions.Any(m => m.First <= k && m.Last >= k)) break;
            // The tagger reads some sentence-initial verbs as masdars (ورفع المتظاهرون); a demonstrator's act of role_cues.tsv class
            // utter (رفع، حمل، ردد) right before the protesters is their verb.
            if (tokens[k].Upos != "VERB" && !cues.Is("utter", tokens[k])) continue;
            if (cues.Is("auxiliary", tokens[k])) break;
            return IsProtestTrigger(k) ? -1 : k;
        }

        words = 0;
        for (var k = end + 1; k < tokens.Count && words < 4; k++)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation) break;
                continue;
            }

            words++;
            if (cues.Is("relative", tokens[k])) break;
            if (tokens[k].Upos != "VERB" || tokens[k].Folded == Qad) continue;
            return PluralVerb(tokens[k]) && !IsProtestTrigger(k) ? k : -1;
        }

        return -1;
    }

    private static TriggerHit VerbReading(TriggerHit hit, SentenceView sentence) =>
        !hit.IsVerb && hit.Entry.Plover == "ASSAULT" && hit.First == hit.Last && sentence.Tokens[hit.First].Upos == "VERB" ? hit with { IsVerb = true } : hit;

    private static double Probability(double margin) => Math.Round(1 / (1 + Math.Exp(-margin)), 3);

    private static bool IsAdverbialParticiple(ViewToken token) =>
        token.Folded.Length >= 5 && token.Folded[0] == '\u0645' && token.Folded[^1] == '\u0627'; // م...ا

    private RawEvent Build(Document document, SentenceView sentence, int first, int last, string type, string cameo, string? mode, string lemma,
        ActorMention? source, ActorMention? target, Evidence evidence, List<ActorMention> mentions, bool isVerb)
    {
        var tokens = sentence.Tokens;
        var trigger = Mention.Of(document.Text, TextRange.FromBounds(tokens[first].Start, tokens[last].End));
        var (negated, modality) = Modality(sentence, first, isVerb);
        var (date, fromArticle) = Date(document, sentence, first);
        return new RawEvent
        {
            Type = type, Cameo = cameo, Mode = mode, Lemma = lemma,
            Source = Participant(document, source), Target = Participant(document, target),
            Trigger = trigger, Date = date, DateFromArticle = fromArticle,
            Place = PlaceOf(sentence, first, mentions),
            Negated = negated, Modality = modality, Sentence = sentence.Range, Evidence = evidence,
        };
    }

    private static EventParticipant? Participant(Document document, ActorMention? mention) => mention is null
        ? null
        : new EventParticipant { Start = mention.PhraseStart, End = mention.End, Text = document.Text[mention.PhraseStart..mention.End], Actor = mention.Code };

    /// <summary>Source and target of a trigger from word order, prepositions and the cues of role_cues.tsv.</summary>
    private (ActorMention? Source, ActorMention? Target) AssignRoles(TriggerHit hit, SentenceView sentence, List<ActorMention> mentions,
        IReadOnlyList<TriggerHit> hits, ActorMention? previousSource, ActorMention? previousProtestSource)
    {
        var entry = hit.Entry;
        var tokens = sentence.Tokens;
        var cues = _knowledge.Cues;
        var candidates = mentions.Where(m => m.Last < hit.First || m.First > hit.Last).ToList();
        var explicitSource = PassiveAgent(hit, sentence, candidates);
        // احتجاجا على مقتل ثلاثة مدنيين على يد قوات التحالف: an agent marker farther than three words after a protest trigger names
        // the agent of the act protested against — the protest's target, not its source (احتجاجات من قبل متظاهرين is the source).
        ActorMention? protestedAgent = null;
        if (entry.Plover == "PROTEST" && explicitSource is not null && WordsBetween(tokens, hit.Last, explicitSource.First) > 3)
        {
            protestedAgent = explicitSource;
            explicitSource = null;
        }

        ActorMention? source = explicitSource;
        ActorMention? target = null;
        if (hit.IsVerb)
        {
            var post = candidates.FirstOrDefault(m => m.Lead > hit.Last && WordsBetween(tokens, hit.Last, m.Lead) <= 3 && m.Preposition is null && !ClauseBreak(tokens, hit.Last, m.First));
            var pre = FirstConjunct(tokens, hit, Subject(tokens, hit.First, candidates, cues), candidates);
            // ان انتحاريا يقود سيارة مفخخة فجر نفسه: the subject right after ان, separated from its verb by a clause.
            var complement = ComplementSubject(tokens, hit.First, candidates, hits);
            if (complement is not null && (pre is null || (!IsAttackerMention(pre) && IsAttackerMention(complement)))) pre = complement;
            // بأن مهاجما انتحاريا فجر نفسه: the subject after ان may be split into two mentions; the one before the verb continues it.
            var afterComplementizer = complement is not null && pre is not null && pre != complement && complement.Last < pre.First && WordsBetween(tokens, complement.Last, pre.First) == 0;
            var speaker = source is null ? PronounSubject(tokens, hit.First, candidates) : null;
            if (speaker is not null)
            {
                // اكد حلف شمال الاطلسي انه قتل نحو 150 متمردا: the pronoun of انه/انها/انهم right before the verb is its subject
                // and stands for the speaker; the name after the verb is the object.
                source = speaker;
                target = post;
            }
            else if (entry.Plover == "ASSAULT" && (IsPassive(tokens, hit, cues) || VictimAfterBarePerfect(tokens, hit, post)) && !(post is not null && IsAttackerMention(post)))
            {
                // قتل 18 شخصا، اغتيل ...: the name after the verb (or before a passive plural: شخصين قتلا) is the patient.
                target = post ?? pre;
                source ??= OtherAgent(tokens, hit, hits, candidates, cues);
            }
            else if (entry.Plover == "ASSAULT" && source is null && pre is not null && !pre.IsObject && NoObjectAfterBarePerfect(tokens, hit, candidates, cues))
            {
                // ان مقاتلا قتل بعدما اطلقت طائرة ...: an unvocalised bare perfect casualty verb with no object after it is a passive;
                // the subject before it is the patient.
                target = pre;
                source ??= OtherAgent(tokens, hit, hits, candidates, cues);
            }
            else if (pre is null && source is null && PluralVerb(tokens[hit.First]))
            {
                // A plural verb never precedes its subject (اختطفوا سبعة جنود): the name after it is the object; the subject
                // is the previous event's (اقتحم مسلحون ... وخطفوا أربعة أوروبيين) or unknown.
                source = previousSource;
                target = post;
            }
            else if (pre is null && post is null && source is null && previousSource is not null && tokens[hit.First].Folded[0] is '\u0648' or '\u0641')
            {
                // وأفرجت ... وقتلت التاسع: a coordinated verb without a subject of its own shares the previous event's.
                // اقتحم مسلحون ... وخطفوا أربعة أوروبيين: a plural verb never precedes its subject; it shares the previous event's.
                source = previousSource;
                target = post;
            }
            else if (entry.Plover == "ASSAULT" && pre is not null && PatientBeforeVerb(tokens, pre, cues))
            {
                target = pre; // 28 شخصا على الاقل قتلوا
            }
            else if (source is null)
            {
                var svo = pre is not null && (pre.First == 0 || IsComplementizer(tokens, pre.First - 1) || cues.Is("auxiliary", tokens[PreviousWord(tokens, pre.First)]) ||
                    PluralVerb(tokens[hit.First]) || post is null || NumberFollows(tokens, hit.Last) || afterComplementizer);
                // قتلت 47 ارهابيا، خطفت 23 من الكوريين: a feminine verb does not agree with a counted masculine group after it, so
                // the group is its object, not its subject.
                var objectCount = !svo && post is not null && FeminineVerb(tokens[hit.First]) && MasculineCount(tokens, post);
                source = svo ? pre : objectCount ? null : post;
                if (objectCount) target = post;
                // The name after the verb is its object; it is the target only when the row takes a direct object (طلب "المساعدة
                // العسكرية" من حليفه: the target comes with من, the thing asked for is no participant).
                if (svo && post is not null && target is null && post != pre && (entry.DirectObject || entry.TargetPrepositions.Count == 0)) target = post;
            }
            else
            {
                // ضابط شرطة ... اختطفا ... على يد مسلحين: with a passive agent and no object, the subject before the verb is its patient.
                // The agent itself may be the first name after the verb (اختطف على يد مسلحين): it is no object.
                var passive = explicitSource is not null && source == explicitSource && entry.Plover == "ASSAULT";
                var obj = passive && post == explicitSource ? null : post;
                target = obj ?? (passive ? pre : null);
            }
        }
        else
        {
            var genitive = Genitive(tokens, hit, candidates);
            var support = SupportVerb(tokens, hit.First, cues);
            if (support < 0) support = DistantSupportVerb(tokens, hit, candidates, hits, cues);
            if (support >= 0)
            {
                // قام مسلحون بخطف X، الجيش نجح في قتل X: the light verb's subject is the source, the masdar's genitive the target.
                var between = candidates.FirstOrDefault(m => m.First > support && m.Last < hit.First && m.Preposition is null);
                // تم شن ضربة جوية أميركية: a nationality adjective after the noun names the agent, not the target.
                var adjective = genitive is { IsAdjective: true } ? genitive : null;
                source ??= between ?? adjective ?? Subject(tokens, support, candidates, cues);
                if (adjective is null) target = genitive ?? PronounObject(tokens, hit, support, candidates, source);
            }
            else if (genitive is not null && (entry.Genitive == "source" || genitive.IsAdjective)) source ??= genitive; // ضربة جوية أميركية
            else if (genitive is not null && entry.Genitive == "target") target = genitive;
            else if (genitive is not null && entry.Plover == "ASSAULT" && genitive.Code is { } gcode && IsAttacker(gcode))
            {
                // هجمات الارهابيين; but هجوم انتحاري تبنته طالبان: the claimed agent names the attacker, the adjective its manner.
                source ??= ClaimAgent(tokens, hit, candidates, cues) ?? genitive;
            }
            else if (genitive is not null && entry.Plover == "ASSAULT") target = genitive;

            if (source is null && entry.SourcePrepositions.Count > 0)
            {
                source = candidates.FirstOrDefault(m => m.First > hit.Last && WordsBetween(tokens, hit.Last, m.First) <= 6 && m.Preposition is { } p && entry.SourcePrepositions.Contains(p));
            }

            source ??= RelativeAgent(tokens, hit, candidates, cues) ?? (entry.Plover == "ASSAULT" ? ClaimAgent(tokens, hit, candidates, cues) : null);
        }

        // A place or thing (دورية، موكبا) found as a subject is no actor; it stays free to be the target.
        if (source is { IsObject: true }) source = null;
        if (target is null)
        {
            var after = Math.Max(hit.Last, source is not null && source.First > hit.Last ? source.Last : hit.Last);
            target = candidates.FirstOrDefault(m => m.First > after && m != source && WordsBetween(tokens, hit.Last, m.First) <= 12 && !ClauseBreak(tokens, hit.Last, m.First) &&
                (m.Preposition is { } p ? entry.TargetPrepositions.Contains(p) : entry.DirectObject));
        }

        // A protest's target is what it is against or addresses (role_cues.tsv class protest_target): ضد الحزب القومي، احتجاجا على
        // زيارة بوش، مطالبين الحكومة المحلية، تطالب باستقالة ثاباتيرو، يسقط بوش، رشق المتظاهرون قوات مكافحة الشغب.
        if (protestedAgent is not null && protestedAgent != source) target = protestedAgent;
        if (target is null && entry.Plover == "PROTEST") target = ProtestTarget(tokens, hit, hits, candidates, cues, source) ?? ProtestToward(tokens, hit, hits, candidates, cues, source);
        // A protest at an embassy addresses the embassy's government (تجمع متظاهرون ... حول مقر سفارة استونيا → ESTGOV), over what a
        // cue names (احتجاجا على رفع نصب «الجندي البرونزي»: a statue); at another institution only when nothing else is the target.
        if (entry.Plover == "PROTEST" && VenueTarget(tokens, hit, candidates, cues, source) is { } venue && (target is null || venue.Embassy)) target = venue.Mention;
        // What the attack was aimed at (استهدف موكبا، لدى مرور دورية) is its target over the casualties it caused (قتل 12 شخصا ...
        // في هجوم انتحاري استهدف مقصفا؛ خمسة مدنيين قتلوا في انفجار سيارة مفخخة استهدف موكبا), as the GSR gold codes it.
        // An active verb's own object (وقتل مفجر انتحاري 42 مجندا ... في هجوم على مدرسة) stays.
        var ownObject = hit.IsVerb && target is not null && target.First > hit.Last && !IsPassive(tokens, hit, cues);
        if (entry.Plover == "ASSAULT" && !ownObject && AimedTarget(tokens, hit, candidates, cues, source) is { } aimed) target = aimed;
        else if (entry.Plover == "ASSAULT" && !ownObject && AttackObject(tokens, hit, hits, candidates, source) is { } attacked) target = attacked;
        if (target is null && entry.Plover == "ASSAULT") target = VictimTarget(tokens, hit, candidates, cues, source);
        // An attack without another target hits the place or thing of role_words.tsv it happened at (انفجرت قنبلة قرب مستشفى
        // للاطفال، وقعا في سوق خضراوات), within sixteen words after the trigger (session 9b; was eight) and in its clause.
        if (target is null && entry.Plover == "ASSAULT")
        {
            target = candidates.FirstOrDefault(m => m.IsObject && m != source && m.First > hit.Last && WordsBetween(tokens, hit.Last, m.First) <= 16 && !ClauseBreak(tokens, hit.Last, m.First));
        }

        // A claim of responsibility after a nominal attack of the sentence (اثر هجوم انتحاري تبنته طالبان) names the attacker
        // of every attack the sentence reports, over an unnamed attacker (انتحاري، مسلحون).
        if (entry.Plover == "ASSAULT" && (source is null || (source.Entity is null && IsAttackerMention(source))))
        {
            foreach (var other in hits)
            {
                if (other.IsVerb || other.Entry.Plover != "ASSAULT") continue;
                if (ClaimAgent(tokens, other, candidates, cues) is { } claimed && claimed != target)
                {
                    source = claimed;
                    break;
                }
            }
        }

        // An agentless attack: the sentence's attacker (مسلحون، انتحاري) is its source (قتل 18 شخصا في انفجار ... يقوده انتحاري).
        if (source is null && entry.Plover == "ASSAULT")
        {
            source = candidates.FirstOrDefault(m => m != target && m.Code is { } c && IsAttacker(c) && m.Preposition is not "\u0641\u064A");
        }

        // A protest noun that names its participants (تظاهر المتظاهرون، احتج المعتصمون): the trigger phrase is the source.
        if (source is null && entry.Plover == "PROTEST") source = mentions.FirstOrDefault(m => m.First <= hit.Last && m.Last >= hit.First);
        // Otherwise the protesters are the nearest subject before it in its clause (خرج مئات من المتظاهرين ... احتجاجا، اعتصم
        // متظاهرين اعتصموا، النيباليين قد خرجوا في مسيرات), else the source of the sentence's previous event (واحرق المتظاهرون ...
        // ورددوا هتافات).
        // An adverbial masdar in the accusative (خرج مئات من المتظاهرين تدعمهم الأحزاب المعارضة احتجاجا) takes the previous
        // protest's source first (not a SUPPORT event between: تدعمهم الأحزاب). A place (LOC entity) never protests.
        if (source is null && entry.Plover == "PROTEST")
        {
            var nearest = candidates.LastOrDefault(m => m.Last < hit.First && m != target && m.Preposition is null && !m.IsObject && m.Entity?.Type != "LOC" &&
                WordsBetween(tokens, m.Last, hit.First) <= 6 && !ClauseBreak(tokens, m.Last, hit.First));
            var adverbial = !hit.IsVerb && hit.First == hit.Last && tokens[hit.First].Folded.EndsWith('\u0627'); // ...ا
            var previous = previousProtestSource ?? previousSource;
            source = adverbial ? previousProtestSource ?? nearest ?? previousSource : nearest ?? previous;
        }
        // A place or thing (مستشفى، سوق، موكبه) is attacked, it does not act: never a source, also when it stands for its owner.
        if (source is { IsObject: true }) source = null;
        source = Antecedent(source, mentions, tokens);
        target = Antecedent(target, mentions, tokens);
        if (target is not null && source is not null && (target == source || (target.Code is not null && target.Code == source.Code && target.Start == source.Start))) target = null;
        return (source, target);
    }

    private bool IsAttackerMention(ActorMention m) => m.Code is { } c && IsAttacker(c);

    /// <summary>
    /// The target of an attack that names no object of its own (role_cues.tsv classes <c>exposure</c>, <c>consequence</c>,
    /// <c>casualty</c>, <c>targeting</c>): the subject of an exposure verb before a nominal trigger (تعرضت قافلته لهجوم، نجا
    /// وزير ... من انفجار، جرح وزير الدفاع في تفجير); the victims of a consequence clause after it (انفجرت ... ما اسفر عن
    /// مقتل ثلاثة جنود)، or the object of a targeting verb after it (هجوم انتحاري استهدف قاعدة للشرطة، لدى مرور دورية).
    /// </summary>
    private static ActorMention? VictimTarget(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates, RoleCues cues, ActorMention? source)
    {
        bool Usable(ActorMention m) => m != source && (m.Preposition is null || m.Preposition == "\u0645\u0646"); // من (partitive)
        if (!hit.IsVerb)
        {
            // Backwards from the trigger, within eight words and the clause, to an exposure verb.
            var words = 0;
            for (var k = hit.First - 1; k >= 0 && words < 8; k--)
            {
                if (!tokens[k].IsWord)
                {
                    // Commas may set off a place or a time (نجا قائد شرطة النجدة في بغداد، أمس، من محاولة اغتيال).
                    if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "." or ";" or "\u061B" or ":") break;
                    continue;
                }

                words++;
                if (!cues.Is("exposure", tokens[k])) continue;
                var subject = candidates.FirstOrDefault(m => m.Lead > k && m.Last < hit.First && WordsBetween(tokens, k, m.Lead) <= 3 && Usable(m))
                    ?? candidates.LastOrDefault(m => m.Last < k && WordsBetween(tokens, m.Last, k) <= 1 && m.Preposition is null && !ClauseBreak(tokens, m.Last, k));
                if (subject is not null) return subject;
                break;
            }

            if (ExposedAcrossApposition(tokens, hit, candidates, cues, Usable) is { } exposed) return exposed;
        }

        // Forwards, within fifteen words: a consequence clause (اسفر عن مقتل، ادى الى اصابة) or a targeting verb (استهدف); when the
        // consequence verb comes before the trigger (أسفر انفجار سيارة ملغومة ... عن إصابة عشرة), its casualty word after it.
        var before = PreviousWord(tokens, hit.First);
        var consequenceBefore = before < hit.First && cues.IsStripped("consequence", tokens[before]);
        foreach (var k in WordsAhead(tokens, hit.Last, 15))
        {
            var from = -1;
            if (cues.Is("targeting", tokens[k])) from = k;
            else if (consequenceBefore && (cues.IsStripped("casualty", tokens[k]) || cues.Is("casualty", tokens[k]))) from = k;
            else if (cues.IsStripped("consequence", tokens[k]))
            {
                for (var j = k + 1; j < tokens.Count && j <= k + 4; j++)
                {
                    if (tokens[j].IsWord && (cues.IsStripped("casualty", tokens[j]) || cues.Is("casualty", tokens[j])))
                    {
                        from = j;
                        break;
                    }
                }
            }

            if (from < 0) continue;
            var victim = candidates.FirstOrDefault(m => m.Lead > from && WordsBetween(tokens, from, m.Lead) <= 3 && Usable(m) && !ClauseBreak(tokens, from, m.First));
            if (victim is not null) return victim;
        }

        // Session 11: a consequence clause headed by مما/ما (مما أدى الى إصابة، ما اسفر عن مقتل) reports the result of the whole
        // event before it, however long the place and time phrases between («انفجرت عبوة ناسفة اليوم ... 50 كيلومترا غرب كركوك، مما
        // أدى الى إصابة اثنين من المدنيين»): up to thirty words after the trigger, in its sentence.
        foreach (var k in WordsAhead(tokens, hit.Last, 30))
        {
            if (!EventWords.ConsequenceOpener.Contains(tokens[k].Folded)) continue; // مما ما
            var verb = NextWord(tokens, k);
            if (verb >= tokens.Count || !cues.IsStripped("consequence", tokens[verb])) continue;
            for (var j = verb + 1; j < tokens.Count && j <= verb + 4; j++)
            {
                if (!tokens[j].IsWord || !(cues.IsStripped("casualty", tokens[j]) || cues.Is("casualty", tokens[j]))) continue;
                var from = j;
                return candidates.FirstOrDefault(m => m.Lead > from && WordsBetween(tokens, from, m.Lead) <= 3 && Usable(m) && !ClauseBreak(tokens, from, m.First));
            }
        }

        return null;
    }

    /// <summary>
    /// Session 12: the subject of تعرض (role_cues.tsv class <c>governs_l</c>) whose ل-object is the nominal trigger or the word before it
    /// (لهجوم، لمحاولة اغتيال), across an apposition set off by commas up to 24 words long («تعرضت وزيرة الدولة بوزارة الطاقة السودانية،
    /// انجلينا مانج، حرم الدكتور ...، لمحاولة اغتيال»): the first usable mention within three words after the verb; not across . ; ؛ :
    /// (a sentence or clause end).
    /// </summary>
    private static ActorMention? ExposedAcrossApposition(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates, RoleCues cues, Func<ActorMention, bool> usable)
    {
        var before = PreviousWord(tokens, hit.First);
        var governed = hit.Proclitic.EndsWith('\u0644') || (before < hit.First && tokens[before].Folded is { Length: >= 4 } w && w[0] == '\u0644' && !candidates.Any(m => m.First <= before && m.Last >= before)); // ل
        if (!governed) return null;
        var words = 0;
        for (var k = hit.First - 1; k >= 0 && words < 24; k--)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "." or ";" or "\u061B" or ":") return null;
                continue;
            }

            words++;
            if (!cues.Is("governs_l", tokens[k])) continue;
            var verb = k;
            return candidates.FirstOrDefault(m => m.Lead > verb && m.Last < hit.First && WordsBetween(tokens, verb, m.Lead) <= 3 && usable(m));
        }

        return null;
    }

    /// <summary>
    /// The target of a protest: the first mention within three words after a <c>protest_target</c> cue (ضد، احتجاجا على،
    /// تنديدا، مطالبين، يسقط، رشق، اشتبك مع، المعارضين) that follows the trigger within 25 words of its sentence; not a location
    /// under في, not the source, not a protest noun itself (تضامنهم مع المتظاهرين).
    /// </summary>
    private static ActorMention? ProtestTarget(IReadOnlyList<ViewToken> tokens, TriggerHit hit, IReadOnlyList<TriggerHit> hits, List<ActorMention> candidates,
        RoleCues cues, ActorMention? source)
    {
        // The scan starts up to three words before the trigger, so that a cue verb before a participant noun (ورشق مئات المتظاهرين
        // قوات مكافحة الشغب، واشتبك المتظاهرون مع الجنود) and the trigger itself (احتجاجا على تعامل الحكومة) count.
        var start = ThreeWordsBefore(tokens, hit.First);

        var words = 0;
        for (var k = start; k < tokens.Count && words < 28; k++)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "." or ";" or "\u061B") break;
                continue;
            }

            words++;
            var end = cues.MatchAt("protest_target", tokens, k);
            if (end < 0) continue;
            var target = candidates.FirstOrDefault(m => m.Lead > end && m.Lead > hit.Last && WordsBetween(tokens, end, m.Lead) <= 3 && m != source && m.Preposition is not "\u0641\u064A" &&
                !IsProtestWord(hits, m) && !ClauseBreak(tokens, end, m.First));
            if (target is not null) return target;
            k = end;
        }

        return null;
    }

    /// <summary>A protest noun heading the mention (المتظاهرين) is a crowd, not a target; قوات مكافحة الشغب only contains one.</summary>
    private static bool IsProtestWord(IReadOnlyList<TriggerHit> hits, ActorMention m) => hits.Any(h => h.Entry.Plover == "PROTEST" && h.First <= m.First && h.Last >= m.First);

    /// <summary>The first token of the (at most) three words before token <paramref name="first"/> in its clause, else <paramref name="first"/>.</summary>
    private static int ThreeWordsBefore(IReadOnlyList<ViewToken> tokens, int first)
    {
        var start = first;
        for (var back = 0; start > 0 && back < 3;)
        {
            var k = start - 1;
            if (tokens[k].Kind == TokenKind.Punctuation) break;
            start = k;
            if (tokens[k].IsWord) back++;
        }

        return start;
    }

    /// <summary>
    /// What the protesters act against when a preposition introduces it after their subject (session 12; role_cues.tsv class
    /// <c>protest_toward</c>: verb + preposition): «واشتبك متظاهرون فلسطينيون واجانب مع الجيش الإسرائيلي»، «وألقى عشرات المتظاهرين
    /// الحجارة على جرافات اسرائيلية»، «ان متظاهرين اطلقوا الخميس البيض والبندورة على قطاع غزة». The verb stands within three words
    /// before or after the trigger (its subject is the protest's participants); the target is the first mention after the trigger
    /// governed by the row's preposition, within eight words of the verb and in its clause, not a protest noun and not the source.
    /// </summary>
    private static ActorMention? ProtestToward(IReadOnlyList<ViewToken> tokens, TriggerHit hit, IReadOnlyList<TriggerHit> hits, List<ActorMention> candidates,
        RoleCues cues, ActorMention? source)
    {
        var forms = cues.Forms("protest_toward");
        if (forms.Count == 0) return null;
        var start = ThreeWordsBefore(tokens, hit.First);
        var verbs = Enumerable.Range(start, hit.First - start).Where(k => tokens[k].IsWord).Concat(WordsAhead(tokens, hit.Last, 3));
        foreach (var k in verbs)
        {
            var f = tokens[k].Folded;
            var bare = f.Length > 3 && f[0] is '\u0648' or '\u0641' ? f[1..] : f; // و ف
            foreach (var form in forms)
            {
                if (form.Length != 2 || (f != form[0] && bare != form[0])) continue;
                var target = candidates.FirstOrDefault(m => m.First > Math.Max(k, hit.Last) && m.Preposition == form[1] && WordsBetween(tokens, k, m.First) <= 8 &&
                    m != source && !ClauseBreak(tokens, k, m.First) && !IsProtestWord(hits, m));
                if (target is not null) return target;
            }
        }

        return null;
    }

    /// <summary>
    /// The institution a protest stands at (session 11): within fifteen words after the trigger in its clause, a venue
    /// preposition (role_cues.tsv class <c>venue_prep</c>: امام، حول، قرب، خارج، نحو، الى) and, within two words, a coded
    /// mention with a role that is or follows a building (class <c>institution</c>: مقر، مبنى، مكتب; or <c>embassy</c>: سفارة،
    /// قنصلية). Embassy: the mention holds an embassy word. A place (a LOC entity or a bare country without a role) is no venue target.
    /// </summary>
    private static (ActorMention Mention, bool Embassy)? VenueTarget(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates,
        RoleCues cues, ActorMention? source)
    {
        foreach (var k in WordsAhead(tokens, hit.Last, 15))
        {
            var end = cues.MatchAt("venue_prep", tokens, k);
            if (end < 0) continue;
            var mention = candidates.FirstOrDefault(m => m.First > end && WordsBetween(tokens, end, m.First) <= 2 && m != source && !ClauseBreak(tokens, end, m.First));
            // A place (بيروت LBN, a LOC entity or a bare country code) is where, not whom; IGOUNO is an actor without a role.
            if (mention?.Code is not { Length: >= 3 } code || (ActorLinker.SplitCode(code).Role is null && (code.Length == 3 || mention.Entity?.Type == "LOC"))) return null;
            var building = false;
            var embassy = false;
            for (var j = end + 1; j <= mention.Last; j++)
            {
                if (!tokens[j].IsWord) continue;
                var isEmbassy = cues.IsStripped("embassy", tokens[j]);
                embassy |= isEmbassy && j >= mention.First;
                building |= isEmbassy || cues.IsStripped("institution", tokens[j]);
            }

            return building ? (mention, embassy) : null;
        }

        return null;
    }

    /// <summary>
    /// Indices of the (at most <paramref name="maxWords"/>) word tokens after token <paramref name="after"/>, in order, up to the
    /// end of its sentence or clause (. ; ؛).
    /// </summary>
    private static IEnumerable<int> WordsAhead(IReadOnlyList<ViewToken> tokens, int after, int maxWords)
    {
        var words = 0;
        for (var k = after + 1; k < tokens.Count && words < maxWords; k++)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "." or ";" or "\u061B") yield break;
                continue;
            }

            words++;
            yield return k;
        }
    }

    /// <summary>
    /// The object of the first targeting verb (role_cues.tsv class <c>targeting</c>: استهدف، لدى مرور) within twenty words after
    /// an attack trigger, in its sentence: the first mention within three words after the verb (ungoverned or partitive).
    /// </summary>
    private static ActorMention? AimedTarget(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates, RoleCues cues, ActorMention? source)
    {
        foreach (var k in WordsAhead(tokens, hit.Last, 20))
        {
            if (!cues.Is("targeting", tokens[k])) continue;
            var from = k;
            return candidates.FirstOrDefault(m => m.Lead > from && WordsBetween(tokens, from, m.Lead) <= 3 && m != source &&
                (m.Preposition is null || m.Preposition == "\u0645\u0646") && !ClauseBreak(tokens, from, m.First)); // من (partitive)
        }

        return null;
    }

    /// <summary>
    /// What another nominal attack of the sentence was made on (session 11): the mention governed by one of that noun's target
    /// prepositions (على، ضد) within three words after it, for an attack within twelve words before or after the trigger and in its
    /// clause. The casualties of a passive or a nominal trigger (قتلوا في هجوم انتحاري على شركة امنية اميركية؛ هجوم انتحاري آخر ضد
    /// قوات التحالف ... أسفر عن مقتل ستة مدنيين) are reported as the result of an attack on that target, as the GSR gold codes it.
    /// </summary>
    private static ActorMention? AttackObject(IReadOnlyList<ViewToken> tokens, TriggerHit hit, IReadOnlyList<TriggerHit> hits, List<ActorMention> candidates, ActorMention? source)
    {
        foreach (var other in hits)
        {
            if (other == hit || other.IsVerb || other.Entry.Plover != "ASSAULT" || other.Entry.TargetPrepositions.Count == 0) continue;
            var (from, to) = other.First > hit.Last ? (hit.Last, other.First) : (other.Last, hit.First);
            if (WordsBetween(tokens, from, to) > 12 || ClauseBreak(tokens, from, to)) continue;
            var attacked = candidates.FirstOrDefault(m => m.First > other.Last && m.Lead <= other.Last + 8 && WordsBetween(tokens, other.Last, m.Lead) <= 3 && m != source &&
                m.Preposition is { } p && other.Entry.TargetPrepositions.Contains(p) && !ClauseBreak(tokens, other.Last, m.First));
            if (attacked is not null) return attacked;
        }

        return null;
    }

    /// <summary>The agent of another nominal attack of the sentence (قتل سبعة ... اثر هجوم انتحاري تبنته طالبان).</summary>
    private static ActorMention? OtherAgent(IReadOnlyList<ViewToken> tokens, TriggerHit hit, IReadOnlyList<TriggerHit> hits, List<ActorMention> candidates, RoleCues cues)
    {
        foreach (var other in hits)
        {
            if (other == hit || other.IsVerb || other.Entry.Plover != "ASSAULT") continue;
            if (RelativeAgent(tokens, other, candidates, cues) is { } agent) return agent;
        }

        return null;
    }

    /// <summary>
    /// When the word before the verb (after an optional قد) is a complementizer with a pronoun (انه، انها، انهم، بانه...), the
    /// speaker: the last ungoverned mention within six words before it, in its clause (قال حلف شمال الاطلسي في أفغانستان انه قتل).
    /// </summary>
    private static ActorMention? PronounSubject(IReadOnlyList<ViewToken> tokens, int verb, List<ActorMention> candidates)
    {
        var k = PreviousWord(tokens, verb);
        if (k >= verb) return null;
        if (tokens[k].Folded == Qad) k = PreviousWord(tokens, k);
        if (k >= verb || !tokens[k].IsWord || !PronounComplementizers.Contains(tokens[k].Folded)) return null;
        var complementizer = k;
        return candidates.LastOrDefault(m => m.Last < complementizer && m.Preposition is null && WordsBetween(tokens, m.Last, complementizer) <= 6 && !ClauseBreak(tokens, m.Last, complementizer));
    }

    // انه انها انهم بانه بانها بانهم وانه وانها وانهم (data/events/function_words.tsv class pronoun_complementizer)
    private static readonly FrozenSet<string> PronounComplementizers = EventWords.PronounComplementizer;

    /// <summary>The mention right after the nearest complementizer (ان، بان) within twelve words before the verb, with no other verb trigger between.</summary>
    private static ActorMention? ComplementSubject(IReadOnlyList<ViewToken> tokens, int verb, List<ActorMention> candidates, IReadOnlyList<TriggerHit> hits)
    {
        var words = 0;
        for (var k = verb - 1; k >= 0 && words < 12; k--)
        {
            if (!tokens[k].IsWord) continue;
            words++;
            if (hits.Any(h => h.IsVerb && h.First == k)) return null;
            if (!EventWords.SubjectComplementizer.Contains(tokens[k].Folded)) continue; // ان بان وان
            var next = NextWord(tokens, k);
            return candidates.FirstOrDefault(m => m.First == next && m.Last < verb && m.Preposition is null);
        }

        return null;
    }

    /// <summary>
    /// A role noun with a possessive pronoun (قواته، طائراته، جنوده) stands for the nearest earlier mention with a country
    /// (الجيش الاميركي ... أن قواته قتلت → الجيش الاميركي).
    /// </summary>
    private static ActorMention? Antecedent(ActorMention? m, List<ActorMention> mentions, IReadOnlyList<ViewToken> tokens)
    {
        if (m is null || m.Entity is not null || m.First != m.Last || m.Code is not { } code) return m;
        var (country, role) = Rasid.Nlp.Entities.ActorLinker.SplitCode(code);
        if (country is not (null or "---") || role is null) return m;
        var f = tokens[m.First].Folded;
        if (f.Length < 5 || !(f.EndsWith('\u0647') || f.EndsWith("\u0647\u0627", StringComparison.Ordinal) || f.EndsWith("\u0647\u0645", StringComparison.Ordinal))) return m; // ه ها هم
        // A possessive suffix is a written ه, not a folded ة (الحكومة، الشرطة), and a definite noun takes none.
        if (Written(tokens[m.First]).EndsWith('\u0629') || ArabicForms.IsDefinite(f)) return m; // ة, ال/وال
        // An owned place or thing (موكبه، مقره) stands for its owner: the nearest earlier participant that is not a place, with or
        // without a country (نجا قائد شرطة النجدة في بغداد ... اثر تعرض موكبه لانفجار → قائد شرطة النجدة, not بغداد).
        if (m.IsObject)
        {
            return mentions.LastOrDefault(a => a.Last < m.First && a.Code is { } oc && Rasid.Nlp.Entities.ActorLinker.SplitCode(oc).Role is not null &&
                !a.IsObject && a.Entity?.Type != "LOC" && a.Preposition != "\u0641\u064A") ?? m; // في
        }

        ActorMention? best = null;
        foreach (var a in mentions)
        {
            if (a.Last >= m.First || a.Code is not { } ac) continue;
            var (ac3, arole) = Rasid.Nlp.Entities.ActorLinker.SplitCode(ac);
            if (ac3 is null or "---") continue;
            if (best is null || arole == role) best = a;
        }

        return best ?? m;
    }

    private bool IsAttacker(string code)
    {
        var (_, role) = Rasid.Nlp.Entities.ActorLinker.SplitCode(code);
        return role is not null && _knowledge.Cues.HasValue("attacker", role);
    }

    /// <summary>The mention right after a nominal trigger (its genitive), skipping an adjective that is part of the trigger phrase.
    /// A sound plural with its ن (المتظاهرين، المحتجون) is not in construct state and has no genitive (ورشق مئات المتظاهرين قوات
    /// مكافحة الشغب: the police are the object); a counted group starts at its count (اعتصم عشرات المواطنين).</summary>
    private static ActorMention? Genitive(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates)
    {
        var f = tokens[hit.Last].Folded;
        if (ArabicFold.IsSoundMasculinePlural(f, 6)) return null;
        return candidates.FirstOrDefault(m => m.Lead > hit.Last && m.Lead <= NextWord(tokens, hit.Last) && m.Preposition is null);
    }

    /// <summary>
    /// Session 12: the antecedent of an object pronoun on a masdar governed by a light verb (ووصفت طفلة ... كيف قام عشرة جنود ...
    /// باغتصابها → طفلة): the last ungoverned person mention before the light verb in the sentence that agrees with the pronoun
    /// (ها: a written ة or ات; هم: a sound masculine plural ون/ين; ه: no ة), not the source; null without a pronoun.
    /// </summary>
    private static ActorMention? PronounObject(IReadOnlyList<ViewToken> tokens, TriggerHit hit, int support, List<ActorMention> candidates, ActorMention? source)
    {
        var written = Written(tokens[hit.Last]);
        Func<string, bool>? agrees = null;
        if (written.EndsWith("\u0647\u0627", StringComparison.Ordinal)) agrees = w => w.EndsWith('\u0629') || (w.Length > 2 && w[^1] == '\u062A' && w[^2] == '\u0627'); // ها: ة, ات
        else if (written.EndsWith("\u0647\u0645", StringComparison.Ordinal)) agrees = w => w.EndsWith("\u0648\u0646", StringComparison.Ordinal) || w.EndsWith("\u064A\u0646", StringComparison.Ordinal); // هم: ون ين
        else if (written.EndsWith('\u0647')) agrees = w => !w.EndsWith('\u0629'); // ه, not ة
        if (agrees is null || written.Length < 5) return null;
        return candidates.LastOrDefault(m => m.Last < support && m != source && m.Preposition is null && !m.IsObject && m.Entity?.Type != "LOC" &&
            m.Code is { } c && Rasid.Nlp.Entities.ActorLinker.SplitCode(c).Role is not null && agrees(Written(tokens[m.First])));
    }

    /// <summary>
    /// Session 12: the subject of a dual or plural verb that is the second of two coordinated participants (ضابط شرطة وجنديا من الجيش
    /// اختطفا) is the coordination, headed by its first conjunct: the ungoverned mention right before the و-mention, with a role.
    /// </summary>
    private static ActorMention? FirstConjunct(IReadOnlyList<ViewToken> tokens, TriggerHit hit, ActorMention? pre, List<ActorMention> candidates)
    {
        if (pre is null || pre.Entity is not null || pre.Lead != pre.First || tokens[pre.First].Folded is not { Length: >= 4 } f || f[0] != '\u0648') return pre; // و
        var verb = tokens[hit.First].Folded;
        var dualOrPlural = verb.EndsWith("\u0648\u0627", StringComparison.Ordinal) || (verb.Length > 2 && verb[^1] == '\u0627' && verb[^2] != '\u062A'); // وا، ا (not تا)
        if (!dualOrPlural) return pre;
        return candidates.LastOrDefault(m => m.Last < pre.First && WordsBetween(tokens, m.Last, pre.First) == 0 && !ClauseBreak(tokens, m.Last, pre.First) &&
            m.Preposition is null && !m.IsObject && m.Code is { } c && Rasid.Nlp.Entities.ActorLinker.SplitCode(c).Role is not null) ?? pre;
    }

    /// <summary>A token's text without diacritics (a written ة stays ة).</summary>
    private static string Written(ViewToken token)
    {
        var written = token.Text.AsSpan();
        while (written.Length > 0 && Normalizer.IsDiacritic(written[^1])) written = written[..^1];
        return written.ToString();
    }

    /// <summary>The subject before a verb at <paramref name="verb"/>: the last ungoverned mention within two words, no clause break between.</summary>
    private static ActorMention? Subject(IReadOnlyList<ViewToken> tokens, int verb, List<ActorMention> candidates, RoleCues cues) =>
        candidates.LastOrDefault(m => m.Last < verb && WordsBetween(tokens, m.Last, verb) <= 2 && m.Preposition is null && !ClauseBreak(tokens, m.Last, verb) && !HasRelative(tokens, m.Last, verb, cues));

    private static bool HasRelative(IReadOnlyList<ViewToken> tokens, int from, int to, RoleCues cues)
    {
        for (var k = from + 1; k < to; k++)
        {
            if (cues.Is("relative", tokens[k])) return true;
        }

        return false;
    }

    /// <summary>A light verb (قام، نجح، تمكن، اقدم، حاول) or an agentive verb (نفذ، شن، ارتكب) at most three words before the masdar, or -1.</summary>
    private static int SupportVerb(IReadOnlyList<ViewToken> tokens, int masdar, RoleCues cues)
    {
        var words = 0;
        for (var k = masdar - 1; k >= 0 && words < 4; k--)
        {
            if (!tokens[k].IsWord)
            {
                if (ClauseBreak(tokens, k - 1, k + 1)) return -1;
                continue;
            }

            words++;
            if (cues.Is("support", tokens[k]) || IsAgentive(tokens[k], cues)) return k; // قام مسلحون بخطف، نفذ الجيش الباكستاني ضربة جوية
        }

        return -1;
    }

    /// <summary>
    /// A light verb (role_cues.tsv class <c>support</c>) farther than <see cref="SupportVerb"/> looks, up to twelve words before a
    /// masdar it governs (ب، في، من، على): its subject stands between them and may carry a time, a place or an apposition
    /// (وقامت الجماعة في ديسمبر 2005 بخطف، قام عدد من جنود «المارينز» بقتل، قام عشرة جنود باكستانيين، من قوة ... باغتصابها).
    /// Only when an ungoverned mention follows the light verb within three words and no verb trigger stands between; -1 otherwise.
    /// </summary>
    private static int DistantSupportVerb(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates, IReadOnlyList<TriggerHit> hits, RoleCues cues)
    {
        var masdar = tokens[hit.First].Folded.TrimStart('\u0648', '\u0641'); // و ف
        var before = PreviousWord(tokens, hit.First);
        var governed = (masdar.Length > 3 && masdar[0] == '\u0628') || // ب
            (before < hit.First && EventWords.MasdarGovernor.Contains(tokens[before].Folded)); // في من علي
        if (!governed) return -1;
        var words = 0;
        for (var k = hit.First - 1; k >= 0 && words < 12; k--)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "." or ";" or "\u061B" or ":") return -1;
                continue;
            }

            words++;
            if (hits.Any(h => h.IsVerb && h.First <= k && h.Last >= k)) return -1;
            if (!cues.Is("support", tokens[k])) continue;
            var verb = k;
            return candidates.Any(m => m.Lead > verb && m.Last < hit.First && WordsBetween(tokens, verb, m.Lead) <= 3 && m.Preposition is null) ? verb : -1;
        }

        return -1;
    }

    /// <summary>An agentive verb (role_cues.tsv class <c>agentive</c>) in the perfect or, since session 11, the imperfect (يشن غارة، هجوم تنفذه امرأة).</summary>
    private static bool IsAgentive(ViewToken token, RoleCues cues) => cues.Is("agentive", token) || cues.IsImperfectOf("agentive", token);

    /// <summary>هجوم شنه مسلحون، الهجوم الذي نفذته طالبان: the mention after an agentive verb within five words of a nominal trigger.</summary>
    private static ActorMention? RelativeAgent(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates, RoleCues cues)
    {
        var words = 0;
        for (var k = hit.Last + 1; k < tokens.Count && words < 5; k++)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "." or ";" or "\u061B") return null;
                continue;
            }

            words++;
            if (!IsAgentive(tokens[k], cues)) continue;
            return candidates.FirstOrDefault(m => m.First > k && WordsBetween(tokens, k, m.First) <= 3 && m.Preposition is null);
        }

        return null;
    }

    /// <summary>
    /// The agent of a claim of responsibility (role_cues.tsv class <c>claim</c>: تبنته، نسب الى) within fourteen words after a
    /// nominal attack, in its sentence (هجوم انتحاري بسيارة مفخخة استهدف موكبا ... وتبنته حركة طالبان).
    /// </summary>
    private static ActorMention? ClaimAgent(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates, RoleCues cues)
    {
        var words = 0;
        for (var k = hit.Last + 1; k < tokens.Count && words < 14; k++)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "." or ";" or "\u061B") return null;
                continue;
            }

            words++;
            if (!cues.Is("claim", tokens[k])) continue;
            return candidates.FirstOrDefault(m => m.First > k && WordsBetween(tokens, k, m.First) <= 2 && (m.Preposition is null || m.Preposition == "\u0627\u0644\u064A")); // الي (نسب الى)
        }

        return null;
    }

    /// <summary>
    /// A bare perfect attack verb (قتل، خطف، اختطف: no ت/ا/وا ending, not imperfect) directly followed by a common noun of a
    /// victim role (role_cues.tsv class <c>victim</c>: CVL, MED...): «خطف موظف بريطاني» is a passive, the noun its patient.
    /// </summary>
    private bool VictimAfterBarePerfect(IReadOnlyList<ViewToken> tokens, TriggerHit hit, ActorMention? post)
    {
        if (post is not { Entity: null, Code: { } code } || post.Lead != NextWord(tokens, hit.Last)) return false;
        var f = tokens[hit.First].Folded;
        if (f.Length > 3 && f[0] is '\u0648' or '\u0641') f = f[1..];
        if (f.EndsWith('\u062A') || f.EndsWith('\u0627') || IsImperfect(f)) return false; // ت ا
        var (_, role) = Rasid.Nlp.Entities.ActorLinker.SplitCode(code);
        // قتل عراقيان: a bare nationality noun right after a casualty verb (role_cues.tsv class exposure: قتل، جرح; not هاجم) is its
        // patient too.
        if (role is null && post.IsAdjective) return _knowledge.Cues.Is("exposure", tokens[hit.First]);
        return role is not null && _knowledge.Cues.HasValue("victim", role);
    }

    /// <summary>
    /// A bare perfect of role_cues.tsv class <c>exposure</c> (قتل، جرح; no ت/ا ending, not imperfect) followed directly by the end of
    /// its clause, a preposition (في، على، بانفجار), a time word (امس) or a conjunction of time (بعدما، عندما، بينما) — no object:
    /// «ان مقاتلا قتل بعدما اطلقت طائرة بدون طيار صاروخا» reads قُتل (was killed), so the subject before it is the patient.
    /// </summary>
    private static bool NoObjectAfterBarePerfect(IReadOnlyList<ViewToken> tokens, TriggerHit hit, List<ActorMention> candidates, RoleCues cues)
    {
        var f = tokens[hit.First].Folded;
        if (f.Length > 3 && f[0] is '\u0648' or '\u0641') f = f[1..];
        if (hit.First != hit.Last || f.EndsWith('\u062A') || f.EndsWith('\u0627') || IsImperfect(f) || !cues.Is("exposure", tokens[hit.First])) return false; // ت ا
        var next = hit.Last + 1;
        if (next >= tokens.Count) return true;
        if (!tokens[next].IsWord) return tokens[next].Kind == TokenKind.Punctuation && tokens[next].Text is "," or "\u060C" or "." or ";" or "\u061B";
        if (candidates.Any(m => m.Lead == next)) return false;
        var w = tokens[next].Folded;
        var conjunction = EventWords.TemporalConjunction.Contains(w); // بعدما عندما بينما اثناء خلال
        return conjunction || ActorMentions.IsPrepositionWord(w) || (w.Length > 3 && w[0] == '\u0628') || cues.Is("time", tokens[next]); // ب
    }

    /// <summary>A passive reading of an unvocalised verb: اغتيل، or a verb followed by a number (قتل 18 شخصا).</summary>
    private static bool IsPassive(IReadOnlyList<ViewToken> tokens, TriggerHit hit, RoleCues cues)
    {
        var f = tokens[hit.First].Folded;
        if (f.Length > 3 && f[0] is '\u0648' or '\u0641') f = f[1..];
        if (f.StartsWith("\u0627\u063A\u062A\u064A\u0644", StringComparison.Ordinal) || f == "\u0642\u062A\u0644\u0627") return true; // اغتيل، قتلا
        // Only a bare perfect (قتل، خطف، اختطف) can be a passive: قتلت / خطفوا with a number after are active (فقتلت 32 متمردا).
        if (f.EndsWith('\u062A') || f.EndsWith('\u0627')) return false; // ت ا
        // قتل وجرح سبعة عشر سائحا: a coordinated bare perfect of a casualty verb (وجرح، واصيب) shares the count after it.
        var after = hit.Last;
        var next = NextWord(tokens, hit.Last);
        if (next < tokens.Count && IsCoordinatedCasualtyVerb(tokens[next], cues)) after = next;
        return NumberFollows(tokens, after) || QuantifierFollows(tokens, after, cues);
    }

    /// <summary>و + a bare perfect of role_cues.tsv class <c>exposure</c> (وجرح، واصيب، وقتل): no ت/ا/وا ending.</summary>
    private static bool IsCoordinatedCasualtyVerb(ViewToken token, RoleCues cues)
    {
        var f = token.Folded;
        return token.IsWord && f.Length > 3 && f[0] == '\u0648' && !f.EndsWith('\u062A') && !f.EndsWith('\u0627') && cues.Is("exposure", token); // و ت ا
    }

    /// <summary>A perfect verb with the feminine ت (قتلت، خطفت، اغتالت), not ات.</summary>
    private static bool FeminineVerb(ViewToken token)
    {
        var f = token.Folded;
        return f.Length >= 4 && f.EndsWith('\u062A') && f[^2] != '\u0627'; // ت ا
    }

    /// <summary>
    /// A participant counted by a number or quantifier whose head noun is masculine: a sound plural (الكوريين، مسلحون) or the
    /// accusative singular after a number (47 ارهابيا، 32 متمردا); not a feminine dual (امراتين) or a plural in اء (نساء).
    /// </summary>
    private static bool MasculineCount(IReadOnlyList<ViewToken> tokens, ActorMention m)
    {
        if (m.CountFirst is null) return false;
        var f = tokens[m.First].Folded;
        if (f.Length < 4) return false;
        if (f.EndsWith("\u062A\u064A\u0646", StringComparison.Ordinal)) return false; // تين
        return f.EndsWith("\u064A\u0646", StringComparison.Ordinal) || f.EndsWith("\u0648\u0646", StringComparison.Ordinal) || // ين ون
            (f.EndsWith('\u0627') && !f.EndsWith("\u0627\u0627", StringComparison.Ordinal)); // ا
    }

    /// <summary>The first word after <paramref name="k"/> (skipping امس) is a number word or quantifier (قتل ثمانية من عناصر الشرطة).</summary>
    private static bool QuantifierFollows(IReadOnlyList<ViewToken> tokens, int k, RoleCues cues)
    {
        for (var j = k + 1; j < tokens.Count && j <= k + 3; j++)
        {
            if (!tokens[j].IsWord) continue;
            if (EventWords.SkipBeforeQuantifier.Contains(tokens[j].Folded.TrimStart('\u0648'))) continue; // امس اليوم
            return cues.IsStripped("quantifier", tokens[j]) || cues.Is("quantifier", tokens[j]);
        }

        return false;
    }

    /// <summary>The first word after <paramref name="k"/> (skipping time adverbs امس) is a number.</summary>
    private static bool NumberFollows(IReadOnlyList<ViewToken> tokens, int k)
    {
        for (var j = k + 1; j < tokens.Count && j <= k + 4; j++)
        {
            if (tokens[j].Kind == TokenKind.Number) return true;
            if (!tokens[j].IsWord) continue;
            if (EventWords.SkipBeforeNumber.Contains(tokens[j].Folded.TrimStart('\u0648'))) continue; // امس اول من اليوم
            return false;
        }

        return false;
    }

    /// <summary>A number right before the subject of a kill verb (28 شخصا قتلوا): the subject is a victim of a passive.</summary>
    private static bool PatientBeforeVerb(IReadOnlyList<ViewToken> tokens, ActorMention pre, RoleCues cues)
    {
        var k = pre.First - 1;
        while (k >= 0 && !tokens[k].IsWord && tokens[k].Kind != TokenKind.Number && tokens[k].Kind != TokenKind.Punctuation) k--;
        return k >= 0 && (tokens[k].Kind == TokenKind.Number || cues.IsStripped("quantifier", tokens[k])) && pre.Code is { } c && Rasid.Nlp.Entities.ActorLinker.SplitCode(c).Role is "CVL" or "MIL" or "COP";
    }

    private static int PreviousWord(IReadOnlyList<ViewToken> tokens, int k)
    {
        for (var j = k - 1; j >= 0; j--)
        {
            if (tokens[j].IsWord) return j;
        }

        return Math.Max(0, k);
    }

    private static int NextWord(IReadOnlyList<ViewToken> tokens, int k)
    {
        for (var j = k + 1; j < tokens.Count; j++)
        {
            if (tokens[j].IsWord) return j;
        }

        return tokens.Count;
    }

    /// <summary>The mention after an agent marker (على يد، من قبل، برصاص) following the trigger (a passive agent).</summary>
    private ActorMention? PassiveAgent(TriggerHit hit, SentenceView sentence, List<ActorMention> candidates)
    {
        var tokens = sentence.Tokens;
        for (var k = hit.Last + 1; k < tokens.Count && k <= hit.Last + 12; k++)
        {
            var last = _knowledge.Cues.MatchAt("agent_marker", tokens, k);
            if (last < 0) continue;
            return candidates.FirstOrDefault(m => m.First > last && m.First <= last + 2);
        }

        return null;
    }

    private static int WordsBetween(IReadOnlyList<ViewToken> tokens, int from, int to)
    {
        var n = 0;
        for (var k = from + 1; k < to; k++)
        {
            if (tokens[k].IsWord) n++;
        }

        return n;
    }

    private static bool ClauseBreak(IReadOnlyList<ViewToken> tokens, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
        {
            if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is "," or "\u060C" or ";" or "\u061B" or ":" or ".") return true;
        }

        return false;
    }

    private static bool IsComplementizer(IReadOnlyList<ViewToken> tokens, int k)
    {
        if (k < 0) return true;
        if (!tokens[k].IsWord) return tokens[k].Kind == TokenKind.Punctuation;
        return EventWords.ClauseOpener.Contains(tokens[k].Folded); // ان بان وان انه لان
    }

    private static bool PluralVerb(ViewToken token) =>
        token.Folded.EndsWith("\u0648\u0627", StringComparison.Ordinal) || token.Folded.EndsWith("\u0648\u0646", StringComparison.Ordinal); // وا ون

    private static (bool Negated, string Modality) Modality(SentenceView sentence, int first, bool isVerb)
    {
        var tokens = sentence.Tokens;
        for (var k = first - 1; k >= 0 && k >= first - 2; k--)
        {
            if (tokens[k].IsWord && NegationWords.Contains(tokens[k].Folded.TrimStart('\u0648', '\u0641'))) return (true, "negated");
        }

        for (var k = first - 1; k >= 0 && k >= first - 10; k--)
        {
            if (tokens[k].IsWord && DenialWords.Contains(tokens[k].Folded)) return (true, "negated");
        }

        if (first > 0 && tokens[first - 1].Folded.TrimStart('\u0648', '\u0641') == Qad && isVerb && IsImperfect(tokens[first])) return (false, "possible");
        if (first > 0 && tokens[first - 1].Folded.TrimStart('\u0648', '\u0641') == Sawfa) return (false, "future");
        if (isVerb && tokens[first].Folded.TrimStart('\u0648', '\u0641') is { Length: > 3 } v && v[0] == '\u0633' && IsImperfect(v[1..])) return (false, "future");
        return (false, "asserted");
    }

    private static bool IsImperfect(ViewToken token) => IsImperfect(token.Folded.TrimStart('\u0648', '\u0641'));

    private static bool IsImperfect(string folded) => folded.Length > 3 && folded[0] is '\u064A' or '\u062A' or '\u0646'; // ي ت ن

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    private static (string? Date, bool FromArticle) Date(Document document, SentenceView sentence, int first)
    {
        var triggerStart = sentence.Tokens[first].Start;
        TimeExpression? best = null;
        foreach (var time in document.Times)
        {
            if (time.Start < sentence.Range.Start || time.End > sentence.Range.End) continue;
            if (time.Value is null || !IsoDate().IsMatch(time.Value) || time.Kind is "duration" or "set") continue;
            if (best is null || Math.Abs(time.Start - triggerStart) < Math.Abs(best.Start - triggerStart)) best = time;
        }

        if (best is not null) return (best.Value, false);
        return document.Published is { } published ? (published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), true) : (null, false);
    }

    private static Place? PlaceOf(SentenceView sentence, int first, List<ActorMention> mentions)
    {
        Place? best = null;
        var bestScore = int.MinValue;
        foreach (var m in mentions)
        {
            if (m.Entity is not { Type: "LOC", Place: { } place }) continue;
            var rank = m.Preposition switch
            {
                "\u0641\u064A" => 30,                     // في
                null => 20,
                "\u0627\u0644\u064A" or "\u0645\u0646" => 10, // الي من
                _ => 15,
            };
            // في مطار اللاذقية: في two words before the name.
            if (m.First >= 2 && sentence.Tokens[m.First - 2].Folded == "\u0641\u064A") rank = 30;
            var score = rank * 1000 - Math.Abs(m.First - first);
            if (score > bestScore)
            {
                bestScore = score;
                best = place;
            }
        }

        return best;
    }

    /// <summary>One event per (type, lemma, compatible source and target, polarity); mentions in text order.</summary>
    private static List<Event> Merge(Document document, List<RawEvent> raw)
    {
        var groups = new List<List<RawEvent>>();
        foreach (var r in raw)
        {
            var group = groups.FirstOrDefault(g => g.All(o => SameEvent(o, r)));
            if (group is null) groups.Add([r]);
            else group.Add(r);
        }

        var result = new List<Event>(groups.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var first = group[0];
            var source = group.Select(g => g.Source).Where(p => p is not null).OrderByDescending(p => p!.Actor?.Length ?? 0).FirstOrDefault();
            var target = group.Select(g => g.Target).Where(p => p is not null).OrderByDescending(p => p!.Actor?.Length ?? 0).FirstOrDefault();
            var dated = group.FirstOrDefault(g => !g.DateFromArticle && g.Date is not null) ?? first;
            var id = EventId(document.Id, first.Type, source?.Actor, target?.Actor, first.Lemma);
            var suffix = 2;
            var unique = id;
            while (!ids.Add(unique)) unique = id + "-" + (suffix++).ToString(CultureInfo.InvariantCulture);
            result.Add(new Event
            {
                Id = unique,
                Type = first.Type,
                Cameo = first.Cameo,
                Mode = first.Mode,
                Source = source,
                Target = target,
                Trigger = first.Trigger,
                Date = dated.Date,
                DateFromArticle = dated.DateFromArticle,
                Place = group.Select(g => g.Place).FirstOrDefault(p => p is not null),
                Negated = first.Negated,
                Modality = first.Modality,
                Evidence = first.Evidence,
                Mentions = [.. group.Select(g => new EventMention { Start = g.Sentence.Start, End = g.Sentence.End, Trigger = g.Trigger, Evidence = g.Evidence })],
            });
        }

        return result;
    }

    private static bool SameEvent(RawEvent a, RawEvent b)
    {
        if (a.Type != b.Type || a.Lemma != b.Lemma || a.Negated != b.Negated) return false;
        if (!Compatible(a.Source?.Actor, b.Source?.Actor) || !Compatible(a.Target?.Actor, b.Target?.Actor)) return false;
        // At least one participant known on both sides and the same: two anonymous attacks are not one event.
        return (a.Source?.Actor is not null && b.Source?.Actor is not null) || (a.Target?.Actor is not null && b.Target?.Actor is not null);
    }

    private static bool Compatible(string? a, string? b) =>
        a is null || b is null || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);

    /// <summary>ev- + 12 hex digits of SHA-256(document id | type | source | target | trigger lemma).</summary>
    public static string EventId(string documentId, string type, string? source, string? target, string lemma) =>
        "ev-" + DocumentId.ContentHash(string.Join('|', documentId, type, source ?? "", target ?? "", lemma))[..12];

    private sealed record RawEvent
    {
        public required string Type { get; init; }
        public required string Cameo { get; init; }
        public string? Mode { get; init; }
        public required string Lemma { get; init; }
        public EventParticipant? Source { get; init; }
        public EventParticipant? Target { get; init; }
        public required Mention Trigger { get; init; }
        public string? Date { get; init; }
        public bool DateFromArticle { get; init; }
        public Place? Place { get; init; }
        public bool Negated { get; init; }
        public required string Modality { get; init; }
        public TextRange Sentence { get; init; }
        public required Evidence Evidence { get; init; }
    }
}
