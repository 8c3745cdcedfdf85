namespace Rasid.Nlp.Events;

/// <summary>A trigger found in a sentence: tokens [First, Last] and the context tokens it consumed.</summary>
internal sealed record TriggerHit(TriggerEntry Entry, int First, int Last, string Proclitic, int ConsumedUntil, bool IsVerb)
{
    /// <summary>True for a nominal trigger with the purpose proclitic ل and no article (لمحاربة، لإرسال): not an event itself.</summary>
    public bool IsPurpose => !IsVerb && !Governed && Proclitic is "\u0644" or "\u0648\u0644" or "\u0641\u0644"; // ل ول فل

    /// <summary>True when the ل is the object preposition of a verb before it (تعرضت القافلة لهجوم): an event, not a purpose.</summary>
    public bool Governed { get; init; }

    /// <summary>
    /// True when the trigger names the event's participants (role_cues.tsv class <c>protester</c>: المتظاهرون، المحتجين): the
    /// subject of the sentence (ودعا متظاهرون ... الى الافراج), never the content of an irrealis trigger before it.
    /// </summary>
    public bool NamesParticipants { get; init; }
}

/// <summary>Finds the triggers of <see cref="EventKnowledge"/> in a sentence.</summary>
internal static class TriggerMatcher
{
    // Proclitics a verb may carry: none, و، ف، س، ل (لِيفعل) and their combinations.
    private static readonly HashSet<string> VerbProclitics = new(StringComparer.Ordinal)
    {
        "", "\u0648", "\u0641", "\u0633", "\u0648\u0633", "\u0641\u0633", "\u0644", "\u0648\u0644", "\u0641\u0644",
    };

    public static List<TriggerHit> Find(SentenceView sentence, EventKnowledge knowledge)
    {
        var hits = new List<TriggerHit>();
        var tokens = sentence.Tokens;
        var consumed = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i <= consumed || !tokens[i].IsWord) continue;
            TriggerHit? best = null;
            var bestHasContext = false;
            foreach (var cand in tokens[i].Candidates)
            {
                if (!knowledge.ByFirstWord.TryGetValue(cand.Stem, out var entries)) continue;
                foreach (var (entry, form) in entries)
                {
                    var isVerb = entry.IsVerb && (entry.NounForms.Count == 0 || !entry.NounForms.Contains(string.Join(' ', form))); // joined only when needed
                    // ل before a verb only as لِيفعل (with an imperfect prefix).
                    if (isVerb ? !VerbProclitics.Contains(cand.Proclitic) || (cand.Proclitic.EndsWith('\u0644') && !cand.ImperfectPrefix) : cand.ImperfectPrefix) continue;
                    if (form.Length == 1 && !PossibleEnding(tokens[i], cand, isVerb)) continue;
                    var last = MatchRest(tokens, i, form);
                    if (last < 0) continue;
                    var contextEnd = last;
                    if (entry.Context.Count > 0)
                    {
                        contextEnd = ContextMatch(tokens, last, entry.Context);
                        if (contextEnd < 0) continue;
                    }

                    var hasContext = entry.Context.Count > 0;
                    // The same letters as verb and as noun (طلب): a noun after a preposition (بموجب طلب) or with ب/ل/ال.
                    var preferNoun = !isVerb && best is { IsVerb: true } && best.First == i && !(bestHasContext && !hasContext) &&
                        (cand.Proclitic.TrimStart('\u0648', '\u0641').Length > 0 || (i > 0 && ActorMentions.IsPrepositionWord(tokens[i - 1].Folded)));
                    if (best is null || (hasContext && !bestHasContext) || preferNoun)
                    {
                        best = new TriggerHit(entry, i, last, cand.Proclitic, contextEnd, isVerb);
                        bestHasContext = hasContext;
                    }
                }
            }

            if (best is null) continue;
            // Names that look like inflected triggers (طالبان: "the two demanded" but nearly always the Taliban); looked up
            // only for words that match a trigger (the search above has no side effects).
            if (knowledge.Cues.Is("not_trigger", tokens[i]) || knowledge.Cues.IsStripped("not_trigger", tokens[i])) continue;
            if (best.IsPurpose && GovernedByVerb(tokens, i, knowledge.Cues)) best = best with { Governed = true };
            if (knowledge.Cues.Is("protester", tokens[i]) || knowledge.Cues.IsStripped("protester", tokens[i])) best = best with { NamesParticipants = true };
            hits.Add(best);
            consumed = best.ConsumedUntil;
        }

        return hits;
    }

    /// <summary>
    /// Whether what follows the stem in the token can end the trigger. Folding writes ة as ه, so a ة stripped as if it were the
    /// pronoun ه is not one: الطلبة "the students" is not طلب + ه "his request". A verb never ends in ة (وزارة "ministry" is not
    /// و + زاره "and he visited him"), nor takes the noun plural ات (وزارات), nor ي after a perfect stem (وزارتي); ون/ين/ان only
    /// after an imperfect prefix (يزورون, not a perfect زارون).
    /// </summary>
    private static bool PossibleEnding(ViewToken token, StemCandidate cand, bool isVerb)
    {
        var suffixLength = token.Folded.Length - cand.Proclitic.Length - (cand.ImperfectPrefix ? 1 : 0) - cand.Stem.Length;
        if (token.Text.Length > 0 && token.Text[^1] == '\u0629' && (isVerb || suffixLength > 0)) return false; // ة
        if (!isVerb || suffixLength <= 0) return true;
        var suffix = token.Folded.AsSpan(token.Folded.Length - suffixLength);
        if (suffix.SequenceEqual("\u0627\u062A")) return false; // ات
        if (!cand.ImperfectPrefix && (suffix.SequenceEqual("\u064A") || suffix.SequenceEqual("\u0648\u0646") || suffix.SequenceEqual("\u064A\u0646") || suffix.SequenceEqual("\u0627\u0646"))) return false; // ي ون ين ان
        return true;
    }

    /// <summary>A verb of role_cues.tsv class <c>governs_l</c> (تعرض) within four words before a nominal trigger with ل.</summary>
    private static bool GovernedByVerb(IReadOnlyList<ViewToken> tokens, int trigger, RoleCues cues)
    {
        var words = 0;
        for (var k = trigger - 1; k >= 0 && words < 4; k--)
        {
            if (!tokens[k].IsWord)
            {
                if (tokens[k].Kind == Core.TokenKind.Punctuation) return false;
                continue;
            }

            words++;
            if (cues.Is("governs_l", tokens[k])) return true;
        }

        return false;
    }

    private static int MatchRest(IReadOnlyList<ViewToken> tokens, int first, string[] form)
    {
        var k = first;
        for (var w = 1; w < form.Length; w++)
        {
            k++;
            if (k >= tokens.Count || !tokens[k].HasStem(form[w])) return -1;
        }

        return k;
    }

    private static int ContextMatch(IReadOnlyList<ViewToken> tokens, int last, IReadOnlyList<(string Stem, int Window)> context)
    {
        var words = 0;
        for (var k = last + 1; k < tokens.Count; k++)
        {
            if (!tokens[k].IsWord) continue;
            words++;
            foreach (var (stem, window) in context)
            {
                if (words <= window && tokens[k].HasStem(stem)) return k;
            }

            if (words >= 8) break;
        }

        return -1;
    }
}
