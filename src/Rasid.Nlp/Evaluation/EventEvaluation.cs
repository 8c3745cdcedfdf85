using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Core;
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
public sealed class EventEvaluation(RasidPipeline pipeline)
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
            if (File.Exists(spans)) Spans(type, spans);
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
            _text.AppendLine(CultureInfo.InvariantCulture, $"    FN {s.Id} {Snippet(s.Text)}");
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

    private void Spans(string type, string path)
    {
        using var stream = File.OpenRead(path);
        var records = JsonNode.Parse(stream)?.AsArray() ?? throw new FormatException($"{path}: not a JSON array");
        int records_ = 0, triggerMatched = 0, withSource = 0, sourceCode = 0, sourceRole = 0, sourceCountry = 0, withTarget = 0, targetCode = 0, targetRole = 0, targetCountry = 0;
        foreach (var node in records)
        {
            if (node?["text"]?.GetValue<string>() is not { } text || node["spans"] is not JsonArray spans || spans.Count == 0) continue;
            records_++;
            var document = pipeline.Analyze(text, new ArticleInfo { Id = node["source"]?.GetValue<string>() });
            var events = document.Events.Where(e => e.Type == type).ToList();
            var verbs = spans.SelectMany(s => s?["verb"] as JsonArray ?? []).Select(v => ArabicFold.Fold(v?.GetValue<string>() ?? "")).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
            var matched = events.FirstOrDefault(e => verbs.Any(v => ArabicFold.Fold(e.Trigger.Text).Contains(v, StringComparison.Ordinal) || v.Contains(ArabicFold.Fold(e.Trigger.Text), StringComparison.Ordinal)));
            if (matched is not null) triggerMatched++;
            var chosen = matched ?? events.OrderByDescending(e => (e.Source is null ? 0 : 1) + (e.Target is null ? 0 : 1)).FirstOrDefault();
            // The annotators' most frequent code (role objects may be "UNKNOWN" strings).
            var gold = spans[0]!;
            if (Code(gold["source_role"]) is { } src)
            {
                withSource++;
                Compare(src, chosen?.Source?.Actor, ref sourceCode, ref sourceRole, ref sourceCountry);
            }

            if (Code(gold["target_role"]) is { } tgt)
            {
                withTarget++;
                Compare(tgt, chosen?.Target?.Actor, ref targetCode, ref targetRole, ref targetCountry);
            }
        }

        double Rate(int n, int d) => d == 0 ? 0 : (double)n / d;
        var file = Path.GetFileName(path);
        _text.AppendLine(CultureInfo.InvariantCulture, $"{type} spans ({file}, {records_} sentences, all of them; gold = first annotator's codes)");
        _text.AppendLine(CultureInfo.InvariantCulture, $"  trigger match rate: {Rate(triggerMatched, records_):0.000} ({triggerMatched}/{records_})");
        _text.AppendLine(CultureInfo.InvariantCulture, $"  source code exact {Rate(sourceCode, withSource):0.000}, role {Rate(sourceRole, withSource):0.000}, country {Rate(sourceCountry, withSource):0.000} (n={withSource})");
        _text.AppendLine(CultureInfo.InvariantCulture, $"  target code exact {Rate(targetCode, withTarget):0.000}, role {Rate(targetRole, withTarget):0.000}, country {Rate(targetCountry, withTarget):0.000} (n={withTarget})");
        _json[type + "_spans"] = new JsonObject
        {
            ["file"] = file,
            ["sentences"] = records_,
            ["trigger_match_rate"] = Rate(triggerMatched, records_),
            ["source"] = new JsonObject { ["n"] = withSource, ["exact"] = Rate(sourceCode, withSource), ["role"] = Rate(sourceRole, withSource), ["country"] = Rate(sourceCountry, withSource) },
            ["target"] = new JsonObject { ["n"] = withTarget, ["exact"] = Rate(targetCode, withTarget), ["role"] = Rate(targetRole, withTarget), ["country"] = Rate(targetCountry, withTarget) },
        };
    }

    /// <summary>Gold {"main": "PAK", "role": "OPP"} → ("PAK", "OPP"); "None" parts → "---" / ""; null when no code.</summary>
    private static (string Country, string Role)? Code(JsonNode? node)
    {
        if (node is not JsonObject obj || obj.Count == 0) return null;
        var main = obj["main"]?.GetValue<string>();
        var role = obj["role"]?.GetValue<string>();
        main = main is null or "None" or "" ? "---" : main;
        role = role is null or "None" ? "" : role;
        return main == "---" && role.Length == 0 ? null : (main, role);
    }

    private static void Compare((string Country, string Role) gold, string? system, ref int exact, ref int role, ref int country)
    {
        system ??= "";
        var sysCountry = system.Length >= 3 ? system[..3] : "---";
        var sysRole = system.Length > 3 ? system[3..] : "";
        if (sysCountry == gold.Country && sysRole == gold.Role) exact++;
        if (sysRole == gold.Role) role++;
        if (sysCountry == gold.Country) country++;
    }

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
