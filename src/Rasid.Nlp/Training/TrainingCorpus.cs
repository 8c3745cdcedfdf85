using Rasid.Nlp.Evaluation;
using Rasid.Text;

namespace Rasid.Nlp.Training;

/// <summary>A syntactic word of a training sentence, in surface (undiacritized) spelling.</summary>
/// <param name="Text">The word's letters as they appear inside its surface token (للقاء → ل + لقاء).</param>
/// <param name="Upos">UPOS in UD v2 labels.</param>
/// <param name="Lemma">Lemma without diacritics.</param>
/// <param name="Definite">True when Definite=Def.</param>
/// <param name="ElidedArticle">True when the article's alef was elided after ل.</param>
public sealed record TrainingWord(string Text, string Upos, string Lemma, bool Definite, bool ElidedArticle)
{
    /// <summary>The form the tagger sees: the text with an elided article's alef restored (لقاء → اللقاء).</summary>
    public string TaggerForm => ElidedArticle ? "\u0627" + Text : Text;
}

/// <summary>A surface token of a training sentence and its words (proclitics, host, enclitic).</summary>
/// <param name="Words">The words, in order.</param>
/// <param name="Prefix">Number of leading proclitic words.</param>
/// <param name="Suffix">Length of the trailing enclitic (0 when none).</param>
public sealed record TrainingToken(IReadOnlyList<TrainingWord> Words, int Prefix, int Suffix)
{
    /// <summary>The token's surface letters.</summary>
    public string Form => string.Concat(Words.Select(w => w.Text));

    /// <summary>
    /// True for a PADT word left unanalysed (X, XPOS U) as one word: its clitics were never split (ونادي, وزهير,
    /// سنحاول), so its segmentation is unknown — the segmenter neither learns from it nor is scored on it.
    /// </summary>
    public bool Unanalysed { get; init; }
}

/// <summary>
/// Reads UD treebanks into undiacritized surface tokens with their syntactic words, for training the
/// segmenter and tagger. PADT v1 (fully vocalized, clitic-segmented, no surface tokens): diacritics are
/// stripped and surface tokens rebuilt — a one-letter proclitic word (و ف ب ل ك س) attaches to the next word,
/// a pronoun clitic (ه ها هما هم هن ك كما كم كن ي ني نا in the genitive or accusative) to the previous one;
/// ل + ال loses the article's alef (للحظر), a host's final ة becomes ت and ى becomes ي before a pronoun.
/// UD v1 labels are mapped to v2 (PADT v1 has almost no PROPN and uses X for foreign and unanalysed words):
/// CONJ → CCONJ (أن إن كأن حتى عندما حيث-type subordinators → SCONJ); كان and its forms → AUX; a NOUN whose
/// English gloss (MISC Gloss) is capitalized in every alternative (Egypt, Baghdad, September; not Emir,prince)
/// and whose lemma is not a nisba (…يّ: Palestinian) → PROPN; DET (demonstratives, ما, من) → PRON; quantifier
/// nouns (كل بعض جميع عدة أي معظم أغلب كلا كلتا) → DET; an indefinite accusative NOUN/ADJ with tanwin attached
/// as advmod (حاليا مؤخرا سنويا) → ADV; X Foreign=Foreign in Arabic letters → PROPN; an
/// unanalysed word (X, XPOS U) → the tag its form most often has elsewhere in the file, else PROPN when
/// written in Arabic letters; abbreviation letters (X, XPOS Y) and other X → unknown (context only).
/// PUD-style files (clitics as tokens with SpaceAfter=No, or multi-word tokens) are read as they are.
/// </summary>
public static class TrainingCorpus
{
    /// <summary>The UPOS of a word whose tag is unknown (learned from as context only).</summary>
    public const string Unknown = "_";

    private static readonly HashSet<string> Proclitics = ["و", "ف", "ب", "ل", "ك", "س"];
    private static readonly HashSet<string> Enclitics = ["ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "ني", "نا"];
    private static readonly HashSet<string> Subordinators = ConventionClass("subordinator");
    private static readonly HashSet<string> Quantifiers = ConventionClass("quantifier");

    /// <summary>The words of one class of Rasid.Text's <c>Lang/Ar/tagging-conventions.tsv</c> (class&lt;TAB&gt;word lines).</summary>
    internal static HashSet<string> ConventionClass(string cls)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in LanguageResource.ReadLines("Ar/tagging-conventions.tsv", out _))
        {
            var cols = line.Split('\t');
            if (cols.Length != 2) throw new InvalidDataException($"tagging-conventions.tsv: '{line}' is not 'class<TAB>word'");
            if (cols[0] == cls) words.Add(cols[1].Trim());
        }

        return words.Count > 0 ? words : throw new InvalidDataException($"tagging-conventions.tsv: no words of class '{cls}'");
    }

    /// <summary>Reads a PADT v1 file (vocalized, segmented words without surface tokens).</summary>
    public static List<List<TrainingToken>> ReadPadt(string path)
    {
        var result = new List<List<TrainingToken>>();
        var file = ConlluReader.ReadFile(path);
        var usual = UsualTags(file);
        foreach (var sentence in file)
        {
            var tokens = new List<TrainingToken>();
            var pending = new List<TrainingWord>();
            var pendingPrefix = 0;
            List<TrainingWord>? last = null;
            var lastPrefix = 0;
            var all = sentence.Words.ToList();
            for (var index = 0; index < all.Count; index++)
            {
                var word = all[index];
                var form = CliticSegmenter.Strip(word.Form);
                if (word.Upos == "X" && word.Xpos.StartsWith('U') && index + 1 < all.Count && all[index + 1].Form == word.Form && all[index + 1].Upos == "X")
                {
                    // An unanalysed token split into several words that all repeat the whole form: segmentation
                    // and tags unknown. Kept as one token (so the neighbours' context is right), never learned from.
                    while (index + 1 < all.Count && all[index + 1].Form == word.Form) index++;
                    foreach (var w in pending) tokens.Add(new TrainingToken([w], 0, 0));
                    pending.Clear();
                    pendingPrefix = 0;
                    tokens.Add(new TrainingToken([new TrainingWord(form, Unknown, "", false, false)], -1, 0));
                    last = null;
                    continue;
                }

                var upos = MapUpos(word, form, usual);
                var lemma = CliticSegmenter.Strip(word.Lemma);
                var definite = word.Feats.Contains("Definite=Def", StringComparison.Ordinal);
                var isCase = word.Feats.Contains("Case=Gen", StringComparison.Ordinal) || word.Feats.Contains("Case=Acc", StringComparison.Ordinal);
                if (upos == "PRON" && isCase && Enclitics.Contains(form) && pending.Count == 0 && last is not null && last.Count > 0 && IsArabicWord(last[^1].Text))
                {
                    // Pronoun clitic: attach to the previous token, fixing the host's final letter.
                    var host = last[^1];
                    if (host.Text.EndsWith('ة')) last[^1] = host with { Text = host.Text[..^1] + "ت" };
                    else if (host.Text.EndsWith('ى')) last[^1] = host with { Text = host.Text[..^1] + "ي" };
                    last.Add(new TrainingWord(form, upos, lemma, false, false));
                    tokens[^1] = new TrainingToken(last.ToArray(), lastPrefix, last.Count - lastPrefix >= 2 ? form.Length : 0);
                    last = null;
                    continue;
                }

                if (Proclitics.Contains(form) && upos is "CCONJ" or "SCONJ" or "ADP" or "PART" or "AUX")
                {
                    pending.Add(new TrainingWord(form, upos, lemma, false, false));
                    pendingPrefix++;
                    continue;
                }

                var elided = pending.Count > 0 && pending[^1].Text == "ل" && form.Length > 3 && form.StartsWith("ال", StringComparison.Ordinal);
                var text = elided ? form[1..] : form;
                pending.Add(new TrainingWord(text, upos, lemma, definite || elided, elided));
                tokens.Add(new TrainingToken(pending.ToArray(), pendingPrefix, 0) { Unanalysed = word.Upos == "X" && word.Xpos.StartsWith('U') });
                last = IsArabicWord(text) ? [.. pending] : null;
                lastPrefix = pendingPrefix;
                pending.Clear();
                pendingPrefix = 0;
            }

            foreach (var w in pending) tokens.Add(new TrainingToken([w], 0, 0));
            if (tokens.Count > 0) result.Add(tokens);
        }

        return result;
    }

    /// <summary>
    /// Reads a file whose tokens are surface-faithful (PUD): words joined by SpaceAfter=No between Arabic letters
    /// form one surface token; its leading one-letter proclitics and a trailing pronoun become the segmentation.
    /// </summary>
    public static List<List<TrainingToken>> ReadSurface(IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<List<TrainingToken>>();
        foreach (var sentence in UdConventions.MergeClitics(sentences))
        {
            var tokens = new List<TrainingToken>();
            foreach (var token in sentence.Tokens)
            {
                var words = token.Words.Select(w =>
                {
                    var form = CliticSegmenter.Strip(w.Form);
                    return new TrainingWord(form, w.Upos, CliticSegmenter.Strip(w.Lemma), w.Feats.Contains("Definite=Def", StringComparison.Ordinal), false);
                }).ToList();
                var prefix = 0;
                while (prefix < words.Count - 1 && words[prefix].Text.Length == 1 && Proclitics.Contains(words[prefix].Text)) prefix++;
                var suffix = words.Count - prefix >= 2 && words[^1].Upos == "PRON" ? words[^1].Text.Length : 0;
                if (words.Count > prefix + 1 + (suffix > 0 ? 1 : 0))
                {
                    suffix = 0;
                    prefix = -1; // not a proclitic+host+enclitic shape: keep for tagging, skip for segmentation
                }

                for (var i = 0; i < words.Count; i++)
                {
                    if (i > 0 && words[i - 1].Text == "ل" && words[i].Definite && words[i].Text.StartsWith('ل') && !words[i].Text.StartsWith("ال", StringComparison.Ordinal))
                    {
                        words[i] = words[i] with { ElidedArticle = true };
                    }
                }

                tokens.Add(new TrainingToken(words, prefix, suffix));
            }

            result.Add(tokens);
        }

        return result;
    }

    private static bool IsArabicWord(string s) => s.Length > 0 && s.All(c => c >= '\u0621' && c <= '\u064A');

    /// <summary>The most frequent mapped UPOS of each undiacritized form among the analysed words of a file.</summary>
    private static Dictionary<string, string> UsualTags(List<ConlluSentence> file)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var word in file.SelectMany(s => s.Words))
        {
            if (word.Upos == "X") continue;
            var form = CliticSegmenter.Strip(word.Form);
            var upos = MapUpos(word, form, null);
            if (!counts.TryGetValue(form, out var d)) counts[form] = d = new Dictionary<string, int>(StringComparer.Ordinal);
            d[upos] = d.GetValueOrDefault(upos) + 1;
        }

        return counts.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
    }

    private static string MapUpos(ConlluWord word, string form, Dictionary<string, string>? usual)
    {
        var lemma = CliticSegmenter.Strip(word.Lemma);
        return word.Upos switch
        {
            "CONJ" => Subordinators.Contains(form) ? "SCONJ" : "CCONJ",
            "VERB" when lemma == "كان" => "AUX",
            "DET" => "PRON",
            "NOUN" when Quantifiers.Contains(lemma) => "DET",
            "NOUN" or "ADJ" when IsAdverbialAccusative(word) => "ADV",
            "NOUN" when IsProperGloss(word.Misc) && !word.Lemma.EndsWith("\u064A\u0651", StringComparison.Ordinal) => "PROPN",
            "X" when word.Xpos.StartsWith('U') && usual is not null && usual.TryGetValue(form, out var known) => known,
            "X" when (word.Xpos.StartsWith('U') || word.Xpos.StartsWith('X')) && form.Length > 0 && IsArabicWord(form) => "PROPN",
            "X" => Unknown,
            _ => word.Upos,
        };
    }

    /// <summary>An indefinite accusative with tanwin fath attached as advmod (حاليا, مؤخرا, سنويا): an adverb in UD v2.</summary>
    private static bool IsAdverbialAccusative(ConlluWord word) =>
        word.Deprel == "advmod" && word.Feats.Contains("Case=Acc", StringComparison.Ordinal) && word.Feats.Contains("Definite=Ind", StringComparison.Ordinal)
        && word.Form.AsSpan(Math.Max(0, word.Form.Length - 3)).Contains('\u064B');

    /// <summary>True when every alternative of the MISC Gloss starts with a capital letter (Egypt; Saudi_Arabia).</summary>
    private static bool IsProperGloss(string misc)
    {
        var at = misc.IndexOf("Gloss=", StringComparison.Ordinal);
        if (at < 0) return false;
        var gloss = misc.AsSpan(at + 6);
        var bar = gloss.IndexOf('|');
        if (bar >= 0) gloss = gloss[..bar];
        if (gloss.IsEmpty) return false;
        foreach (var range in gloss.Split(','))
        {
            var alt = gloss[range].TrimStart('_');
            if (alt.IsEmpty || !char.IsUpper(alt[0])) return false;
        }

        return true;
    }
}
