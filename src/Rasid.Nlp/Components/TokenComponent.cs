using Rasid.Core;
using Rasid.Text;

namespace Rasid.Nlp.Components;

/// <summary>Tokenizes every sentence; each token starts with one syntactic word equal to itself.</summary>
internal sealed class TokenComponent(Tokenizer tokenizer) : IDocumentComponent
{
    public string Id => Tokenizer.Id;

    public AnnotationLayers Requires => AnnotationLayers.Sentences;

    public AnnotationLayers Adds => AnnotationLayers.Tokens | AnnotationLayers.Words;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var spans = new List<TokenSpan>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            spans.Clear();
            tokenizer.Tokenize(text, sentence.Range, spans);
            foreach (var span in spans)
            {
                var surface = span.Range.Slice(text);
                document.Tokens.Add(new Token
                {
                    Start = span.Range.Start,
                    End = span.Range.End,
                    Text = surface,
                    Kind = span.Kind,
                    Words = [new Word { Start = span.Range.Start, End = span.Range.End, Text = surface }],
                });
            }
        }
    }
}
