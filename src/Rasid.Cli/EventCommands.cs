using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Nlp;
using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Events;

namespace Rasid.Cli;

/// <summary><c>rasid train events</c> and <c>rasid eval events</c>.</summary>
internal static class EventCommands
{
    public static Command Train(CliConsole console)
    {
        var data = DataOption();
        var output = new Option<string?>("--out", "-o") { Description = "Model file to write (default: models/events-detect.json in the repository).", HelpName = "FILE" };
        var command = new Command("events", "Train the ASSAULT/PROTEST event detection model on arabic_event_gsr (train split) and record it in models/manifest.json.") { data, output };
        command.SetAction(parse =>
        {
            var gsr = GsrDirectory(parse.GetValue(data));
            EventTrainingResult result;
            try
            {
                result = EventModelTraining.Train(gsr);
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                console.Error.WriteLine($"rasid train events: {ex.Message}");
                return ExitCodes.SomeInputsRejected;
            }

            var root = RepoRoot();
            var path = parse.GetValue(output) ?? Path.Combine(root ?? throw new UsageException("cannot find the repository (Rasid.slnx) above the current folder; give --out"), "models", "events-detect.json");
            File.WriteAllText(path, result.ModelJson + "\n");
            foreach (var line in result.Summary) console.Out.WriteLine(line);
            console.Out.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KiB)");
            var manifest = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "manifest.json");
            if (File.Exists(manifest))
            {
                UpdateManifest(manifest);
                console.Out.WriteLine($"updated {manifest}; rebuild to embed the model, then run 'rasid eval events'");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Eval(CliConsole console)
    {
        var data = DataOption();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var errors = new Option<int>("--errors") { Description = "How many errors of each kind to list (default 10).", HelpName = "N", DefaultValueFactory = _ => 10 };
        var model = new Option<string?>("--model") { Description = "Event detection model to use instead of the built-in one (a file written by 'rasid train events --out').", HelpName = "FILE" };
        var cv = new Option<bool>("--cv") { Description = "Instead: 5-fold nested cross-validation of the detector over all labelled GSR sentences (train + dev), folds stratified by label (trains 25 models per type; a few minutes)." };
        var predictions = new Option<string?>("--predictions") { Description = "With --cv: write every sentence's out-of-fold decision (type, id, fold, label, candidate, margin, predicted, text) as TSV.", HelpName = "FILE" };
        var detectorOff = new Option<bool>("--detector-off") { Description = "Code every ASSAULT/PROTEST trigger (no detector): the detection figures then measure the dictionary alone, and the spans figures and error lists measure participant assignment given the event." };
        var seed = new Option<int>("--seed") { Description = "With --cv: fold assignment (0, the default, is the assignment of sessions 5-8; another number deals the sentences to the folds in another order, equally stratified).", HelpName = "N" };
        var exact = new Option<bool>("--exact-trigger") { Description = "Spans: compare the gold span with the first event whose trigger equals one of its verb words, before one whose trigger only contains or is contained in one (default: the first event that matches either way)." };
        var command = new Command("events", "Event detection P/R/F1 (ASSAULT, PROTEST) on the GSR dev split and whole files; actor codes and triggers on the spans files.") { data, json, errors, model, cv, predictions, seed, detectorOff, exact };
        command.SetAction(parse =>
        {
            var gsr = GsrDirectory(parse.GetValue(data));
            if (parse.GetValue(predictions) is { } predictionsPath)
            {
                // Checked before the cross-validation's minutes of training, not after them.
                if (!parse.GetValue(cv)) throw new UsageException("--predictions needs --cv (it writes the cross-validation's out-of-fold decisions)");
                UsageException.RequireOutputFolder("--predictions", predictionsPath);
            }

            if (parse.GetResult(seed) is not null && !parse.GetValue(cv)) throw new UsageException("--seed needs --cv (it chooses the cross-validation's fold assignment)");
            if (parse.GetValue(detectorOff) && (parse.GetValue(model) is not null || parse.GetValue(cv))) throw new UsageException("--detector-off excludes --model and --cv (it codes every trigger without a detector)");

            if (parse.GetValue(cv))
            {
                try
                {
                    var results = EventCrossValidation.Run(gsr, seed: parse.GetValue(seed));
                    console.Out.Write(EventCrossValidation.ToText(results, errors: parse.GetResult(errors) is null ? 0 : Math.Max(0, parse.GetValue(errors))));
                    if (parse.GetValue(predictions) is { } path)
                    {
                        File.WriteAllText(path, EventCrossValidation.PredictionsTsv(results));
                        console.Out.WriteLine($"wrote the out-of-fold decisions to {path}");
                    }
                    return ExitCodes.Ok;
                }
                catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
                {
                    console.Error.WriteLine($"rasid eval events: {ex.Message}");
                    return ExitCodes.SomeInputsRejected;
                }
            }

            EventEvaluation evaluation;
            try
            {
                var pipeline = RasidPipeline.CreateDefault();
                if (parse.GetValue(model) is { } modelPath)
                {
                    if (!File.Exists(modelPath)) throw new UsageException($"--model '{modelPath}': no such file");
                    var detector = Nlp.Events.EventDetector.FromJson(File.ReadAllText(modelPath));
                    pipeline = new RasidPipeline(pipeline.Components.Select(c => c is Nlp.Events.EventCoderComponent ? new Nlp.Events.EventCoderComponent(Nlp.Events.EventKnowledge.Default, detector) : c));
                }

                if (parse.GetValue(detectorOff))
                {
                    pipeline = new RasidPipeline(pipeline.Components.Select(c => c is Nlp.Events.EventCoderComponent coder ? coder.WithoutDetector() : c));
                }

                evaluation = new EventEvaluation(pipeline, parse.GetValue(exact)).Run(gsr, Math.Max(0, parse.GetValue(errors)));
            }
            catch (Exception ex) when (ex is FormatException or IOException or JsonException)
            {
                console.Error.WriteLine($"rasid eval events: {ex.Message}");
                return ExitCodes.SomeInputsRejected;
            }

            console.Out.Write(parse.GetValue(json) ? evaluation.ToJson() + "\n" : evaluation.ToText());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string?> DataOption() => new("--data")
    {
        Description = "Folder with assault_gsr.csv, protest_gsr.csv and the *_spans.json files (default: ../shared/data/arabic_event_gsr).",
        HelpName = "DIR",
    };

    private static string GsrDirectory(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(given) ? given : throw new UsageException($"--data '{given}': no such folder");
        }

        var shared = Environment.GetEnvironmentVariable("RASID_SHARED");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(shared)) candidates.Add(Path.Combine(shared, "data", "arabic_event_gsr"));
        if (RepoRoot() is { } root) candidates.Add(Path.Combine(root, "..", "shared", "data", "arabic_event_gsr"));
        candidates.Add(Path.Combine("..", "shared", "data", "arabic_event_gsr"));
        return candidates.FirstOrDefault(Directory.Exists) ?? throw new UsageException("cannot find ../shared/data/arabic_event_gsr; give --data DIR");
    }

    private static string? RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rasid.slnx"))) dir = dir.Parent;
        return dir?.FullName;
    }

    private static void UpdateManifest(string manifest)
    {
        var root = JsonNode.Parse(File.ReadAllText(manifest))?.AsObject() ?? [];
        // The score is measured by 'rasid eval events' and written by hand; keep it until then.
        var score = root["events-detect"]?["score"]?.GetValue<string>() ?? "not measured yet: run 'rasid eval events' and record the dev F1 here";
        root["events-detect"] = new JsonObject
        {
            ["file"] = "events-detect.json",
            ["version"] = EventModelTraining.ModelVersion,
            ["trained_on"] = "../shared/data/arabic_event_gsr assault_gsr.csv + protest_gsr.csv, train split (FNV-1a(id) % 5 != 0); labels yes vs easy/difficult no",
            // Keep a licence written by hand (the cluster features make the model non-commercial).
            ["licence"] = root["events-detect"]?["licence"]?.GetValue<string>() ?? "MIT (training data: Arabic event GSR, Open Event Data Alliance)",
            ["score"] = score,
            ["command"] = "rasid train events",
        };
        File.WriteAllText(manifest, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }
}
