namespace Rasid.Nlp.Evaluation;

/// <summary>Precision, recall and F1 of one metric, with the counts behind them.</summary>
/// <param name="Name">Metric name: Tokens, Sentences, Words, UPOS, Lemmas.</param>
/// <param name="Correct">Correct system items.</param>
/// <param name="SystemTotal">System items.</param>
/// <param name="GoldTotal">Gold items.</param>
/// <param name="Aligned">Aligned words (for UPOS/Lemmas: the base of <see cref="AlignedAccuracy"/>).</param>
public sealed record UdMetric(string Name, int Correct, int SystemTotal, int GoldTotal, int Aligned)
{
    /// <summary>Correct / system items.</summary>
    public double Precision => SystemTotal == 0 ? 0 : (double)Correct / SystemTotal;

    /// <summary>Correct / gold items.</summary>
    public double Recall => GoldTotal == 0 ? 0 : (double)Correct / GoldTotal;

    /// <summary>Harmonic mean of precision and recall: 2·correct / (system + gold).</summary>
    public double F1 => SystemTotal + GoldTotal == 0 ? 0 : 2.0 * Correct / (SystemTotal + GoldTotal);

    /// <summary>Correct / aligned words (the CoNLL 2018 "AligndAcc").</summary>
    public double AlignedAccuracy => Aligned == 0 ? 0 : (double)Correct / Aligned;
}

/// <summary>
/// The CoNLL 2018 shared task metrics (a port of the official <c>conll18_ud_eval.py</c>): gold and system
/// files are aligned on their non-whitespace characters; tokens and sentences are correct when their
/// character spans match; words are aligned by span, and inside multi-word tokens by the longest common
/// subsequence of their (lower-cased) forms; UPOS and Lemmas count aligned words with equal values.
/// </summary>
public static class UdScorer
{
    /// <summary>How lemmas are compared.</summary>
    /// <param name="left">Gold lemma.</param>
    /// <param name="right">System lemma.</param>
    public delegate bool LemmaComparer(string left, string right);

    /// <summary>Scores <paramref name="system"/> against <paramref name="gold"/>.</summary>
    /// <param name="gold">Gold sentences.</param>
    /// <param name="system">System sentences over the same characters.</param>
    /// <param name="lemmaEquals">Lemma comparison (default: ordinal equality, with gold "_" matching anything, as the official script does).</param>
    /// <exception cref="InvalidOperationException">When the two sides' characters differ (message names the first difference).</exception>
    public static IReadOnlyList<UdMetric> Score(IReadOnlyList<ConlluSentence> gold, IReadOnlyList<ConlluSentence> system, LemmaComparer? lemmaEquals = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        var g = Representation.Build(gold);
        var s = Representation.Build(system);
        var index = FirstDifference(g.Characters, s.Characters);
        if (index >= 0)
        {
            static string Around(string x, int i) => x.Substring(Math.Max(0, i - 20), Math.Min(x.Length, i + 20) - Math.Max(0, i - 20));
            throw new InvalidOperationException(
                $"gold and system characters differ at character {index} (gold '…{Around(g.Characters, index)}…', system '…{Around(s.Characters, index)}…')");
        }

        lemmaEquals ??= (a, b) => a == "_" || a == b;
        var metrics = new List<UdMetric>
        {
            SpanScore("Tokens", g.Tokens, s.Tokens),
            SpanScore("Sentences", g.Sentences, s.Sentences),
        };
        var alignment = AlignWords(g.Words, s.Words);
        var aligned = alignment.Count;
        metrics.Add(new UdMetric("Words", aligned, s.Words.Count, g.Words.Count, aligned));
        metrics.Add(new UdMetric("UPOS", alignment.Count(p => p.Gold.Upos == p.System.Upos), s.Words.Count, g.Words.Count, aligned));
        metrics.Add(new UdMetric("Lemmas", alignment.Count(p => lemmaEquals(p.Gold.Lemma, p.System.Lemma)), s.Words.Count, g.Words.Count, aligned));
        return metrics;
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i]) return i;
        }

        return a.Length == b.Length ? -1 : n;
    }

    private static UdMetric SpanScore(string name, List<(int Start, int End)> gold, List<(int Start, int End)> system)
    {
        int correct = 0, gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (system[si].Start < gold[gi].Start) si++;
            else if (gold[gi].Start < system[si].Start) gi++;
            else
            {
                if (gold[gi].End == system[si].End) correct++;
                gi++;
                si++;
            }
        }

        return new UdMetric(name, correct, system.Count, gold.Count, 0);
    }

    private sealed record UdWord(int Start, int End, bool IsMultiword, string Form, string Upos, string Lemma);

    private sealed class Representation
    {
        public string Characters { get; private set; } = "";
        public List<(int Start, int End)> Tokens { get; } = [];
        public List<(int Start, int End)> Sentences { get; } = [];
        public List<UdWord> Words { get; } = [];

        public static Representation Build(IReadOnlyList<ConlluSentence> sentences)
        {
            var r = new Representation();
            var chars = new System.Text.StringBuilder();
            foreach (var sentence in sentences)
            {
                var sentenceStart = chars.Length;
                foreach (var token in sentence.Tokens)
                {
                    var start = chars.Length;
                    foreach (var c in token.Form)
                    {
                        if (!char.IsWhiteSpace(c)) chars.Append(c);
                    }

                    var end = chars.Length;
                    if (end == start) continue;
                    r.Tokens.Add((start, end));
                    foreach (var word in token.Words)
                    {
                        r.Words.Add(new UdWord(start, end, token.IsMultiword, word.Form, word.Upos, word.Lemma));
                    }
                }

                if (chars.Length > sentenceStart) r.Sentences.Add((sentenceStart, chars.Length));
            }

            r.Characters = chars.ToString();
            return r;
        }
    }

    private static List<(UdWord Gold, UdWord System)> AlignWords(List<UdWord> gold, List<UdWord> system)
    {
        var result = new List<(UdWord, UdWord)>();
        int gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (gold[gi].IsMultiword || system[si].IsMultiword)
            {
                var (gs, ss) = FindMultiwordSpan(gold, system, ref gi, ref si);
                if (si > ss && gi > gs)
                {
                    var lcs = ComputeLcs(gold, system, gi, si, gs, ss);
                    int s = 0, g = 0;
                    while (g < gi - gs && s < si - ss)
                    {
                        if (FormEquals(gold[gs + g], system[ss + s]))
                        {
                            result.Add((gold[gs + g], system[ss + s]));
                            g++;
                            s++;
                        }
                        else if (lcs[g, s] == (g + 1 < gi - gs ? lcs[g + 1, s] : 0)) g++;
                        else s++;
                    }
                }
            }
            else if (gold[gi].Start == system[si].Start && gold[gi].End == system[si].End)
            {
                result.Add((gold[gi], system[si]));
                gi++;
                si++;
            }
            else if (gold[gi].Start <= system[si].Start) gi++;
            else si++;
        }

        return result;
    }

    private static bool FormEquals(UdWord a, UdWord b) => string.Equals(a.Form.ToLowerInvariant(), b.Form.ToLowerInvariant(), StringComparison.Ordinal);

    private static (int Gs, int Ss) FindMultiwordSpan(List<UdWord> gold, List<UdWord> system, ref int gi, ref int si)
    {
        int end;
        if (gold[gi].IsMultiword)
        {
            end = gold[gi].End;
            if (!system[si].IsMultiword && system[si].Start < gold[gi].Start) si++;
        }
        else
        {
            end = system[si].End;
            if (!gold[gi].IsMultiword && gold[gi].Start < system[si].Start) gi++;
        }

        var gs = gi;
        var ss = si;
        while (!BeyondEnd(gold, gi, end) || !BeyondEnd(system, si, end))
        {
            if (gi < gold.Count && (si >= system.Count || gold[gi].Start <= system[si].Start))
            {
                end = ExtendEnd(gold[gi], end);
                gi++;
            }
            else
            {
                end = ExtendEnd(system[si], end);
                si++;
            }
        }

        return (gs, ss);
    }

    private static bool BeyondEnd(List<UdWord> words, int i, int end)
    {
        if (i >= words.Count) return true;
        return words[i].IsMultiword ? words[i].Start >= end : words[i].End > end;
    }

    private static int ExtendEnd(UdWord word, int end) => word.IsMultiword && word.End > end ? word.End : end;

    private static int[,] ComputeLcs(List<UdWord> gold, List<UdWord> system, int gi, int si, int gs, int ss)
    {
        var n = gi - gs;
        var m = si - ss;
        var lcs = new int[n, m];
        for (var g = n - 1; g >= 0; g--)
        {
            for (var s = m - 1; s >= 0; s--)
            {
                if (FormEquals(gold[gs + g], system[ss + s])) lcs[g, s] = 1 + (g + 1 < n && s + 1 < m ? lcs[g + 1, s + 1] : 0);
                lcs[g, s] = Math.Max(lcs[g, s], g + 1 < n ? lcs[g + 1, s] : 0);
                lcs[g, s] = Math.Max(lcs[g, s], s + 1 < m ? lcs[g, s + 1] : 0);
            }
        }

        return lcs;
    }
}
