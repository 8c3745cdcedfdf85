using Rasid.Core;
using Rasid.Nlp;

namespace Rasid.Testing.Fixtures;

/// <summary>
/// Small Arabic fixture articles written for the search and web tests. Sentences and tokens come from the real
/// pipeline; the entity, quote and event layers are filled by hand (the components are not merged yet) with
/// offsets found in the text, so every range is exact.
/// </summary>
public static class FixtureCorpus
{
    public const string SyriaId = "fx-syria-russia";
    public const string EgyptId = "fx-egypt-protest";
    public const string LebanonId = "fx-lebanon-aid";
    public const string YemenId = "fx-yemen-talks";
    public const string ScriptId = "fx-script-payload";

    /// <summary>
    /// Boilerplate, sentences and tokens only: the fixtures' entities, quotes and events are filled by hand so that the
    /// search and web tests do not change when the NLP models are retrained.
    /// </summary>
    public static RasidPipeline Pipeline { get; } = new(RasidPipeline.CreateDefault().Components.Take(3));

    public static IReadOnlyList<Document> Build()
    {
        var syria = Analyze(SyriaId, "روسيا تبدأ ضربات جوية في سوريا", new DateOnly(2015, 9, 30), "afp",
            "طلبت الرئاسة السورية من روسيا تقديم دعم جوي لقواتها في مواجهة المسلحين. وشنت الطائرات الروسية غارات على مواقع قرب مدينة حمص. وقال مصدر أمني في دمشق إن \"القرار الروسي يغير موازين القوى\". وأكد الرئيس Putin أن بلاده تريد تحالفا واسعا ضد الإرهاب.");
        Entity(syria, "الرئاسة السورية", "ORG", "SYRGOV", "Syrian Presidency", null);
        Entity(syria, "روسيا", "LOC", "RUS", "Russia", new Place("Russia", 61.5, 105.3, "RUS"));
        Entity(syria, "حمص", "LOC", null, "Homs", new Place("Homs", 34.73, 36.71, "SYR"));
        Entity(syria, "دمشق", "LOC", null, "Damascus", new Place("Damascus", 33.51, 36.29, "SYR"));
        Entity(syria, "Putin", "PER", "RUSGOV", "Vladimir Putin", null);
        Quote(syria, "القرار الروسي يغير موازين القوى", "قال", "مصدر أمني", "SYRGOV");
        Event(syria, "E1", "REQUEST", "طلبت", ("الرئاسة السورية", "SYRGOV"), ("روسيا", "RUSGOV"), "2015-09-30", null);
        Event(syria, "E2", "ASSAULT", "شنت", ("الطائرات الروسية", "RUSMIL"), null, "2015-09-30", new Place("Homs", 34.73, 36.71, "SYR"));

        var egypt = Analyze(EgyptId, "آلاف الطلاب يتظاهرون في القاهرة", new DateOnly(2015, 10, 2), "ahram",
            "تظاهر آلاف الطلاب في القاهرة احتجاجاً على ارتفاع الأسعار وتراجع الخدمات. وطالب المتظاهرون الحكومة بخفض أسعار الوقود. وفرقت الشرطة المظاهرة مساء الجمعة.");
        Entity(egypt, "القاهرة", "LOC", null, "Cairo", new Place("Cairo", 30.04, 31.24, "EGY"));
        Entity(egypt, "الحكومة", "ORG", "EGYGOV", "Egyptian government", null);
        Entity(egypt, "الشرطة", "ORG", "EGYCOP", "Egyptian police", null);
        Event(egypt, "E1", "PROTEST", "تظاهر", ("آلاف الطلاب", "EGYEDU"), ("الحكومة", "EGYGOV"), "2015-10-02", new Place("Cairo", 30.04, 31.24, "EGY"));
        Event(egypt, "E2", "COERCE", "فرقت", ("الشرطة", "EGYCOP"), ("المظاهرة", "EGYEDU"), "2015-10-02", new Place("Cairo", 30.04, 31.24, "EGY"));

        var lebanon = Analyze(LebanonId, "الأمم المتحدة ترسل مساعدات إلى لبنان", new DateOnly(2015, 10, 1), "afp",
            "أعلنت الأمم المتحدة إرسال مساعدات إنسانية عاجلة إلى لبنان لدعم اللاجئين. وقالت المنظمة إن الشحنة تضم أدوية وأغذية.");
        Entity(lebanon, "الأمم المتحدة", "ORG", "IGOUNO", "United Nations", null);
        Entity(lebanon, "لبنان", "LOC", "LBN", "Lebanon", new Place("Lebanon", 33.85, 35.86, "LBN"));
        Quote(lebanon, "الشحنة تضم أدوية وأغذية", "قالت", "المنظمة", "IGOUNO", direct: false);
        Event(lebanon, "E1", "AID", "إرسال", ("الأمم المتحدة", "IGOUNO"), ("لبنان", "LBN"), "2015-10-01", new Place("Beirut", 33.89, 35.50, "LBN"));

        var yemen = Analyze(YemenId, "اتفاق على استئناف المفاوضات اليمنية", new DateOnly(2015, 10, 3), "reuters",
            "اتفقت الأطراف اليمنية على استئناف المفاوضات في جنيف الأسبوع المقبل برعاية الأمم المتحدة.");
        Entity(yemen, "جنيف", "LOC", null, "Geneva", new Place("Geneva", 46.2, 6.15, "CHE"));
        Entity(yemen, "الأمم المتحدة", "ORG", "IGOUNO", "United Nations", null);
        Event(yemen, "E1", "AGREE", "اتفقت", ("الأطراف اليمنية", "YEM"), null, "2015-10-03", new Place("Geneva", 46.2, 6.15, "CHE"));

        var script = Analyze(ScriptId, "خبر <script>window.__rasidPwned=1</script> تجريبي", new DateOnly(2015, 9, 29), "test",
            "هذا خبر تجريبي عن الاختراق <script>window.__rasidPwned = true;</script> ويحتوي وسما <img src=x onerror=\"window.__rasidPwned=true\"> داخل النص.");
        Entity(script, "<script>window.__rasidPwned = true;</script>", "MISC", null, null, null);

        return [syria, egypt, lebanon, yemen, script];
    }

    private static Document Analyze(string id, string title, DateOnly published, string source, string text) =>
        Pipeline.Analyze(text, new ArticleInfo { Id = id, Title = title, Published = published, Source = source });

    private static Mention Find(Document doc, string text, int from = 0)
    {
        var at = doc.Text.IndexOf(text, from, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{text}' is not in {doc.Id}");
        return Mention.Of(doc.Text, new TextRange(at, text.Length));
    }

    private static void Entity(Document doc, string text, string type, string? actor, string? canonical, Place? place)
    {
        var m = Find(doc, text);
        doc.Entities.Add(new Entity { Start = m.Start, End = m.End, Text = m.Text, Type = type, Actor = actor, Canonical = canonical, Place = place, Evidence = new Evidence("fixture/1", Rule: "hand-filled") });
        doc.Entities.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static void Quote(Document doc, string content, string cue, string speaker, string actor, bool direct = true) =>
        doc.Quotes.Add(new Quote
        {
            Kind = direct ? QuoteKind.Direct : QuoteKind.Indirect,
            Content = Find(doc, content),
            Cue = Find(doc, cue),
            Speaker = Find(doc, speaker),
            SpeakerActor = actor,
            Evidence = new Evidence("fixture/1", Rule: "hand-filled"),
        });

    private static void Event(Document doc, string id, string type, string trigger, (string Text, string Actor)? source, (string Text, string Actor)? target, string date, Place? place)
    {
        EventParticipant? Participant((string Text, string Actor)? p)
        {
            if (p is null) return null;
            var m = Find(doc, p.Value.Text);
            return new EventParticipant { Start = m.Start, End = m.End, Text = m.Text, Actor = p.Value.Actor };
        }

        doc.Events.Add(new Event
        {
            Id = id,
            Type = type,
            Source = Participant(source),
            Target = Participant(target),
            Trigger = Find(doc, trigger),
            Date = date,
            Place = place,
            Evidence = new Evidence("fixture/1", Rule: "hand-filled"),
        });
    }
}
