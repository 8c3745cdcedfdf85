using Rasid.Core;
using Rasid.Text;

namespace Rasid.Text.Tests;

public sealed class BoilerplateCleanerTests
{
    private static readonly BoilerplateCleaner Cleaner = new();

    [Theory]
    [InlineData("Ad", "advert")]
    [InlineData("إعلان", "advert")]
    [InlineData("Advertisement", "advert")]
    [InlineData("شارك: فيسبوك تويتر واتساب", "share-buttons")]
    [InlineData("Share Tweet Email", "share-buttons")]
    [InlineData("بقلم: محمد علي", "byline")]
    [InlineData("اقرأ أيضا: الأمم المتحدة تدعو إلى هدنة", "related")]
    [InlineData("جميع الحقوق محفوظة © 2015", "copyright")]
    [InlineData("* * *", "separator")]
    [InlineData("رابط الخبر بصحيفة الوئام: مصرع ثلاثة وإصابة خمسة عشر في ثلاث حوادث بالطائف", "related")]
    [InlineData("مقالات أخرى للكاتبعطل مطار الملك خالد!لو كنتُ رئيساً للهيئة!وقَّعت إيران أم لم توقِّع!", "related")]
    [InlineData("...المزيد", "related")]
    [InlineData("nafezah@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (6) ثم مسافة ثم نص الرسالة إلى 88591 - Stc 635031 - Mobily 737221 - Zain", "contact")]
    public void Boilerplate_lines_are_classified(string line, string reason) =>
        Assert.Equal(reason, Cleaner.Classify(line));

    [Theory]
    [InlineData("اكدت الرئاسة السورية الاربعاء ان ارسال قوات جوية روسية إلى سوريا تم بموجب طلب مباشر.")]
    [InlineData("كتب الرئيس رسالة إلى نظيره الروسي")]
    [InlineData("شارك الآلاف في التظاهرة")]
    [InlineData("إعلان وقف إطلاق النار في حلب")]
    [InlineData("Adana")]
    [InlineData("ويقول البعض إنهم بحاجة لمعرفة المزيد.")]
    [InlineData("وقال إن رابط الخبر الذي نشرته الصحيفة كان خاطئا.")]
    public void Story_lines_are_kept(string line) => Assert.Null(Cleaner.Classify(line));

    [Fact]
    public void The_sample_ad_line_is_removed_with_its_exact_range()
    {
        const string text = "الفقرة الأولى.\n\nAd\n\nالفقرة الثانية.";
        var cleaned = Cleaner.Clean(text);
        Assert.Equal(2, cleaned.Paragraphs.Count);
        var removed = Assert.Single(cleaned.Removed);
        Assert.Equal("Ad", removed.Range.Slice(text));
        Assert.Equal(16, removed.Range.Start);
    }

    [Fact]
    public void Paragraphs_are_trimmed_and_handle_crlf_and_empty_text()
    {
        const string text = "  سطر أول \r\n\r\n\tسطر ثان";
        var paragraphs = Cleaner.Clean(text).Paragraphs;
        Assert.Equal(["سطر أول", "سطر ثان"], paragraphs.Select(p => p.Slice(text)));
        Assert.Empty(Cleaner.Clean("").Paragraphs);
        Assert.Empty(Cleaner.Clean("\n\n  \n").Paragraphs);
    }
}
