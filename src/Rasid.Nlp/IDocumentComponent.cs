using Rasid.Core;

namespace Rasid.Nlp;

/// <summary>
/// One stage of the pipeline. It reads the layers it <see cref="Requires"/> and adds the layers it
/// declares in <see cref="Adds"/>; it never changes an earlier layer. Implementations are immutable after
/// construction and thread-safe: one instance processes many documents concurrently.
/// </summary>
public interface IDocumentComponent
{
    /// <summary>Component id with version, e.g. <c>tokens.rules/1</c>; written to <see cref="Document.Pipeline"/> and evidence.</summary>
    string Id { get; }

    /// <summary>Layers this component needs from earlier components.</summary>
    AnnotationLayers Requires { get; }

    /// <summary>Layers this component adds.</summary>
    AnnotationLayers Adds { get; }

    /// <summary>Adds this component's layers to <paramref name="document"/>.</summary>
    void Process(Document document, CancellationToken cancellationToken);
}
