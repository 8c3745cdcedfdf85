using Rasid.Core;
using Rasid.Text;

namespace Rasid.Nlp.Components;

/// <summary>Marks boilerplate lines (adverts, share buttons, bylines...) as <see cref="Document.Removed"/>.</summary>
internal sealed class BoilerplateComponent(BoilerplateCleaner cleaner) : IDocumentComponent
{
    public string Id => cleaner.Id;

    public AnnotationLayers Requires => AnnotationLayers.None;

    public AnnotationLayers Adds => AnnotationLayers.Removed;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        foreach (var line in cleaner.Clean(document.Text).Removed)
        {
            document.Removed.Add(new RemovedText
            {
                Start = line.Range.Start,
                End = line.Range.End,
                Reason = line.Reason,
                Evidence = new Evidence(Id, Rule: line.Reason),
            });
        }
    }
}
