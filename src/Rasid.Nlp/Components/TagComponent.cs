using System.Runtime.InteropServices;
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
        var tags = new int[64];
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inputs.Clear();
            places.Clear();
            while (t < tokens.Count && tokens[t].Start < sentence.End)
            {
                var token = tokens[t++];
                var words = token.Words;
                var prefix = TaggerRoles.ProcliticCount(words);
                for (var k = 0; k < words.Count; k++)
                {
                    inputs.Add(new TaggerInput(TaggerRoles.Form(words[k].Text, words[k].Feats), TaggerRoles.Role(k, words.Count, prefix)));
                    places.Add((token, k));
                }
            }

            if (tags.Length < inputs.Count) tags = new int[inputs.Count * 2];
            tagger.Tag(CollectionsMarshal.AsSpan(inputs), tags);
            for (var i = 0; i < inputs.Count; i++)
            {
                var (token, k) = places[i];
                var upos = tagger.TagName(tags[i]);
                token.Words[k] = token.Words[k] with { Upos = upos, Lemma = tagger.Lemmatize(inputs[i].Form, upos) };
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
        for (var k = 0; k < words.Count; k++) roles[k] = Role(k, words.Count, prefix);
        return roles;
    }

    /// <summary>Number of leading proclitic words of a token's words (0 for a one-word token).</summary>
    public static int ProcliticCount(List<Word> words)
    {
        if (words.Count == 1) return 0;
        var prefix = 0;
        while (prefix < words.Count - 1 && Proclitics.Contains(CliticSegmenter.Strip(words[prefix].Text))) prefix++;
        return prefix;
    }

    /// <summary>The role of word <paramref name="k"/> of <paramref name="count"/> after <paramref name="prefix"/> proclitics.</summary>
    public static int Role(int k, int count, int prefix) =>
        count == 1 ? 0 : k < prefix ? 1 : (k == count - 1 && count - prefix >= 2) ? 3 : 2;

    /// <summary>The form the tagger sees: letters without diacritics, an elided article restored.</summary>
    public static string Form(string text, string? feats)
    {
        var form = CliticSegmenter.Strip(text);
        if (form.Length == 0) return text; // a lone tatweel or mark
        return feats is not null && feats.Contains("ElidedArticle=Yes", StringComparison.Ordinal) ? "\u0627" + form : form;
    }
}
