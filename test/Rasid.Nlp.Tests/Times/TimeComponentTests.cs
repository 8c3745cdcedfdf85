using Rasid.Core;
using Rasid.Nlp.Times;

namespace Rasid.Nlp.Tests.Times;

public sealed class TimeComponentTests
{
    private static readonly RasidPipeline Pipeline = RasidPipeline.CreateDefault();

    private static List<TimeExpression> Times(string text, string? date)
    {
        DateOnly? published = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return Pipeline.Analyze(text, new ArticleInfo { Published = published }).Times;
    }

    private static void AssertSingle(string text, string date, string expectedText, string? value, string kind = "date")
    {
        var t = Assert.Single(Times(text, date));
        Assert.Equal(expectedText, t.Text);
        Assert.Equal(text.IndexOf(expectedText, StringComparison.Ordinal), t.Start);
        Assert.Equal(t.Start + expectedText.Length, t.End);
        Assert.Equal(value, t.Value);
        Assert.Equal(kind, t.Kind);
    }

    [Fact]
    public void A_bare_weekday_is_today_when_it_is_the_articles_weekday()
    {
        var times = Times("اكدت الرئاسة السورية الاربعاء ان الطلب جاء مباشرة.", "2015-09-30");
        var t = Assert.Single(times);
        Assert.Equal((21, 29, "2015-09-30"), (t.Start, t.End, t.Value));
        Assert.StartsWith("times.rules/", t.Evidence!.By, StringComparison.Ordinal);
        Assert.Equal("weekday", t.Evidence.Rule);
    }

    [Fact]
    public void A_bare_weekday_is_the_most_recent_such_day() =>
        AssertSingle("ودعا الرئيس الروسي في كلمة في الامم المتحدة الاثنين الى تشكيل تحالف.", "2015-09-30", "الاثنين", "2015-09-28");

    [Fact]
    public void Yawm_and_a_direction_word_are_part_of_the_weekday_expression() =>
        AssertSingle("وصل الوفد يوم الخميس الماضي الى الرياض.", "2015-09-30", "يوم الخميس الماضي", "2015-09-24");

    [Theory]
    [InlineData("قتل ثلاثة جنود امس في هجوم.", "امس", "2015-09-29")]
    [InlineData("وقع الانفجار أول من أمس قرب الحدود.", "أول من أمس", "2015-09-28")]
    [InlineData("يصل الوزير غدا الى بغداد.", "غدا", "2015-10-01")]
    [InlineData("سمعت انفجارات الليلة الماضية في حلب.", "الليلة الماضية", "2015-09-29")]
    [InlineData("قال شهود إن الاشتباكات تجددت مساء أمس في المدينة.", "مساء أمس", "2015-09-29")]
    [InlineData("صدر العدد اليوم الإثنين في الكويت.", "اليوم الإثنين", "2015-09-28")]
    public void Relative_days_resolve_against_the_article_date(string text, string expression, string value) =>
        AssertSingle(text, "2015-09-30", expression, value);

    [Theory]
    [InlineData("التقى الوزيران الاسبوع الماضي في جنيف.", "الاسبوع الماضي", "2015-W39", "date")]
    [InlineData("تعقد القمة الشهر المقبل في الدوحة.", "الشهر المقبل", "2015-10", "date")]
    [InlineData("ارتفعت الاسعار العام الماضي بشكل كبير.", "العام الماضي", "2014", "date")]
    [InlineData("ومنذ اسابيع، تؤكد واشنطن ارسال تعزيزات.", "منذ اسابيع", "PXW", "duration")]
    [InlineData("وعسكريا في الاسابيع الاخيرة.", "في الاسابيع الاخيرة", "PXW", "duration")]
    [InlineData("استمرت الاشتباكات طيلة الاسابيع الاخيرة في حلب.", "طيلة الاسابيع الاخيرة", "PXW", "duration")]
    [InlineData("اعتقل منذ ثلاثة أشهر في السجن.", "منذ ثلاثة أشهر", "P3M", "duration")]
    [InlineData("انتهت الهدنة قبل يومين في الجنوب.", "قبل يومين", "2015-09-28", "date")]
    [InlineData("ظلت الأسعار تنخفض منذ أكثر من 30 عاما في الأسواق.", "منذ أكثر من 30 عاما", "P30Y", "duration")]
    public void Relative_periods_and_durations_get_TIMEX_values(string text, string expression, string value, string kind) =>
        AssertSingle(text, "2015-09-30", expression, value, kind);

    [Theory]
    [InlineData("منذ اندلاع النزاع السوري منتصف مارس 2011 الدعم.", "2015-09-30", "منتصف مارس 2011", "2011-03")]
    [InlineData("جرت الانتخابات في 27 ديسمبر الماضي وسط توتر.", "2016-01-10", "27 ديسمبر الماضي", "2015-12-27")]
    [InlineData("وقعت الهجمات في كانون الأول 2014 في الموصل.", "2015-09-30", "كانون الأول 2014", "2014-12")]
    [InlineData("أجريت الانتخابات في جويلية 2015 بالجزائر.", "2015-09-30", "جويلية 2015", "2015-07")]
    [InlineData("صدر القرار بتاريخ 15/7/2000 عن المحكمة.", "2015-09-30", "15/7/2000", "2000-07-15")]
    [InlineData("اغتالته اسرائيل في 17 ابريل (نيسان) 2004.", "2007-06-16", "17 ابريل (نيسان) 2004", "2004-04-17")]
    [InlineData("وقعت الضربة في الثالث من سبتمبر (ايلول) شمال العراق.", "2007-09-10", "الثالث من سبتمبر (ايلول)", "2007-09-03")]
    [InlineData("قتل في أوائل مايو (أيار) من العام الحالي في سوريا.", "2015-07-21", "أوائل مايو (أيار) من العام الحالي", "2015-05")]
    [InlineData("اعتقل عام 2002 في مطار نيويورك.", "2008-09-05", "عام 2002", "2002")]
    [InlineData("في صباح الثاني من أغسطس من عام 1990 دخلت القوات الكويت.", "2015-08-02", "الثاني من أغسطس من عام 1990", "1990-08-02")]
    public void Calendar_dates_in_all_month_systems_are_normalised(string text, string date, string expression, string value) =>
        AssertSingle(text, date, expression, value);

    [Theory]
    [InlineData("صدر الأمر الملكي في 5 رمضان 1436هـ بتعيين الوزير.", "5 رمضان 1436هـ", "2015-06-22")]
    [InlineData("صدر التعميم برقم 12 وتاريخ 1436/9/5هـ عن الوزارة.", "1436/9/5هـ", "2015-06-22")]
    public void Hijri_dates_are_converted_with_the_Umm_al_Qura_calendar(string text, string expression, string value) =>
        AssertSingle(text, "2015-07-21", expression, value);

    [Theory]
    [InlineData("أجريت الانتخابات في ماي الماضي بالمغرب.", "ماي الماضي", "2015-05")]
    [InlineData("وقعت الاحداث في أيار 2012 في حمص.", "أيار 2012", "2012-05")]
    public void Ambiguous_month_names_fire_with_a_cue_or_a_year(string text, string expression, string value) =>
        AssertSingle(text, "2015-09-30", expression, value);

    [Theory]
    [InlineData("تحركت الطائرة حوالي الساعة التاسعة مساء من جدة.", "الساعة التاسعة مساء", "T21:00")]
    [InlineData("يبدأ الاجتماع الساعة 10:30 في القصر.", "الساعة 10:30", "T10:30")]
    public void Times_of_day_are_kind_time(string text, string expression, string value) =>
        AssertSingle(text, "2015-07-21", expression, value, "time");

    [Fact]
    public void Without_an_article_date_relative_expressions_stay_unresolved_with_a_flag()
    {
        var t = Assert.Single(Times("اكدت الرئاسة السورية الاربعاء ان الطلب جاء مباشرة.", null));
        Assert.Null(t.Value);
        Assert.Contains(TimeRecognizer.Unresolved, t.Evidence!.Rule, StringComparison.Ordinal);
        var absolute = Assert.Single(Times("منذ اندلاع النزاع منتصف مارس 2011.", null));
        Assert.Equal("2011-03", absolute.Value);
    }

    [Theory]
    [InlineData("مارس الجيش ضغوطا كبيرة على المسلحين.")]
    [InlineData("وقالت جوان إن الفيلم نجح.")]
    [InlineData("التقى الوزير أيار الخطيب في بيروت.")]
    [InlineData("احتفلت المملكة باليوم الوطني في الرياض.")]
    [InlineData("ووافق كلا الاثنين على الاتفاق.")]
    [InlineData("عين اليوم – متابعات")]
    [InlineData("وقالت وزيرة الداخلية البريطانية تيريزا ماي إن الأزمة عالمية.")]
    [InlineData("التقى الوزير رمضان عبد الله في دمشق.")]
    [InlineData("بلغ عدد القتلى 2011 شخصا.")]
    public void Month_names_used_as_words_or_names_and_other_lookalikes_do_not_fire(string text) =>
        Assert.Empty(Times(text, "2015-09-30"));
}
