using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Rasid.Core;

namespace Rasid.Core.Tests;

/// <summary>
/// <see cref="DocumentJson.Serialize(Document, bool)"/> writes documents by hand; the bytes must be exactly those of the
/// attribute-driven serializer with <see cref="DocumentJson.Options"/> (which still writes every other JSON of the project).
/// Real analysed documents are compared in Rasid.Nlp.Tests (StoredFormEquivalenceTests); here, the corners.
/// </summary>
public sealed class DocumentJsonWriterTests
{
    private const string Text = "قال \"الوزير\" إن 3.5٪ من\tالسكان\\ نزحوا </script> 😀 \u200f\u0000.";

    private static readonly JsonSerializerOptions IndentedOptions = new(DocumentJson.Options) { WriteIndented = true };

    private static readonly JsonSerializerOptions WithoutConverters = CreateWithoutConverters();

    private static JsonSerializerOptions CreateWithoutConverters()
    {
        var options = new JsonSerializerOptions(DocumentJson.Options);
        options.Converters.Clear(); // the token converter out: Token and Word by their attributes
        options.MakeReadOnly();
        return options;
    }

    private static string Reflection(Document doc, bool indented) => JsonSerializer.Serialize(doc, indented ? IndentedOptions : DocumentJson.Options);

    private static void AssertSameAsReflection(Document doc)
    {
        foreach (var indented in new[] { false, true })
        {
            var expected = Reflection(doc, indented);
            Assert.Equal(expected, DocumentJson.Serialize(doc, indented));
            using var stream = new MemoryStream();
            DocumentJson.Serialize(stream, doc, indented);
            Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
        }
    }

    private static Document Corners()
    {
        var doc = Document.Create(Text, new ArticleInfo { Id = "ك-1 \"x\"", Published = new DateOnly(9, 1, 2), Title = "عنوان\n<b>&</b>", Url = null, Source = "وكالة 'واس'" });
        doc.Cluster = "c\u0001";
        doc.Pipeline.AddRange(["tokens.rules/1", "ner.perceptron/4"]);
        doc.Removed.Add(new RemovedText { Start = 0, End = 3, Reason = "byline", Evidence = null });
        doc.Removed.Add(null!);
        doc.Sentences.Add(new Sentence { Start = 0, End = Text.Length });
        doc.Tokens.Add(new Token { Start = 0, End = 3, Text = "قال", Kind = TokenKind.Word, Words = [new Word { Start = 0, End = 3, Text = "قال", Upos = "VERB" }] });
        doc.Tokens.Add(null!);
        doc.Tokens.Add(new Token { Start = 4, End = 5, Text = "\"", Kind = (TokenKind)42, Words = null! });
        doc.Entities.Add(new Entity { Start = 5, End = 11, Text = "الوزير", Type = "PER", Place = new Place("Ra's al-Khaymah \"x\"", -0.1, 1e-7, null), Evidence = new Evidence("ner.perceptron/4", 0.30000000000000004) });
        doc.Entities.Add(new Entity { Start = 5, End = 11, Text = "الوزير", Type = "PER", Actor = "SAUGOV", Canonical = "Minister", Place = new Place("x", 21.4225, 39.826206, "SAU"), Evidence = new Evidence("memory", 1.0, "mw=PER") });
        doc.Entities.Add(new Entity { Start = 5, End = 11, Text = "الوزير", Type = "PER", Evidence = new Evidence("x", double.MaxValue) });
        doc.Entities.Add(new Entity { Start = 5, End = 11, Text = "الوزير", Type = "PER", Evidence = new Evidence("x", -0.0, "") });
        doc.Entities.Add(new Entity { Start = 5, End = 11, Text = "الوزير", Type = "PER", Evidence = new Evidence("x", 123456789.125) });
        doc.Entities.Add(null!);
        doc.Quotes.Add(new Quote { Kind = QuoteKind.Direct, Content = Mention.Of(Text, TextRange.FromBounds(4, 12)), Evidence = new Evidence("quotes.rules/1") });
        doc.Quotes.Add(new Quote { Kind = (QuoteKind)7, Content = null!, Cue = Mention.Of(Text, TextRange.FromBounds(0, 3)), Speaker = Mention.Of(Text, TextRange.FromBounds(5, 11)), SpeakerActor = "A", SpeakerCanonical = "B" });
        doc.Times.Add(new TimeExpression { Start = 0, End = 3, Text = "قال", Value = null, Kind = "duration", Evidence = null });
        doc.Times.Add(new TimeExpression { Start = 0, End = 3, Text = "قال", Value = "P3D", Kind = null!, Evidence = new Evidence("times.rules/1", Rule: "n-days") });
        doc.Events.Add(new Event
        {
            Id = "e1", Type = "ASSAULT", Cameo = null, Mode = "aerial",
            Source = new EventParticipant { Start = 5, End = 11, Text = "الوزير" },
            Target = new EventParticipant { Start = 5, End = 11, Text = "الوزير", Actor = "SAUGOV" },
            Trigger = Mention.Of(Text, TextRange.FromBounds(0, 3)),
            Date = null, DateFromArticle = true, Place = new Place("x", 0, -180, "SAU"), Negated = true, Evidence = new Evidence("events.detect/6", 0.5, "قال"),
            Modality = "possible",
            Mentions = [new EventMention { Start = 0, End = Text.Length, Trigger = Mention.Of(Text, TextRange.FromBounds(0, 3)), Evidence = new Evidence("events.rules/1") }, null!, new EventMention { Trigger = null!, Evidence = null }],
        });
        doc.Events.Add(new Event { Id = "e2", Type = "", Trigger = null!, Mentions = [] });
        doc.Events.Add(null!);
        return doc;
    }

    [Fact]
    public void Escaping_nulls_undefined_enums_and_floats_are_written_as_the_serializer_writes_them() => AssertSameAsReflection(Corners());

    [Fact]
    public void An_empty_document_and_one_with_null_layers_are_written_as_the_serializer_writes_them()
    {
        AssertSameAsReflection(Document.Create("نص"));
        AssertSameAsReflection(new Document
        {
            Schema = null!, Id = null!, Language = null!, Text = null!, Pipeline = null!, Removed = null!, Sentences = null!, Tokens = null!,
            Entities = null!, Quotes = null!, Times = null!, Events = null!,
        });
    }

    [Fact]
    public void A_long_document_that_outgrows_the_reused_buffer_is_written_whole_and_the_next_one_is_not_affected()
    {
        var text = string.Concat(Enumerable.Repeat("اكدت الرئاسة السورية \"الاربعاء\" ", 40_000));
        var doc = Document.Create(text);
        for (var i = 0; i + 5 <= text.Length; i += 33) doc.Entities.Add(new Entity { Start = i, End = i + 5, Text = text.Substring(i, 5), Type = "ORG", Evidence = new Evidence("x", i / 7.0) });
        AssertSameAsReflection(doc);
        AssertSameAsReflection(Corners());
    }

    [Fact]
    public void Documents_written_on_several_threads_at_once_are_each_whole()
    {
        var docs = Enumerable.Range(0, 64).Select(i => { var d = Corners(); d.Cluster = "c" + i; return d; }).ToArray();
        var expected = docs.Select(d => Reflection(d, false)).ToArray();
        var actual = new string[docs.Length];
        Parallel.For(0, docs.Length, i => actual[i] = DocumentJson.Serialize(docs[i]));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_public_property_of_the_document_types_is_known_to_the_hand_written_writer()
    {
        // A property added to a layer type without adding it to DocumentJsonWriter would be missing from the JSON: the
        // serializer's property list for each type is compared with the one this test knows the writer writes.
        var expected = new Dictionary<Type, string>
        {
            [typeof(Document)] = "schema,id,published,title,url,source,language,cluster,text,pipeline,removed,sentences,tokens,entities,quotes,times,events",
            [typeof(RemovedText)] = "start,end,reason,evidence",
            [typeof(Sentence)] = "start,end",
            [typeof(Token)] = "start,end,text,kind,words",
            [typeof(Word)] = "start,end,text,upos,lemma,feats",
            [typeof(Entity)] = "start,end,text,type,actor,canonical,place,evidence",
            [typeof(Place)] = "name,lat,lon,country",
            [typeof(Evidence)] = "by,score,rule",
            [typeof(Quote)] = "kind,content,cue,speaker,speaker_actor,speaker_canonical,evidence",
            [typeof(Mention)] = "start,end,text",
            [typeof(TimeExpression)] = "start,end,text,value,kind,evidence",
            [typeof(Event)] = "id,type,cameo,mode,source,target,trigger,date,date_from_article,place,negated,evidence,modality,mentions",
            [typeof(EventParticipant)] = "start,end,actor,text",
            [typeof(EventMention)] = "start,end,trigger,evidence",
        };
        foreach (var (type, names) in expected)
        {
            var info = WithoutConverters.GetTypeInfo(type);
            Assert.Equal(names, string.Join(",", info.Properties.Where(p => !IgnoredAlways(p)).OrderBy(p => p.Order).Select(p => p.Name)));
        }
    }

    private static bool IgnoredAlways(JsonPropertyInfo property) =>
        property.AttributeProvider is MemberInfo member && member.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always };
}
