using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Core;
using Rasid.Nlp;
using Rasid.Nlp.Evaluation;
using Rasid.Testing;

namespace Rasid.Cli.Tests;

public sealed class EvalDocsCommandTests
{
    private static string Gold(string name) => RepoPaths.InRepo("data", "gold", name);

    [Fact]
    public void Token_overlap_F1_counts_repeated_tokens_once_each()
    {
        Assert.Equal(1.0, DocumentScorer.TokenF1("امر ايجابي وطبيعي", "امر  ايجابي\nوطبيعي"));
        Assert.Equal(0.0, DocumentScorer.TokenF1("", "امر"));
        Assert.Equal(2 * (1.0 / 2) * (1.0 / 1) / (1.0 / 2 + 1.0), DocumentScorer.TokenF1("قال قال", "قال"), 12);
    }

    [Fact]
    public void Scoring_the_gold_against_itself_is_perfect_and_optional_items_are_ignored()
    {
        var gold = File.ReadLines(Gold("dev.jsonl")).Select(l => (JsonNode.Parse(l) as JsonObject)!).ToList();
        var counts = DocumentScorer.Score(gold, gold);
        var scores = DocumentScores.From(counts);
        Assert.Equal(1.0, scores.Sections["quotes"]["f"]);
        Assert.Equal(1.0, scores.Sections["quotes"]["speaker_acc"]);
        Assert.Equal(1.0, scores.Sections["times"]["value_acc"]);
        Assert.Equal(1.0, scores.Sections["entities"]["f"]);
        Assert.Equal(9, counts["q_tp"]); // 11 gold quotes, 2 optional
        Assert.Equal(0, counts["q_fp"]);
        Assert.Equal(6, counts["t_tp"]); // 10 gold times, 4 optional
    }

    [Fact]
    public void Errors_name_each_missed_and_spurious_entity_with_its_range_and_text_without_changing_the_counts()
    {
        var gold = File.ReadLines(Gold("dev.jsonl")).Select(l => (JsonNode.Parse(l) as JsonObject)!).ToList();
        var system = gold.Select(d => (d.DeepClone() as JsonObject)!).ToList();
        var entities = (system[0]["entities"] as JsonArray)!;
        var first = (entities[0] as JsonObject)!;
        var (start, end, type) = ((int)first["start"]!, (int)first["end"]!, (string)first["type"]!);
        first["end"] = end - 1; // a boundary error: one FP and one FN
        var errors = new List<string>();
        var withErrors = DocumentScorer.Score(gold, system, errors);
        var plain = DocumentScorer.Score(gold, system);
        Assert.Equal(plain.Values, withErrors.Values);
        var text = (string)gold[0]["text"]!;
        var id = (string)gold[0]["id"]!;
        Assert.Contains($"entity FN {id} [{start}-{end}) {type} \u00AB{text[start..end]}\u00BB", errors);
        Assert.Contains($"entity FP {id} [{start}-{end - 1}) {type} \u00AB{text[start..(end - 1)]}\u00BB", errors);
        Assert.Equal(2, errors.Count);
        Assert.Empty(Run(gold, gold));

        static List<string> Run(List<JsonObject> g, List<JsonObject> s)
        {
            var e = new List<string>();
            DocumentScorer.Score(g, s, e);
            return e;
        }
    }

    [Fact]
    public void Eval_docs_prints_the_figures_of_each_file()
    {
        var result = CliRunner.Run("eval", "docs", Gold("dev.jsonl"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("quotes p=1.000 r=1.000 f=1.000 speaker_acc=1.000", result.Out, StringComparison.Ordinal);
        Assert.Contains("times p=1.000 r=1.000 f=1.000 value_acc=1.000", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_gold_file_is_a_usage_error()
    {
        var result = CliRunner.Run("eval", "docs", "no-such-gold.jsonl");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file: no-such-gold.jsonl", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pointer_gold_without_shared_data_is_skipped_with_a_clear_message()
    {
        using var dir = new TempDirectory();
        var line = "{\"id\":\"x\",\"date\":\"2015-07-21\",\"text\":null,\"text_ref\":{\"corpus\":\"saudinewsnet\",\"file\":\"2015-07-21.zip\",\"index\":13,\"sha256\":\"00\"},\"entities\":[],\"quotes\":[],\"times\":[],\"events\":[]}\n";
        var path = dir.Write("g.jsonl", line + "{broken\n");
        var lines = new GoldReader(null).Read(path).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("../shared was not found", lines[0].Skipped, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", lines[1].Skipped, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Pointer_gold_is_rebuilt_from_shared_and_checked_against_its_hash()
    {
        RepoPaths.SharedData("raw", "saudinewsnet");
        var lines = new GoldReader(RepoPaths.Shared).Read(Gold("saudinewsnet.jsonl")).ToList();
        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.Null(l.Skipped));
        var doc = lines[0].Document!;
        var text = doc["text"]!.GetValue<string>();
        foreach (var q in doc["quotes"]!.AsArray())
        {
            var c = q!["content"]!;
            Assert.Equal(text[c["start"]!.GetValue<int>()..c["end"]!.GetValue<int>()], c["text"]!.GetValue<string>());
        }
    }

    /// <summary>The C# scorer and the reference score_docs.py agree on every figure for every gold file.</summary>
    [SkippableFact]
    public void Eval_docs_agrees_with_the_reference_python_scorer_on_every_figure()
    {
        RepoPaths.SharedData("gold", "README.md");
        var script = Path.Combine(RepoPaths.Shared!, "tools", "score_docs.py");
        Skip.IfNot(File.Exists(script), "../shared/tools/score_docs.py is missing");
        Skip.IfNot(CanRun("python3", "--version"), "python3 is not installed");
        using var dir = new TempDirectory();
        var reader = new GoldReader(RepoPaths.Shared);
        var pipeline = RasidPipeline.CreateDefault();
        foreach (var name in new[] { "dev.jsonl", "saudinewsnet.jsonl", "arabic_event_gsr.jsonl" })
        {
            var gold = reader.Read(Gold(name)).Select(l => l.Document!).ToList();
            var system = gold.Select(g => DocumentJson.Serialize(pipeline.Analyze(g["text"]!.GetValue<string>(), new ArticleInfo
            {
                Id = g["id"]!.GetValue<string>(),
                Published = DateOnly.ParseExact(g["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            }))).ToList();
            var goldPath = dir.Write("gold-" + name, string.Join("\n", gold.Select(g => g.ToJsonString())) + "\n");
            var sysPath = dir.Write("sys-" + name, string.Join("\n", system) + "\n");

            var python = JsonNode.Parse(RunProcess("python3", script, goldPath, sysPath, "--json"))!.AsObject();
            var cli = CliRunner.Run("eval", "docs", goldPath, "--system", sysPath, "--json");
            Assert.Equal(0, cli.ExitCode);
            var ours = JsonNode.Parse(cli.Out)!["overall"]!.AsObject();

            foreach (var section in DocumentScores.SectionNames)
            {
                foreach (var (key, value) in python[section]!.AsObject())
                {
                    Assert.True(Math.Abs(value!.GetValue<double>() - ours[section]![key]!.GetValue<double>()) < 1e-9, $"{name} {section}.{key}: python {value} vs rasid {ours[section]![key]}");
                }
            }

            foreach (var (key, value) in python["counts"]!.AsObject())
            {
                Assert.True(value!.GetValue<int>() == ours["counts"]![key]!.GetValue<int>(), $"{name} counts.{key}: python {value} vs rasid {ours["counts"]![key]}");
            }

            Assert.Equal(python["missing_docs"]!.GetValue<int>(), ours["missing_docs"]!.GetValue<int>());
        }
    }

    private static bool CanRun(string file, string args)
    {
        try
        {
            RunProcess(file, args);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string RunProcess(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} failed: {error}");
        return output;
    }

    [Fact]
    public void Eval_events_seed_without_cv_is_one_usage_line_before_any_work()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("eval", "events", "--data", dir.Path, "--seed", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--seed needs --cv", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Eval_events_predictions_without_cv_or_into_a_missing_folder_is_one_usage_line_before_any_work()
    {
        using var dir = new TempDirectory();
        var noCv = CliRunner.Run("eval", "events", "--data", dir.Path, "--predictions", dir.File("p.tsv"));
        Assert.Equal(2, noCv.ExitCode);
        Assert.Contains("--predictions needs --cv", noCv.Error, StringComparison.Ordinal);

        var missing = Path.Combine(dir.Path, "no-such-folder", "p.tsv");
        var result = CliRunner.Run("eval", "events", "--cv", "--data", dir.Path, "--predictions", missing);
        Assert.Equal(2, result.ExitCode);
        // One line naming the input and the reason (the usage handler adds its usual "Try 'rasid --help'." hint).
        Assert.Contains($"--predictions '{missing}': no such folder", result.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_events_detector_off_with_a_model_is_one_usage_line_before_any_work()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("eval", "events", "--data", dir.Path, "--detector-off", "--model", dir.File("m.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--detector-off excludes --model and --cv", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
