using Rasid.Core;
using Rasid.Nlp.Tagging;
using Rasid.Text;

namespace Rasid.Nlp.Components;

/// <summary>Adds UPOS and lemma to every word, one sentence at a time.</summary>
internal sealed class TagComponent(PerceptronTagger tagger) : IDocumentComponent
{
    public string Id => tagger.Id;

    public AnnotationLayers Requires => AnnotationLayers.Words;

    public AnnotationLayers Adds => AnnotationLayers.Tags;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var tokens = document.Tokens;
        var t = 0;
        var inputs = new List<TaggerInput>();
        var places = new List<(Token Token, int Index)>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inputs.Clear();
            places.Clear();
            while (t < tokens.Count && tokens[t].Start < sentence.End)
            {
                var token = tokens[t++];
                var roles = TaggerRoles.Of(token.Words.Select(w => w.Text).ToArray());
                for (var k = 0; k < token.Words.Count; k++)
                {
                    inputs.Add(new TaggerInput(TaggerRoles.Form(token.Words[k].Text, token.Words[k].Feats), roles[k]));
                    places.Add((token, k));
                }
            }

            var tags = tagger.Tag(inputs);
            for (var i = 0; i < tags.Length; i++)
            {
                var (token, k) = places[i];
                token.Words[k] = token.Words[k] with { Upos = tags[i], Lemma = tagger.Lemmatize(inputs[i].Form, tags[i]) };
            }
        }
    }
}

/// <summary>The tagger's view of a token's words: roles and undiacritized forms.</summary>
internal static class TaggerRoles
{
    private static readonly HashSet<string> Proclitics = ["و", "ف", "ب", "ل", "ك", "س"];

    /// <summary>0 = only word, 1 = proclitic, 2 = host, 3 = enclitic (as in training).</summary>
    public static int[] Of(IReadOnlyList<string> words)
    {
        var roles = new int[words.Count];
        if (words.Count == 1) return roles;
        var prefix = 0;
        while (prefix < words.Count - 1 && Proclitics.Contains(CliticSegmenter.Strip(words[prefix]))) prefix++;
        for (var k = 0; k < words.Count; k++) roles[k] = k < prefix ? 1 : (k == words.Count - 1 && words.Count - prefix >= 2) ? 3 : 2;
        return roles;
    }

    /// <summary>The form the tagger sees: letters without diacritics, an elided article restored.</summary>
    public static string Form(string text, string? feats)
    {
        var form = CliticSegmenter.Strip(text);
        if (form.Length == 0) return text; // a lone tatweel or mark
        return feats is not null && feats.Contains("ElidedArticle=Yes", StringComparison.Ordinal) ? "\u0627" + form : form;
    }
}
