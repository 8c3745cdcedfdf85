using Rasid.Core;
using Rasid.Nlp.Components;
using Rasid.Nlp.Quotes;
using Rasid.Testing;
using Rasid.Text;

namespace Rasid.Nlp.Tests.Quotes;

public sealed class QuoteComponentTests
{
    private static readonly RasidPipeline Pipeline = RasidPipeline.CreateDefault();

    private static List<Quote> Quotes(string text) => Pipeline.Analyze(text, new ArticleInfo { Published = new DateOnly(2015, 9, 30) }).Quotes;

    private static void AssertSpan(string text, Mention? m, string expected)
    {
        Assert.NotNull(m);
        Assert.Equal(expected, m.Text);
        Assert.Equal(text.IndexOf(expected, StringComparison.Ordinal), m.Start);
        Assert.Equal(m.Start + expected.Length, m.End);
    }

    private static readonly Lazy<string> Sample = new(() => File.ReadAllText(RepoPaths.SampleStory));

    [Fact]
    public void The_sample_story_yields_its_nine_required_quotations_in_text_order()
    {
        var quotes = Quotes(Sample.Value);
        Assert.Equal(
            new[] { "اكدت", "وقالت", "قالت", "وقال", "قال", "موضحا", "واشار", "مضيفا", "وشدد" },
            quotes.Select(q => q.Cue?.Text ?? "").ToArray());
    }

    [Fact]
    public void A_preposition_with_a_pronoun_after_the_cue_is_not_the_speaker_and_the_sentence_subject_is()
    {
        // قال عنها: "about it" — the speaker is the sentence's subject, not عنها nor the phrase after في.
        var text = "استمد ناصر بن جريد تلك الذكريات في حديث عفوي، قال عنها: \"كان محمد عبده يأتي الى منزله ويختار من الأشرطة\".";
        var q = Assert.Single(Quotes(text));
        AssertSpan(text, q.Speaker, "ناصر بن جريد");
        Assert.Contains("speaker=sentence-subject", q.Evidence!.Rule ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_opening_with_a_name_or_a_verb_phrase_before_the_cue_is_read_with_the_tags()
    {
        // كان + a name: the name is the subject; a clause with a verb before the cue (حيث لم يقدره أحد) is no speaker.
        var first = "وكان خامنئي قال إن الاتفاق لن يغير سياسة بلاده.";
        AssertSpan(first, Assert.Single(Quotes(first)).Speaker, "خامنئي");
        var second = "وتجربته ثرية كما يرى الناقد، حيث لم يقدره أحد، قال: \"عندما عاد إلى السعودية استقر في جدة\".";
        var q = Assert.Single(Quotes(second), x => x.Cue?.Text == "قال");
        Assert.DoesNotContain("يقدره", q.Speaker?.Text ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Indirect_speech_after_a_sentence_initial_verb_takes_the_following_subject()
    {
        var text = "اكدت الرئاسة السورية الاربعاء ان ارسال قوات جوية روسية إلى سوريا تم بموجب طلب مباشر.";
        var q = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        AssertSpan(text, q.Cue, "اكدت");
        AssertSpan(text, q.Speaker, "الرئاسة السورية");
        AssertSpan(text, q.Content, "ارسال قوات جوية روسية إلى سوريا تم بموجب طلب مباشر");
    }

    [Fact]
    public void VSO_subject_with_title_stops_before_min_jihatihi()
    {
        var text = "وقال رئيس الادارة الرئاسية الروسية سيرغي ايفانوف من جهته ان الاسد طلب \"المساعدة العسكرية\" من حليفه.";
        var q = Assert.Single(Quotes(text));
        AssertSpan(text, q.Cue, "وقال");
        AssertSpan(text, q.Speaker, "رئيس الادارة الرئاسية الروسية سيرغي ايفانوف");
        Assert.StartsWith("الاسد طلب", q.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quotation_opened_after_the_complementizer_is_the_direct_content_even_when_never_closed()
    {
        var text = Sample.Value;
        var quotes = Quotes(text);
        var q = quotes.Single(x => x.Cue?.Text == "موضحا");
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal((978, 1027), (q.Content.Start, q.Content.End)); // the paragraph's unclosed quote, without the final dot
        Assert.Equal((849, 858), (q.Speaker!.Start, q.Speaker.End)); // continuation: مصدر امني
        Assert.Contains("speaker=continuation", q.Evidence!.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_clause_cue_takes_the_source_named_earlier_in_the_sentence()
    {
        var text = Sample.Value;
        var q = Quotes(text).Single(x => x.Cue?.Text == "قال" && x.Cue.Start == 904);
        Assert.Equal("مصدر امني", q.Speaker!.Text);
        Assert.Equal((913, 959), (q.Content.Start, q.Content.End));
        Assert.Contains("anonymous", q.Evidence!.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_following_sentence_without_a_subject_keeps_the_previous_speaker()
    {
        var q = Quotes(Sample.Value).Single(x => x.Cue?.Text == "واشار");
        Assert.Equal("مصدر امني", q.Speaker!.Text);
        Assert.Contains("previous-speaker", q.Evidence!.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Speech_after_a_colon_runs_to_the_end_of_the_paragraph_and_stops_before_a_participle()
    {
        var text = "وقال إردوغان: يجب إدانة الإرهاب بغض النظر عن مصدره، داعيا إلى حملة دولية لمكافحة الإرهاب.\nوفي سياق آخر وصل الوفد.";
        var q = Assert.Single(Quotes(text));
        AssertSpan(text, q.Content, "يجب إدانة الإرهاب بغض النظر عن مصدره");
        AssertSpan(text, q.Speaker, "إردوغان");
        Assert.Equal(QuoteKind.Direct, q.Kind);
    }

    [Fact]
    public void Guillemets_and_a_quoted_subject_before_bianna_are_handled()
    {
        var text = "وأفاد «المرصد السوري لحقوق الإنسان» بأن مخلوف «قُتل جراء استهدافه من قبل تنظيم داعش في ريف حمص».";
        var q = Assert.Single(Quotes(text));
        AssertSpan(text, q.Speaker, "المرصد السوري لحقوق الإنسان");
        AssertSpan(text, q.Content, "قُتل جراء استهدافه من قبل تنظيم داعش في ريف حمص");
    }

    [Fact]
    public void SVO_order_takes_the_noun_phrase_before_the_cue()
    {
        var text = "إلا أن رئيس الحكومة التركية أحمد داود أوغلو أعلن أن العناصر الأولى للتحقيق تفيد بأن داعش يقف وراء الاعتداء.";
        var q = Assert.Single(Quotes(text)); // the nested تفيد بأن is part of the content, not a second quote
        AssertSpan(text, q.Speaker, "رئيس الحكومة التركية أحمد داود أوغلو");
        Assert.StartsWith("العناصر الأولى", q.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinated_reporting_verbs_give_two_quotes_with_the_same_speaker()
    {
        var text = "وقال مورينو اوكامبو الاثنين ان البشير يتحمل مسؤولية اعمال قتل واغتصاب ونزوح واعتبر ان البشير نظم بنفسه اعمال «ابادة جماعية في دارفور».";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        AssertSpan(text, quotes[0].Content, "البشير يتحمل مسؤولية اعمال قتل واغتصاب ونزوح");
        Assert.Equal("مورينو اوكامبو", quotes[0].Speaker!.Text);
        Assert.Equal("واعتبر", quotes[1].Cue!.Text);
        Assert.Equal("مورينو اوكامبو", quotes[1].Speaker!.Text);
    }

    [Fact]
    public void Swapped_curly_quotation_marks_typed_right_to_left_still_pair()
    {
        var text = "وأضاف النفيسي: ” للأسف الولايات المتحدة دائمًا تنظر للأزمات بعين واحدة “، وتابع: “ورغم تشابك الملف التركي فلا تهتم إلا بالحرب على الدولة الإسلامية “.";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        AssertSpan(text, quotes[0].Content, "للأسف الولايات المتحدة دائمًا تنظر للأزمات بعين واحدة");
        AssertSpan(text, quotes[1].Content, "ورغم تشابك الملف التركي فلا تهتم إلا بالحرب على الدولة الإسلامية");
        Assert.Equal("وتابع", quotes[1].Cue!.Text);
        Assert.Equal("النفيسي", quotes[1].Speaker!.Text); // a conjoined cue continues the previous speaker
    }

    [Fact]
    public void A_conjoined_cue_without_an_earlier_quote_takes_the_sentence_subject_not_the_preceding_object()
    {
        var text = "وقد بسطت المقاومة الشعبية سيطرتها على القاعدة بعد قتال عنيف مع الحوثيين، وأكدت أنه لم يعد لهم في لحج إلا جيوب صغيرة.";
        var q = Assert.Single(Quotes(text));
        AssertSpan(text, q.Speaker, "المقاومة الشعبية");
        AssertSpan(text, q.Content, "لم يعد لهم في لحج إلا جيوب صغيرة");
    }

    [Fact]
    public void Bayyana_counts_only_with_its_shadda_and_a_quoted_subject_is_the_speaker()
    {
        var text = "وبيّن “الكلباني” أن المملكة هي بلاد الحرمين برغم أنف الحاقد.";
        var q = Assert.Single(Quotes(text));
        AssertSpan(text, q.Cue, "وبيّن");
        AssertSpan(text, q.Speaker, "الكلباني");
        AssertSpan(text, q.Content, "المملكة هي بلاد الحرمين برغم أنف الحاقد");
    }

    [Fact]
    public void Written_words_in_quotation_marks_after_kataba_are_quotes_and_imam_is_not_a_preposition()
    {
        var text = "وكتب الدكتور عوض القرني “كان رحمه الله عالمًا موسوعيًا من ألمع فقهاء العصر”.\nوقال إمام الحرم المكي سابقًا الشيخ عادل الكلباني “اللهم اغفر لعبدك وارحمه واجعل ما قدمه حجة له”.";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        AssertSpan(text, quotes[0].Speaker, "الدكتور عوض القرني");
        AssertSpan(text, quotes[1].Speaker, "إمام الحرم المكي سابقًا الشيخ عادل الكلباني");
        AssertSpan(text, quotes[1].Content, "اللهم اغفر لعبدك وارحمه واجعل ما قدمه حجة له");
    }

    [Theory]
    [InlineData("نشرت الصحيفة مقال الكاتب ان الحرب انتهت.")]
    [InlineData("وقارن الباحث بين الحكومة وبين المعارضة أن الحل بعيد.")]
    [InlineData("أعلن الجيش الحرب على المسلحين في الشمال.")]
    [InlineData("وصل «المرصد السوري» الى المدينة.")]
    [InlineData("شارك طالب في المسابقة الدولية.")]
    [InlineData("وشملت المظاهرات مدن: «بابنوسة والمجلد والفولة والميرم والدبب» في الغرب.")]
    public void Words_containing_cues_nominal_objects_and_quoted_names_do_not_fire(string text) =>
        Assert.Empty(Quotes(text));

    [Fact]
    public void The_speaker_takes_the_actor_of_an_entity_inside_its_span()
    {
        var text = "وقال رئيس الادارة الرئاسية الروسية سيرغي ايفانوف من جهته ان الاسد طلب المساعدة.";
        var doc = new RasidPipeline([new BoilerplateComponent(new BoilerplateCleaner()), new SentenceComponent(new SentenceSplitter()), new TokenComponent(new Tokenizer())])
            .Analyze(text);
        var start = text.IndexOf("سيرغي", StringComparison.Ordinal);
        doc.Entities.Add(new Entity { Start = start, End = start + "سيرغي ايفانوف".Length, Text = "سيرغي ايفانوف", Type = "PER", Actor = "RUSGOV", Canonical = "Sergei Ivanov" });
        new QuoteComponent().Process(doc, CancellationToken.None);
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("RUSGOV", q.SpeakerActor);
        Assert.Equal("Sergei Ivanov", q.SpeakerCanonical);
        Assert.Contains(";entity", q.Evidence!.Rule, StringComparison.Ordinal);
    }
}
