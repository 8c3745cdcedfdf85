using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rasid.Nlp;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Tagging;
using Rasid.Nlp.Training;
using Rasid.Text;

namespace Rasid.Cli;

/// <summary><c>rasid eval ud</c>, <c>rasid train segmenter</c> and <c>rasid train tagger</c>.</summary>
internal static class UdCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command EvalUd(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Gold CoNLL-U file with '# text' lines (e.g. ../shared/data/ud/ar_pud-ud-test.conllu)." };
        var goldTokens = new Option<bool>("--gold-tokens") { Description = "Tag the gold words (UPOS/lemma accuracy with gold tokenization) instead of analysing the raw text." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var single = new Option<bool>("--single-paragraph") { Description = "Join all sentences into one paragraph (default: one paragraph per # newdoc/# newpar)." };
        var convention = new Option<string?>("--convention")
        {
            Description = "Token convention: words (every syntactic word is a token, PUD's own convention; default for files without multi-word tokens), " +
                          "merged (PUD clitic tokens joined into UD multi-word tokens: Tokens = surface tokens, Words = segmentation), multiword (the file as written).",
        };
        convention.AcceptOnlyFromAmong("words", "merged", "multiword");
        var write = new Option<string?>("--write-system") { Description = "Also write Rasid's output as CoNLL-U (in the chosen convention) to FILE.", HelpName = "FILE" };
        var model = new Option<string?>("--tagger-model") { Description = "Tag with this tagger model file (written by 'rasid train tagger --out') instead of the embedded one (with --gold-tokens).", HelpName = "FILE" };
        var segmenterModel = new Option<string?>("--segmenter-model")
        {
            Description = "Segment with this segmenter model file (written by 'rasid train segmenter --out') instead of the embedded one; " +
                          "the pipeline then runs only the stages up to tagging.",
            HelpName = "FILE",
        };
        var command = new Command("ud", "CoNLL 2018 shared task metrics (Tokens, Sentences, Words, UPOS, Lemmas) of Rasid on a UD CoNLL-U file, from its raw '# text'.")
        {
            file, goldTokens, json, single, convention, write, model, segmenterModel,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                console.Error.WriteLine($"rasid: {path}: no such file");
                return ExitCodes.UsageError;
            }

            List<ConlluSentence> gold;
            try
            {
                gold = ConlluReader.ReadFile(path);
            }
            catch (ConlluFormatException ex)
            {
                console.Error.WriteLine($"rasid: {ex.Message}");
                return ExitCodes.SomeInputsRejected;
            }

            var options = new UdEvaluationOptions
            {
                GoldTokens = parse.GetValue(goldTokens),
                SingleParagraph = parse.GetValue(single),
                Convention = parse.GetValue(convention) switch
                {
                    "words" => UdTokenConvention.WordsAsTokens,
                    "merged" => UdTokenConvention.MergedClitics,
                    "multiword" => UdTokenConvention.Multiword,
                    _ => null,
                },
            };
            UdEvaluationResult result;
            var clock = Stopwatch.StartNew();
            try
            {
                var modelPath = parse.GetValue(model);
                PerceptronTagger tagger;
                if (modelPath is null) tagger = PerceptronTagger.Default;
                else
                {
                    using var stream = File.OpenRead(modelPath);
                    tagger = PerceptronTagger.Load(stream);
                }

                var pipeline = RasidPipeline.CreateDefault();
                if (parse.GetValue(segmenterModel) is { } segmenterPath)
                {
                    if (!File.Exists(segmenterPath)) throw new UsageException($"{segmenterPath}: no such file (a segmenter model written by 'rasid train segmenter --out')");
                    CliticSegmenter segmenter;
                    using (var stream = File.OpenRead(segmenterPath)) segmenter = CliticSegmenter.Load(stream);
                    pipeline = new RasidPipeline(
                    [
                        new Rasid.Nlp.Components.BoilerplateComponent(new BoilerplateCleaner()),
                        new Rasid.Nlp.Components.SentenceComponent(new SentenceSplitter()),
                        new Rasid.Nlp.Components.TokenComponent(new Tokenizer()),
                        new Rasid.Nlp.Components.SegmentComponent(segmenter),
                        new Rasid.Nlp.Components.TagComponent(tagger),
                    ]);
                }

                result = UdEvaluation.Run(gold, pipeline, tagger, options);
            }
            catch (InvalidOperationException ex)
            {
                console.Error.WriteLine($"rasid: {path}: {ex.Message}");
                return ExitCodes.SomeInputsRejected;
            }

            clock.Stop();
            if (parse.GetValue(write) is { } systemPath)
            {
                using var writer = new StreamWriter(systemPath, false, new System.Text.UTF8Encoding(false));
                ConlluWriter.Write(writer, result.System);
            }

            if (parse.GetValue(json))
            {
                var payload = new
                {
                    file = path,
                    convention = result.Convention.ToString(),
                    gold_tokens = result.GoldTokens,
                    sentences = result.GoldSentences,
                    removed_characters = result.RemovedCharacters,
                    metrics = result.Metrics.Select(m => new
                    {
                        name = m.Name, precision = Math.Round(m.Precision * 100, 2), recall = Math.Round(m.Recall * 100, 2), f1 = Math.Round(m.F1 * 100, 2),
                        aligned_accuracy = m.Name is "UPOS" or "Lemmas" ? Math.Round(m.AlignedAccuracy * 100, 2) : (double?)null,
                        correct = m.Correct, system = m.SystemTotal, gold = m.GoldTotal,
                    }),
                };
                console.Out.WriteLine(JsonSerializer.Serialize(payload, JsonOptions));
            }
            else
            {
                console.Out.WriteLine($"{path}: {result.GoldSentences} sentences, convention {result.Convention}{(result.GoldTokens ? ", gold tokens" : ", raw text")}, {clock.Elapsed.TotalSeconds:0.0} s");
                console.Out.WriteLine("Metric     | Precision |    Recall |  F1 Score | AligndAcc");
                console.Out.WriteLine("-----------+-----------+-----------+-----------+-----------");
                foreach (var m in result.Metrics)
                {
                    var aligned = m.Name is "UPOS" or "Lemmas" ? (m.AlignedAccuracy * 100).ToString("0.00", CultureInfo.InvariantCulture) : "";
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name,-10} | {m.Precision * 100,9:0.00} | {m.Recall * 100,9:0.00} | {m.F1 * 100,9:0.00} | {aligned,9}"));
                }

                if (result.RemovedCharacters > 0) console.Out.WriteLine($"note: the boilerplate cleaner removed {result.RemovedCharacters} characters (they count as missed).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command TrainSegmenter(CliConsole console)
    {
        var (data, output) = CommonOptions("ar-segmenter.txt.gz");
        var corpus = new Option<string?>("--corpus") { Description = "Folder of SaudiNewsNet day files (*.zip) for word counts (default: DATA/raw/saudinewsnet; 'none' to skip).", HelpName = "DIR" };
        var dev = new Option<string?>("--dev")
        {
            Description = "Hold out this PADT v1 file (e.g. ../shared/data/ud/padt-v1/ar-ud-dev.conllu): train on the other PADT files, " +
                          "report token segmentation accuracy on it (all tokens and forms unseen in training), write no model.",
            HelpName = "FILE",
        };
        var dropout = new Option<int>("--corpus-dropout")
        {
            Description = "Train one form in N as if the news counts had never seen it (default 3; 0 = never).",
            DefaultValueFactory = _ => 3,
            HelpName = "N",
        };
        var noNames = new Option<bool>("--no-names") { Description = "Train without the name-letter features (trigrams of the proper-noun lexicon: ANERcorp train PERS/LOC/ORG words, data/entities places and names)." };
        var learnUnanalysed = new Option<bool>("--learn-unanalysed")
        {
            Description = "Also train the perceptron on PADT's unanalysed words (X, XPOS U: ونادي, سنحاول) as if unsplit (model 1 did; by default they only enter the dictionary).",
        };
        var minAffix = new Option<int>("--min-affix")
        {
            Description = "Proclitic and enclitic strings seen fewer times in training are not candidate splits (default 3).",
            DefaultValueFactory = _ => 3,
            HelpName = "N",
        };
        var pud = new Option<string?>("--pud")
        {
            Description = "Also train on the surface tokens of this UD file (clitics as SpaceAfter=No tokens, e.g. ../shared/data/ud/ar_pud-ud-test.conllu); figures on it only by --folds.",
            HelpName = "FILE",
        };
        var folds = new Option<int>("--folds")
        {
            Description = "Instead of writing a model: K-fold cross-validation over the --pud sentences (default file: DATA/ud/ar_pud-ud-test.conllu; fold = sentence index mod K): " +
                          "train on PADT + the other K-1 folds, segment the held-out fold's raw text, CoNLL 2018 Tokens/Sentences/Words counts summed over folds.",
            HelpName = "K",
        };
        var seeds = new Option<int>("--seeds")
        {
            Description = "Train this many perceptrons on different shuffles of the training forms (seeds 17, 18, ...) and average their weights (default 9, as model 3).",
            DefaultValueFactory = _ => 9,
            HelpName = "N",
        };
        var noPudTraining = new Option<bool>("--no-pud-training") { Description = "With --folds: train on PADT only (the baseline of the same cross-validation)." };
        var command = new Command("segmenter", "Train the clitic segmenter on UD Arabic-PADT v1 (../shared/data/ud/padt-v1, diacritics stripped, surface tokens rebuilt) and optionally UD Arabic-PUD, with word counts from raw news.")
        {
            data, output, corpus, dev, dropout, noNames, learnUnanalysed, minAffix, pud, folds, noPudTraining, seeds,
        };
        command.SetAction(parse =>
        {
            var dir = DataDir(parse.GetValue(data));
            var outPath = OutPath(parse.GetValue(output), "ar-segmenter.txt.gz");
            var devPath = parse.GetValue(dev) is { } d ? Path.GetFullPath(d) : null;
            if (devPath is not null && !File.Exists(devPath)) throw new UsageException($"{devPath}: no such file (a PADT v1 CoNLL-U file to hold out)");
            var trainer = new CliticSegmenterTrainer { CorpusDropout = parse.GetValue(dropout), Seeds = parse.GetValue(seeds) };
            var keepUnanalysed = parse.GetValue(learnUnanalysed);
            var clock = Stopwatch.StartNew();
            int added = 0, skipped = 0;
            var trainForms = new HashSet<string>(StringComparer.Ordinal);
            var padtTokens = PadtFiles(dir).Where(f => devPath is null || Path.GetFullPath(f) != devPath)
                .SelectMany(f => TrainingCorpus.ReadPadt(f).SelectMany(s => s)).ToList();
            var k = parse.GetValue(folds);
            var pudPath = parse.GetValue(pud) ?? (k > 1 ? Path.Combine(dir, "ud", "ar_pud-ud-test.conllu") : null);
            if (pudPath is not null && !File.Exists(pudPath)) throw new UsageException($"{pudPath}: no such file (a UD CoNLL-U file with surface tokens, e.g. ar_pud-ud-test.conllu)");
            var pudGold = pudPath is null ? [] : ReadUd(pudPath);
            foreach (var token in padtTokens)
            {
                if (token.Form.Length == 0 || token.Prefix < 0) continue;
                trainForms.Add(token.Form);
                if (AddSegmenterToken(trainer, token, keepUnanalysed)) added++;
                else skipped++;
            }

            var corpusDir = parse.GetValue(corpus) ?? Path.Combine(dir, "raw", "saudinewsnet");
            var corpusNote = "no corpus counts";
            Dictionary<string, int>? corpusCounts = null;
            if (corpusDir != "none")
            {
                if (!Directory.Exists(corpusDir)) throw new UsageException($"{corpusDir}: no such folder (SaudiNewsNet day files); use --corpus none to train without word counts");
                var (counts, articles) = CorpusCounts.FromSaudiNewsNet(corpusDir);
                corpusCounts = counts;
                trainer.SetCorpusCounts(counts);
                corpusNote = $"word counts from {articles} articles ({counts.Count} distinct words)";
            }

            List<string>? names = null;
            if (!parse.GetValue(noNames))
            {
                var aner = Path.Combine(dir, "anercorp", "ANERCorp_CamelLab_train.txt");
                names = ProperNounLexicon.Build(File.Exists(aner) ? aner : null, Path.Combine(RepoRoot(), "data", "entities"));
                trainer.SetNameWords(names);
            }

            if (k > 1)
            {
                if (k > pudGold.Count) throw new UsageException($"--folds {k}: more folds than sentences in {pudPath}");
                var runs = new List<IReadOnlyList<UdMetric>>();
                for (var fold = 0; fold < k; fold++)
                {
                    var (train, test) = UdCrossValidation.Split(pudGold, k, fold);
                    var foldTrainer = new CliticSegmenterTrainer { CorpusDropout = parse.GetValue(dropout), Seeds = parse.GetValue(seeds) };
                    foreach (var token in padtTokens.Where(t => t.Form.Length > 0 && t.Prefix >= 0)) AddSegmenterToken(foldTrainer, token, keepUnanalysed);
                    var pudAdded = 0;
                    if (!parse.GetValue(noPudTraining))
                    {
                        foreach (var token in TrainingCorpus.ReadSurface(train).SelectMany(s => s).Where(t => t.Form.Length > 0 && t.Prefix >= 0))
                        {
                            if (AddSegmenterToken(foldTrainer, token, true)) pudAdded++;
                        }
                    }

                    if (corpusCounts is not null) foldTrainer.SetCorpusCounts(corpusCounts);
                    if (names is not null) foldTrainer.SetNameWords(names);
                    using var memory = new MemoryStream();
                    foldTrainer.Save(memory, "cv", minAffixCount: parse.GetValue(minAffix));
                    var model = CliticSegmenter.Load(new MemoryStream(memory.ToArray()));
                    var run = UdEvaluation.Run(test, UdCrossValidation.Pipeline(model, PerceptronTagger.Default), PerceptronTagger.Default, new UdEvaluationOptions()).Metrics;
                    runs.Add(run.Where(m => m.Name is "Tokens" or "Sentences" or "Words").ToList());
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"fold {fold + 1}/{k}: {test.Count} sentences held out; trained on PADT + {pudAdded} tokens of the other folds; Tokens F1 {UdCrossValidation.F1(run, "Tokens"):0.00}, Words F1 {UdCrossValidation.F1(run, "Words"):0.00} ({clock.Elapsed.TotalSeconds:0} s)"));
                }

                console.Out.WriteLine($"{k}-fold cross-validation over {pudGold.Count} sentences of {Path.GetFileName(pudPath)}, raw text, {(parse.GetValue(noPudTraining) ? "PADT only" : "PADT + the other folds")} (counts summed over folds):");
                UdCrossValidation.Print(console, UdCrossValidation.Sum(runs));
                return ExitCodes.Ok;
            }

            foreach (var token in TrainingCorpus.ReadSurface(pudGold).SelectMany(s => s).Where(t => t.Form.Length > 0 && t.Prefix >= 0))
            {
                if (AddSegmenterToken(trainer, token, true)) added++;
                else skipped++;
            }

            if (devPath is not null)
            {
                using var memory = new MemoryStream();
                trainer.Save(memory, "dev", minAffixCount: parse.GetValue(minAffix));
                var devTokens = TrainingCorpus.ReadPadt(devPath).SelectMany(s => s)
                    .Where(t => t.Prefix >= 0 && !t.Unanalysed && t.Form.Length > 0 && t.Form.All(c => c is >= '\u0621' and <= '\u064A')).ToList();
                var model = CliticSegmenter.Load(new MemoryStream(memory.ToArray()));
                var listErrors = Environment.GetEnvironmentVariable("RASID_SEG_DEV_ERRORS");
                var (total, correct, unseen, unseenCorrect) = SegmenterDevScore(model, devTokens, trainForms, listErrors == "1" ? console : null);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"segmenter dev {Path.GetFileName(devPath)}: {added} training tokens; tokens {correct}/{total} = {100.0 * correct / total:0.00}%, unseen forms {unseenCorrect}/{unseen} = {100.0 * unseenCorrect / unseen:0.00}% ({clock.Elapsed.TotalSeconds:0.0} s)"));

                // PUD-like: the same model with the news counts of the held-out forms unseen in training removed, as for the
                // rare words and foreign names of Wikipedia-style text, which the news counts do not cover.
                var hidden = devTokens.Select(t => t.Form).Where(f => !trainForms.Contains(f)).ToHashSet(StringComparer.Ordinal);
                var rare = CliticSegmenter.Load(new MemoryStream(WithoutCorpusWords(memory.ToArray(), hidden)));
                var (_, _, rareUnseen, rareCorrect) = SegmenterDevScore(rare, devTokens, trainForms, listErrors == "rare" ? console : null);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"segmenter dev {Path.GetFileName(devPath)}, unseen forms with their news counts removed: {rareCorrect}/{rareUnseen} = {100.0 * rareCorrect / rareUnseen:0.00}%"));
                return ExitCodes.Ok;
            }

            using (var stream = File.Create(outPath)) trainer.Save(stream, "4", minAffixCount: parse.GetValue(minAffix));
            console.Out.WriteLine($"segmenter: {added} tokens ({skipped} non-Arabic skipped), {corpusNote} → {outPath} ({new FileInfo(outPath).Length / 1024} KB, {clock.Elapsed.TotalSeconds:0.0} s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A UD training file; a malformed one is a usage error naming the file and line.</summary>
    private static List<ConlluSentence> ReadUd(string path)
    {
        try
        {
            return ConlluReader.ReadFile(path);
        }
        catch (ConlluFormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static bool AddSegmenterToken(CliticSegmenterTrainer trainer, TrainingToken token, bool keepUnanalysed)
    {
        var host = token.Words[token.Prefix];
        return trainer.Add(token.Form, token.Prefix, token.Suffix, host.ElidedArticle, host.Definite, analysed: !token.Unanalysed || keepUnanalysed);
    }

    /// <summary>Exact segmentation accuracy on held-out PADT tokens: all tokens, and forms not seen in training.</summary>
    private static (int Total, int Correct, int Unseen, int UnseenCorrect) SegmenterDevScore(
        CliticSegmenter model, List<TrainingToken> tokens, HashSet<string> trainForms, CliConsole? errors)
    {
        int total = 0, correct = 0, unseen = 0, unseenCorrect = 0;
        foreach (var token in tokens)
        {
            var form = token.Form;
            var pieces = model.Segment(form, new Rasid.Core.TextRange(0, form.Length));
            var prefix = pieces.Count(p => p.Role == CliticRole.Proclitic);
            var suffix = pieces.Where(p => p.Role == CliticRole.Enclitic).Sum(p => p.Range.Length);
            var elided = pieces.Any(p => p.ElidedArticle);
            var ok = prefix == token.Prefix && suffix == token.Suffix && elided == token.Words[token.Prefix].ElidedArticle;
            total++;
            if (ok) correct++;
            if (trainForms.Contains(form)) continue;
            unseen++;
            if (ok) unseenCorrect++;
            else errors?.Out.WriteLine($"  {form}\tgold {string.Join('|', token.Words.Select(w => w.Text))}\tsystem {string.Join('|', pieces.Select(p => p.Range.Slice(form)))}");
        }

        return (total, correct, unseen, unseenCorrect);
    }

    /// <summary>A segmenter model file (gzip text) without the corpus-count records (C lines) of <paramref name="words"/>.</summary>
    private static byte[] WithoutCorpusWords(byte[] model, HashSet<string> words)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(model), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(input, new System.Text.UTF8Encoding(false));
        var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith("C\t", StringComparison.Ordinal) && words.Contains(line.Split('\t')[1])) continue;
                writer.WriteLine(line);
            }
        }

        return output.ToArray();
    }

    public static Command TrainTagger(CliConsole console)
    {
        var (data, output) = CommonOptions("ar-tagger.txt.gz");
        var pud = new Option<string?>("--pud")
        {
            Description = "Also train on this surface-tokenized UD file (clitics as SpaceAfter=No tokens, e.g. ../shared/data/ud/ar_pud-ud-test.conllu): " +
                          "its sentences are weighted up (--pud-weight) and PADT is relabelled to its conventions; figures on it only by --folds.",
            HelpName = "FILE",
        };
        var withPud = new Option<bool>("--with-pud") { Description = "Same as --pud DATA/ud/ar_pud-ud-test.conllu." };
        var folds = new Option<int>("--folds", "--cross-validate")
        {
            Description = "Instead of writing a model: K-fold cross-validation over the --pud sentences (fold = sentence index mod K; train on PADT + the " +
                          "other K-1 folds, score the held-out fold with gold tokens and from raw text, counts summed over folds; CoNLL 2018 metrics as 'rasid eval ud').",
            HelpName = "K",
        };
        var pudWeight = new Option<int>("--pud-weight") { Description = "Copies of each --pud sentence in training (default 3).", DefaultValueFactory = _ => 3, HelpName = "N" };
        var noConventions = new Option<bool>("--no-conventions") { Description = "Do not relabel PADT to the conventions learned from the --pud training sentences (form UPOS, name pairs, lemmas)." };
        var conventionCount = new Option<int>("--convention-count") { Description = "Uses a form needs in the --pud training sentences before its UPOS or lemma is relabelled in PADT (default 3).", DefaultValueFactory = _ => 3, HelpName = "N" };
        var segmenterModel = new Option<string?>("--segmenter-model") { Description = "With --folds: segment the raw text with this segmenter model file instead of the embedded one.", HelpName = "FILE" };
        var writeSystem = new Option<string?>("--write-system") { Description = "With --folds: also write the held-out predictions (gold tokens) of all folds, in file order, as CoNLL-U to FILE.", HelpName = "FILE" };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron passes (default 10).", DefaultValueFactory = _ => 10 };
        var predicted = new Option<bool>("--predicted-history") { Description = "Train on the tags the model predicts for the previous words instead of the gold tags (teacher forcing, the default)." };
        var holdout = new Option<bool>("--holdout") { Description = "Instead of writing a model: train on 9/10 of PADT v1 (plus --pud) and report accuracy and confusions on PADT's held-out tenth (every 10th sentence)." };
        var noLexicon = new Option<bool>("--no-lexicon") { Description = "Train without the proper-noun lexicon (ANERcorp train PERS/LOC/ORG words, data/entities places and names)." };
        var dropout = new Option<double>("--rare-dropout") { Description = "Probability of hiding the identity of a word seen once in training, per pass (default 0.5).", DefaultValueFactory = _ => 0.5 };
        var clustersOption = new Option<string?>("--clusters")
        {
            Description = "Word clusters for the cluster features of the word and its neighbours (default: models/ner-clusters.txt.gz, built from SaudiNewsNet by 'rasid train clusters'; stored in the model).",
            HelpName = "FILE",
        };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Train without word-cluster features." };
        var noContext = new Option<bool>("--no-context-conventions") { Description = "Relabel PADT by PUD's form, name-pair and lemma conventions only, not by the tags of ambiguous forms in context (sentence-initial و PART, كان before a verb AUX); the model v4 recipe." };
        var augment = new Option<TaggerAugmentation>("--augment")
        {
            Description = "Feature augmentation for domain adaptation (Daumé III 2007): none, word (domain copies of the templates with the word itself), context (all but the templates of the word's letters: affixes, shape, own cluster) or all (every template); " +
                          "PADT sentences update shared + PADT copies, --pud sentences shared + in-domain copies; the model keeps shared + in-domain weights folded (default none).",
            DefaultValueFactory = _ => TaggerAugmentation.None,
            HelpName = "none|word|context|all",
        };
        var noTagConventions = new Option<bool>("--no-tag-conventions") { Description = "Relabel PADT's lemmas to the conventions of the --pud training sentences, but not its UPOS (with --augment, the in-domain weights learn PUD's tagging conventions)." };
        var tagConventions = new Option<string?>("--tag-conventions")
        {
            Description = "Which UPOS relabellings of PADT to apply (comma-separated: form, context, pairs; or all, none; default all; --no-tag-conventions = none). " +
                          "pairs: adjacent name words as the --pud training sentences tag them (الأمم المتحدة PROPN PROPN).",
            HelpName = "KINDS",
        };
        var command = new Command("tagger", "Train the UPOS tagger and lemma table on UD Arabic-PADT v1 (diacritics stripped) and optionally UD Arabic-PUD, with a proper-noun lexicon feature.")
        {
            data, output, pud, withPud, folds, pudWeight, noConventions, conventionCount, segmenterModel, writeSystem, predicted, epochs, holdout, noLexicon, dropout, clustersOption, noClusters, noContext, augment, noTagConventions, tagConventions,
        };
        command.SetAction(parse =>
        {
            var dir = DataDir(parse.GetValue(data));
            var clock = Stopwatch.StartNew();
            var padt = PadtFiles(dir).SelectMany(TrainingCorpus.ReadPadt).Select(s => (IReadOnlyList<TrainingToken>)s).ToList();
            var k = parse.GetValue(folds);
            var pudPath = parse.GetValue(pud) ?? (parse.GetValue(withPud) || k > 1 ? Path.Combine(dir, "ud", "ar_pud-ud-test.conllu") : null);
            if (pudPath is not null && !File.Exists(pudPath)) throw new UsageException($"{pudPath}: no such file (a UD CoNLL-U file with surface tokens, e.g. ar_pud-ud-test.conllu)");
            var pudGold = pudPath is null ? [] : ReadUd(pudPath);
            IReadOnlyDictionary<string, string>? clusters = null;
            if (!parse.GetValue(noClusters))
            {
                var clusterPath = parse.GetValue(clustersOption) ?? Path.Combine(RepoRoot(), "models", "ner-clusters.txt.gz");
                if (!File.Exists(clusterPath)) throw new UsageException($"{clusterPath}: no such file (word clusters written by 'rasid train clusters'; or give --no-clusters)");
                clusters = WordClusters.LoadFile(clusterPath).Words;
            }

            var recipe = new TaggerRecipe(parse.GetValue(pudWeight), !parse.GetValue(noConventions), parse.GetValue(conventionCount), parse.GetValue(epochs), parse.GetValue(dropout), parse.GetValue(predicted), clusters, !parse.GetValue(noContext), parse.GetValue(augment),
                parse.GetValue(noTagConventions) ? TagConventionKinds.None : ParseTagConventions(parse.GetValue(tagConventions)));
            List<string> lexicon = [];
            if (!parse.GetValue(noLexicon))
            {
                var aner = Path.Combine(dir, "anercorp", "ANERCorp_CamelLab_train.txt");
                lexicon = ProperNounLexicon.Build(File.Exists(aner) ? aner : null, Path.Combine(RepoRoot(), "data", "entities"));
            }

            if (parse.GetValue(holdout))
            {
                var train = padt.Where((_, i) => i % 10 != 0).ToList();
                var held = padt.Where((_, i) => i % 10 == 0).ToList();
                var tagger = recipe.Train(train, pudGold, "holdout", lexicon, out var note);
                var acc = tagger.Accuracy(held);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PADT v1 held-out tenth ({held.Count} sentences, {acc.Total} words; trained on {train.Count} PADT sentences{note}, lexicon {lexicon.Count} words): UPOS {100.0 * acc.Correct / acc.Total:0.00}, Lemmas {100.0 * acc.LemmasCorrect / acc.LemmasTotal:0.00}"));
                foreach (var ((g, sys), n) in acc.Confusion.Where(kv => kv.Key.Gold != kv.Key.System).OrderByDescending(kv => kv.Value).Take(15))
                {
                    console.Out.WriteLine($"  {g} -> {sys}: {n}");
                }

                return ExitCodes.Ok;
            }

            if (k > 1)
            {
                if (k > pudGold.Count) throw new UsageException($"--folds {k}: more folds than sentences in {pudPath}");
                CliticSegmenter? segmenter = null;
                if (parse.GetValue(segmenterModel) is { } segmenterPath)
                {
                    if (!File.Exists(segmenterPath)) throw new UsageException($"{segmenterPath}: no such file (a segmenter model written by 'rasid train segmenter --out')");
                    using var stream = File.OpenRead(segmenterPath);
                    segmenter = CliticSegmenter.Load(stream);
                }

                var goldRuns = new List<IReadOnlyList<UdMetric>>();
                var rawRuns = new List<IReadOnlyList<UdMetric>>();
                var heldOut = new ConlluSentence[pudGold.Count];
                for (var fold = 0; fold < k; fold++)
                {
                    var (train, test) = UdCrossValidation.Split(pudGold, k, fold);
                    var tagger = recipe.Train(padt, train, "cv", lexicon, out var note);
                    var goldResult = UdEvaluation.Run(test, RasidPipeline.CreateDefault(), tagger, new UdEvaluationOptions { GoldTokens = true });
                    var goldRun = goldResult.Metrics;
                    for (var j = 0; j < goldResult.System.Count; j++) heldOut[fold + j * k] = goldResult.System[j];
                    var rawRun = UdEvaluation.Run(test, UdCrossValidation.Pipeline(segmenter ?? CliticSegmenter.Default, tagger), tagger, new UdEvaluationOptions()).Metrics;
                    goldRuns.Add(goldRun);
                    rawRuns.Add(rawRun);
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"fold {fold + 1}/{k}: {test.Count} sentences held out; trained on {padt.Count} PADT sentences{note}; gold tokens UPOS {UdCrossValidation.F1(goldRun, "UPOS"):0.00}, Lemmas {UdCrossValidation.F1(goldRun, "Lemmas"):0.00}; raw text UPOS {UdCrossValidation.F1(rawRun, "UPOS"):0.00} ({clock.Elapsed.TotalSeconds:0} s)"));
                }

                if (parse.GetValue(writeSystem) is { } systemPath)
                {
                    using var writer = new StreamWriter(systemPath, false, new System.Text.UTF8Encoding(false));
                    ConlluWriter.Write(writer, heldOut);
                }

                console.Out.WriteLine($"{k}-fold cross-validation over {pudGold.Count} sentences of {Path.GetFileName(pudPath)} (counts summed over folds), gold tokens:");
                UdCrossValidation.Print(console, UdCrossValidation.Sum(goldRuns));
                console.Out.WriteLine($"{k}-fold cross-validation, raw text ({(segmenter is null ? "embedded segmenter" : Path.GetFileName(parse.GetValue(segmenterModel)))}):");
                UdCrossValidation.Print(console, UdCrossValidation.Sum(rawRuns));
                return ExitCodes.Ok;
            }

            var model = recipe.Train(padt, pudGold, "6", lexicon, out var trainedNote);
            var outPath = OutPath(parse.GetValue(output), "ar-tagger.txt.gz");
            using (var stream = File.Create(outPath)) model.Save(stream);
            console.Out.WriteLine($"tagger: {padt.Count} PADT sentences{trainedNote}, lexicon {model.LexiconSize} words, {model.ClusterWords} cluster words, {model.FeatureRows} features, tags {string.Join(' ', model.Tags)} → {outPath} ({new FileInfo(outPath).Length / 1024} KB, {clock.Elapsed.TotalSeconds:0.0} s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The kinds of <c>--tag-conventions</c> (null: all).</summary>
    private static TagConventionKinds ParseTagConventions(string? given)
    {
        if (given is null) return TagConventionKinds.All;
        var kinds = TagConventionKinds.None;
        foreach (var part in given.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            kinds |= part.ToLowerInvariant() switch
            {
                "all" => TagConventionKinds.All,
                "none" => TagConventionKinds.None,
                "form" => TagConventionKinds.Form,
                "context" => TagConventionKinds.Context,
                "pairs" => TagConventionKinds.Pairs,
                _ => throw new UsageException($"--tag-conventions {given}: '{part}' is not one of form, context, pairs, all, none"),
            };
        }

        return kinds;
    }

    private static (Option<string?> Data, Option<string?> Output) CommonOptions(string file) =>
        (new Option<string?>("--data") { Description = "The data folder (default: ../shared/data beside the repository).", HelpName = "DIR" },
         new Option<string?>("--out", "-o") { Description = $"Model file to write (default: models/{file} in the repository).", HelpName = "FILE" });

    private static IEnumerable<string> PadtFiles(string dataDir)
    {
        var padt = Path.Combine(dataDir, "ud", "padt-v1");
        if (!Directory.Exists(padt)) throw new UsageException($"{padt}: no such folder (the UD Arabic-PADT v1 files)");
        return Directory.GetFiles(padt, "*.conllu").Order(StringComparer.Ordinal);
    }

    private static string DataDir(string? given)
    {
        if (given is not null) return given;
        return Path.Combine(RepoRoot(), "..", "shared", "data");
    }

    private static string OutPath(string? given, string file) => given ?? Path.Combine(RepoRoot(), "models", file);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rasid.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new UsageException("run this inside the Rasid repository (no Rasid.slnx above the current folder), or give --data and --out");
    }
}
