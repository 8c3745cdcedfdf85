using System.Text;

namespace Rasid.Ingest;

/// <summary>The encoding a text was decoded from.</summary>
public enum DetectedEncoding
{
    /// <summary>UTF-8 (with or without BOM).</summary>
    Utf8,
    /// <summary>UTF-16 little endian.</summary>
    Utf16LittleEndian,
    /// <summary>UTF-16 big endian.</summary>
    Utf16BigEndian,
    /// <summary>UTF-32 (with BOM).</summary>
    Utf32,
    /// <summary>Windows-1256 (Arabic), still used by some Arabic sites.</summary>
    Windows1256,
    /// <summary>ISO-8859-6 (Arabic).</summary>
    Iso88596,
}

/// <summary>
/// Decodes bytes of unknown encoding to text: BOMs first (UTF-8, UTF-16 LE/BE, UTF-32), then strict UTF-8,
/// then UTF-16 without BOM (by its NUL pattern), then the Arabic code pages Windows-1256 and ISO-8859-6
/// (whichever yields more Arabic letters). Rejects empty and binary inputs with a clear reason.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1256 = new(() => CodePages().GetEncoding(1256)!);
    private static readonly Lazy<Encoding> Iso88596 = new(() => CodePages().GetEncoding(28596)!);

    /// <summary>Decodes <paramref name="bytes"/> read from <paramref name="origin"/>.</summary>
    /// <exception cref="InputRejectedException">Empty, binary or undecodable input.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string origin) => Decode(bytes, origin, out _);

    /// <summary>Decodes <paramref name="bytes"/> and reports the encoding found.</summary>
    /// <exception cref="InputRejectedException">Empty, binary or undecodable input.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string origin, out DetectedEncoding encoding)
    {
        if (bytes.IsEmpty) throw new InputRejectedException(origin, "empty file");
        var text = DecodeCore(bytes, origin, out encoding);
        if (string.IsNullOrWhiteSpace(text)) throw new InputRejectedException(origin, "empty file (only whitespace)");
        if (LooksBinary(text)) throw new InputRejectedException(origin, "binary file (control characters), not text");
        return text;
    }

    /// <summary>
    /// Decodes an HTML or XML page: a BOM wins, then the charset declared in the first 4 KB
    /// (<c>&lt;meta charset&gt;</c>, <c>http-equiv</c> content type, or the XML declaration's encoding) when it is
    /// UTF-8, Windows-1256 or ISO-8859-6, then the same detection as <see cref="Decode(ReadOnlySpan{byte}, string)"/>.
    /// </summary>
    /// <exception cref="InputRejectedException">Empty, binary or undecodable input.</exception>
    public static string DecodeMarkup(ReadOnlySpan<byte> bytes, string origin)
    {
        if (bytes.IsEmpty) throw new InputRejectedException(origin, "empty file");
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!bom && DeclaredCharset(bytes) is { } declared)
        {
            string? text = null;
            switch (declared)
            {
                case "windows-1256" or "cp1256" or "x-cp1256":
                    text = Windows1256.Value.GetString(bytes);
                    break;
                case "iso-8859-6" or "iso_8859-6" or "arabic" or "iso-ir-127":
                    text = Iso88596.Value.GetString(bytes);
                    break;
                case "utf-8" or "utf8":
                    try
                    {
                        text = StrictUtf8.GetString(bytes);
                    }
                    catch (DecoderFallbackException)
                    {
                        text = null; // mislabelled: fall back to detection
                    }

                    break;
            }

            if (text is not null)
            {
                if (string.IsNullOrWhiteSpace(text)) throw new InputRejectedException(origin, "empty file (only whitespace)");
                if (LooksBinary(text)) throw new InputRejectedException(origin, "binary file (control characters), not text");
                return text;
            }
        }

        return Decode(bytes, origin);
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]).ToLowerInvariant();
        foreach (var marker in new[] { "charset=", "encoding=" })
        {
            var at = head.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) continue;
            var start = at + marker.Length;
            while (start < head.Length && head[start] is '"' or '\'' or ' ') start++;
            var end = start;
            while (end < head.Length && (char.IsLetterOrDigit(head[end]) || head[end] is '-' or '_')) end++;
            if (end > start) return head[start..end];
        }

        return null;
    }

    private static string DecodeCore(ReadOnlySpan<byte> bytes, string origin, out DetectedEncoding encoding)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8(bytes[3..], origin, out encoding);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            encoding = DetectedEncoding.Utf32;
            return Strict(new UTF32Encoding(false, false, true), bytes[4..], origin, "UTF-32");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = DetectedEncoding.Utf16LittleEndian;
            return Strict(new UnicodeEncoding(false, false, true), bytes[2..], origin, "UTF-16");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = DetectedEncoding.Utf16BigEndian;
            return Strict(new UnicodeEncoding(true, false, true), bytes[2..], origin, "UTF-16");
        }

        if (KnownBinaryFormat(bytes) is { } format) throw new InputRejectedException(origin, $"binary file ({format}), not text");

        if (bytes.Contains((byte)0))
        {
            if (Utf16WithoutBom(bytes) is { } bigEndian)
            {
                encoding = bigEndian ? DetectedEncoding.Utf16BigEndian : DetectedEncoding.Utf16LittleEndian;
                return Strict(new UnicodeEncoding(bigEndian, false, true), bytes, origin, "UTF-16");
            }

            throw new InputRejectedException(origin, "binary file (NUL bytes), not text");
        }

        try
        {
            encoding = DetectedEncoding.Utf8;
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: try the Arabic single-byte code pages.
        }

        var cp1256 = Windows1256.Value.GetString(bytes);
        var iso = Iso88596.Value.GetString(bytes);
        if (ArabicLetterShare(iso) > ArabicLetterShare(cp1256) + 0.05)
        {
            encoding = DetectedEncoding.Iso88596;
            return iso;
        }

        encoding = DetectedEncoding.Windows1256;
        return cp1256;
    }

    private static string Utf8(ReadOnlySpan<byte> bytes, string origin, out DetectedEncoding encoding)
    {
        encoding = DetectedEncoding.Utf8;
        return Strict(StrictUtf8, bytes, origin, "UTF-8");
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string origin, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InputRejectedException(origin, $"invalid {name}: the file has a {name} byte-order mark but bytes that are not {name}");
        }
    }

    private static bool? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return null;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }

        var pairs = bytes.Length / 2;
        // Latin text in UTF-16 has a NUL in every pair; Arabic has 0x06 high bytes and few NULs. Require a clear pattern.
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return false;
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return true;
        // Arabic text (spaces, digits and punctuation in the Basic Latin block, letters in U+0600–U+06FF): nearly every
        // high byte is 0x00 or 0x06, on the odd bytes (little endian) or on the even ones (big endian).
        int oddArabic = 0, evenArabic = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i + 1] is 0x00 or 0x06) oddArabic++;
            if (bytes[i] is 0x00 or 0x06) evenArabic++;
        }

        if (oddArabic > pairs * 0.95 && evenZeros < pairs * 0.05) return false;
        if (evenArabic > pairs * 0.95 && oddZeros < pairs * 0.05) return true;
        return null;
    }

    private static string? KnownBinaryFormat(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF"u8)) return "PDF";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "PNG image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (bytes.StartsWith("GIF8"u8)) return "GIF image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return "ZIP archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "gzip archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])) return "ELF executable";
        if (bytes.StartsWith("MZ"u8) && bytes.Length > 64 && bytes.Contains((byte)0)) return "Windows executable";
        return null;
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 65536));
        var controls = 0;
        foreach (var c in sample)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v')) controls++;
        }

        return controls > 0 && controls > sample.Length / 100;
    }

    private static double ArabicLetterShare(string text)
    {
        if (text.Length == 0) return 0;
        var arabic = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0621' and <= '\u064A') arabic++;
        }

        return (double)arabic / text.Length;
    }

    private static EncodingProvider CodePages() => CodePagesEncodingProvider.Instance;
}
