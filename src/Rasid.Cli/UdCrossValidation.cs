using System.Globalization;
using Rasid.Nlp;
using Rasid.Nlp.Evaluation;
using Rasid.Nlp.Tagging;
using Rasid.Nlp.Training;
using Rasid.Text;

namespace Rasid.Cli;

/// <summary>K-fold cross-validation over a UD file for <c>rasid train tagger --folds</c> and <c>rasid train segmenter --folds</c>.</summary>
internal static class UdCrossValidation
{
    /// <summary>Fold <paramref name="fold"/> of <paramref name="k"/>: sentence i is held out when i mod k = fold.</summary>
    public static (List<ConlluSentence> Train, List<ConlluSentence> Test) Split(IReadOnlyList<ConlluSentence> sentences, int k, int fold) =>
        (sentences.Where((_, i) => i % k != fold).ToList(), sentences.Where((_, i) => i % k == fold).ToList());

    /// <summary>The pipeline stages up to tagging, with the given segmenter and tagger.</summary>
    public static RasidPipeline Pipeline(CliticSegmenter segmenter, PerceptronTagger tagger) => new(
    [
        new Nlp.Components.BoilerplateComponent(new BoilerplateCleaner()),
        new Nlp.Components.SentenceComponent(new SentenceSplitter()),
        new Nlp.Components.TokenComponent(new Tokenizer()),
        new Nlp.Components.SegmentComponent(segmenter),
        new Nlp.Components.TagComponent(tagger),
    ]);

    /// <summary>The metrics of several folds with their counts summed (not their scores averaged).</summary>
    public static List<UdMetric> Sum(IReadOnlyList<IReadOnlyList<UdMetric>> runs) =>
        runs[0].Select(m => m.Name).Select(name =>
        {
            var all = runs.Select(r => r.Single(m => m.Name == name)).ToList();
            return new UdMetric(name, all.Sum(m => m.Correct), all.Sum(m => m.SystemTotal), all.Sum(m => m.GoldTotal), all.Sum(m => m.Aligned));
        }).ToList();

    /// <summary>F1 × 100 of one metric.</summary>
    public static double F1(IReadOnlyList<UdMetric> metrics, string name) => metrics.Single(m => m.Name == name).F1 * 100;

    /// <summary>Prints metrics in the table of <c>rasid eval ud</c>.</summary>
    public static void Print(CliConsole console, IReadOnlyList<UdMetric> metrics)
    {
        console.Out.WriteLine("Metric     | Precision |    Recall |  F1 Score | AligndAcc");
        console.Out.WriteLine("-----------+-----------+-----------+-----------+-----------");
        foreach (var m in metrics)
        {
            var aligned = m.Name is "UPOS" or "Lemmas" ? (m.AlignedAccuracy * 100).ToString("0.00", CultureInfo.InvariantCulture) : "";
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name,-10} | {m.Precision * 100,9:0.00} | {m.Recall * 100,9:0.00} | {m.F1 * 100,9:0.00} | {aligned,9}"));
        }
    }
}

/// <summary>How <c>rasid train tagger</c> combines PADT and in-domain (PUD) sentences.</summary>
/// <param name="PudWeight">Copies of each in-domain sentence.</param>
/// <param name="Conventions">Relabel PADT to the conventions learned from the in-domain sentences (<see cref="ConventionMap"/>).</param>
/// <param name="ConventionCount">Uses a form needs before its convention is learned.</param>
/// <param name="Epochs">Perceptron passes.</param>
/// <param name="RareDropout">Probability of hiding a word seen once.</param>
/// <param name="PredictedHistory">Train on predicted rather than gold previous tags.</param>
/// <param name="Clusters">Word clusters (normalized word → bit string) for the cluster features; null: none.</param>
/// <param name="ContextConventions">With <paramref name="Conventions"/>, also relabel ambiguous forms by their context (<see cref="ConventionMap.Learn"/>).</param>
/// <param name="TagConventions">With <paramref name="Conventions"/>: which UPOS relabellings of PADT are applied besides its lemmas (<see cref="TagConventionKinds"/>).</param>
/// <param name="Augmentation">Feature augmentation: PADT sentences out-of-domain, in-domain sentences in-domain (<see cref="TaggerAugmentation"/>).</param>
internal sealed record TaggerRecipe(int PudWeight, bool Conventions, int ConventionCount, int Epochs, double RareDropout, bool PredictedHistory = false, IReadOnlyDictionary<string, string>? Clusters = null, bool ContextConventions = true, TaggerAugmentation Augmentation = TaggerAugmentation.None, TagConventionKinds TagConventions = TagConventionKinds.All)
{
    /// <summary>Trains on <paramref name="padt"/> and the in-domain sentences <paramref name="pud"/> (may be empty).</summary>
    public PerceptronTagger Train(IReadOnlyList<IReadOnlyList<TrainingToken>> padt, IReadOnlyList<ConlluSentence> pud, string version, IEnumerable<string> lexicon, out string note)
    {
        var sentences = padt.ToList();
        note = "";
        if (pud.Count > 0)
        {
            var inDomain = TrainingCorpus.ReadSurface(pud).Select(s => (IReadOnlyList<TrainingToken>)s).ToList();
            if (Conventions)
            {
                var map = ConventionMap.Learn(inDomain, ConventionCount, context: ContextConventions);
                sentences = map.Apply(padt, out var changed, TagConventions);
                note = TagConventions == TagConventionKinds.All
                    ? string.Create(CultureInfo.InvariantCulture, $", {changed} PADT words relabelled ({map.TagRules} form tags, {map.ContextRules} context tags, {map.PairRules} name pairs, {map.LemmaRules} lemmas)")
                    : TagConventions != TagConventionKinds.None
                    ? string.Create(CultureInfo.InvariantCulture, $", {changed} PADT words relabelled (UPOS by {TagConventions.ToString().ToLowerInvariant()}: {map.TagRules} form tags, {map.ContextRules} context tags, {map.PairRules} name pairs learned; {map.LemmaRules} lemmas)")
                    : string.Create(CultureInfo.InvariantCulture, $", {changed} PADT lemmas relabelled ({map.LemmaRules} lemma rules; UPOS kept)");
            }

            for (var copy = 0; copy < Math.Max(1, PudWeight); copy++) sentences.AddRange(inDomain);
            note = string.Create(CultureInfo.InvariantCulture, $" + {inDomain.Count} in-domain sentences × {Math.Max(1, PudWeight)}{note}");
        }

        var domains = Enumerable.Range(0, sentences.Count).Select(i => i >= padt.Count).ToArray();
        if (Augmentation != TaggerAugmentation.None && pud.Count > 0) note += $", feature augmentation ({Augmentation.ToString().ToLowerInvariant()} templates)";
        return PerceptronTagger.Train(sentences, version, Epochs, lexicon, RareDropout, PredictedHistory, Clusters, domains, pud.Count > 0 ? Augmentation : TaggerAugmentation.None);
    }
}
