using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Core;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Events;

namespace Rasid.Nlp.Evaluation;

/// <summary>Precision, recall and F1 of a detection task.</summary>
/// <param name="TruePositives">Detected and gold.</param>
/// <param name="FalsePositives">Detected, not gold.</param>
/// <param name="FalseNegatives">Gold, not detected.</param>
public readonly record struct DetectionScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP), 0 when nothing was detected.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>TP / (TP + FN), 0 when there is no gold.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// <c>rasid eval events</c>: sentence-level detection of ASSAULT and PROTEST on the GSR (dev split and whole file),
/// and, on the *_spans.json files, source/target actor code accuracy and trigger match rate, with a summary of errors.
/// Runs the given pipeline, so it uses whatever entity and actor layers the pipeline produces.
/// </summary>
public sealed partial class EventEvaluation(RasidPipeline pipeline, bool preferExactTrigger = false)
{
    private readonly JsonObject _json = [];
    private readonly StringBuilder _text = new();

    /// <summary>Evaluates on the files in <paramref name="gsrDirectory"/> (arabic_event_gsr).</summary>
    public EventEvaluation Run(string gsrDirectory, int errorsToShow = 10)
    {
        foreach (var (type, stem) in new[] { ("ASSAULT", "assault"), ("PROTEST", "protest") })
        {
            Detection(type, Path.Combine(gsrDirectory, stem + "_gsr.csv"), errorsToShow);
            var spans = Path.Combine(gsrDirectory, stem + "_spans.json");
            if (File.Exists(spans)) Spans(type, spans, errorsToShow);
        }

        return this;
    }

    /// <summary>The figures as a readable report.</summary>
    public string ToText() => _text.ToString();

    /// <summary>The figures as JSON.</summary>
    public string ToJson() => _json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private void Detection(string type, string path, int errorsToShow)
    {
        var sentences = GsrData.Read(path);
        DetectionScore dev = default, all = default;
        var falsePositives = new List<(GsrSentence S, string Trigger)>();
        var falseNegatives = new List<GsrSentence>();
        int ambiguous = 0;
        foreach (var s in sentences)
        {
            if (s.Gold is not { } gold)
            {
                ambiguous++;
                continue;
            }

            var document = pipeline.Analyze(s.Text, new ArticleInfo { Id = s.Id });
            var found = document.Events.FirstOrDefault(e => e.Type == type && !e.Negated);
            var score = (found is not null, gold) switch
            {
                (true, true) => new DetectionScore(1, 0, 0),
                (true, false) => new DetectionScore(0, 1, 0),
                (false, true) => new DetectionScore(0, 0, 1),
                _ => default,
            };
            all = Add(all, score);
            if (!s.IsDev) continue;
            dev = Add(dev, score);
            if (score.FalsePositives == 1) falsePositives.Add((s, found!.Trigger.Text));
            if (score.FalseNegatives == 1) falseNegatives.Add(s);
        }

        var file = Path.GetFileName(path);
        _text.AppendLine(CultureInfo.InvariantCulture, $"{type} detection ({file}; \"ambiguous\" excluded: {ambiguous})");
        _text.AppendLine(Line("dev split (FNV-1a(id) % 5 == 0)", dev));
        _text.AppendLine(Line("whole file (includes training data)", all));
        _text.AppendLine(CultureInfo.InvariantCulture, $"  dev errors: {dev.FalsePositives} false positives, {dev.FalseNegatives} false negatives");
        foreach (var (group, count) in falsePositives.GroupBy(f => f.Trigger).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).Take(errorsToShow))
        {
            _text.AppendLine(CultureInfo.InvariantCulture, $"    FP trigger \"{group}\" ×{count}");
        }

        foreach (var s in falsePositives.Take(errorsToShow))
        {
            _text.AppendLine(CultureInfo.InvariantCulture, $"    FP {s.S.Id} [{s.Trigger}] {Snippet(s.S.Text)}");
        }

        foreach (var s in falseNegatives.Take(errorsToShow))
        {
            var why = pipeline.Components.OfType<EventCoderComponent>().FirstOrDefault()?.Explain(pipeline.Analyze(s.Text, new ArticleInfo { Id = s.Id }), type);
            _text.AppendLine(CultureInfo.InvariantCulture, $"    FN {s.Id} [{why}] {Snippet(s.Text)}");
        }

        _json[type] = new JsonObject
        {
            ["file"] = file,
            ["dev"] = Json(dev),
            ["all"] = Json(all),
            ["ambiguous_excluded"] = ambiguous,
            ["dev_false_positive_triggers"] = new JsonArray([.. falsePositives.Select(f => (JsonNode)JsonValue.Create(f.Trigger)!)]),
        };
    }

    /// <summary>
    /// Whether one of the event's triggers (the first mention's or, for an event merged from several mentions of the
    /// sentence, any mention's) is among the gold verb words (folded; either contains the other).
    /// </summary>
    internal static bool HasTrigger(Event e, IReadOnlySet<string> verbs) => TriggerMatch(e, verbs) > 0;

    /// <summary>
    /// How well the event's triggers match the gold verb words: 2 when one trigger equals a verb word (folded), 1 when one
    /// contains or is contained in a verb word (clitics: قصف / بقصف), 0 otherwise.
    /// </summary>
    internal static int TriggerMatch(Event e, IReadOnlySet<string> verbs)
    {
        var best = Matches(e.Trigger.Text);
        if (e.Mentions is { } mentions)
        {
            foreach (var m in mentions) best = Math.Max(best, Matches(m.Trigger.Text));
        }

        return best;

        int Matches(string trigger)
        {
            var folded = ArabicFold.Fold(trigger);
            if (folded.Length == 0) return 0;
            if (verbs.Contains(folded)) return 2;
            return verbs.Any(v => folded.Contains(v, StringComparison.Ordinal) || v.Contains(folded, StringComparison.Ordinal)) ? 1 : 0;
        }
    }

    /// <summary>
    /// The system event compared with a gold span: the first event whose trigger matches the gold verb words or, with
    /// <c>preferExactTrigger</c>, the first of those whose trigger equals one of them (قصف منزل ... قامت دبابة بقصف: the gold verb
    /// بقصف picks the second event), else the first that matches at all; null when none matches.
    /// </summary>
    internal static Event? MatchingEvent(IReadOnlyList<Event> events, IReadOnlySet<string> verbs, bool preferExactTrigger)
    {
        Event? first = null;
        foreach (var e in events)
        {
            var match = TriggerMatch(e, verbs);
            if (match == 0) continue;
            if (!preferExactTrigger || match == 2) return e;
            first ??= e;
        }

        return first;
    }

    private void Spans(string type, string path, int errorsToShow)
    {
        using var stream = File.OpenRead(path);
        var records = JsonNode.Parse(stream)?.AsArray() ?? throw new FormatException($"{path}: not a JSON array");
        int sourceSpan = 0, targetSpan = 0;
        int records_ = 0, withVerb = 0, triggerMatched = 0, withSource = 0, sourceCode = 0, sourceRole = 0, sourceCountry = 0, withTarget = 0, targetCode = 0, targetRole = 0, targetCountry = 0;
        var errors = new List<string>();
        var triggerMisses = new List<string>();
        foreach (var node in records)
        {
            if (node?["text"]?.GetValue<string>() is not { } text || node["spans"] is not JsonArray spans || spans.Count == 0) continue;
            records_++;
            var id = node["source"]?.GetValue<string>();
            var document = pipeline.Analyze(text, new ArticleInfo { Id = id, Published = DateFromId(id) });
            var events = document.Events.Where(e => e.Type == type).ToList();
            // The annotators' most frequent code (role objects may be "UNKNOWN" strings): the first span. The system
            // event is the one whose trigger is among that span's own verb words (not another annotator's).
            var gold = spans[0]!;
            var verbs = (gold["verb"] as JsonArray ?? []).Select(v => ArabicFold.Fold(v?.GetValue<string>() ?? "")).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
            var matched = MatchingEvent(events, verbs, preferExactTrigger);
            // A first span without verb words (12 of the 148 PROTEST sentences) cannot match any trigger.
            if (verbs.Count > 0) withVerb++;
            // Why there is no event (error lines): the trigger the coder does not code, or the detector's margin, or "no trigger".
            var why = events.Count == 0 ? pipeline.Components.OfType<EventCoderComponent>().FirstOrDefault()?.Explain(document, type) : null;
            if (matched is not null) triggerMatched++;
            else if (events.Count > 0) triggerMisses.Add($"trigger gold [{string.Join(' ', verbs)}] system {string.Join(", ", events.SelectMany(e => e.Mentions is { Count: > 0 } m ? m.Select(x => x.Trigger.Text) : [e.Trigger.Text]).Select(t => $"\"{t}\""))}\n      {text}");
            var chosen = matched ?? events.OrderByDescending(e => (e.Source is null ? 0 : 1) + (e.Target is null ? 0 : 1)).FirstOrDefault();
            if (Code(gold["source_role"]) is { } src)
            {
                withSource++;
                if (Overlaps(gold["source_actor"], chosen?.Source)) sourceSpan++;
                if (!Compare(src, chosen?.Source?.Actor, ref sourceCode, ref sourceRole, ref sourceCountry)) errors.Add(Error("source", gold["source_actor"], src, chosen, chosen?.Source) + (why is null ? "" : $" ({why})") + "\n      " + text);
            }

            if (Code(gold["target_role"]) is { } tgt)
            {
                withTarget++;
                if (Overlaps(gold["target_actor"], chosen?.Target)) targetSpan++;
                if (!Compare(tgt, chosen?.Target?.Actor, ref targetCode, ref targetRole, ref targetCountry)) errors.Add(Error("target", gold["target_actor"], tgt, chosen, chosen?.Target) + (why is null ? "" : $" ({why})") + "\n      " + text);
            }

        }

        // The same comparison with every trigger of the type coded (the detector off): actor coding given that the
        // sentence reports the event, separated from detection.
        int givenSource = 0, givenTarget = 0, ignored = 0;
        if (pipeline.Components.OfType<EventCoderComponent>().FirstOrDefault() is { } coder)
        {
            var off = new RasidPipeline(pipeline.Components.Select(c => c == coder ? coder.WithoutDetector() : c));
            foreach (var node in records)
            {
                if (node?["text"]?.GetValue<string>() is not { } text || node["spans"] is not JsonArray spans || spans.Count == 0) continue;
                var id = node["source"]?.GetValue<string>();
                var events = off.Analyze(text, new ArticleInfo { Id = id, Published = DateFromId(id) }).Events.Where(e => e.Type == type).ToList();
                var gold = spans[0]!;
                var verbs = (gold["verb"] as JsonArray ?? []).Select(v => ArabicFold.Fold(v?.GetValue<string>() ?? "")).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
                var chosen = MatchingEvent(events, verbs, preferExactTrigger)
                    ?? events.OrderByDescending(e => (e.Source is null ? 0 : 1) + (e.Target is null ? 0 : 1)).FirstOrDefault();
                if (Code(gold["source_role"]) is { } src) Compare(src, chosen?.Source?.Actor, ref givenSource, ref ignored, ref ignored);
                if (Code(gold["target_role"]) is { } tgt) Compare(tgt, chosen?.Target?.Actor, ref givenTarget, ref ignored, ref ignored);
            }
        }

        double Rate(int n, int d) => d == 0 ? 0 : (double)n / d;
        var file = Path.GetFileName(path);
        _text.AppendLine(CultureInfo.InvariantCulture, $"{type} spans ({file}, {records_} sentences, all of them; gold = first annotator's codes)");
        _text.AppendLine(CultureInfo.InvariantCulture, $"  trigger match rate: {Rate(triggerMatched, records_):0.000} ({triggerMatched}/{records_}); over the sentences whose first span names a verb: {Rate(triggerMatched, withVerb):0.000} ({triggerMatched}/{withVerb})");
        _text.AppendLine(CultureInfo.InvariantCulture, $"  source code exact {Rate(sourceCode, withSource):0.000}, role {Rate(sourceRole, withSource):0.000}, country {Rate(sourceCountry, withSource):0.000}, span overlaps gold {Rate(sourceSpan, withSource):0.000} (n={withSource})");
        _text.AppendLine(CultureInfo.InvariantCulture, $"  target code exact {Rate(targetCode, withTarget):0.000}, role {Rate(targetRole, withTarget):0.000}, country {Rate(targetCountry, withTarget):0.000}, span overlaps gold {Rate(targetSpan, withTarget):0.000} (n={withTarget})");
        _text.AppendLine(CultureInfo.InvariantCulture, $"  with every {type} trigger coded (detector off): source code exact {Rate(givenSource, withSource):0.000}, target code exact {Rate(givenTarget, withTarget):0.000}");
        foreach (var e in errors.Take(errorsToShow)) _text.AppendLine(CultureInfo.InvariantCulture, $"    {e}");
        foreach (var e in triggerMisses.Take(errorsToShow)) _text.AppendLine(CultureInfo.InvariantCulture, $"    {e}");
        _json[type + "_spans"] = new JsonObject
        {
            ["file"] = file,
            ["sentences"] = records_,
            ["trigger_match_rate"] = Rate(triggerMatched, records_),
            ["trigger_match_rate_with_verb"] = Rate(triggerMatched, withVerb),
            ["source"] = new JsonObject { ["n"] = withSource, ["exact"] = Rate(sourceCode, withSource), ["role"] = Rate(sourceRole, withSource), ["country"] = Rate(sourceCountry, withSource), ["span_overlap"] = Rate(sourceSpan, withSource) },
            ["target"] = new JsonObject { ["n"] = withTarget, ["exact"] = Rate(targetCode, withTarget), ["role"] = Rate(targetRole, withTarget), ["country"] = Rate(targetCountry, withTarget), ["span_overlap"] = Rate(targetSpan, withTarget) },
            ["detector_off"] = new JsonObject { ["source_exact"] = Rate(givenSource, withSource), ["target_exact"] = Rate(givenTarget, withTarget) },
        };
    }

    /// <summary>True when the system participant shares a word (folded, clitics ignored) with the gold actor words.</summary>
    private static bool Overlaps(JsonNode? goldWords, EventParticipant? system)
    {
        if (system is null || goldWords is not JsonArray words) return false;
        static string Key(string w)
        {
            var f = ArabicFold.Fold(w);
            foreach (var p in new[] { "\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0644\u0644", "\u0627\u0644", "\u0648" }) // وال بال لل ال و
            {
                if (f.Length - p.Length >= 3 && f.StartsWith(p, StringComparison.Ordinal)) return f[p.Length..];
            }

            return f;
        }

        var gold = words.Select(w => Key(w?.ToString() ?? "")).Where(w => w.Length >= 2).ToHashSet(StringComparer.Ordinal);
        return system.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => gold.Contains(Key(w)));
    }

    /// <summary>Gold {"main": "PAK", "role": "OPP"} → ("PAK", "OPP"); "None" parts → null; null when neither is given.</summary>
    private static (string? Country, string? Role)? Code(JsonNode? node)
    {
        if (node is not JsonObject obj || obj.Count == 0) return null;
        var main = obj["main"]?.GetValue<string>();
        var role = obj["role"]?.GetValue<string>();
        main = main is null or "None" or "" ? null : main;
        role = role is null or "None" or "" ? null : role;
        return main is null && role is null ? null : (main, role);
    }

    /// <summary>
    /// The system code split as the actor linker splits codes (SYRGOV → SYR + GOV, CVL → role only, ---CVL → role
    /// only, IGOUNO → IGO, RUS → country only); exact = country and first role both equal the gold ones.
    /// </summary>
    private static string Error(string side, JsonNode? goldWords, (string? Country, string? Role) gold, Event? chosen, EventParticipant? system) =>
        $"{side} gold [{string.Join(' ', (goldWords as JsonArray ?? []).Select(w => w?.ToString()))}] {gold.Country ?? "-"}+{gold.Role ?? "-"}" +
        (chosen is null ? " system: no event" : system is null ? $" system: no {side} of \"{chosen.Trigger.Text}\"" : $" system [{system.Text}] {system.Actor ?? "(no code)"} of \"{chosen.Trigger.Text}\"");

    private static bool Compare((string? Country, string? Role) gold, string? system, ref int exact, ref int role, ref int country)
    {
        var (sysCountry, sysRole) = system is { Length: >= 3 } ? ActorLinker.SplitCode(system) : (null, null);
        if (sysCountry == "---") sysCountry = null;
        var countryOk = sysCountry == gold.Country;
        var roleOk = sysRole == gold.Role;
        if (countryOk && roleOk) exact++;
        if (roleOk) role++;
        if (countryOk) country++;
        return countryOk && roleOk;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"_(\d{8})")]
    private static partial System.Text.RegularExpressions.Regex DateInId();

    /// <summary>AAW_ARB_20071208.0036-23 → 2007-12-08 (the newswire date), as <c>rasid eval actors</c> dates spans.</summary>
    private static DateOnly? DateFromId(string? id) =>
        id is not null && DateInId().Match(id) is { Success: true } m &&
        DateOnly.TryParseExact(m.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DetectionScore Add(DetectionScore a, DetectionScore b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    private static string Line(string label, DetectionScore s) =>
        string.Create(CultureInfo.InvariantCulture, $"  {label,-40} P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  (TP {s.TruePositives}, FP {s.FalsePositives}, FN {s.FalseNegatives})");

    private static JsonObject Json(DetectionScore s) => new()
    {
        ["tp"] = s.TruePositives, ["fp"] = s.FalsePositives, ["fn"] = s.FalseNegatives,
        ["precision"] = Math.Round(s.Precision, 4), ["recall"] = Math.Round(s.Recall, 4), ["f1"] = Math.Round(s.F1, 4),
    };

    private static string Snippet(string text) => text.Length <= 90 ? text : string.Concat(text.AsSpan(0, 90), "…");
}
