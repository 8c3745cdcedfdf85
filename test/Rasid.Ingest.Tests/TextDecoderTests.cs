using System.Text;
using Rasid.Ingest;

namespace Rasid.Ingest.Tests;

public sealed class TextDecoderTests
{
    private const string Arabic = "اكدت الرئاسة السورية الاربعاء ان ارسال قوات جوية روسية إلى سوريا تم بطلب مباشر.";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_with_and_without_bom_is_decoded()
    {
        Assert.Equal(Arabic, TextDecoder.Decode(Encoding.UTF8.GetBytes(Arabic), "a.txt", out var e1));
        Assert.Equal(DetectedEncoding.Utf8, e1);
        Assert.Equal(Arabic, TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Arabic)], "a.txt"));
    }

    [Fact]
    public void Utf16_with_a_bom_is_decoded_in_both_byte_orders()
    {
        Assert.Equal(Arabic, TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Arabic)], "le.txt", out var le));
        Assert.Equal(DetectedEncoding.Utf16LittleEndian, le);
        Assert.Equal(Arabic, TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Arabic)], "be.txt", out var be));
        Assert.Equal(DetectedEncoding.Utf16BigEndian, be);
    }

    [Fact]
    public void Arabic_utf16_without_a_bom_is_decoded_in_both_byte_orders()
    {
        // Arabic has few NULs (only spaces and punctuation): the high bytes are 0x06 or 0x00 on one side.
        Assert.Equal(Arabic, TextDecoder.Decode(Encoding.Unicode.GetBytes(Arabic), "le.txt", out var le));
        Assert.Equal(DetectedEncoding.Utf16LittleEndian, le);
        Assert.Equal(Arabic, TextDecoder.Decode(Encoding.BigEndianUnicode.GetBytes(Arabic), "be.txt", out var be));
        Assert.Equal(DetectedEncoding.Utf16BigEndian, be);
        // Random bytes with NULs are still binary.
        var random = new byte[4096];
        new Random(11).NextBytes(random);
        random[0] = 0;
        Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(random, "random.bin"));
    }

    [Fact]
    public void Windows_1256_arabic_is_detected_and_decoded()
    {
        var bytes = Encoding.GetEncoding(1256).GetBytes(Arabic);
        Assert.Equal(Arabic, TextDecoder.Decode(bytes, "cp1256.txt", out var encoding));
        Assert.Equal(DetectedEncoding.Windows1256, encoding);
    }

    [Fact]
    public void Iso_8859_6_arabic_is_detected_and_decoded()
    {
        const string plain = "قال الرئيس ان الحكومة ستجتمع غدا في دمشق";
        var bytes = Encoding.GetEncoding(28596).GetBytes(plain);
        Assert.Equal(plain, TextDecoder.Decode(bytes, "iso.txt", out var encoding));
        Assert.Equal(DetectedEncoding.Iso88596, encoding);
    }

    [Fact]
    public void Empty_input_is_rejected_naming_the_input()
    {
        var ex = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode([], "empty.txt"));
        Assert.Equal("empty.txt: empty file", ex.Message);
        Assert.Throws<InputRejectedException>(() => TextDecoder.Decode("  \n\t "u8, "blank.txt"));
    }

    [Fact]
    public void Binary_input_is_rejected()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        Assert.Contains("binary file (PNG image)", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(png, "x.png")).Message);
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        random[100] = 0;
        Assert.Contains("binary", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(random, "blob.bin")).Message);
    }

    [Fact]
    public void A_bom_followed_by_invalid_bytes_is_rejected_not_garbled()
    {
        var ex = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode([0xEF, 0xBB, 0xBF, 0xC3, 0x28, 0x41], "bad.txt"));
        Assert.Contains("invalid UTF-8", ex.Message);
    }
}
