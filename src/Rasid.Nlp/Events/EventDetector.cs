using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Nlp.Entities;
using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>
/// Sentence-level event-type detection (ASSAULT, PROTEST): one linear model per type (logistic regression, averaged over
/// cross-validation folds) over folded words, clitic-stripped stems, stem prefixes, stem bigrams, word clusters (scaled
/// down in long sentences) and trigger-lexicon features. Trained by
/// <see cref="EventDetectorTrainer"/> on the Arabic event GSR; stored as JSON in models/events-detect.json.
/// </summary>
internal sealed class EventDetector
{
    /// <summary>Model id written into evidence.</summary>
    public const string ModelName = "events-detect";
    public const string FeatureSet = "events.features/5";
    private const string ResourceName = "Rasid.Nlp.models.events-detect.json";

    private static readonly Lazy<EventDetector?> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public EventDetector(IReadOnlyDictionary<string, TypeModel> types, int version)
    {
        Types = types;
        Version = version;
    }

    /// <summary>The per-type models.</summary>
    public IReadOnlyDictionary<string, TypeModel> Types { get; }

    public int Version { get; }

    /// <summary>Evidence id, e.g. <c>events-detect/1</c>.</summary>
    public string Id => ModelName + "/" + Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The model embedded in this assembly, or null when it has not been trained yet.</summary>
    public static EventDetector? Default => Embedded.Value;

    /// <summary>Sentence length (words) up to which lexical features have value 1; beyond it their value shrinks as 1/sqrt(words).</summary>
    internal const double LengthNormWords = 6;

    /// <summary>
    /// The features of a sentence, each once, in a deterministic order: lexical features (words, stems, prefixes, bigrams,
    /// clusters) with a value that shrinks with the sentence's length (1 up to <see cref="LengthNormWords"/> words, then
    /// sqrt(LengthNormWords / words)), so that a long sentence does not collect a large score from many weak words;
    /// trigger features with value 1.
    /// </summary>
    public static List<DetectorFeature> Features(SentenceView sentence, IReadOnlyList<TriggerHit> hits, WordClusters clusters, RoleCues cues)
    {
        var lexical = LexicalFeatures(sentence, clusters, out var words);
        var triggers = TriggerFeatures(sentence, hits, cues);
        var value = (words <= LengthNormWords ? 1.0 : Math.Sqrt(LengthNormWords / words));
        var result = new List<DetectorFeature>(lexical.Count + triggers.Count + 1) { new("bias", 1) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { "bias" };
        foreach (var f in lexical) if (seen.Add(f)) result.Add(new DetectorFeature(f, value));
        foreach (var f in triggers) if (seen.Add(f)) result.Add(new DetectorFeature(f, 1));
        return result;
    }

    private static List<string> LexicalFeatures(SentenceView sentence, WordClusters clusters, out int words)
    {
        var features = new List<string>(sentence.Tokens.Count * 6);
        words = 0;
        string? previous = null;
        foreach (var token in sentence.Tokens)
        {
            if (!token.IsWord)
            {
                if (token.Kind == Core.TokenKind.Number) features.Add("num");
                previous = null;
                continue;
            }

            var stem = ShortStem(token);
            words++;
            features.Add("w:" + token.Folded);
            features.Add("s:" + stem);
            if (stem.Length >= 4) features.Add("p:" + stem[..4]);
            if (previous is not null) features.Add("b:" + previous + "_" + stem);
            previous = stem;
            // Word clusters learnt from unlabelled news: words never seen in the GSR share weights with similar ones.
            if (clusters.Count > 0)
            {
                var norm = ArabicForms.Normalize(token.Text);
                if (clusters.PathOfToken(norm, ArabicForms.Stem(norm)) is { } path)
                {
                    features.Add("c:" + path);
                    if (path.Length > 6) features.Add("c6:" + path[..6]);
                }
            }
        }

        return features;
    }

    private static List<string> TriggerFeatures(SentenceView sentence, IReadOnlyList<TriggerHit> hits, RoleCues cues)
    {
        var features = new List<string>();
        var tokens = sentence.Tokens;
        var firstWords = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            var e = hit.Entry;
            var status = hit.IsPurpose ? "purpose" : "plain";
            features.Add("lex:" + e.Plover);
            features.Add("lex:" + e.Plover + ":" + status);
            features.Add("lexc:" + (e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo));
            features.Add("lexl:" + e.Lemma);
            features.Add("lexk:" + e.Plover + ":" + (e.IsVerb ? "v" : "n"));
            // Where the trigger stands: negated, in a relative clause, after a preposition (في الهجوم: background), definite,
            // among the first words (the sentence's main event), with an asserting verb before it.
            var context = new List<string>();
            var before = PreviousWords(tokens, hit.First, 3);
            if (before.Any(w => NegationCues.Contains(w))) context.Add("neg");
            if (before.Any(w => RelativeCues.Contains(w))) context.Add("rel");
            if (before.Count > 0 && ActorMentions.IsPrepositionWord(before[0])) context.Add("prep");
            if (hit.Proclitic.TrimStart('\u0648', '\u0641').StartsWith('\u0628') || hit.Proclitic.TrimStart('\u0648', '\u0641').StartsWith('\u0644')) context.Add("clitic");
            if (hit.Proclitic.EndsWith("\u0627\u0644", StringComparison.Ordinal) || hit.Proclitic.EndsWith("\u0644\u0644", StringComparison.Ordinal)) context.Add("def");
            firstWords = 0;
            for (var k = 0; k < hit.First; k++) if (tokens[k].IsWord) firstWords++;
            context.Add(firstWords < 3 ? "pos0" : firstWords < 8 ? "pos1" : "pos2");
            // A count next to the trigger (قتل 18 شخصا، ثمانية اشخاص قتلوا، تظاهر مئات، آلاف المتظاهرين): a reported event
            // with its size rather than a mention of the event type.
            if (HasCountNear(tokens, hit.First, hit.Last, cues)) context.Add("count");
            // A modal or preventive word just before it (قد، يخشى، احباط، تهديد): possible, feared or foiled, not reported.
            if (HasNear(tokens, hit.First, -1, cues, "modal", 3)) context.Add("modal");
            // A venue after the trigger (تجمع مئات امام المحكمة، في الشوارع): the gathering itself is reported.
            if (HasAfter(tokens, hit.Last, cues, "venue", 6)) context.Add("venue");
            // A speech or demand verb right before (وردد المتظاهرون، وطالب المحتجون): the participants say or demand something,
            // a detail of a protest reported elsewhere rather than its report.
            if (HasNear(tokens, hit.First, -1, cues, "utter", 1)) context.Add("utter");
            if (context.Count == 1) context.Add("bare");
            foreach (var c in context)
            {
                var f = "lexx:" + e.Plover + ":" + (e.IsVerb && hit.IsVerb ? "v" : "n") + ":" + c;
                if (seen.Add(f)) features.Add(f);
            }
        }

        // Casualty words (قتلى، جرحى، مصرع، اصيب) in the sentence, one or several: a reported attack with its toll.
        var casualties = 0;
        foreach (var t in tokens) if (cues.IsStripped("casualty", t) || cues.Is("casualty", t)) casualties++;
        if (casualties > 0) features.Add(casualties == 1 ? "cas:1" : "cas:2");
        return features;
    }

    /// <summary>A word of class <paramref name="cls"/> within <paramref name="n"/> words of the trigger (before it only when <paramref name="last"/> &lt; 0), in its clause.</summary>
    private static bool HasNear(IReadOnlyList<ViewToken> tokens, int first, int last, RoleCues cues, string cls, int n) =>
        HasInClause(tokens, first - 1, -1, cues, cls, n) || (last >= 0 && HasInClause(tokens, last + 1, 1, cues, cls, n));

    /// <summary>A word of class <paramref name="cls"/> within <paramref name="n"/> words after token <paramref name="last"/>, in its clause.</summary>
    private static bool HasAfter(IReadOnlyList<ViewToken> tokens, int last, RoleCues cues, string cls, int n) =>
        HasInClause(tokens, last + 1, 1, cues, cls, n);

    /// <summary>A word of class <paramref name="cls"/> within <paramref name="n"/> words from token <paramref name="k"/> in direction <paramref name="dir"/>, stopping at punctuation.</summary>
    private static bool HasInClause(IReadOnlyList<ViewToken> tokens, int k, int dir, RoleCues cues, string cls, int n)
    {
        for (var steps = 0; steps < n && k >= 0 && k < tokens.Count; k += dir)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                if (t.Kind == Core.TokenKind.Punctuation) break;
                continue;
            }

            steps++;
            if (cues.Is(cls, t) || cues.IsStripped(cls, t)) return true;
        }

        return false;
    }

    /// <summary>A number or a quantifier word (role_cues.tsv class <c>quantifier</c>) within three tokens of the trigger, in its clause.</summary>
    private static bool HasCountNear(IReadOnlyList<ViewToken> tokens, int first, int last, RoleCues cues)
    {
        for (var dir = -1; dir <= 1; dir += 2)
        {
            var k = dir < 0 ? first - 1 : last + 1;
            for (var steps = 0; steps < 3 && k >= 0 && k < tokens.Count; steps++, k += dir)
            {
                var t = tokens[k];
                if (t.Kind == Core.TokenKind.Number) return true;
                if (!t.IsWord) break;
                if (cues.Is("quantifier", t)) return true;
            }
        }

        return false;
    }

    // Folded negation particles and relative pronouns (closed classes used as trigger-context features; data/events/function_words.tsv).
    private static readonly System.Collections.Frozen.FrozenSet<string> NegationCues = EventWords.DetectorNegation;

    private static readonly System.Collections.Frozen.FrozenSet<string> RelativeCues = EventWords.DetectorRelative;

    /// <summary>Up to <paramref name="n"/> folded words before token <paramref name="k"/>, nearest first (و/ف stripped).</summary>
    private static List<string> PreviousWords(IReadOnlyList<ViewToken> tokens, int k, int n)
    {
        var result = new List<string>(n);
        for (var j = k - 1; j >= 0 && result.Count < n; j--)
        {
            if (!tokens[j].IsWord) continue;
            var f = tokens[j].Folded;
            result.Add(f.Length > 2 && f[0] is '\u0648' or '\u0641' && !NegationCues.Contains(f) ? f[1..] : f);
        }

        return result;
    }

    /// <summary>The shortest candidate stem without an imperfect prefix, at least three letters (the word itself otherwise).</summary>
    private static string ShortStem(ViewToken token)
    {
        var best = token.Folded;
        foreach (var c in token.Candidates)
        {
            if (!c.ImperfectPrefix && c.Stem.Length >= 3 && c.Stem.Length < best.Length) best = c.Stem;
        }

        return best;
    }

    /// <summary>Score of <paramref name="type"/> (margin above the decision threshold when positive); null when the model has no such type.</summary>
    public double? Score(string type, IReadOnlyList<DetectorFeature> features)
    {
        if (!Types.TryGetValue(type, out var model)) return null;
        double sum = 0;
        foreach (var f in features)
        {
            if (model.Weights.TryGetValue(f.Name, out var w)) sum += w * f.Value;
        }

        return sum - model.Threshold;
    }

    /// <summary>The word token contributing most (more than <c>minimumWeight</c>) to <paramref name="type"/> (a trigger for classifier-only events), or -1.</summary>
    public int BestToken(string type, SentenceView sentence, double minimumWeight = 0)
    {
        if (!Types.TryGetValue(type, out var model)) return -1;
        var best = -1;
        var bestWeight = minimumWeight;
        for (var i = 0; i < sentence.Tokens.Count; i++)
        {
            var token = sentence.Tokens[i];
            // Content words only: a preposition or particle (في، من) is never a trigger.
            if (!token.IsWord || token.Folded.Length < 3 || ActorMentions.IsPrepositionWord(token.Folded)) continue;
            var w = Weight(model, "w:" + token.Folded) + Weight(model, "s:" + ShortStem(token));
            if (w > bestWeight)
            {
                bestWeight = w;
                best = i;
            }
        }

        return best;
    }

    private static double Weight(TypeModel model, string feature) => model.Weights.TryGetValue(feature, out var w) ? w : 0;

    /// <summary>Writes the model as compact JSON.</summary>
    public string ToJson(JsonObject metadata)
    {
        var types = new JsonObject();
        foreach (var (name, model) in Types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var weights = new JsonObject();
            foreach (var (f, w) in model.Weights.OrderBy(x => x.Key, StringComparer.Ordinal)) weights[f] = Math.Round(w, 4);
            types[name] = new JsonObject { ["threshold"] = model.Threshold, ["weights"] = weights };
        }

        var root = new JsonObject
        {
            ["name"] = ModelName,
            ["version"] = Version,
            ["features"] = FeatureSet,
            ["metadata"] = metadata,
            ["types"] = types,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    public static EventDetector FromJson(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("event detection model: not a JSON object");
        if ((string?)root["features"] != FeatureSet) throw new FormatException($"event detection model: feature set '{(string?)root["features"]}' is not {FeatureSet}");
        var types = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var (name, node) in root["types"]!.AsObject())
        {
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (f, w) in node!["weights"]!.AsObject()) weights[f] = (double)w!;
            types[name] = new TypeModel(weights, (double)node["threshold"]!);
        }

        return new EventDetector(types, (int)root["version"]!);
    }

    private static EventDetector? LoadEmbedded()
    {
        using var stream = typeof(EventDetector).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }
}

/// <summary>A feature of a sentence and its value.</summary>
internal readonly record struct DetectorFeature(string Name, double Value);

/// <summary>A linear model for one event type.</summary>
/// <param name="Weights">Feature weights.</param>
/// <param name="Threshold">The score above which the type is detected.</param>
internal sealed record TypeModel(IReadOnlyDictionary<string, double> Weights, double Threshold);
