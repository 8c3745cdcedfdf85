using Rasid.Storage;

namespace Rasid.Storage.Tests;

public sealed class NearDuplicateTests
{
    private const string Story = "أعلنت وزارة الداخلية القبض على خلية إرهابية في المنطقة الشرقية تضم ستة أشخاص كانوا يخططون لتنفيذ هجمات على منشآت حكومية، " +
        "وأوضح المتحدث الأمني أن الأجهزة المختصة ضبطت بحوزتهم أسلحة ومتفجرات وأجهزة اتصال، وأن التحقيقات ما زالت جارية لكشف ارتباطاتهم.";

    private static readonly MinHasher Hasher = new();

    [Fact]
    public void Normalizer_maps_alef_variants_ya_ta_marbuta_and_drops_diacritics()
    {
        Assert.Equal(["احمد", "الي", "مدرسه", "مكتبه"], DedupNormalizer.Words("أَحْمَد إلى مدرسة مكتبـــة"));
        Assert.Equal(["امن", "2015"], DedupNormalizer.Words("آمن ٢٠١٥"));
        Assert.Equal(["سءال", "مءتمر"], DedupNormalizer.Words("سئال مؤتمر"));
    }

    [Fact]
    public void Normalizer_keeps_different_letters_apart()
    {
        Assert.NotEqual(DedupNormalizer.Words("قال"), DedupNormalizer.Words("قاتل"));
        Assert.Equal(["بيت", "بين"], DedupNormalizer.Words("بيت، بين"));
    }

    [Fact]
    public void A_copy_with_other_spelling_of_alef_and_ta_marbuta_has_the_same_signature()
    {
        var variant = Story.Replace("أ", "ا", StringComparison.Ordinal).Replace("ة", "ه", StringComparison.Ordinal);
        Assert.Equal(1.0, Hasher.Sign(Story)!.Jaccard(Hasher.Sign(variant)!));
    }

    [Fact]
    public void A_truncated_copy_is_contained_in_the_original_though_its_jaccard_is_lower()
    {
        var full = Hasher.Sign(Story)!;
        var half = Hasher.Sign(Story[..(Story.Length / 2)])!;
        Assert.True(half.Containment(full) >= 0.8, $"containment {half.Containment(full)}");
        Assert.True(half.Jaccard(full) < 0.75, $"jaccard {half.Jaccard(full)}");
    }

    [Fact]
    public void Different_stories_on_the_same_topic_are_not_near_duplicates()
    {
        const string Other = "أعلنت وزارة الداخلية نتائج حملة مرورية في المنطقة الشرقية أسفرت عن ضبط آلاف المخالفات، وأوضح المتحدث أن الحملة مستمرة حتى نهاية الشهر الجاري في جميع المحافظات.";
        var score = Hasher.Sign(Story)!.Containment(Hasher.Sign(Other)!);
        Assert.True(score < Hasher.Options.Threshold, $"containment {score}");
    }

    [Fact]
    public void Texts_too_short_to_compare_get_no_signature()
    {
        Assert.Null(Hasher.Sign("خبر عاجل"));
        Assert.Null(Hasher.Sign(""));
    }

    [Fact]
    public void Band_keys_are_equal_for_equal_signatures_and_stable_across_hashers()
    {
        Assert.Equal(Hasher.BandKeys(Hasher.Sign(Story)!), new MinHasher().BandKeys(new MinHasher().Sign(Story)!));
        Assert.Equal(Hasher.Options.Bands, Hasher.BandKeys(Hasher.Sign(Story)!).Distinct().Count());
    }

    /// <summary>The signature as first written: normalised word strings, FNV-1a, scalar minima over a hash set.</summary>
    private static uint[]? ReferenceSignature(MinHasher hasher, string text)
    {
        static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ul;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebul;
            return z ^ (z >> 31);
        }

        var words = DedupNormalizer.Words(text);
        var k = hasher.Options.ShingleWords;
        if (words.Count < k) return null;
        var hashes = words.Select(w =>
        {
            var h = 0xcbf29ce484222325ul;
            foreach (var c in w) h = (h ^ c) * 0x100000001b3ul;
            return h;
        }).ToArray();
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + k <= hashes.Length; i++)
        {
            var h = 0xcbf29ce484222325ul;
            for (var j = 0; j < k; j++) h = Mix(h ^ hashes[i + j]);
            shingles.Add(h);
        }

        if (shingles.Count < hasher.Options.MinShingles) return null;
        var state = 0x5EED_0F_4A5_1Dul;
        var mins = new uint[hasher.Options.HashCount];
        for (var i = 0; i < mins.Length; i++)
        {
            state += 0x9E3779B97F4A7C15ul;
            var seed = Mix(state);
            mins[i] = shingles.Min(s => (uint)(Mix(s ^ seed) >> 32));
        }

        return mins;
    }

    [Theory]
    [InlineData(Story)]
    [InlineData("قَالَ الرَّئِيسُ إِنَّ ٢٠١٥ كان عاماً صعباً على الاقتصاد، وأضاف أن الحكومة ستعمل على خفض العجز في موازنة العام المقبل")]
    [InlineData("Reuters: the minister said on Monday that talks with Iran would resume in Geneva next week, officials added")]
    [InlineData("قال  المتحدث\u200f: «سنرد» — ثم أضاف 3.5٪ من الميزانية لـ\"الدفاع\"!! ومضى يقول إن الوضع خطير جدا جدا")]
    public void Signatures_equal_the_reference_computation_word_for_word(string text)
    {
        Assert.Equal(ReferenceSignature(Hasher, text), Hasher.Sign(text)?.Values);
        var small = new MinHasher(new DedupOptions { Bands = 5, RowsPerBand = 3, ShingleWords = 2, MinShingles = 1 }); // 15 hashes: a vector tail
        Assert.Equal(ReferenceSignature(small, text), small.Sign(text)?.Values);
    }

    [Fact]
    public void Signatures_of_random_text_equal_the_reference_computation()
    {
        var random = new Random(20261127);
        const string Alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩0123456789abcXYZ .,،؛؟!\n\t\u200f\ud83d";
        for (var n = 0; n < 200; n++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
            var text = new string(chars);
            Assert.Equal(ReferenceSignature(Hasher, text), Hasher.Sign(text)?.Values);
        }
    }
}
