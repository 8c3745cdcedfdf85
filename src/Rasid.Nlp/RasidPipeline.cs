using Rasid.Core;
using Rasid.Nlp.Components;
using Rasid.Text;

namespace Rasid.Nlp;

/// <summary>
/// The Rasid analysis pipeline: turns an article's text into a <see cref="Document"/> with annotation
/// layers. Create it once (loading language data and models takes time) and reuse it; <see cref="Analyze"/>
/// is thread-safe.
/// </summary>
/// <example>
/// <code>
/// var rasid = RasidPipeline.CreateDefault();
/// Document doc = rasid.Analyze(text, new ArticleInfo { Published = new DateOnly(2015, 9, 30) });
/// Console.WriteLine(DocumentJson.Serialize(doc));
/// </code>
/// </example>
public sealed class RasidPipeline
{
    /// <summary>Creates a pipeline from components, checking that each one's required layers come earlier.</summary>
    /// <exception cref="ArgumentException">When a component needs a layer no earlier component adds.</exception>
    public RasidPipeline(IEnumerable<IDocumentComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        Components = components.ToArray();
        var available = AnnotationLayers.None;
        foreach (var component in Components)
        {
            var missing = component.Requires & ~available;
            if (missing != AnnotationLayers.None)
            {
                throw new ArgumentException($"component '{component.Id}' requires {missing}, which no earlier component adds", nameof(components));
            }

            available |= component.Adds;
        }

        Layers = available;
    }

    /// <summary>The components, in the order they run.</summary>
    public IReadOnlyList<IDocumentComponent> Components { get; }

    /// <summary>Every layer this pipeline produces.</summary>
    public AnnotationLayers Layers { get; }

    /// <summary>Version of the Rasid library.</summary>
    public static string Version { get; } =
        typeof(RasidPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The standard pipeline with every built-in component.</summary>
    public static RasidPipeline CreateDefault() => new(
    [
        new BoilerplateComponent(new BoilerplateCleaner()),
        new SentenceComponent(new SentenceSplitter()),
        new TokenComponent(new Tokenizer()),
        new SegmentComponent(CliticSegmenter.Default),
        new TagComponent(Tagging.PerceptronTagger.Default),
        Entities.EntityComponent.CreateDefault(),
        new Times.TimeComponent(),
        new Quotes.QuoteComponent(),
        new Events.EventCoderComponent(),
    ]);

    /// <summary>Analyses one article.</summary>
    /// <param name="text">The article's text (kept unchanged in <see cref="Document.Text"/>).</param>
    /// <param name="info">Metadata: id, source, url, title, publication date.</param>
    /// <param name="cancellationToken">Stops the analysis between stages and sentences.</param>
    public Document Analyze(string text, ArticleInfo? info = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Document.Create(text, info);
        foreach (var component in Components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            component.Process(document, cancellationToken);
            document.Pipeline.Add(component.Id);
        }

        return document;
    }
}
