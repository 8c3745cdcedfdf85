using System.Globalization;
using System.Text.Json.Nodes;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Evaluation;
using Rasid.Text;

namespace Rasid.Nlp.Events;

/// <summary>Result of <see cref="EventModelTraining.Train"/>: the model JSON and what it was trained on.</summary>
/// <param name="ModelJson">The model (write it to models/events-detect.json).</param>
/// <param name="Summary">One line per type: training examples, positives, features kept.</param>
public sealed record EventTrainingResult(string ModelJson, IReadOnlyList<string> Summary);

/// <summary>Trains the ASSAULT/PROTEST detection model used by the event coder (<c>rasid train events</c>).</summary>
public static class EventModelTraining
{
    /// <summary>Model format version written into the model and used in evidence ids.</summary>
    public const int ModelVersion = 6;

    /// <summary>
    /// Trains on the training part (see <see cref="GsrData.IsDev"/>) of <c>assault_gsr.csv</c> and <c>protest_gsr.csv</c>
    /// in <paramref name="gsrDirectory"/>: "yes" is positive, "easy no" and "difficult no" negative, "ambiguous" skipped.
    /// Deterministic: the same data gives the same model.
    /// </summary>
    public static EventTrainingResult Train(string gsrDirectory)
    {
        var knowledge = EventKnowledge.Default;
        var trainer = new EventDetectorTrainer(knowledge);
        var tokenizer = new Tokenizer();
        var clusters = WordClusters.Default;
        var summary = new List<string>();
        var counts = new JsonObject();
        var train = new Dictionary<string, IReadOnlyList<DetectorExample>>(StringComparer.Ordinal);
        foreach (var (type, file) in Files)
        {
            var sentences = GsrData.Read(Path.Combine(gsrDirectory, file));
            train[type] = sentences.Where(s => !s.IsDev && s.Gold is not null)
                .Select(s => trainer.Example(s.Text, s.Gold!.Value, type, tokenizer, clusters)).ToList();
        }

        var types = TrainTypes(trainer, train, out var selection);
        foreach (var (type, file) in Files)
        {
            var examples = train[type];
            var model = types[type];
            var (cv, tried) = selection[type];
            var positives = examples.Count(e => e.Label);
            summary.Add($"{type}: {examples.Count} training sentences ({positives} yes) from {file}, {model.Weights.Count} features");
            foreach (var t in tried)
            {
                summary.Add(string.Create(CultureInfo.InvariantCulture, $"  {trainer.ThresholdFolds}-fold CV on the training split, L2 {t.L2}, class weight ratio^{t.Balance}: P {t.Precision:0.000} R {t.Recall:0.000} F1 {t.F1:0.000} (smoothed {t.Smoothed:0.000}, AUC {t.Auc:0.000}){(t == cv ? "  (chosen)" : "")}"));
            }

            if (trainer.SettingEnsemble > 1)
            {
                summary.Add(string.Create(CultureInfo.InvariantCulture, $"  average of the {trainer.SettingEnsemble} settings with the best smoothed F1 (chosen; threshold {model.Threshold} on their averaged out-of-fold scores): P {cv.Precision:0.000} R {cv.Recall:0.000} F1 {cv.F1:0.000} (smoothed {cv.Smoothed:0.000}, AUC {cv.Auc:0.000})"));
            }

            counts[type] = new JsonObject
            {
                ["file"] = file, ["train"] = examples.Count, ["train_yes"] = positives, ["l2"] = cv.L2, ["class_weight_exponent"] = cv.Balance,
                ["cv_precision"] = Math.Round(cv.Precision, 4), ["cv_recall"] = Math.Round(cv.Recall, 4), ["cv_f1"] = Math.Round(cv.F1, 4), ["cv_auc"] = Math.Round(cv.Auc, 4),
            };
        }

        var detector = new EventDetector(types, ModelVersion);
        var metadata = new JsonObject
        {
            ["trained_on"] = "arabic_event_gsr assault_gsr.csv + protest_gsr.csv, train split (FNV-1a(id) % 5 != 0)",
            ["algorithm"] = string.Create(CultureInfo.InvariantCulture, $"{trainer.Algorithm}, {trainer.Epochs} epochs, L2 (from {string.Join('/', trainer.L2Grid)}) and class weight (class ratio^{string.Join('/', trainer.BalanceGrid)}) chosen per type (the models of the {trainer.SettingEnsemble} settings with the best smoothed CV F1 averaged, threshold on their averaged out-of-fold scores), trigger features shared between the types (the other file's sentences as auxiliary examples), and threshold by {trainer.ThresholdFolds}-fold cross-validation on the training split (threshold chosen on the sentences with a kept trigger of the type, by the F1 averaged over ±{trainer.ThresholdSmoothing} neighbouring cuts); {(trainer.AverageFolds ? "final model = average of the fold models" : "final model refitted on the whole training split")}"),
            ["knowledge"] = knowledge.Versions,
            ["licence"] = "trained on the Arabic event GSR (MIT, Open Event Data Alliance)",
            ["counts"] = counts,
        };
        return new EventTrainingResult(detector.ToJson(metadata), summary);
    }

    /// <summary>The GSR files and the type each one labels.</summary>
    internal static readonly (string Type, string File)[] Files = [("ASSAULT", "assault_gsr.csv"), ("PROTEST", "protest_gsr.csv")];

    /// <summary>
    /// Trains every type's model on its examples with the setting (L2, class weight) and threshold chosen by the inner
    /// cross-validation; <paramref name="selection"/> holds the chosen setting's CV figures and all tried ones.
    /// </summary>
    internal static Dictionary<string, TypeModel> TrainTypes(EventDetectorTrainer trainer, IReadOnlyDictionary<string, IReadOnlyList<DetectorExample>> examples,
        out Dictionary<string, (CrossValidation Chosen, IReadOnlyList<CrossValidation> Tried)> selection)
    {
        var types = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        selection = new Dictionary<string, (CrossValidation, IReadOnlyList<CrossValidation>)>(StringComparer.Ordinal);
        // A type's lexical features (words, stems, clusters) enter its training at a smaller value (LexicalScale), which
        // regularises them more than the trigger features; the learnt weights are scaled back below, so the model scores
        // the run-time features (value unchanged) exactly as it scored the scaled ones.
        examples = examples.ToDictionary(kv => kv.Key, kv => LexicalScale.TryGetValue(kv.Key, out var scale)
            ? (IReadOnlyList<DetectorExample>)[.. kv.Value.Select(e => e with { Features = [.. e.Features.Select(f => IsLexical(f.Name) ? f with { Value = f.Value * scale } : f)] })]
            : kv.Value, StringComparer.Ordinal);
        foreach (var (type, data) in examples.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!ShareTypes || examples.Count < 2)
            {
                types[type] = trainer.TrainSelected(data, out var cv, out var tried);
                selection[type] = (cv, tried);
                continue;
            }

            // Cross-type sharing: the trigger features (lex*) of every type's sentences get a copy named relative to the
            // type the sentence is labelled for (lexx:ASSAULT:v:count → sh:lexx:SELF:v:count in assault_gsr.csv), so a
            // reported event with its size, time and position in a PROTEST sentence teaches the ASSAULT model too. The
            // other file's sentences are auxiliary examples: their own features are renamed away (x:), never scored.
            var others = examples.Where(kv => kv.Key != type).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var list = data.Select(e => e with { Features = Shared(e.Features, type) }).ToList();
            foreach (var (other, auxiliary) in others)
            {
                list.AddRange(auxiliary.Select(e => new DetectorExample(
                    [.. e.Features.Select(f => new DetectorFeature("x:" + f.Name, f.Value)), .. e.Features.Where(f => IsTriggerFeature(f.Name)).Select(f => new DetectorFeature("sh:" + Relative(f.Name, other), f.Value))],
                    e.Label, e.Candidate, Auxiliary: true)));
            }

            var model = trainer.TrainSelected(list, out var sharedCv, out var sharedTried);
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, w) in model.Weights)
            {
                if (name.StartsWith("x:", StringComparison.Ordinal)) continue;
                var concrete = name.StartsWith("sh:", StringComparison.Ordinal) ? Concrete(name[3..], type, others[0].Key) : name;
                weights[concrete] = weights.GetValueOrDefault(concrete) + w;
            }

            types[type] = model with { Weights = weights };
            selection[type] = (sharedCv, sharedTried);
        }

        foreach (var (type, scale) in LexicalScale)
        {
            if (!types.TryGetValue(type, out var model)) continue;
            types[type] = model with { Weights = model.Weights.ToDictionary(kv => kv.Key, kv => IsLexical(kv.Key) ? kv.Value * scale : kv.Value, StringComparer.Ordinal) };
        }

        return types;
    }

    /// <summary>
    /// Value of the lexical features of a type's sentences in its training (1 when absent). PROTEST: 0.5 — with 57 "yes" in
    /// the whole file its model otherwise learns the story words of the training sentences (الزيدي، العولمة) rather than
    /// how a protest is reported (session 6: nested CV F1 0.430 → 0.453, fold sd 0.18 → 0.12).
    /// </summary>
    internal static IReadOnlyDictionary<string, double> LexicalScale { get; } = new Dictionary<string, double>(StringComparer.Ordinal) { ["PROTEST"] = 0.5 };

    /// <summary>A lexical feature (word, stem, prefix, bigram, cluster, number): not a trigger feature, casualty count or the bias.</summary>
    internal static bool IsLexical(string name) =>
        name != "bias" && !name.StartsWith("lex", StringComparison.Ordinal) && !name.StartsWith("cas", StringComparison.Ordinal) && !name.StartsWith("sh:", StringComparison.Ordinal) && !name.StartsWith("x:", StringComparison.Ordinal);

    /// <summary>Train ASSAULT and PROTEST with shared trigger features (see <see cref="TrainTypes"/>); false only for ablations.</summary>
    internal static bool ShareTypes { get; set; } = true;

    private static bool IsTriggerFeature(string name) => name.StartsWith("lex", StringComparison.Ordinal);

    private static List<DetectorFeature> Shared(List<DetectorFeature> features, string type) =>
        [.. features, .. features.Where(f => IsTriggerFeature(f.Name)).Select(f => new DetectorFeature("sh:" + Relative(f.Name, type), f.Value))];

    /// <summary>lexx:ASSAULT:v:count for ASSAULT → lexx:SELF:v:count; for PROTEST → lexx:OTHER:v:count.</summary>
    private static string Relative(string name, string type)
    {
        foreach (var (t, _) in Files)
        {
            if (name.Contains(t, StringComparison.Ordinal)) return name.Replace(t, t == type ? "SELF" : "OTHER", StringComparison.Ordinal);
        }

        return name;
    }

    private static string Concrete(string name, string type, string other) =>
        name.Replace("SELF", type, StringComparison.Ordinal).Replace("OTHER", other, StringComparison.Ordinal);

    /// <summary>Score minus threshold (the coder keeps a trigger of the type when it is ≥ 0).</summary>
    internal static double Margin(TypeModel model, IReadOnlyList<DetectorFeature> features)
    {
        double sum = 0;
        foreach (var f in features) sum += model.Weights.GetValueOrDefault(f.Name) * f.Value;
        return sum - model.Threshold;
    }
}
