using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Rasid.Core;

namespace Rasid.Text;

/// <summary>
/// Arabic orthographic normalizer with named, switchable <see cref="NormalizationSteps"/> and an exact
/// <see cref="OffsetMap"/> back to the original text. Two profiles: <see cref="Search"/> (every step, for matching,
/// indexing, gazetteer look-up) and <see cref="Display"/> (keeps letters and diacritics; removes only tatweel and
/// invisible controls, fixes odd hamza sequences, maps presentation forms). One pass over the characters with a
/// switch on named code points, in the spirit of Lucene's ArabicNormalizer; the span overloads allocate nothing.
/// The document keeps its original text: components normalize internally and map results back with the offset map.
/// Immutable and thread-safe.
/// </summary>
/// <example><code>
/// var n = Normalizer.Search.Normalize("أعلنَ الرئيسُ");   // n.Text == "اعلن الرييس"
/// TextRange original = n.ToOriginal(new TextRange(5, 6)); // [6,13): "الرئيسُ"
/// </code></example>
public sealed class Normalizer
{
    /// <summary>The most characters one source character can become (U+FDFA, a phrase ligature, becomes 18).</summary>
    public const int MaxExpansion = 18;

    private const char Alef = '\u0627';
    private const char AlefHamzaAbove = '\u0623';
    private const char AlefHamzaBelow = '\u0625';
    private const char AlefMadda = '\u0622';
    private const char AlefWasla = '\u0671';
    private const char WawHamza = '\u0624';
    private const char YaHamza = '\u0626';
    private const char Waw = '\u0648';
    private const char Ya = '\u064A';
    private const char AlefMaqsuraChar = '\u0649';
    private const char TaMarbutaChar = '\u0629';
    private const char Ha = '\u0647';
    private const char TanweenKasra = '\u064D';
    private const char MaddaAbove = '\u0653';
    private const char HamzaAbove = '\u0654';
    private const char HamzaBelow = '\u0655';
    private const int ArabicBlockStart = 0x0600;
    private const int ArabicBlockSize = 0x100;
    private const int PresentationFirst = 0xFB50;

    /// <summary>Transform result: delete the character and attach its origin to the previous character (marks, tatweel).</summary>
    private const int Attach = -1;

    /// <summary>Transform result: delete the character (controls).</summary>
    private const int Drop = -2;
    private const int PresentationLast = 0xFEFF;

    private static readonly PresentationTable Table = PresentationTable.Load();

    private readonly NormalizationSteps _steps;
    private readonly int[] _arabic = new int[ArabicBlockSize]; // Transform() of U+0600..U+06FF, precomputed

    /// <summary>Creates a normalizer running exactly <paramref name="steps"/>.</summary>
    public Normalizer(NormalizationSteps steps)
    {
        _steps = steps & NormalizationSteps.All;
        Name = _steps switch
        {
            NormalizationSteps.All => "search",
            NormalizationSteps.Display => "display",
            _ => "custom-" + ((int)_steps).ToString("x", CultureInfo.InvariantCulture),
        };
        for (var k = 0; k < ArabicBlockSize; k++) _arabic[k] = Transform((char)(ArabicBlockStart + k));
    }

    /// <summary>Search profile: every step (diacritics removed, alef/ya/ta marbuta/hamza unified, digits to ASCII).</summary>
    public static Normalizer Search { get; } = new(NormalizationSteps.All);

    /// <summary>Display profile: letters and diacritics kept; tatweel and controls removed, odd sequences fixed, presentation forms mapped.</summary>
    public static Normalizer Display { get; } = new(NormalizationSteps.Display);

    /// <summary>The steps this normalizer runs.</summary>
    public NormalizationSteps Steps => _steps;

    /// <summary>Profile name: <c>search</c>, <c>display</c> or <c>custom-&lt;hex flags&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>Version of the presentation-form table (the only data file the normalizer reads).</summary>
    public static string Version => Table.Version;

    /// <summary>Component id with profile and version, used as evidence.</summary>
    public string Id => "normalizer." + Name + "/" + Version;

    /// <summary>A normalizer with <paramref name="steps"/> added to this one's.</summary>
    public Normalizer With(NormalizationSteps steps) => new(_steps | steps);

    /// <summary>A normalizer with <paramref name="steps"/> removed from this one's.</summary>
    public Normalizer Without(NormalizationSteps steps) => new(_steps & ~steps);

    /// <summary>A destination size that is always large enough for a source of <paramref name="sourceLength"/> characters.</summary>
    public static int GetMaxNormalizedLength(int sourceLength) => checked(sourceLength * MaxExpansion);

    /// <summary>Normalizes <paramref name="text"/> and keeps the map back to it.</summary>
    public NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(text, new TextRange(0, text.Length));
    }

    /// <summary>Normalizes the part <paramref name="range"/> of <paramref name="text"/>; the map points into the whole <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the range is outside the text.</exception>
    public NormalizedText Normalize(string text, TextRange range)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (range.End > text.Length) throw new ArgumentOutOfRangeException(nameof(range), $"range {range} is outside a text of length {text.Length}");
        var source = text.AsSpan(range.Start, range.Length);
        var capacity = source.Length + 16;
        while (true)
        {
            var chars = ArrayPool<char>.Shared.Rent(capacity);
            var starts = ArrayPool<int>.Shared.Rent(capacity);
            var ends = ArrayPool<int>.Shared.Rent(capacity);
            try
            {
                var n = Normalize(source, chars.AsSpan(0, capacity), starts.AsSpan(0, capacity), ends.AsSpan(0, capacity));
                if (n >= 0)
                {
                    var map = OffsetMap.FromOrigins(starts.AsSpan(0, n), ends.AsSpan(0, n), range);
                    return new NormalizedText(text, new string(chars, 0, n), map);
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
                ArrayPool<int>.Shared.Return(starts);
                ArrayPool<int>.Shared.Return(ends);
            }

            capacity = GetMaxNormalizedLength(source.Length);
        }
    }

    /// <summary>The normalized text only (no offset map).</summary>
    public string NormalizeToString(ReadOnlySpan<char> source)
    {
        var capacity = source.Length + 16;
        while (true)
        {
            var chars = ArrayPool<char>.Shared.Rent(capacity);
            try
            {
                var n = Normalize(source, chars.AsSpan(0, capacity));
                if (n >= 0) return new string(chars, 0, n);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }

            capacity = GetMaxNormalizedLength(source.Length);
        }
    }

    /// <summary>
    /// Normalizes <paramref name="source"/> into <paramref name="destination"/> without allocating.
    /// </summary>
    /// <returns>The number of characters written, or -1 when <paramref name="destination"/> is too small
    /// (<see cref="GetMaxNormalizedLength"/> is always enough; <c>source.Length + 16</c> almost always is).</returns>
    public int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        var writer = new Writer(destination, default, default, track: false);
        Run(source, ref writer);
        return writer.Overflow ? -1 : writer.Count;
    }

    /// <summary>
    /// Normalizes <paramref name="source"/> into <paramref name="destination"/> without allocating, and records for
    /// every written character <c>k</c> the source range <c>[originStarts[k], originEnds[k])</c> it came from
    /// (relative to <paramref name="source"/>; see <see cref="OffsetMap"/> for the rules).
    /// </summary>
    /// <returns>The number of characters written, or -1 when a destination span is too small.</returns>
    /// <exception cref="ArgumentException">When the three destination spans differ in length.</exception>
    public int Normalize(ReadOnlySpan<char> source, Span<char> destination, Span<int> originStarts, Span<int> originEnds)
    {
        if (originStarts.Length != destination.Length || originEnds.Length != destination.Length)
        {
            throw new ArgumentException("destination, originStarts and originEnds must have the same length", nameof(originStarts));
        }

        var writer = new Writer(destination, originStarts, originEnds, track: true);
        Run(source, ref writer);
        return writer.Overflow ? -1 : writer.Count;
    }

    private void Run(ReadOnlySpan<char> s, ref Writer w)
    {
        var arabic = _arabic;
        var fix = (_steps & NormalizationSteps.FixSequences) != 0;
        var presentation = (_steps & NormalizationSteps.PresentationForms) != 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            int t;
            var end = i + 1;
            if ((uint)(c - ' ') < 0x5F || IsWhitespaceControl(c))
            {
                t = c; // printable ASCII and whitespace: unchanged by every step
            }
            else if ((uint)(c - ArabicBlockStart) < ArabicBlockSize)
            {
                if (fix && end < s.Length && (uint)(s[end] - TanweenKasra) <= HamzaBelow - TanweenKasra)
                {
                    var composed = Compose(c, s[end]);
                    if (composed != '\0')
                    {
                        c = composed;
                        end++;
                    }
                }

                t = arabic[c - ArabicBlockStart];
            }
            else if (presentation && c >= PresentationFirst && c <= PresentationLast && Table.Lookup(c) is { IsEmpty: false } replacement)
            {
                foreach (var r in replacement) w.Put(Transform(r), i, end);
                if (w.Overflow) return;
                i = end;
                continue;
            }
            else
            {
                t = Transform(c);
            }

            w.Put(t, i, end);
            if (w.Overflow) return;
            i = end;
        }
    }

    /// <summary>The composed letter for a base letter followed by a combining mark typed in its place, or '\0'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Compose(char letter, char mark) => letter switch
    {
        Alef => mark switch
        {
            HamzaAbove => AlefHamzaAbove,
            HamzaBelow or TanweenKasra => AlefHamzaBelow,
            MaddaAbove => AlefMadda,
            _ => '\0',
        },
        Waw => mark == HamzaAbove ? WawHamza : '\0',
        Ya or AlefMaqsuraChar => mark == HamzaAbove ? YaHamza : '\0',
        _ => '\0',
    };

    /// <summary>What the per-character steps make of <paramref name="c"/>: a character, <see cref="Attach"/> or <see cref="Drop"/>.</summary>
    private int Transform(char c)
    {
        var steps = _steps;
        switch (c)
        {
            case ArabicChars.Tatweel:
                return (steps & NormalizationSteps.RemoveTatweel) != 0 ? Attach : c;
            case AlefHamzaAbove or AlefHamzaBelow or AlefMadda or AlefWasla or '\u0672' or '\u0673' or '\u0675':
                return (steps & NormalizationSteps.UnifyAlef) != 0 ? Alef : c;
            case WawHamza:
                return (steps & NormalizationSteps.HamzaCarriers) != 0 ? Waw : c;
            case YaHamza:
                return (steps & NormalizationSteps.HamzaCarriers) != 0 ? Ya : c;
            case AlefMaqsuraChar:
                return (steps & NormalizationSteps.AlefMaqsura) != 0 ? Ya : c;
            case TaMarbutaChar:
                return (steps & NormalizationSteps.TaMarbuta) != 0 ? Ha : c;
            case >= '\u0660' and <= '\u0669':
                return (steps & NormalizationSteps.AsciiDigits) != 0 ? '0' + (c - '\u0660') : c;
            case >= '\u06F0' and <= '\u06F9':
                return (steps & NormalizationSteps.AsciiDigits) != 0 ? '0' + (c - '\u06F0') : c;
            default:
                if (IsDiacritic(c)) return (steps & NormalizationSteps.RemoveDiacritics) != 0 ? Attach : c;
                if (IsControl(c)) return (steps & NormalizationSteps.RemoveControls) != 0 ? Drop : c;
                return c;
        }
    }

    /// <summary>True for the marks removed by <see cref="NormalizationSteps.RemoveDiacritics"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsDiacritic(char c) =>
        (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u0610' && c <= '\u061A') ||
        (c >= '\u06D6' && c <= '\u06ED' && c is not ('\u06DD' or '\u06DE' or '\u06E9')) || (c >= '\u08D3' && c <= '\u08FF' && c != '\u08E2');

    /// <summary>True for the invisible characters removed by <see cref="NormalizationSteps.RemoveControls"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsControl(char c) =>
        c is '\u00AD' or '\u061C' or '\uFEFF' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') ||
        (c >= '\u2060' && c <= '\u2064') || (c >= '\u2066' && c <= '\u2069') || (c < ' ' && !IsWhitespaceControl(c)) || (c >= '\u007F' && c <= '\u009F' && c != '\u0085');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespaceControl(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r';

    private ref struct Writer
    {
        private readonly Span<char> _chars;
        private readonly Span<int> _starts;
        private readonly Span<int> _ends;
        private readonly bool _track;

        public Writer(Span<char> chars, Span<int> starts, Span<int> ends, bool track)
        {
            _chars = chars;
            _starts = starts;
            _ends = ends;
            _track = track;
        }

        public int Count { get; private set; }

        public bool Overflow { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Emit(char c, int start, int end)
        {
            var k = Count;
            if ((uint)k >= (uint)_chars.Length)
            {
                Overflow = true;
                return;
            }

            _chars[k] = c;
            if (_track)
            {
                _starts[k] = start;
                _ends[k] = end;
            }

            Count = k + 1;
        }

        /// <summary>Writes a <see cref="Transform"/> result: a character, an attached deletion or a dropped one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Put(int t, int start, int end)
        {
            if (t >= 0) Emit((char)t, start, end);
            else if (t == Attach) AttachTo(end);
        }

        /// <summary>A deleted mark: its source extends the previous character's origin.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void AttachTo(int end)
        {
            if (_track && Count > 0) _ends[Count - 1] = end;
        }
    }

    private sealed class PresentationTable
    {
        private readonly ushort[] _offsets; // per code point: start in _pool (+1), 0 = no entry
        private readonly byte[] _lengths;
        private readonly char[] _pool;

        private PresentationTable(ushort[] offsets, byte[] lengths, char[] pool, string version)
        {
            _offsets = offsets;
            _lengths = lengths;
            _pool = pool;
            Version = version;
        }

        public string Version { get; }

        public static PresentationTable Load()
        {
            var lines = LanguageResource.ReadLines("Ar/presentation-forms.tsv", out var version);
            var size = PresentationLast - PresentationFirst + 1;
            var offsets = new ushort[size];
            var lengths = new byte[size];
            var pool = new List<char>();
            foreach (var line in lines)
            {
                var parts = line.Split('\t');
                if (parts.Length != 2) throw new InvalidOperationException($"presentation-forms.tsv: expected 'code<TAB>replacement', got '{line}'");
                var cp = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (cp < PresentationFirst || cp > PresentationLast) throw new InvalidOperationException($"presentation-forms.tsv: U+{cp:X4} is outside the presentation-form blocks");
                var replacement = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(h => (char)int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
                if (replacement.Length is 0 or > MaxExpansion) throw new InvalidOperationException($"presentation-forms.tsv: U+{cp:X4} has {replacement.Length} replacement characters");
                offsets[cp - PresentationFirst] = checked((ushort)(pool.Count + 1));
                lengths[cp - PresentationFirst] = (byte)replacement.Length;
                pool.AddRange(replacement);
            }

            return new PresentationTable(offsets, lengths, pool.ToArray(), version);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<char> Lookup(char c)
        {
            var index = c - PresentationFirst;
            var offset = _offsets[index];
            return offset == 0 ? default : _pool.AsSpan(offset - 1, _lengths[index]);
        }
    }
}

/// <summary>A normalized text with the map back to the original it came from.</summary>
public sealed class NormalizedText
{
    internal NormalizedText(string original, string text, OffsetMap map)
    {
        Original = original;
        Text = text;
        Map = map;
    }

    /// <summary>The original text (the whole string, even when only a range of it was normalized).</summary>
    public string Original { get; }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>Map from normalized positions to original positions and back.</summary>
    public OffsetMap Map { get; }

    /// <summary>The original range that produced <paramref name="normalized"/> (a range of <see cref="Text"/>).</summary>
    public TextRange ToOriginal(TextRange normalized) => Map.ToOriginal(normalized);

    /// <summary>The original position of normalized position <paramref name="position"/> (0..Text.Length).</summary>
    public int ToOriginal(int position) => Map.ToOriginal(position);

    /// <summary>The normalized range made of the characters produced by <paramref name="original"/>.</summary>
    public TextRange FromOriginal(TextRange original) => Map.FromOriginal(original);

    /// <inheritdoc />
    public override string ToString() => Text;
}
