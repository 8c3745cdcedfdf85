using System.Globalization;

namespace Rasid.Nlp.Evaluation;

/// <summary>A syntactic word of a CoNLL-U sentence (the columns Rasid uses).</summary>
/// <param name="Form">FORM.</param>
/// <param name="Lemma">LEMMA.</param>
/// <param name="Upos">UPOS.</param>
/// <param name="Feats">FEATS.</param>
/// <param name="Xpos">XPOS.</param>
/// <param name="Misc">MISC (PADT keeps Gloss, Root and Translit there).</param>
/// <param name="Deprel">DEPREL.</param>
public sealed record ConlluWord(string Form, string Lemma, string Upos, string Feats, string Xpos = "_", string Misc = "_", string Deprel = "_");

/// <summary>A surface token: one word, or a multi-word token (range line) with its words.</summary>
/// <param name="Form">The token's surface form.</param>
/// <param name="Words">Its syntactic words (one unless the token is a multi-word token).</param>
/// <param name="SpaceAfter">False when MISC holds SpaceAfter=No.</param>
public sealed record ConlluToken(string Form, IReadOnlyList<ConlluWord> Words, bool SpaceAfter)
{
    /// <summary>True for a multi-word token (a range line such as <c>3-4</c>).</summary>
    public bool IsMultiword => Words.Count > 1;
}

/// <summary>A CoNLL-U sentence.</summary>
/// <param name="Text">The <c># text</c> comment, or null.</param>
/// <param name="NewDocument">True when a <c># newdoc</c> comment precedes it.</param>
/// <param name="NewParagraph">True when a <c># newpar</c> comment precedes it.</param>
/// <param name="Tokens">Surface tokens.</param>
/// <param name="Line">1-based line of the sentence's first line in its file.</param>
public sealed record ConlluSentence(string? Text, bool NewDocument, bool NewParagraph, IReadOnlyList<ConlluToken> Tokens, int Line)
{
    /// <summary>All syntactic words in order.</summary>
    public IEnumerable<ConlluWord> Words => Tokens.SelectMany(t => t.Words);
}

/// <summary>A malformed CoNLL-U line: the message names the file and line.</summary>
public sealed class ConlluFormatException(string message) : Exception(message);

/// <summary>
/// Reads CoNLL-U files (UD v2 format): comments, multi-word token ranges, words; empty nodes (<c>3.1</c>)
/// are skipped as in the CoNLL 2018 evaluation. Malformed lines raise <see cref="ConlluFormatException"/>
/// with <c>file:line: reason</c>.
/// </summary>
public static class ConlluReader
{
    /// <summary>Reads every sentence of a file.</summary>
    public static List<ConlluSentence> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>; <paramref name="name"/> is used in error messages.</summary>
    public static List<ConlluSentence> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConlluSentence>();
        var tokens = new List<ConlluToken>();
        string? text = null;
        bool newDoc = false, newPar = false;
        var lineNo = 0;
        var sentenceLine = 0;
        var expectedId = 1;
        int mwtEnd = 0, mwtStart = 0;
        string? mwtForm = null;
        var mwtSpaceAfter = true;
        var mwtWords = new List<ConlluWord>();

        void Fail(string reason) => throw new ConlluFormatException($"{name}:{lineNo}: {reason}");

        void Finish()
        {
            if (mwtForm is not null) Fail($"multi-word token {mwtStart}-{mwtEnd} is not followed by all its words");
            if (tokens.Count > 0) sentences.Add(new ConlluSentence(text, newDoc, newPar, tokens.ToArray(), sentenceLine));
            else if (text is not null) Fail("sentence has comments but no words");
            tokens.Clear();
            text = null;
            newDoc = newPar = false;
            expectedId = 1;
            sentenceLine = 0;
        }

        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (lineNo == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                Finish();
                continue;
            }

            if (sentenceLine == 0) sentenceLine = lineNo;
            if (line[0] == '#')
            {
                if (tokens.Count > 0) Fail("comment line inside a sentence");
                var body = line.AsSpan(1).Trim();
                if (body.StartsWith("text") && body.Length > 4 && (body[4] == ' ' || body[4] == '=') && body[4..].TrimStart().StartsWith("="))
                {
                    text = body[4..].TrimStart()[1..].Trim().ToString();
                }
                else if (body.StartsWith("newdoc")) newDoc = true;
                else if (body.StartsWith("newpar")) newPar = true;
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10) Fail($"expected 10 tab-separated columns, found {cols.Length}");
            var id = cols[0];
            if (id.Contains('.'))
            {
                if (!IsDecimalId(id)) Fail($"invalid empty-node id '{id}'");
                continue; // empty nodes are not scored
            }

            if (cols[1].Length == 0) Fail("FORM is empty");
            var spaceAfter = !cols[9].Split('|').Contains("SpaceAfter=No");
            var dash = id.IndexOf('-');
            if (dash >= 0)
            {
                if (!int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ||
                    !int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var b))
                {
                    Fail($"invalid multi-word token range '{id}'");
                }

                if (a != expectedId || b < a) Fail($"multi-word token range '{id}' does not start at word {expectedId} or is empty");
                if (mwtForm is not null) Fail($"multi-word token '{id}' inside another one");
                mwtStart = a;
                mwtEnd = b;
                mwtForm = cols[1];
                mwtSpaceAfter = spaceAfter;
                mwtWords.Clear();
                continue;
            }

            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) Fail($"invalid word id '{id}'");
            if (n != expectedId) Fail($"word id {n} out of sequence (expected {expectedId})");
            if (cols[3].Length == 0) Fail("UPOS is empty");
            if (cols[6] != "_" && !int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out _)) Fail($"invalid HEAD '{cols[6]}'");
            expectedId++;
            var word = new ConlluWord(cols[1], cols[2], cols[3], cols[5], cols[4], cols[9], cols[7]);
            if (mwtForm is not null)
            {
                mwtWords.Add(word);
                if (n == mwtEnd)
                {
                    tokens.Add(new ConlluToken(mwtForm, mwtWords.ToArray(), mwtSpaceAfter));
                    mwtForm = null;
                }
            }
            else
            {
                tokens.Add(new ConlluToken(cols[1], [word], spaceAfter));
            }
        }

        Finish();
        return sentences;
    }

    private static bool IsDecimalId(string id)
    {
        var parts = id.Split('.');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }
}

/// <summary>Writes sentences as CoNLL-U (for the official <c>conll18_ud_eval.py</c> or for inspection).</summary>
public static class ConlluWriter
{
    /// <summary>Writes <paramref name="sentences"/>; HEAD/DEPREL are left empty (<c>_</c>).</summary>
    public static void Write(TextWriter writer, IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var sentence in sentences)
        {
            if (sentence.NewDocument) writer.Write("# newdoc\n");
            if (sentence.Text is not null) writer.Write($"# text = {sentence.Text}\n");
            var id = 1;
            foreach (var token in sentence.Tokens)
            {
                var misc = token.SpaceAfter ? "_" : "SpaceAfter=No";
                if (token.IsMultiword)
                {
                    writer.Write($"{id}-{id + token.Words.Count - 1}\t{token.Form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\n");
                    foreach (var word in token.Words) writer.Write($"{id++}\t{word.Form}\t{word.Lemma}\t{word.Upos}\t_\t{word.Feats}\t_\t_\t_\t_\n");
                }
                else
                {
                    var word = token.Words[0];
                    writer.Write($"{id++}\t{word.Form}\t{word.Lemma}\t{word.Upos}\t_\t{word.Feats}\t_\t_\t_\t{misc}\n");
                }
            }

            writer.Write('\n');
        }
    }
}
