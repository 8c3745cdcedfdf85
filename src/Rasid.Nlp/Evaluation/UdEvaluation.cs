using System.Text;
using Rasid.Core;
using Rasid.Nlp.Components;
using Rasid.Nlp.Tagging;
using Rasid.Text;

namespace Rasid.Nlp.Evaluation;

/// <summary>How gold tokens are compared with Rasid's tokens and words.</summary>
public enum UdTokenConvention
{
    /// <summary>Gold as written: multi-word tokens are surface tokens, their words syntactic words (UD standard; PADT v2).</summary>
    Multiword,
    /// <summary>
    /// The PUD convention: every syntactic word is a token (clitics written as tokens with SpaceAfter=No).
    /// Rasid's syntactic words are scored as tokens, so Tokens measures clitic segmentation too.
    /// </summary>
    WordsAsTokens,
    /// <summary>
    /// PUD rewritten into the UD standard form (<see cref="UdConventions.MergeClitics"/>): Tokens measures
    /// surface tokenization, Words measures clitic segmentation.
    /// </summary>
    MergedClitics,
}

/// <summary>Options of <see cref="UdEvaluation.Run"/>.</summary>
public sealed record UdEvaluationOptions
{
    /// <summary>Tag the gold words instead of running sentence splitting, tokenization and segmentation.</summary>
    public bool GoldTokens { get; init; }

    /// <summary>Join all sentences of the file into one paragraph (default: one paragraph per document, as the CoNLL 2018 raw text).</summary>
    public bool SingleParagraph { get; init; }

    /// <summary>The token convention; null picks <see cref="UdTokenConvention.Multiword"/> when the gold file has multi-word tokens, else <see cref="UdTokenConvention.WordsAsTokens"/>.</summary>
    public UdTokenConvention? Convention { get; init; }
}

/// <summary>The figures of one evaluation.</summary>
/// <param name="Metrics">Tokens, Sentences, Words, UPOS, Lemmas.</param>
/// <param name="Convention">The token convention used.</param>
/// <param name="GoldTokens">True when gold tokenization was used.</param>
/// <param name="GoldSentences">Number of gold sentences.</param>
/// <param name="RemovedCharacters">Characters the pipeline removed as boilerplate (not scored: they lower recall).</param>
/// <param name="System">The system output that was scored.</param>
public sealed record UdEvaluationResult(IReadOnlyList<UdMetric> Metrics, UdTokenConvention Convention, bool GoldTokens, int GoldSentences, int RemovedCharacters, IReadOnlyList<ConlluSentence> System);

/// <summary>
/// Runs Rasid on the raw text of a CoNLL-U file (its <c># text</c> lines) and scores it with the CoNLL 2018
/// metrics (<see cref="UdScorer"/>). Lemmas are compared without diacritics (Rasid works on undiacritized text,
/// the UD Arabic lemmas are vocalized).
/// </summary>
public static class UdEvaluation
{
    /// <summary>Evaluates <paramref name="pipeline"/> (or, with gold tokens, <paramref name="tagger"/>) on <paramref name="gold"/>.</summary>
    /// <exception cref="InvalidOperationException">When a sentence has no <c># text</c> line, or the characters cannot be aligned.</exception>
    public static UdEvaluationResult Run(IReadOnlyList<ConlluSentence> gold, RasidPipeline pipeline, PerceptronTagger tagger, UdEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(options);
        var convention = options.Convention ?? (UdConventions.HasMultiwordTokens(gold) ? UdTokenConvention.Multiword : UdTokenConvention.WordsAsTokens);
        var goldScored = convention == UdTokenConvention.MergedClitics ? UdConventions.MergeClitics(gold) : gold.ToList();
        List<ConlluSentence> system;
        var removed = 0;
        if (options.GoldTokens)
        {
            system = TagGold(convention == UdTokenConvention.Multiword ? gold.ToList() : UdConventions.MergeClitics(gold), tagger);
            if (convention == UdTokenConvention.WordsAsTokens) system = UdConventions.WordsAsTokens(system);
        }
        else
        {
            system = [];
            foreach (var text in RawDocuments(gold, options.SingleParagraph))
            {
                var document = pipeline.Analyze(text);
                removed += document.Removed.Sum(r => r.End - r.Start);
                system.AddRange(ToConllu(document));
            }

            if (convention == UdTokenConvention.WordsAsTokens) system = UdConventions.WordsAsTokens(system);
        }

        var metrics = UdScorer.Score(goldScored, system, (g, s) => g == "_" || CliticSegmenter.Strip(g) == CliticSegmenter.Strip(s));
        return new UdEvaluationResult(metrics, convention, options.GoldTokens, gold.Count, removed, system);
    }

    /// <summary>
    /// The raw text: the <c># text</c> of each sentence, sentences of one document joined by a space, documents
    /// (<c># newdoc</c>) and paragraphs (<c># newpar</c>) separated by a blank line — or everything in one paragraph.
    /// </summary>
    public static IEnumerable<string> RawDocuments(IReadOnlyList<ConlluSentence> gold, bool singleParagraph)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var sb = new StringBuilder();
        foreach (var sentence in gold)
        {
            if (sentence.Text is null) throw new InvalidOperationException($"line {sentence.Line}: sentence has no '# text' line, so there is no raw text to analyse");
            if (!singleParagraph && (sentence.NewDocument || sentence.NewParagraph) && sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }

            if (sb.Length > 0) sb.Append(' ');
            sb.Append(sentence.Text);
        }

        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>A document's sentences as CoNLL-U: a token with several words is a multi-word token.</summary>
    public static IEnumerable<ConlluSentence> ToConllu(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var t = 0;
        var tokens = document.Tokens;
        foreach (var sentence in document.Sentences)
        {
            var list = new List<ConlluToken>();
            while (t < tokens.Count && tokens[t].Start < sentence.End)
            {
                var token = tokens[t++];
                list.Add(new ConlluToken(token.Text, token.Words.Select(w => new ConlluWord(w.Text, w.Lemma ?? "_", w.Upos ?? "_", w.Feats ?? "_")).ToArray(), true));
            }

            if (list.Count > 0) yield return new ConlluSentence(null, false, false, list, 0);
        }
    }

    /// <summary>
    /// The tagger's form of gold word <paramref name="k"/>: letters without diacritics and, after a ل proclitic whose
    /// host lost its article's alef (للحكومة = ل + لحكومة), the article restored (الحكومة) as the pipeline does — decided
    /// by the segmenter from the surface token, not from the gold features.
    /// </summary>
    private static string GoldTaggerForm(ConlluToken token, int k)
    {
        var form = CliticSegmenter.Strip(token.Words[k].Form);
        if (k == 0 || CliticSegmenter.Strip(token.Words[k - 1].Form) != "\u0644" || !form.StartsWith('\u0644') || form.StartsWith("\u0627\u0644", StringComparison.Ordinal)) return form;
        var surface = CliticSegmenter.Strip(token.Form);
        foreach (var piece in CliticSegmenter.Default.Segment(surface, new Core.TextRange(0, surface.Length)))
        {
            if (piece.ElidedArticle) return "\u0627" + form;
        }

        return form;
    }

    private static List<ConlluSentence> TagGold(List<ConlluSentence> gold, PerceptronTagger tagger)
    {
        var result = new List<ConlluSentence>(gold.Count);
        foreach (var sentence in gold)
        {
            var inputs = new List<TaggerInput>();
            foreach (var token in sentence.Tokens)
            {
                var roles = TaggerRoles.Of(token.Words.Select(w => w.Form).ToArray());
                for (var k = 0; k < token.Words.Count; k++) inputs.Add(new TaggerInput(GoldTaggerForm(token, k), roles[k]));
            }

            var tags = tagger.Tag(inputs);
            var i = 0;
            var tokens = new List<ConlluToken>();
            foreach (var token in sentence.Tokens)
            {
                var words = new ConlluWord[token.Words.Count];
                for (var k = 0; k < words.Length; k++, i++)
                {
                    words[k] = token.Words[k] with { Upos = tags[i], Lemma = tagger.Lemmatize(inputs[i].Form, tags[i]) };
                }

                tokens.Add(token with { Words = words });
            }

            result.Add(sentence with { Tokens = tokens });
        }

        return result;
    }
}
