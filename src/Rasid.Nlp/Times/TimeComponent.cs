using Rasid.Core;

namespace Rasid.Nlp.Times;

/// <summary>
/// Adds the <c>times</c> layer: time expressions with TIMEX3-like values resolved against the article
/// date (<see cref="Document.Published"/>). Without an article date, relative expressions keep a null value and
/// their evidence rule ends in <c>unresolved:no-article-date</c>.
/// </summary>
internal sealed class TimeComponent : IDocumentComponent
{
    private readonly TimeRecognizer _recognizer;

    public TimeComponent() : this(TimeLexicon.Default)
    {
    }

    public TimeComponent(TimeLexicon lexicon)
    {
        _recognizer = new TimeRecognizer(lexicon);
        Id = "times.rules/" + lexicon.Version;
    }

    public string Id { get; }

    public AnnotationLayers Requires => AnnotationLayers.Tokens;

    public AnnotationLayers Adds => AnnotationLayers.Times;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var toks = new List<TimeRecognizer.Tok>();
        var k = 0;
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            toks.Clear();
            while (k < document.Tokens.Count && document.Tokens[k].Start < sentence.Start) k++;
            while (k < document.Tokens.Count && document.Tokens[k].End <= sentence.End)
            {
                var tok = document.Tokens[k++];
                var fold = ArabicFold.Fold(tok.Text);
                toks.Add(_recognizer.Token(tok.Start, tok.End, fold, fold.Length == 0 ? TokenKind.Punctuation : tok.Kind)); // a lone diacritic
            }

            foreach (var m in _recognizer.Recognize(text, toks, document.Published))
            {
                // The tokenizer makes a word-final tatweel its own token (UD style); it belongs to the abbreviation هـ.
                var end = m.End;
                while (end < text.Length && text[end] == '\u0640') end++;
                document.Times.Add(new TimeExpression
                {
                    Start = m.Start,
                    End = end,
                    Text = text[m.Start..end],
                    Value = m.Value,
                    Kind = m.Kind,
                    Evidence = new Evidence(Id, Rule: m.Rule),
                });
            }
        }
    }
}
