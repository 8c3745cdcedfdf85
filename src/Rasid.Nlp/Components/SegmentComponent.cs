using Rasid.Core;
using Rasid.Text;

namespace Rasid.Nlp.Components;

/// <summary>
/// Splits Arabic word tokens into UD-style syntactic words (proclitics, host, enclitic) with exact offsets.
/// A host with the article ال gets <c>Definite=Def</c>; when ل elided the article's alef (للقاء = ل + لقاء),
/// the host also gets <c>ElidedArticle=Yes</c>: its text is the original characters (لقاء), its full form is
/// "ا" + text.
/// </summary>
internal sealed class SegmentComponent(CliticSegmenter segmenter) : IDocumentComponent
{
    public string Id => segmenter.Id;

    public AnnotationLayers Requires => AnnotationLayers.Tokens;

    public AnnotationLayers Adds => AnnotationLayers.Words;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        Span<CliticPiece> pieces = stackalloc CliticPiece[5];
        foreach (var token in document.Tokens)
        {
            if (token.Kind != TokenKind.Word) continue;
            var n = segmenter.Segment(text, token.Range, pieces);
            if (n == 1 && !pieces[0].Definite) continue;
            token.Words.Clear();
            for (var k = 0; k < n; k++)
            {
                var piece = pieces[k];
                token.Words.Add(new Word
                {
                    Start = piece.Range.Start,
                    End = piece.Range.End,
                    Text = piece.Range.Slice(text),
                    Feats = piece.ElidedArticle ? "Definite=Def|ElidedArticle=Yes" : piece.Definite ? "Definite=Def" : null,
                });
            }
        }
    }
}
