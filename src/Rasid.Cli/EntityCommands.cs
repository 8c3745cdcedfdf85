using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Evaluation;

namespace Rasid.Cli;

/// <summary><c>rasid train ner</c>, <c>rasid eval ner FILE</c> and <c>rasid eval actors</c>.</summary>
internal static class EntityCommands
{
    private const string DefaultTrain = "../shared/data/anercorp/ANERCorp_CamelLab_train.txt";

    // Sentences either side that stand for "the document" in CoNLL files without document marks (training and eval ner).
    private const int DocWindow = 30;

    public static Command TrainNer(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "ANERcorp-style CoNLL training file (TOKEN TAG lines).", DefaultValueFactory = _ => DefaultTrain };
        var output = new Option<string>("--out") { Description = "Folder for ner.bin (and manifest.json when it is models/).", DefaultValueFactory = _ => "models" };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron passes over the data.", DefaultValueFactory = _ => 12 };
        var writeDev = new Option<string?>("--write-dev") { Description = "Also write the dev split (last 10% of the sentences) to this CoNLL file." };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times than this.", DefaultValueFactory = _ => 2 };
        var full = new Option<bool>("--all") { Description = "Train on every sentence (no dev split held out)." };
        var clusters = new Option<string?>("--clusters") { Description = "Word cluster file for features (default: OUT/ner-clusters.txt.gz when it exists, else the built-in clusters; 'none' = no clusters).", HelpName = "FILE" };
        var devOutput = new Option<string?>("--dev-output") { Description = "Also write the dev split tagged by the new model as \"TOKEN GOLD SYSTEM\" lines." };
        var extra = new Option<string[]>("--extra") { Description = "Extra training data in nested multi-column IOB (Wojood: TOKEN TAG1 [TAG2...]), mapped to the ANERcorp conventions; repeatable.", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var extraWeight = new Option<float>("--extra-weight") { Description = "Weight of the perceptron updates on the extra data.", DefaultValueFactory = _ => 1f };
        var extraTypes = new Option<string>("--extra-types") { Description = "Type map of the extra data, SOURCE=PER|ORG|LOC|MISC pairs separated by commas (other types are dropped).", DefaultValueFactory = _ => "PERS=PER,ORG=ORG,GPE=LOC,LOC=LOC" };
        var docWindow = new Option<int>("--doc-window") { Description = "Also train the document pass (ner-doc.bin: name propagation) with hints from windows of ±N sentences of the training file, which has no document marks (0 = no document pass).", DefaultValueFactory = _ => DocWindow };
        var writeExtra = new Option<string?>("--write-extra") { Description = "Also write the extra data as mapped for training (TOKEN TAG lines) to this file.", HelpName = "FILE" };
        var seeds = new Option<int>("--seeds") { Description = "Average the weights of this many perceptrons trained with different visiting orders into one model.", DefaultValueFactory = _ => 1 };
        var margin = new Option<float>("--margin") { Description = "Loss-augmented training: extra score of every wrong tag while decoding a training sentence (0 = plain perceptron).", DefaultValueFactory = _ => 0f };
        var clusters2 = new Option<string?>("--clusters2") { Description = "Second word clustering for features (default: OUT/ner-clusters-2.txt.gz when it exists, else the built-in one; 'none' = no second clustering).", HelpName = "FILE" };
        var context = new Option<string>("--context") { Description = "Folder of SaudiNewsNet day files (*.zip) for the context-count features (words seen after/before the training data's entity cues; writes OUT/ner-context.txt.gz), or 'none'.", DefaultValueFactory = _ => "none", HelpName = "DIR" };
        var cv = new Option<int>("--cv") { Description = "Instead of training the shipped models: K-fold cross-validation over the train part (contiguous folds), pooled micro F1; writes nothing.", DefaultValueFactory = _ => 0 };
        var selfTrain = new Option<int>("--self-train") { Description = "Self-training: add at most N sentences of the --context corpus tagged by the model (confident sentences with an entity) and train again (0 = none).", DefaultValueFactory = _ => 0 };
        var selfConfidence = new Option<float>("--self-confidence") { Description = "Self-training: least confidence of every token of a kept sentence (the N most confident sentences are kept).", DefaultValueFactory = _ => 0f };
        var selfSelect = new Option<string>("--self-select") { Description = "Self-training: which tagged sentences to keep: 'confident' (the N whose least confident token is the most confident) or 'names' (sentences with names unseen in training that the model tags consistently across the corpus, every occurrence set to their type).", DefaultValueFactory = _ => "confident" };
        selfSelect.AcceptOnlyFromAmong("confident", "names");
        var writeSelf = new Option<string?>("--write-self") { Description = "Self-training: also write the kept sentences (TOKEN/TAG words, one sentence a line) to this file (the last set chosen).", HelpName = "FILE" };
        var trainerKind = new Option<string>("--trainer") { Description = "Training objective: 'perceptron' (averaged structured perceptron) or 'crf' (linear-chain CRF, conditional log-likelihood with L2, AdaGrad); same features, file format and decoder.", DefaultValueFactory = _ => "perceptron" };
        trainerKind.AcceptOnlyFromAmong("perceptron", "crf");
        var l2 = new Option<float>("--l2") { Description = "CRF: L2 penalty λ (λ/2·‖w‖² over the whole data; λ = 1/σ²).", DefaultValueFactory = _ => 1f };
        var learningRate = new Option<float>("--learning-rate") { Description = "CRF: AdaGrad base learning rate.", DefaultValueFactory = _ => 0.1f };
        var crfEpochs = new Option<int>("--crf-epochs") { Description = "CRF: AdaGrad passes over the data (0 = --epochs).", DefaultValueFactory = _ => 0 };
        var crfInit = new Option<bool>("--crf-init-perceptron") { Description = "CRF: start from the averaged perceptron's weights (trained first with --epochs and --seeds), scaled to the CRF's." };
        var command = new Command("ner", "Train the NER tagger (averaged structured perceptron or linear-chain CRF) on the train part of the file; report dev F1.") { data, output, epochs, writeDev, full, minCount, clusters, devOutput, extra, extraWeight, extraTypes, writeExtra, docWindow, seeds, margin, cv, context, clusters2, selfTrain, selfConfidence, selfSelect, writeSelf, trainerKind, l2, learningRate, crfEpochs, crfInit };
        command.SetAction(parse =>
        {
            // Output files are checked before the corpus is read and minutes of training start.
            UsageException.RequireOutputFolder("--write-dev", parse.GetValue(writeDev));
            UsageException.RequireOutputFolder("--write-self", parse.GetValue(writeSelf));
            var path = parse.GetValue(data)!;
            List<TaggedSentence> all;
            try { all = ConllNer.Read(path); }
            catch (ConllFormatException ex) { console.Error.WriteLine($"rasid: {ex.Message}"); return ExitCodes.SomeInputsRejected; }

            var (train, dev) = NerTool.Split(all);
            if (parse.GetValue(full)) { train = all; }
            if (parse.GetValue(writeDev) is { } devPath)
            {
                using var w = new StreamWriter(devPath);
                foreach (var s in dev)
                {
                    for (var i = 0; i < s.Tokens.Length; i++) w.WriteLine($"{s.Tokens[i]} {s.Tags[i]}");
                    w.WriteLine();
                }
            }

            var outDir = parse.GetValue(output)!;
            WordClusters LoadClusters(Option<string?> option, string file, WordClusters fallback, string train, string what)
            {
                var path = parse.GetValue(option) ?? Path.Combine(outDir, file);
                var loaded = path == "none" ? WordClusters.Empty
                    : File.Exists(path) ? WordClusters.LoadFile(path)
                    : parse.GetValue(option) is null ? fallback
                    : throw new UsageException($"{path}: no such cluster file (run 'rasid train clusters{train.Replace("{path}", path, StringComparison.Ordinal)}')");
                console.Error.WriteLine($"{what}: {loaded.Count} words (version {loaded.Version})");
                return loaded;
            }

            var wordClusters = LoadClusters(clusters, "ner-clusters.txt.gz", WordClusters.Default, "", "word clusters");
            var secondClusters = LoadClusters(clusters2, "ner-clusters-2.txt.gz", WordClusters.SecondDefault, " --seed 29 --levels 4,3,3 --out {path}", "second word clusters");
            var contextDir = parse.GetValue(context)!;
            List<string?>? contextStream = null;
            var contextSource = "";
            if (contextDir != "none")
            {
                if (!Directory.Exists(contextDir)) throw new UsageException($"{contextDir}: no such folder (SaudiNewsNet day files)");
                var corpus = new WordClusterTrainer();
                var articles = corpus.AddSaudiNewsNet(contextDir, console.Error.WriteLine);
                contextStream = [.. corpus.NormalizedTokens()];
                contextSource = $"SaudiNewsNet ({Path.GetFileName(Path.TrimEndingDirectorySeparator(contextDir))}: {articles} articles, {corpus.Tokens} tokens)";
                console.Error.WriteLine($"context corpus: {contextSource}");
            }

            NerContextCounts ContextFor(List<TaggedSentence> sentences)
            {
                if (contextStream is null) return NerContextCounts.Empty;
                var (leftCues, rightCues) = NerContextCounts.SelectCues(sentences);
                return NerContextCounts.Build(contextStream, leftCues, rightCues, "1", $"{contextSource}; cues from {sentences.Count} training sentences: {leftCues.Count} left, {rightCues.Count} right");
            }

            var selfMax = parse.GetValue(selfTrain);
            if (selfMax > 0 && contextStream is null) throw new UsageException("--self-train needs --context DIR (the unlabelled corpus)");
            var selfPool = selfMax > 0 ? SelfTrainingPool(contextStream!, selfMax * 8) : [];
            Func<NerModel, NerFeatures, List<TaggedSentence>>? selfLabel = selfMax <= 0 ? null : (m, f) =>
            {
                var picked = parse.GetValue(selfSelect) == "names" ? NerTool.SelfLabelNames(m, f, selfPool, selfMax) : NerTool.SelfLabel(m, f, selfPool, selfMax, parse.GetValue(selfConfidence));
                console.Error.WriteLine($"self-training: {picked.Count} of {selfPool.Count} unlabelled sentences kept, {picked.Sum(x => ConllNer.Chunks(x.Tags).Count)} entities");
                if (parse.GetValue(writeSelf) is { } dump) File.WriteAllLines(dump, picked.Select(x => string.Join(' ', x.Tokens.Select((t, i) => x.Tags[i] == "O" ? t : t + "/" + x.Tags[i]))));
                return picked;
            };
            var contextCounts = ContextFor(train);
            if (contextStream is not null) console.Error.WriteLine($"context counts: {contextCounts.Count} words ({contextCounts.Source})");
            var featurizer = new NerFeatures(EntityLexicon.Default, wordClusters, contextCounts, secondClusters);
            var extraSentences = new List<TaggedSentence>();
            var extraFiles = parse.GetValue(extra) ?? [];
            if (extraFiles.Length > 0)
            {
                var typeMap = ParseTypeMap(parse.GetValue(extraTypes)!);
                var outside = NestedNerData.MostlyOutside(train);
                foreach (var extraPath in extraFiles)
                {
                    List<NestedNerData.NestedSentence> nested;
                    try { nested = NestedNerData.Read(extraPath); }
                    catch (ConllFormatException ex) { console.Error.WriteLine($"rasid: {ex.Message}"); return ExitCodes.SomeInputsRejected; }
                    var flat = NestedNerData.ToFlat(nested, typeMap, outside, EntityLexicon.Default);
                    console.Error.WriteLine($"extra: {extraPath}: {flat.Count} sentences, {flat.Sum(x => ConllNer.Chunks(x.Tags).Count)} entities");
                    extraSentences.AddRange(flat);
                }
            }

            if (parse.GetValue(writeExtra) is { } extraOut)
            {
                using var w = new StreamWriter(extraOut);
                foreach (var s in extraSentences)
                {
                    for (var i = 0; i < s.Tokens.Length; i++) w.WriteLine($"{s.Tokens[i]} {s.Tags[i]}");
                    w.WriteLine();
                }
            }

            var watch = Stopwatch.StartNew();
            var objective = parse.GetValue(trainerKind) == "crf" ? NerObjective.Crf : NerObjective.Perceptron;
            NerTrainer MakeTrainer(NerFeatures features) => new(features)
            {
                Epochs = parse.GetValue(epochs), MinFeatureCount = parse.GetValue(minCount), ExtraWeight = parse.GetValue(extraWeight), Seeds = parse.GetValue(seeds), Margin = parse.GetValue(margin),
                Objective = objective, L2 = parse.GetValue(l2), LearningRate = parse.GetValue(learningRate), CrfEpochs = parse.GetValue(crfEpochs) is var ce and > 0 ? ce : null, InitFromPerceptron = parse.GetValue(crfInit),
            };
            var trainer = MakeTrainer(featurizer);
            if (parse.GetValue(cv) is var folds and > 1)
            {
                Func<List<TaggedSentence>, NerTrainer>? perFold = contextStream is null ? null
                    : rest => MakeTrainer(new NerFeatures(EntityLexicon.Default, wordClusters, ContextFor(rest), secondClusters));
                static string Prf(NerScores scores, string? type) => scores.Score(type) is var x ? $"P {100 * x.Precision:F2} R {100 * x.Recall:F2} F1 {100 * x.F1:F2}" : "";
                var pooled = NerTool.CrossValidate(trainer, train, folds, parse.GetValue(docWindow), extraSentences, (k, fold) =>
                {
                    console.Error.WriteLine($"fold {k + 1}/{folds} ({watch.Elapsed.TotalSeconds:F0} s): micro {Prf(fold, null)}");
                    foreach (var t in fold.Types) console.Error.WriteLine($"  fold {k + 1} {t}: {Prf(fold, t)}");
                }, perFold, selfLabel);
                var m = pooled.Score(null);
                var perType = string.Join(" ", pooled.Types.Select(t => $"{t} {100 * pooled.Score(t).F1:F2}"));
                foreach (var t in pooled.Types) console.Out.WriteLine($"  {t}: {Prf(pooled, t)}");
                console.Out.WriteLine($"{folds}-fold CV over {train.Count} sentences: micro P {100 * m.Precision:F2} R {100 * m.Recall:F2} F1 {100 * m.F1:F2} ({perType}); {watch.Elapsed.TotalSeconds:F0} s");
                return ExitCodes.Ok;
            }

            var trainedOn = $"{Path.GetFileName(path)}: first {train.Count} of {all.Count} sentences"
                + (extraFiles.Length > 0 ? $" + {extraSentences.Count} sentences of {string.Join(", ", extraFiles.Select(Path.GetFileName))}" : "");
            var model = trainer.Train(train, trainedOn, console.Error.WriteLine, extra: extraSentences);
            if (selfLabel is not null)
            {
                extraSentences = [.. extraSentences, .. selfLabel(model, featurizer)];
                model = trainer.Train(train, trainedOn, console.Error.WriteLine, extra: extraSentences);
            }

            console.Error.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F1} s, {model.FeatureCount} features");
            NerScores scores;
            var window = parse.GetValue(docWindow);
            NerModel? second = null;
            if (window > 0)
            {
                second = NerTool.TrainSecondPass(trainer, train, trainedOn, 5, window, console.Error.WriteLine, extraSentences);
                var first = NerTool.Evaluate(model, dev, null, featurizer).Score(null);
                console.Error.WriteLine($"first pass alone: dev micro P {first.Precision:P2} R {first.Recall:P2} F1 {first.F1:P2}");
            }

            using (var devWriter = parse.GetValue(devOutput) is { } devOut ? new StreamWriter(devOut) : null)
            {
                scores = second is null ? NerTool.Evaluate(model, dev, devWriter, featurizer) : NerTool.EvaluateTwoPass(model, second, dev, window, devWriter, featurizer);
            }

            var micro = scores.Score(null);
            foreach (var t in scores.Types) console.Error.WriteLine($"  {t}: F1 {100 * scores.Score(t).F1:F2}");
            Directory.CreateDirectory(outDir);
            var file = Path.Combine(outDir, "ner.bin");
            using (var stream = File.Create(file)) model.Save(stream);
            if (second is not null)
            {
                using var stream = File.Create(Path.Combine(outDir, "ner-doc.bin"));
                second.Save(stream);
            }

            if (contextStream is not null)
            {
                using var stream = File.Create(Path.Combine(outDir, "ner-context.txt.gz"));
                contextCounts.Save(stream);
            }

            console.Out.WriteLine($"wrote {file} ({new FileInfo(file).Length / 1024} KiB); dev ({dev.Count} sentences, last 10%): micro P {micro.Precision:P2} R {micro.Recall:P2} F1 {micro.F1:P2}");
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            var trainerOptions = objective != NerObjective.Crf ? ""
                : $" --trainer crf --l2 {parse.GetValue(l2).ToString(invariant)} --learning-rate {parse.GetValue(learningRate).ToString(invariant)}"
                  + (parse.GetValue(crfEpochs) is var e and > 0 ? $" --crf-epochs {e}" : "") + (parse.GetValue(crfInit) ? " --crf-init-perceptron" : "");
            UpdateManifest(Path.Combine(outDir, "manifest.json"), trainedOn, micro, parse.GetValue(epochs), window, extraFiles, parse.GetValue(extraWeight), parse.GetValue(seeds), parse.GetValue(margin), contextStream is null ? null : contextDir, contextCounts, secondClusters.Count > 0, trainerOptions);
            return ExitCodes.Ok;
        });
        return command;
    }

    // Sentences of the unlabelled corpus (normalized tokens; cut at text boundaries and at . ! ? ؟), 6-50 tokens, spread evenly
    // over the corpus: at most `count` of them.
    private static List<string[]> SelfTrainingPool(List<string?> stream, int count)
    {
        var all = new List<(int From, int To)>();
        var start = 0;
        for (var i = 0; i <= stream.Count; i++)
        {
            var end = i == stream.Count || stream[i] is null || stream[i] is "." or "!" or "?" or "؟";
            if (!end) continue;
            var to = i < stream.Count && stream[i] is not null ? i + 1 : i;
            if (to - start is >= 6 and <= 50) all.Add((start, to));
            start = i + 1;
        }

        var step = Math.Max(1, all.Count / Math.Max(1, count));
        var pool = new List<string[]>();
        for (var k = 0; k < all.Count && pool.Count < count; k += step)
        {
            var (from, to) = all[k];
            pool.Add([.. stream.GetRange(from, to - from).Select(t => t!)]);
        }

        return pool;
    }

    public static Command TrainClusters(CliConsole console)
    {
        var corpus = new Option<string>("--corpus") { Description = "Folder of SaudiNewsNet day files (*.zip).", DefaultValueFactory = _ => "../shared/data/raw/saudinewsnet", HelpName = "DIR" };
        var output = new Option<string>("--out") { Description = "Output file.", DefaultValueFactory = _ => "models/ner-clusters.txt.gz", HelpName = "FILE" };
        var minCount = new Option<int>("--min-count") { Description = "Cluster words seen at least this many times.", DefaultValueFactory = _ => 10 };
        var words = new Option<int>("--words") { Description = "At most this many words (the most frequent).", DefaultValueFactory = _ => 50000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random projection and of k-means.", DefaultValueFactory = _ => 17 };
        var levels = new Option<string>("--levels") { Description = "Bits of each level of k-means, comma-separated (5,3,3 = 32 x 8 x 8 clusters).", DefaultValueFactory = _ => "5,3,3" };
        var command = new Command("clusters", "Learn hierarchical word clusters (NER features) from unlabelled news: PPMI context vectors, random projection, three levels of spherical k-means.") { corpus, output, minCount, words, seed, levels };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(corpus)!;
            if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such folder (SaudiNewsNet day files)");
            var watch = Stopwatch.StartNew();
            var levelBits = parse.GetValue(levels)!.Split(',').Select(x => int.TryParse(x, out var b) && b is > 0 and < 16 ? b : throw new UsageException($"--levels: '{x}' is not a number of bits (1-15)")).ToArray();
            var trainer = new WordClusterTrainer { MinCount = parse.GetValue(minCount), MaxWords = parse.GetValue(words), Seed = parse.GetValue(seed), LevelBits = levelBits };
            var articles = trainer.AddSaudiNewsNet(dir, console.Error.WriteLine);
            var clusters = trainer.Train(console.Error.WriteLine);
            var outPath = parse.GetValue(output)!;
            using (var stream = File.Create(outPath)) WordClusterTrainer.Save(clusters, stream, "1", $"SaudiNewsNet, {articles} articles, {trainer.Tokens} tokens");
            var leaves = clusters.Values.Distinct(StringComparer.Ordinal).Count();
            console.Out.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB): {clusters.Count} words in {leaves} clusters from {articles} articles ({trainer.Tokens} tokens), {watch.Elapsed.TotalSeconds:F1} s");
            var manifest = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "manifest.json");
            if (File.Exists(manifest) && JsonNode.Parse(File.ReadAllText(manifest)) is JsonObject root)
            {
                var key = Path.GetFileName(outPath).Replace(".txt.gz", "", StringComparison.Ordinal);
                root[key] = new JsonObject
                {
                    ["file"] = Path.GetFileName(outPath),
                    ["version"] = "1",
                    ["trained_on"] = $"SaudiNewsNet ({dir}: {articles} articles, {trainer.Tokens} tokens); {clusters.Count} words seen >= {trainer.MinCount} times, {leaves} clusters (PPMI context vectors, random projection to {trainer.Dimensions} dimensions, seed {trainer.Seed}, {string.Join(" x ", levelBits.Select(b => 1 << b))} spherical k-means)",
                    ["licence"] = "CC BY-NC-SA 4.0 (inherited from SaudiNewsNet; research only)",
                    ["score"] = "no intrinsic score; used by the ner model (see its score and docs/entities.md)",
                    ["command"] = "rasid train clusters" + (trainer.Seed != 17 || parse.GetValue(levels) != "5,3,3" ? $" --seed {trainer.Seed} --levels {parse.GetValue(levels)} --out {outPath}" : ""),
                };
                File.WriteAllText(manifest, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, string> ParseTypeMap(string spec)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || NerModel.TypeIndex("B-" + parts[1]) < 0) throw new UsageException($"--extra-types: '{pair}' is not SOURCE=PER|ORG|LOC|MISC");
            map[parts[0]] = parts[1];
        }

        return map;
    }

    private static void UpdateManifest(string path, string trainedOn, (int Gold, int System, int Correct, double Precision, double Recall, double F1) micro, int epochs, int window, string[] extraFiles, float extraWeight, int seeds, float margin, string? contextDir, NerContextCounts contextCounts, bool secondClusters, string trainerOptions)
    {
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        var licence = "ANERcorp: free for research (Benajiba & Rosso 2008; CAMeL Lab split, Obeid et al. 2020); lexicon features from data/entities (MIT, CC BY-SA 4.0, CC BY 4.0); word cluster features from ner-clusters.txt.gz"
            + (secondClusters ? " and ner-clusters-2.txt.gz" : "") + (contextDir is not null ? " and context counts from ner-context.txt.gz" : "") + " (SaudiNewsNet, CC BY-NC-SA 4.0)"
            + (extraFiles.Length > 0 ? "; extra training data: Wojood NER public sample (MIT)" : "");
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var command = "rasid train clusters" + (secondClusters ? " && rasid train clusters --seed 29 --levels 4,3,3 --out models/ner-clusters-2.txt.gz" : "")
            + $" && rasid train ner --data {DefaultTrain} --epochs {epochs}"
            + (seeds != 1 ? $" --seeds {seeds}" : "")
            + (margin != 0 ? $" --margin {margin.ToString(invariant)}" : "")
            + (contextDir is not null ? $" --context {contextDir}" : "")
            + (window != DocWindow ? $" --doc-window {window}" : "")
            + trainerOptions
            + string.Concat(extraFiles.Select(f => $" --extra {f}"))
            + (extraFiles.Length > 0 && extraWeight != 1f ? $" --extra-weight {extraWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");
        var score = $"dev micro F1 {micro.F1:F4} (P {micro.Precision:F4}, R {micro.Recall:F4})" + (window > 0 ? $" with the document pass (ner-doc.bin, hints from ±{window} sentences)" : "");
        root["ner"] = new JsonObject
        {
            ["file"] = "ner.bin",
            ["version"] = NerModel.Id,
            ["trained_on"] = trainedOn + " (ANERcorp, CAMeL Lab train split); dev = the last 10% of its sentences",
            ["licence"] = licence,
            ["score"] = score,
            ["command"] = command,
        };
        if (window > 0)
        {
            root["ner-doc"] = new JsonObject
            {
                ["file"] = "ner-doc.bin",
                ["version"] = NerModel.DocumentId,
                ["trained_on"] = trainedOn + $"; document hints from 5-fold jackknifed first-pass tags in windows of ±{window} sentences",
                ["licence"] = licence,
                ["score"] = score,
                ["command"] = command,
            };
        }

        if (contextDir is not null)
        {
            root["ner-context"] = new JsonObject
            {
                ["file"] = "ner-context.txt.gz",
                ["version"] = contextCounts.Version,
                ["trained_on"] = contextCounts.Source + $"; {contextCounts.Count} words seen at least twice next to a cue",
                ["licence"] = "CC BY-NC-SA 4.0 (inherited from SaudiNewsNet; research only); cues chosen from ANERcorp (free for research)",
                ["score"] = "no intrinsic score; used by the ner model (see its score and docs/entities.md)",
                ["command"] = command,
            };
        }

        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    public static Command EvalNer(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "CoNLL file: TOKEN TAG lines, blank line between sentences (IOB1/IOB2; PERS = PER)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var output = new Option<string?>("--output") { Description = "Also write \"TOKEN GOLD SYSTEM\" lines (conlleval input) to this file." };
        var window = new Option<int>("--doc-window") { Description = "Sentences either side that make the document of the document pass (CoNLL files have no document marks); 0 = first pass only.", DefaultValueFactory = _ => DocWindow };
        var command = new Command("ner", "Exact-match entity P/R/F1 per type and micro-averaged (conlleval) of the shipped NER model.") { file, json, output, window };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var model = NerModel.Default ?? throw new UsageException("no NER model is built in (run 'rasid train ner' and rebuild)");
            List<TaggedSentence> sentences;
            try { sentences = ConllNer.Read(path); }
            catch (ConllFormatException ex) { console.Error.WriteLine($"rasid: {ex.Message}"); return ExitCodes.SomeInputsRejected; }

            var watch = Stopwatch.StartNew();
            using var writer = parse.GetValue(output) is { } outPath ? new StreamWriter(outPath) : null;
            var docModel = parse.GetValue(window) > 0 ? NerModel.DocumentDefault : null;
            var scores = docModel is null ? NerTool.Evaluate(model, sentences, writer) : NerTool.EvaluateTwoPass(model, docModel, sentences, parse.GetValue(window), writer);
            var seconds = watch.Elapsed.TotalSeconds;
            if (parse.GetValue(json))
            {
                var o = new JsonObject { ["file"] = path, ["model"] = docModel is null ? NerModel.Id : NerModel.DocumentId, ["sentences"] = scores.Sentences, ["tokens"] = scores.Tokens };
                foreach (var t in scores.Types.Append("micro"))
                {
                    var s = scores.Score(t == "micro" ? null : t);
                    o[t] = new JsonObject { ["gold"] = s.Gold, ["system"] = s.System, ["correct"] = s.Correct, ["precision"] = Math.Round(s.Precision, 4), ["recall"] = Math.Round(s.Recall, 4), ["f1"] = Math.Round(s.F1, 4) };
                }

                console.Out.WriteLine(o.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Ok;
            }

            var micro = scores.Score(null);
            console.Out.WriteLine($"processed {scores.Tokens} tokens with {micro.Gold} phrases; found: {micro.System} phrases; correct: {micro.Correct}.");
            console.Out.WriteLine($"accuracy: {100.0 * scores.CorrectTags / Math.Max(1, scores.Tokens):F2}%; precision: {100 * micro.Precision:F2}%; recall: {100 * micro.Recall:F2}%; FB1: {100 * micro.F1:F2}");
            foreach (var t in scores.Types)
            {
                var s = scores.Score(t);
                console.Out.WriteLine($"{t,17}: precision: {100 * s.Precision,6:F2}%; recall: {100 * s.Recall,6:F2}%; FB1: {100 * s.F1,6:F2}  {s.System}");
            }

            console.Error.WriteLine($"({scores.Tokens / Math.Max(seconds, 1e-6):F0} tokens/s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command EvalActors(CliConsole console)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Span gold files (arabic_event_gsr *_spans.json); default: both files in ../shared/data/arabic_event_gsr.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var min = new Option<int>("--min") { Description = "List countries and roles with at least this many gold spans.", DefaultValueFactory = _ => 5 };
        var errors = new Option<bool>("--errors") { Description = "List every wrongly coded span on standard error." };
        var command = new Command("actors", "Actor code accuracy (country + role) of the actor linker on gold actor spans.") { files, json, min, errors };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given
                : ["../shared/data/arabic_event_gsr/assault_spans.json", "../shared/data/arabic_event_gsr/protest_spans.json"];
            var eval = new ActorSpanEvaluation { Errors = parse.GetValue(errors) ? console.Error : null };
            var linker = new ActorLinker(EntityLexicon.Default);
            var rejected = 0;
            foreach (var path in paths)
            {
                if (!File.Exists(path)) { console.Error.WriteLine($"rasid: {path}: no such file"); rejected++; continue; }
                try { eval.AddFile(path, linker); }
                catch (FormatException ex) { console.Error.WriteLine($"rasid: {ex.Message}"); rejected++; }
            }

            double Pct(int a, int n) => n == 0 ? 0 : Math.Round(100.0 * a / n, 2);
            var minCount = parse.GetValue(min);
            if (parse.GetValue(json))
            {
                var o = new JsonObject
                {
                    ["files"] = new JsonArray(paths.Select(p => (JsonNode)p).ToArray()),
                    ["spans"] = eval.Spans,
                    ["exact_accuracy"] = Pct(eval.Exact, eval.Spans),
                    ["country_accuracy"] = Pct(eval.CountryCorrect, eval.Spans),
                    ["role_accuracy"] = Pct(eval.RoleCorrect, eval.Spans),
                };
                var countries = new JsonObject();
                foreach (var (k, v) in eval.ByCountry.OrderByDescending(kv => kv.Value.N)) countries[k] = new JsonObject { ["spans"] = v.N, ["exact_accuracy"] = Pct(v.Correct, v.N) };
                var roles = new JsonObject();
                foreach (var (k, v) in eval.ByRole.OrderByDescending(kv => kv.Value.N)) roles[k] = new JsonObject { ["spans"] = v.N, ["exact_accuracy"] = Pct(v.Correct, v.N) };
                o["by_country"] = countries;
                o["by_role"] = roles;
                console.Out.WriteLine(o.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                console.Out.WriteLine($"{eval.Spans} actor spans: exact code {Pct(eval.Exact, eval.Spans):F2}%  country {Pct(eval.CountryCorrect, eval.Spans):F2}%  role {Pct(eval.RoleCorrect, eval.Spans):F2}%");
                console.Out.WriteLine($"by gold country (>= {minCount} spans): exact accuracy");
                foreach (var (k, v) in eval.ByCountry.Where(kv => kv.Value.N >= minCount).OrderByDescending(kv => kv.Value.N)) console.Out.WriteLine($"  {k,-6} {v.N,5}  {Pct(v.Correct, v.N),6:F2}%");
                console.Out.WriteLine($"by gold role (>= {minCount} spans): exact accuracy");
                foreach (var (k, v) in eval.ByRole.Where(kv => kv.Value.N >= minCount).OrderByDescending(kv => kv.Value.N)) console.Out.WriteLine($"  {k,-6} {v.N,5}  {Pct(v.Correct, v.N),6:F2}%");
            }

            return rejected > 0 ? ExitCodes.SomeInputsRejected : ExitCodes.Ok;
        });
        return command;
    }
}
