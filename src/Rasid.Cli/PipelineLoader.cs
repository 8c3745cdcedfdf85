using Rasid.Nlp;
using Rasid.Nlp.Entities;
using Rasid.Nlp.Events;
using Rasid.Nlp.Tagging;
using Rasid.Text;

namespace Rasid.Cli;

/// <summary>
/// The default pipeline with its embedded models loaded in parallel: each model is a lazily loaded, thread-safe singleton
/// (decompressing and indexing it takes most of a second for the larger ones), and <see cref="RasidPipeline.CreateDefault"/>
/// would load them one after the other on one core. The pipeline built afterwards is the same object graph.
/// </summary>
internal static class PipelineLoader
{
    /// <summary>The models, largest first, so that the small ones fill the gaps of the other cores.</summary>
    internal static readonly Action[] Models =
    [
        () => _ = PerceptronTagger.Default,
        () => _ = NerModel.Default,
        () => _ = NerModel.DocumentDefault,
        () => _ = CliticSegmenter.Default,
        () => _ = WordClusters.Default,
        () => _ = WordClusters.SecondDefault,
        () => _ = NerContextCounts.Default,
        () => _ = EntityLexicon.Default,
        () => _ = EventDetector.Default,
        () => _ = EventKnowledge.Default,
    ];

    /// <summary>Loads every model on the thread pool, then builds <see cref="RasidPipeline.CreateDefault"/>.</summary>
    public static RasidPipeline CreateDefault()
    {
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Models);
        return RasidPipeline.CreateDefault();
    }
}
