using System.CommandLine;
using System.Globalization;
using Rasid.Storage;

namespace Rasid.Cli;

/// <summary><c>rasid eval dedup [--shared DIR] [--pairs FILE] [--threshold X]</c>: near-duplicate detection P/R/F1.</summary>
internal static class EvalDedupCommand
{
    private static readonly double[] Sweep = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9];

    public static Command Create(CliConsole console)
    {
        var shared = new Option<string?>("--shared") { Description = "The shared data folder (default: ../shared/data beside the repository, or RASID_SHARED).", HelpName = "DIR" };
        var pairs = new Option<string?>("--pairs") { Description = "Labelled pointer file (default: data/dedup/pairs.tsv of the repository).", HelpName = "FILE" };
        var threshold = new Option<double?>("--threshold") { Description = "Containment threshold to report (default: the store's).", HelpName = "X" };
        var bands = new Option<int?>("--bands") { Description = "LSH bands (default: the store's).", HelpName = "N" };
        var rows = new Option<int?>("--rows") { Description = "Rows per band (default: the store's).", HelpName = "N" };
        var shingle = new Option<int?>("--shingle") { Description = "Words per shingle (default: the store's).", HelpName = "N" };
        var command = new Command("dedup", "Near-duplicate (wire copy) detection: precision/recall of duplicate pairs on a labelled set built from SaudiNewsNet plus edited copies.")
        {
            shared, pairs, threshold, bands, rows, shingle,
        };
        command.SetAction(parse =>
        {
            var root = FindRepoRoot();
            var pairsPath = parse.GetValue(pairs) ?? Path.Combine(root ?? ".", "data", "dedup", "pairs.tsv");
            var sharedData = parse.GetValue(shared) ?? SharedData(root);
            if (!File.Exists(pairsPath)) throw new UsageException($"no labelled pairs at '{pairsPath}' (pass --pairs FILE)");
            var snn = sharedData is null ? null : Path.Combine(sharedData, "raw", "saudinewsnet");
            if (snn is null || !Directory.Exists(snn)) throw new UsageException("SaudiNewsNet is not at ../shared/data/raw/saudinewsnet (pass --shared DIR)");

            var d = DedupOptions.Default;
            var hasher = new MinHasher(d with
            {
                Bands = parse.GetValue(bands) ?? d.Bands,
                RowsPerBand = parse.GetValue(rows) ?? d.RowsPerBand,
                ShingleWords = parse.GetValue(shingle) ?? d.ShingleWords,
            });
            var chosen = parse.GetValue(threshold) ?? hasher.Options.Threshold;
            var labelled = DedupEvaluation.ReadPairs(pairsPath);
            var measured = new DedupEvaluation(hasher, snn).Measure(labelled);
            var o = console.Out;
            var c = CultureInfo.InvariantCulture;
            o.WriteLine($"near-duplicate pairs: {labelled.Count} ({labelled.Count(p => p.Natural)} natural, {labelled.Count(p => !p.Natural)} synthetic edits; " +
                $"{labelled.Count(p => p.Label == true)} duplicate, {labelled.Count(p => p.Label == false)} not, {labelled.Count(p => p.Label is null)} ambiguous left out)");
            o.WriteLine($"method: {hasher.Version}, containment estimated from MinHash; a pair is detected when it shares an LSH band and containment >= threshold");
            o.WriteLine();
            o.WriteLine("threshold  precision  recall     F1    TP   FP   FN    TN");
            foreach (var t in Sweep.Append(chosen).Distinct().Order())
            {
                var s = DedupEvaluation.Score(measured, t);
                o.WriteLine(string.Create(c, $"{t,9:F2}{(t == chosen ? "*" : " ")} {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,6:F3} {s.TruePositives,5} {s.FalsePositives,4} {s.FalseNegatives,4} {s.TrueNegatives,5}"));
            }

            o.WriteLine();
            foreach (var (name, subset) in new[] { ("natural pairs", measured.Where(m => m.Pair.Natural)), ("synthetic edits", measured.Where(m => !m.Pair.Natural)) })
            {
                var s = DedupEvaluation.Score(subset, chosen);
                o.WriteLine(string.Create(c, $"{name,-16} at {chosen:F2}: precision {s.Precision:F3}, recall {s.Recall:F3}, F1 {s.F1:F3} (TP {s.TruePositives}, FP {s.FalsePositives}, FN {s.FalseNegatives}, TN {s.TrueNegatives})"));
            }

            foreach (var recipe in measured.Where(m => !m.Pair.Natural && m.Pair.Label == true).GroupBy(m => m.Pair.Recipe).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var s = DedupEvaluation.Score(recipe, chosen);
                o.WriteLine(string.Create(c, $"  recall of {recipe.Key,-12} copies: {s.Recall:F3} ({s.TruePositives}/{s.TruePositives + s.FalseNegatives})"));
            }

            o.WriteLine();
            o.WriteLine("errors at the chosen threshold:");
            foreach (var (pair, containment, shares) in measured.Where(m => m.Pair.Label is not null && (m.SharesBand && m.Containment >= chosen) != m.Pair.Label))
            {
                o.WriteLine(string.Create(c, $"  {pair.Id} label={(pair.Label == true ? 1 : 0)} containment={containment:F2} band={(shares ? "yes" : "no")} recipe={pair.Recipe} {pair.A.Zip}#{pair.A.Index} {pair.B.Zip}#{pair.B.Index}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rasid.slnx"))) dir = dir.Parent;
            if (dir is not null) return dir.FullName;
        }

        return null;
    }

    private static string? SharedData(string? root)
    {
        var env = Environment.GetEnvironmentVariable("RASID_SHARED");
        if (!string.IsNullOrEmpty(env)) return Path.Combine(env, "data");
        return root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
    }
}
