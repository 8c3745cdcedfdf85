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
}
