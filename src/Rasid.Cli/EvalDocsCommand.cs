using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Core;
using Rasid.Nlp;
using Rasid.Nlp.Evaluation;

namespace Rasid.Cli;

/// <summary>
/// <c>rasid eval docs GOLD.jsonl... [--system SYSTEM.jsonl] [--shared DIR] [--json] [--errors]</c>: scores the pipeline
/// (or a given system output) on document gold with the rules of shared/data/gold/README.md, per file and overall.
/// </summary>
internal static class EvalDocsCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Argument<string[]>("GOLD")
        {
            Description = "Gold JSONL files (shared/data/gold format; lines with text_ref are rebuilt from ../shared).",
            Arity = ArgumentArity.OneOrMore,
        };
        var system = new Option<string?>("--system", "-s")
        {
            Description = "Score this system output (rasid.document/1 JSONL) instead of running the pipeline.",
            HelpName = "SYSTEM.jsonl",
        };
        var shared = new Option<string?>("--shared")
        {
            Description = "The shared data folder used to rebuild texts of licensed corpora (default: RASID_SHARED, or shared/ beside an ancestor folder).",
            HelpName = "DIR",
        };
        var json = new Option<bool>("--json") { Description = "Print machine-readable figures (per file and overall)." };
        var errors = new Option<bool>("--errors") { Description = "Also list each entity (FP/FN), actor-code and speaker error with its document, range and text." };
        var command = new Command("docs", "Score entities, actor codes, quotes and speakers, time expressions and events on document gold.")
        {
            gold, system, shared, json, errors,
        };
        command.SetAction(parse => Execute(parse.GetValue(gold) ?? [], parse.GetValue(system), parse.GetValue(shared), parse.GetValue(json), parse.GetValue(errors), console));
        return command;
    }

    private static int Execute(string[] goldPaths, string? systemPath, string? sharedDir, bool json, bool listErrors, CliConsole console)
    {
        foreach (var p in goldPaths.Append(systemPath).OfType<string>())
        {
            if (!File.Exists(p)) throw new UsageException($"no such file: {p}");
        }

        if (sharedDir is not null && !Directory.Exists(Path.Combine(sharedDir, "data"))) throw new UsageException($"--shared {sharedDir}: no data/ folder there");
        var reader = new GoldReader(sharedDir is not null ? Path.GetFullPath(sharedDir) : GoldReader.FindShared([.. goldPaths, Directory.GetCurrentDirectory()]));
        var systemDocs = systemPath is null ? null : ReadSystem(systemPath, console);
        RasidPipeline? pipeline = systemPath is null ? RasidPipeline.CreateDefault() : null;

        var overall = new DocumentCounts();
        var totalDocs = 0;
        var problems = 0;
        var files = new JsonArray();
        foreach (var path in goldPaths)
        {
            var docs = new List<JsonObject>();
            var skipped = 0;
            foreach (var line in reader.Read(path))
            {
                if (line.Document is null)
                {
                    skipped++;
                    console.Error.WriteLine($"rasid: {path}:{line.Line}: {line.Skipped}");
                    continue;
                }

                docs.Add(line.Document);
            }

            problems += skipped;
            var sys = systemDocs ?? AnalyzeAll(pipeline!, docs, path, console, ref problems);
            var errorLines = listErrors && !json ? new List<string>() : null;
            var counts = DocumentScorer.Score(docs, sys, errorLines);
            overall.Add(counts);
            totalDocs += docs.Count;
            var scores = DocumentScores.From(counts);
            if (json)
            {
                files.Add(new JsonObject { ["file"] = path, ["documents"] = docs.Count, ["skipped"] = skipped, ["scores"] = ToJson(scores, counts) });
            }
            else
            {
                console.Out.WriteLine($"== {path} ({docs.Count} document{(docs.Count == 1 ? "" : "s")}{(skipped > 0 ? $", {skipped} skipped" : "")})");
                foreach (var l in scores.Lines()) console.Out.WriteLine(l);
                foreach (var l in errorLines ?? []) console.Out.WriteLine("  " + l);
            }
        }

        var all = DocumentScores.From(overall);
        if (json)
        {
            var root = new JsonObject { ["files"] = files, ["overall"] = ToJson(all, overall), ["documents"] = totalDocs };
            console.Out.WriteLine(root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        else if (goldPaths.Length > 1)
        {
            console.Out.WriteLine($"== overall ({totalDocs} documents)");
            foreach (var l in all.Lines()) console.Out.WriteLine(l);
        }

        return problems > 0 ? ExitCodes.SomeInputsRejected : ExitCodes.Ok;
    }

    private static List<JsonObject> AnalyzeAll(RasidPipeline pipeline, List<JsonObject> docs, string path, CliConsole console, ref int problems)
    {
        var result = new List<JsonObject>();
        foreach (var d in docs)
        {
            try
            {
                result.Add(Analyze(pipeline, d));
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                // the gold document is then scored as missing
                problems++;
                console.Error.WriteLine($"rasid: {path}: {d["id"]}: analysis failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        return result;
    }

    private static JsonObject Analyze(RasidPipeline pipeline, JsonObject gold)
    {
        var text = gold["text"]!.GetValue<string>();
        DateOnly? date = null;
        if (gold["date"] is JsonValue dv && dv.TryGetValue<string>(out var ds) && DateOnly.TryParseExact(ds.Length >= 10 ? ds[..10] : ds, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
        var info = new ArticleInfo
        {
            Id = gold["id"] is JsonValue iv && iv.TryGetValue<string>(out var id) ? id : null,
            Published = date,
            Source = gold["source"] is JsonValue sv && sv.TryGetValue<string>(out var src) ? src : null,
            Title = gold["title"] is JsonValue tv && tv.TryGetValue<string>(out var title) ? title : null,
        };
        var document = pipeline.Analyze(text, info);
        return (JsonNode.Parse(DocumentJson.Serialize(document)) as JsonObject)!;
    }

    private static List<JsonObject> ReadSystem(string path, CliConsole console)
    {
        var docs = new List<JsonObject>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonNode.Parse(line) is JsonObject o) docs.Add(o);
                else console.Error.WriteLine($"rasid: {path}:{n}: not a JSON object; skipped");
            }
            catch (JsonException ex)
            {
                console.Error.WriteLine($"rasid: {path}:{n}: malformed JSON ({ex.Message.ReplaceLineEndings(" ")}); skipped");
            }
        }

        return docs;
    }

    private static JsonObject ToJson(DocumentScores scores, DocumentCounts counts)
    {
        var o = new JsonObject();
        foreach (var name in DocumentScores.SectionNames)
        {
            var section = new JsonObject();
            foreach (var (k, v) in scores.Sections[name]) section[k] = k == "forbidden" ? (int)v : v;
            o[name] = section;
        }

        o["missing_docs"] = scores.MissingDocs;
        var c = new JsonObject();
        foreach (var (k, v) in counts.Values) c[k] = v;
        o["counts"] = c;
        return o;
    }
}
