using Rasid.Core;
using Rasid.Text;

namespace Rasid.Nlp.Components;

/// <summary>Splits the lines that are not boilerplate into sentences.</summary>
internal sealed class SentenceComponent(SentenceSplitter splitter) : IDocumentComponent
{
    public string Id => splitter.Id;

    public AnnotationLayers Requires => AnnotationLayers.Removed;

    public AnnotationLayers Adds => AnnotationLayers.Sentences;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var ranges = new List<TextRange>();
        var removed = document.Removed;
        foreach (var line in BoilerplateCleaner.Lines(document.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (removed.Exists(r => r.Range.Overlaps(line))) continue;
            splitter.Split(document.Text, line, ranges);
        }

        foreach (var range in ranges) document.Sentences.Add(new Sentence { Start = range.Start, End = range.End });
    }
}
