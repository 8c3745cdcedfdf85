using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace Rasid.Storage;

/// <summary>
/// Normalisation used only for near-duplicate signatures (not for offsets or display): removes diacritics
/// and tatweel, maps alef variants (أ إ آ ٱ) to bare alef (ا), alef maqsura (ى) to ya (ي), ta marbuta (ة) to
/// ha (ه), hamza seats (ؤ ئ) to hamza (ء), Arabic-Indic digits to ASCII, Latin to lower case, and splits
/// into words of letters and digits.
/// </summary>
internal static class DedupNormalizer
{
    private const char Alef = '\u0627';           // ا
    private const char AlefMadda = '\u0622';      // آ
    private const char AlefHamzaAbove = '\u0623'; // أ
    private const char AlefHamzaBelow = '\u0625'; // إ
    private const char AlefWasla = '\u0671';      // ٱ
    private const char AlefMaqsura = '\u0649';    // ى
    private const char Ya = '\u064A';             // ي
    private const char FarsiYa = '\u06CC';        // ی
    private const char TaMarbuta = '\u0629';      // ة
    private const char Ha = '\u0647';             // ه
    private const char WawHamza = '\u0624';       // ؤ
    private const char YaHamza = '\u0626';        // ئ
    private const char Hamza = '\u0621';          // ء
    private const char Tatweel = '\u0640';        // ـ
    private const char Kaf = '\u0643';            // ك
    private const char Keheh = '\u06A9';          // ک

    /// <summary>The normalised words of <paramref name="text"/>.</summary>
    public static List<string> Words(string text)
    {
        var sink = new StringSink(new List<string>(text.Length / 5), new StringBuilder(24));
        Scan(text, ref sink);
        return sink.Words;
    }

    /// <summary>Receives the words of a text from <see cref="Scan"/>, one kept character at a time.</summary>
    internal interface IWordSink
    {
        /// <summary>The next normalised character of the current word.</summary>
        void Add(char c);

        /// <summary>The current word ended.</summary>
        void End();
    }

    /// <summary>
    /// The one word-splitting rule of near-duplicate detection: characters mapped by <see cref="Map"/> (dropped ones
    /// skipped), words are runs of letters and digits. A struct sink is called directly (no delegate, no string).
    /// </summary>
    internal static void Scan<TSink>(string text, ref TSink sink)
        where TSink : struct, IWordSink
    {
        var inWord = false;
        foreach (var raw in text)
        {
            var c = Map(raw);
            if (c == '\0') continue; // dropped (diacritic, tatweel)
            if (char.IsLetterOrDigit(c))
            {
                sink.Add(c);
                inWord = true;
            }
            else if (inWord)
            {
                sink.End();
                inWord = false;
            }
        }

        if (inWord) sink.End();
    }

    private struct StringSink(List<string> words, StringBuilder current) : IWordSink
    {
        public readonly List<string> Words => words;

        public readonly void Add(char c) => current.Append(c);

        public readonly void End()
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>Maps one character; '\0' drops it.</summary>
    internal static char Map(char c)
    {
        if (c is >= '\u064B' and <= '\u0652' or '\u0670' or Tatweel) return '\0'; // harakat, superscript alef, tatweel
        return c switch
        {
            AlefMadda or AlefHamzaAbove or AlefHamzaBelow or AlefWasla => Alef,
            AlefMaqsura or FarsiYa => Ya,
            TaMarbuta => Ha,
            WawHamza or YaHamza => Hamza,
            Keheh => Kaf,
            >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
            >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
            _ => char.ToLowerInvariant(c),
        };
    }
}

/// <summary>A MinHash signature of a text's word shingles, with the number of distinct shingles.</summary>
/// <param name="Values">One minimum per hash function.</param>
/// <param name="ShingleCount">Distinct shingles in the text (for containment estimates).</param>
public sealed record MinHashSignature(uint[] Values, int ShingleCount)
{
    /// <summary>Estimated Jaccard similarity of the two shingle sets (share of equal minima).</summary>
    public double Jaccard(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var n = Math.Min(Values.Length, other.Values.Length);
        if (n == 0) return 0;
        var equal = 0;
        for (var i = 0; i < n; i++)
        {
            if (Values[i] == other.Values[i]) equal++;
        }

        return (double)equal / n;
    }

    /// <summary>
    /// Estimated share of the smaller text's shingles found in the larger one (containment), from the Jaccard
    /// estimate and the set sizes: |A∩B| = J(|A|+|B|)/(1+J). High for truncated copies and copies with added
    /// boilerplate, whose Jaccard is lowered by the size difference.
    /// </summary>
    public double Containment(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var j = Jaccard(other);
        var smaller = Math.Min(ShingleCount, other.ShingleCount);
        if (smaller == 0) return 0;
        var intersection = j * (ShingleCount + other.ShingleCount) / (1 + j);
        return Math.Min(1.0, intersection / smaller);
    }

    /// <summary>The values as little-endian bytes (storage form).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Values.Length * 4];
        for (var i = 0; i < Values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), Values[i]);
        return bytes;
    }

    /// <summary>Reads the storage form.</summary>
    public static MinHashSignature FromBytes(ReadOnlySpan<byte> bytes, int shingleCount)
    {
        var values = new uint[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        return new MinHashSignature(values, shingleCount);
    }
}

/// <summary>Options of near-duplicate detection. The defaults are the values measured by <c>rasid eval dedup</c> (docs/corpus.md).</summary>
public sealed record DedupOptions
{
    /// <summary>The defaults.</summary>
    public static DedupOptions Default { get; } = new();

    /// <summary>Words per shingle.</summary>
    public int ShingleWords { get; init; } = 3;

    /// <summary>LSH bands; <see cref="Bands"/> × <see cref="RowsPerBand"/> hash functions.</summary>
    public int Bands { get; init; } = 42;

    /// <summary>Rows (hash values) per LSH band.</summary>
    public int RowsPerBand { get; init; } = 3;

    /// <summary>Two texts are near-duplicates when the estimated containment of the smaller in the larger reaches this.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Texts with fewer distinct shingles get no signature (too short to compare reliably).</summary>
    public int MinShingles { get; init; } = 8;

    /// <summary>Number of hash functions.</summary>
    public int HashCount => Bands * RowsPerBand;
}

/// <summary>Computes MinHash signatures and LSH band keys; immutable and thread-safe.</summary>
public sealed class MinHasher
{
    private readonly ulong[] _seeds;

    /// <summary>Creates a hasher for <paramref name="options"/>.</summary>
    public MinHasher(DedupOptions? options = null)
    {
        Options = options ?? DedupOptions.Default;
        _seeds = new ulong[Options.HashCount];
        var state = 0x5EED_0F_4A5_1Dul;
        for (var i = 0; i < _seeds.Length; i++) _seeds[i] = SplitMix(ref state);
    }

    /// <summary>The options.</summary>
    public DedupOptions Options { get; }

    /// <summary>Version string stored with signatures; a change means signatures must be recomputed.</summary>
    public string Version => $"minhash/1 k={Options.ShingleWords} b={Options.Bands} r={Options.RowsPerBand}";

    /// <summary>The signature of <paramref name="text"/>, or null when it has too few shingles.</summary>
    public MinHashSignature? Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var k = Options.ShingleWords;
        var pooled = ArrayPool<ulong>.Shared.Rent(text.Length / 2 + 1);
        try
        {
            var wordCount = WordHashes(text, pooled);
            if (wordCount < k) return null;
            var wordHashes = pooled.AsSpan(0, wordCount);
            var shingles = new HashSet<ulong>(wordCount - k + 1);
            for (var i = 0; i + k <= wordCount; i++)
            {
                var h = 0xcbf29ce484222325ul;
                for (var j = 0; j < k; j++) h = Mix(h ^ wordHashes[i + j]);
                shingles.Add(h);
            }

            if (shingles.Count < Options.MinShingles) return null;
            // The word hashes are no longer needed: their buffer holds the distinct shingles.
            var distinct = pooled.AsSpan(0, shingles.Count);
            shingles.CopyTo(pooled);
            return new MinHashSignature(Minima(distinct), shingles.Count);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(pooled);
        }
    }

    /// <summary>FNV-1a hashes of the words of <paramref name="text"/> (the values of hashing the strings of <see cref="DedupNormalizer.Words"/>), without making the strings.</summary>
    private static int WordHashes(string text, ulong[] hashes)
    {
        var sink = new HashSink(hashes);
        DedupNormalizer.Scan(text, ref sink);
        return sink.Count;
    }

    private struct HashSink(ulong[] hashes) : DedupNormalizer.IWordSink
    {
        private const ulong Offset = 0xcbf29ce484222325ul;
        private ulong _hash = Offset;

        public int Count { get; private set; }

        public void Add(char c) => _hash = (_hash ^ c) * 0x100000001b3ul;

        public void End()
        {
            hashes[Count++] = _hash;
            _hash = Offset;
        }
    }

    /// <summary>For each hash function (seed), the least high half of the mixed shingles; vectorised across seeds.</summary>
    private uint[] Minima(ReadOnlySpan<ulong> shingles)
    {
        var mins = new uint[_seeds.Length];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<ulong>.Count <= _seeds.Length; i += Vector256<ulong>.Count)
            {
                var seeds = Vector256.Create<ulong>(_seeds.AsSpan(i));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (var s in shingles) min = Vector256.Min(min, Vector256.ShiftRightLogical(Mix(Vector256.Create(s) ^ seeds), 32));
                for (var j = 0; j < Vector256<ulong>.Count; j++) mins[i + j] = (uint)min[j];
            }
        }

        for (; i < _seeds.Length; i++)
        {
            var min = uint.MaxValue;
            foreach (var s in shingles)
            {
                var v = (uint)(Mix(s ^ _seeds[i]) >> 32);
                if (v < min) min = v;
            }

            mins[i] = min;
        }

        return mins;
    }

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xbf58476d1ce4e5b9ul);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94d049bb133111ebul);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>One key per band (the band index is mixed in, so keys of different bands never collide by design).</summary>
    public long[] BandKeys(MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var keys = new long[Options.Bands];
        for (var b = 0; b < Options.Bands; b++)
        {
            var h = Mix((ulong)(b + 1) * 0x9E3779B97F4A7C15ul);
            for (var r = 0; r < Options.RowsPerBand; r++) h = Mix(h ^ signature.Values[b * Options.RowsPerBand + r]);
            keys[b] = (long)h;
        }

        return keys;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ul;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebul;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15ul;
        return Mix(state);
    }
}

/// <summary>Content hashes identifying input articles.</summary>
public static class ContentHashes
{
    /// <summary>
    /// SHA-256 (hex) over the text (line endings normalised), URL and title: re-reading the same article gives the
    /// same hash; the same wire text under another URL is another article (and joins the same story cluster).
    /// </summary>
    public static string Of(string text, string? url, string? title)
    {
        ArgumentNullException.ThrowIfNull(text);
        var joined = string.Concat(text.ReplaceLineEndings("\n").Trim(), "\u0001", url ?? "", "\u0001", title ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }
}
