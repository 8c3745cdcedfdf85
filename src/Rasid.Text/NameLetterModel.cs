using System.Globalization;

namespace Rasid.Text;

/// <summary>
/// How much a string of Arabic letters looks like a proper name (most often a transliterated foreign one: سيغال,
/// وينستون, ناغازاكي) rather than an ordinary word: the mean, over its letter trigrams (with word boundaries), of
/// log P(trigram | names) − log P(trigram | words). Built from a proper-noun lexicon and the raw-news word list; a
/// segmenter feature against reading the first letters of a name as a proclitic.
/// </summary>
internal sealed class NameLetterModel
{
    private const char Start = '^';
    private const char End = '$';
    private const float Smoothing = 0.5f;
    private const int Alphabet = 40;

    private readonly WeightTable _table;

    public NameLetterModel(IReadOnlyDictionary<ulong, float> logRatios)
    {
        LogRatios = logRatios;
        _table = new WeightTable(logRatios);
    }

    /// <summary>The stored trigram log-ratios (key: three UTF-16 code units).</summary>
    public IReadOnlyDictionary<ulong, float> LogRatios { get; }

    /// <summary>Builds the model from name words and ordinary words (word types: each counts once).</summary>
    /// <param name="names">Proper-noun lexicon words.</param>
    /// <param name="words">Ordinary words (words that are also names are skipped).</param>
    /// <param name="minCount">Trigrams seen fewer times in both lists together are left out (ratio 0).</param>
    public static NameLetterModel Build(IEnumerable<string> names, IEnumerable<string> words, int minCount = 3)
    {
        var nameSet = names.Where(IsLetters).ToHashSet(StringComparer.Ordinal);
        var (nameTri, nameCtx) = Count(nameSet);
        var (wordTri, wordCtx) = Count(words.Where(w => IsLetters(w) && !nameSet.Contains(w)));
        var ratios = new Dictionary<ulong, float>();
        foreach (var key in nameTri.Keys.Union(wordTri.Keys))
        {
            var n = nameTri.GetValueOrDefault(key);
            var w = wordTri.GetValueOrDefault(key);
            if (n + w < minCount) continue;
            var ctx = key >> 16;
            var ratio = Math.Log((n + Smoothing) / (nameCtx.GetValueOrDefault(ctx) + Smoothing * Alphabet)) -
                        Math.Log((w + Smoothing) / (wordCtx.GetValueOrDefault(ctx) + Smoothing * Alphabet));
            var rounded = MathF.Round((float)ratio, 2);
            if (rounded != 0) ratios[key] = rounded;
        }

        return new NameLetterModel(ratios);
    }

    /// <summary>Mean trigram log-ratio of <paramref name="letters"/> between word boundaries (positive: name-like).</summary>
    public float Score(ReadOnlySpan<char> letters)
    {
        if (letters.Length == 0) return 0;
        var sum = 0f;
        var a = Start;
        var b = letters[0];
        for (var i = 1; i <= letters.Length; i++)
        {
            var c = i < letters.Length ? letters[i] : End;
            sum += _table.Get(Key(a, b, c));
            a = b;
            b = c;
        }

        return sum / letters.Length;
    }

    /// <summary>The score in a few buckets, for hashed features.</summary>
    public static char Bucket(float score) => (char)('e' + Math.Clamp((int)MathF.Round(score), -4, 4));

    /// <summary>The model file record of one trigram.</summary>
    public static string Record(ulong key, float ratio) => string.Create(CultureInfo.InvariantCulture, $"L\t{key:x}\t{ratio:0.##}");

    private static ulong Key(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;

    private static (Dictionary<ulong, int> Trigrams, Dictionary<ulong, int> Contexts) Count(IEnumerable<string> words)
    {
        var tri = new Dictionary<ulong, int>();
        var ctx = new Dictionary<ulong, int>();
        foreach (var word in words)
        {
            var a = Start;
            var b = word[0];
            for (var i = 1; i <= word.Length; i++)
            {
                var c = i < word.Length ? word[i] : End;
                var key = Key(a, b, c);
                tri[key] = tri.GetValueOrDefault(key) + 1;
                ctx[key >> 16] = ctx.GetValueOrDefault(key >> 16) + 1;
                a = b;
                b = c;
            }
        }

        return (tri, ctx);
    }

    private static bool IsLetters(string s) => s.Length >= 2 && s.All(ArabicChars.IsArabicLetter);
}
