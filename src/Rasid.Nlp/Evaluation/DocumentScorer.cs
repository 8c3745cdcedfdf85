using System.Globalization;
using System.Text.Json.Nodes;

namespace Rasid.Nlp.Evaluation;

/// <summary>Raw counts of a document-gold scoring run (the same names as score_docs.py).</summary>
public sealed class DocumentCounts
{
    /// <summary>Counters by name: ent_tp, ent_fp, ent_fn, act_n, act_ok, act_cty, q_tp, q_fp, q_fn, spk_n, spk_ok,
    /// t_tp, t_fp, t_fn, tv_n, tv_ok, e_tp, e_fp, e_fn, e_full_n, e_full_ok, forbidden, missing_docs.</summary>
    public SortedDictionary<string, int> Values { get; } = new(StringComparer.Ordinal)
    {
        ["ent_tp"] = 0, ["ent_fp"] = 0, ["ent_fn"] = 0, ["act_n"] = 0, ["act_ok"] = 0, ["act_cty"] = 0,
        ["q_tp"] = 0, ["q_fp"] = 0, ["q_fn"] = 0, ["spk_n"] = 0, ["spk_ok"] = 0,
        ["t_tp"] = 0, ["t_fp"] = 0, ["t_fn"] = 0, ["tv_n"] = 0, ["tv_ok"] = 0,
        ["e_tp"] = 0, ["e_fp"] = 0, ["e_fn"] = 0, ["e_full_n"] = 0, ["e_full_ok"] = 0, ["forbidden"] = 0, ["missing_docs"] = 0,
    };

    /// <summary>A counter's value.</summary>
    public int this[string name] => Values[name];

    internal void Add(string name, int n = 1) => Values[name] += n;

    /// <summary>Adds another run's counts to this one.</summary>
    public void Add(DocumentCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (k, v) in other.Values) Values[k] += v;
    }
}

/// <summary>Figures derived from <see cref="DocumentCounts"/>, named as in score_docs.py's JSON output.</summary>
/// <param name="Sections">entities {p,r,f,actor_acc,actor_country_acc}, quotes {p,r,f,speaker_acc}, times {p,r,f,value_acc},
/// events {p,r,f,full_code_acc,forbidden}.</param>
/// <param name="MissingDocs">Gold documents without a system document.</param>
public sealed record DocumentScores(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Sections, int MissingDocs)
{
    /// <summary>Section order of the printed report.</summary>
    public static readonly string[] SectionNames = ["entities", "quotes", "times", "events"];

    /// <summary>Computes the figures from counts.</summary>
    public static DocumentScores From(DocumentCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        static double Ratio(int a, int b) => b == 0 ? 0.0 : (double)a / b;
        static Dictionary<string, double> Prf(int tp, int fp, int fn)
        {
            var p = tp + fp == 0 ? 0.0 : (double)tp / (tp + fp);
            var r = tp + fn == 0 ? 0.0 : (double)tp / (tp + fn);
            return new() { ["p"] = p, ["r"] = r, ["f"] = p + r == 0 ? 0.0 : 2 * p * r / (p + r) };
        }

        var ent = Prf(c["ent_tp"], c["ent_fp"], c["ent_fn"]);
        ent["actor_acc"] = Ratio(c["act_ok"], c["act_n"]);
        ent["actor_country_acc"] = Ratio(c["act_cty"], c["act_n"]);
        var q = Prf(c["q_tp"], c["q_fp"], c["q_fn"]);
        q["speaker_acc"] = Ratio(c["spk_ok"], c["spk_n"]);
        var t = Prf(c["t_tp"], c["t_fp"], c["t_fn"]);
        t["value_acc"] = Ratio(c["tv_ok"], c["tv_n"]);
        var e = Prf(c["e_tp"], c["e_fp"], c["e_fn"]);
        e["full_code_acc"] = Ratio(c["e_full_ok"], c["e_full_n"]);
        e["forbidden"] = c["forbidden"];
        return new DocumentScores(new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["entities"] = ent, ["quotes"] = q, ["times"] = t, ["events"] = e,
        }, c["missing_docs"]);
    }

    /// <summary>The report lines of score_docs.py (<c>quotes p=1.000 r=...</c>).</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var name in SectionNames)
        {
            var parts = Sections[name].Select(kv => kv.Key == "forbidden"
                ? $"{kv.Key}={(int)kv.Value}"
                : $"{kv.Key}={kv.Value.ToString("F3", CultureInfo.InvariantCulture)}");
            yield return name + " " + string.Join(' ', parts);
        }

        yield return "missing_docs " + MissingDocs.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Scores system documents (rasid.document/1 JSON) against document gold, implementing exactly the rules of
/// shared/data/gold/README.md as coded in the reference script score_docs.py: entities by exact span and type,
/// quotes by content token-overlap F1 ≥ 0.5 with speaker accuracy, times by overlapping span with exact value,
/// events by type and compatible source/target; optional gold items are neither required nor penalised.
/// </summary>
public static class DocumentScorer
{
    /// <summary>Scores <paramref name="system"/> documents against <paramref name="gold"/> documents (JSON objects).</summary>
    /// <param name="gold">Gold documents.</param>
    /// <param name="system">System documents, matched to gold by id, else by text.</param>
    /// <param name="errors">When given, receives one readable line per entity, actor and speaker error (the counts are the same either way).</param>
    public static DocumentCounts Score(IReadOnlyList<JsonObject> gold, IReadOnlyList<JsonObject> system, ICollection<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var byText = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        JsonObject? nullId = null, nullText = null;
        foreach (var d in system)
        {
            if (Str(d["id"]) is { } id) byId[id] = d; else nullId = d;
            if (Str(d["text"]) is { } tx) byText[tx] = d; else nullText = d;
        }

        var c = new DocumentCounts();
        foreach (var g in gold)
        {
            var gid = Str(g["id"]);
            var s = (gid is null ? nullId : byId.GetValueOrDefault(gid)) is { Count: > 0 } found ? found
                : (Str(g["text"]) is { } gt ? byText.GetValueOrDefault(gt) : nullText);
            if (s is null || s.Count == 0)
            {
                if (s is null) c.Add("missing_docs");
                s = [];
            }

            ScoreDocument(g, s, c, errors);
        }

        return c;
    }

    private static void ScoreDocument(JsonObject g, JsonObject s, DocumentCounts c, ICollection<string>? errors)
    {
        var gtext = Str(g["text"]) ?? "";
        var docId = Str(g["id"]) ?? "?";
        string Span(long start, long end, string? type) =>
            $"[{start}-{end}){(type is null ? "" : " " + type)} \u00AB{(start >= 0 && end <= gtext.Length && start <= end ? gtext[(int)start..(int)end] : "")}\u00BB";
        string At(long start, long end, string? type) => docId + " " + Span(start, end, type);
        // entities
        var gs = new Dictionary<(long, long, string?), JsonObject>();
        foreach (var e in Items(g["entities"])) gs[(Long(e["start"]), Long(e["end"]), Str(e["type"]))] = e;
        var ss = new Dictionary<(long, long, string?), JsonObject>();
        var order = new List<(long, long, string?)>();
        foreach (var e in Items(s["entities"]))
        {
            if (Spans(e) is { } sp)
            {
                var key = (sp.Start, sp.End, Str(e["type"]));
                if (!ss.ContainsKey(key)) order.Add(key);
                ss[key] = e;
            }
        }

        foreach (var k in order)
        {
            var e = ss[k];
            if (gs.TryGetValue(k, out var gEnt))
            {
                c.Add("ent_tp");
                var ga = Str(gEnt["actor"]);
                if (!string.IsNullOrEmpty(ga))
                {
                    c.Add("act_n");
                    var sa = Code(e["actor"]);
                    if (sa == ga) c.Add("act_ok");
                    else errors?.Add($"actor {At(k.Item1, k.Item2, k.Item3)} gold {ga} system {sa ?? "-"}");
                    if (!string.IsNullOrEmpty(sa) && Prefix(sa) == Prefix(ga)) c.Add("act_cty");
                }
            }
            else
            {
                c.Add("ent_fp");
                errors?.Add($"entity FP {At(k.Item1, k.Item2, k.Item3)}");
            }
        }

        var missed = gs.Keys.Where(k => !ss.ContainsKey(k)).ToList();
        c.Add("ent_fn", missed.Count);
        if (errors is not null) foreach (var k in missed) errors.Add($"entity FN {At(k.Item1, k.Item2, k.Item3)}");

        // quotes
        var gq = Items(g["quotes"]).ToList();
        var used = new HashSet<int>();
        foreach (var q in Items(s["quotes"]))
        {
            var content = q["content"] as JsonObject;
            var qc = Str(content?["text"]) ?? "";
            if (qc.Length == 0 && content is not null && Spans(content) is { } csp) qc = PySlice(gtext, csp.Start, csp.End);
            var best = 0.0;
            int? bi = null;
            for (var i = 0; i < gq.Count; i++)
            {
                if (used.Contains(i)) continue;
                var f = TokenF1(qc, Str((gq[i]["content"] as JsonObject)?["text"]) ?? "");
                if (Truthy(gq[i]["optional"])) f -= 1e-6;
                if (f > best) { best = f; bi = i; }
            }

            if (best >= 0.5 && bi is { } hit)
            {
                used.Add(hit);
                var gqq = gq[hit];
                if (Truthy(gqq["optional"])) continue;
                c.Add("q_tp");
                c.Add("spk_n");
                var ok = Overlap(Spans(q["speaker"] as JsonObject), Spans(gqq["speaker"] as JsonObject));
                foreach (var key in new[] { "speaker_actor", "speaker_canonical" })
                {
                    var sv = q[key] is JsonObject so ? Code(so) : PyStr(q[key], nullIsNone: false);
                    var gv = PyStr(gqq[key], nullIsNone: false);
                    if (!string.IsNullOrEmpty(sv) && !string.IsNullOrEmpty(gv) && string.Equals(sv.ToLowerInvariant(), gv.ToLowerInvariant(), StringComparison.Ordinal)) ok = true;
                }

                if (ok) c.Add("spk_ok");
                else if (errors is not null)
                {
                    var gsp = Spans(gqq["speaker"] as JsonObject);
                    var ssp = Spans(q["speaker"] as JsonObject);
                    errors.Add($"speaker {docId} gold {(gsp is { } a ? Span(a.Start, a.End, null) : "-")} system {(ssp is { } b ? Span(b.Start, b.End, null) : "-")}");
                }
            }
            else
            {
                c.Add("q_fp");
            }
        }

        c.Add("q_fn", gq.Where((x, i) => !used.Contains(i) && !Truthy(x["optional"])).Count());

        // times
        var gt = Items(g["times"]).ToList();
        used.Clear();
        foreach (var t in Items(s["times"]))
        {
            var sp = Spans(t);
            var cands = Enumerable.Range(0, gt.Count)
                .Where(i => !used.Contains(i) && Overlap(sp, (Long(gt[i]["start"]), Long(gt[i]["end"]))))
                .OrderBy(i => Truthy(gt[i]["optional"]) ? 1 : 0).ToList();
            if (cands.Count == 0) { c.Add("t_fp"); continue; }
            var hit = cands[0];
            used.Add(hit);
            if (Truthy(gt[hit]["optional"])) continue;
            c.Add("t_tp");
            c.Add("tv_n");
            if (PyStr(t["value"], nullIsNone: true) == PyStr(gt[hit]["value"], nullIsNone: true)) c.Add("tv_ok");
        }

        c.Add("t_fn", gt.Where((x, i) => !used.Contains(i) && !Truthy(x["optional"])).Count());

        // events
        var ge = Items(g["events"]).ToList();
        var forbidden = (g["forbidden_event_types"] as JsonArray)?.Select(x => Str(x)).ToHashSet() ?? [];
        used.Clear();
        foreach (var e in Items(s["events"]))
        {
            var et = Str(e["type"]);
            if (forbidden.Contains(et)) c.Add("forbidden");
            var sc = Code(e["source"]);
            var tc = Code(e["target"]);
            var cands = Enumerable.Range(0, ge.Count)
                .Where(i => !used.Contains(i) && (ge[i]["types"] as JsonArray ?? []).Any(x => Str(x) == et)
                            && Compatible(Str(ge[i]["source"]), sc) && Compatible(Str(ge[i]["target"]), tc))
                .OrderBy(i => Truthy(ge[i]["optional"]) ? 1 : 0).ToList();
            if (cands.Count == 0) { c.Add("e_fp"); continue; }
            var hit = cands[0];
            used.Add(hit);
            if (Truthy(ge[hit]["optional"])) continue;
            c.Add("e_tp");
            foreach (var (gc, sc2) in new[] { (Str(ge[hit]["source"]), sc), (Str(ge[hit]["target"]), tc) })
            {
                if (string.IsNullOrEmpty(gc)) continue;
                c.Add("e_full_n");
                if (sc2 == gc) c.Add("e_full_ok");
            }
        }

        c.Add("e_fn", ge.Where((x, i) => !used.Contains(i) && !Truthy(x["optional"])).Count());
    }

    /// <summary>Token-overlap F1 of two texts split on whitespace (multiset intersection).</summary>
    public static double TokenF1(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ta = PySplit(a);
        var tb = PySplit(b);
        if (ta.Count == 0 || tb.Count == 0) return 0.0;
        var pool = new List<string>(tb);
        var common = 0;
        foreach (var t in ta)
        {
            var k = pool.IndexOf(t);
            if (k >= 0) { pool.RemoveAt(k); common++; }
        }

        if (common == 0) return 0.0;
        double p = (double)common / ta.Count, r = (double)common / tb.Count;
        return 2 * p * r / (p + r);
    }

    private static bool Compatible(string? gold, string? sys) =>
        gold is null || (!string.IsNullOrEmpty(sys) && Prefix(sys) == Prefix(gold));

    private static string Prefix(string s) => s.Length <= 3 ? s : s[..3];

    private static List<string> PySplit(string s)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var space = i == s.Length || IsPySpace(s[i]);
            if (space && start >= 0) { parts.Add(s[start..i]); start = -1; }
            else if (!space && start < 0) start = i;
        }

        return parts;
    }

    private static bool IsPySpace(char ch) => char.IsWhiteSpace(ch) || ch is >= '\u001C' and <= '\u001F';

    private static string PySlice(string text, long a, long b)
    {
        static int Clamp(long x, int n) => (int)(x < 0 ? Math.Max(0, n + x) : Math.Min(x, n));
        int s = Clamp(a, text.Length), e = Clamp(b, text.Length);
        return e > s ? text[s..e] : "";
    }

    private static IEnumerable<JsonObject> Items(JsonNode? node) =>
        node is JsonArray a ? a.OfType<JsonObject>() : [];

    private static (long Start, long End)? Spans(JsonObject? x)
    {
        if (x is null) return null;
        if (x.ContainsKey("start") && x.ContainsKey("end")) return (Long(x["start"]), Long(x["end"]));
        if (x["range"] is JsonObject r && r.Count > 0)
        {
            var st = Long(r["start"]);
            return (st, r.ContainsKey("end") ? Long(r["end"]) : st + (r.ContainsKey("length") ? Long(r["length"]) : 0));
        }

        return null;
    }

    private static bool Overlap((long Start, long End)? a, (long Start, long End)? b) =>
        a is { } x && b is { } y && x.Start < y.End && y.Start < x.End;

    private static string? Code(JsonNode? x) => x switch
    {
        null => null,
        JsonObject o => Str(o["actor"]) is { Length: > 0 } a ? a : Str(o["code"]),
        _ => Str(x),
    };

    private static string? Str(JsonNode? x) =>
        x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x is null ? null : x.ToJsonString();

    private static long Long(JsonNode? x) =>
        x is not JsonValue v ? 0 : v.TryGetValue<long>(out var l) ? l : v.TryGetValue<int>(out var i) ? i : v.TryGetValue<double>(out var d) ? (long)d : 0;

    private static bool Truthy(JsonNode? x) => x switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        _ => true,
    };

    /// <summary>Python's str() of a JSON value (None, True, numbers as written).</summary>
    private static string? PyStr(JsonNode? x, bool nullIsNone)
    {
        if (x is null) return nullIsNone ? "None" : null;
        if (x is JsonValue v)
        {
            if (v.TryGetValue<string>(out var s)) return s;
            if (v.TryGetValue<bool>(out var b)) return b ? "True" : "False";
        }

        return x.ToJsonString();
    }
}
