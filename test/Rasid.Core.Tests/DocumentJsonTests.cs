using System.Text.Json;
using Rasid.Core;

namespace Rasid.Core.Tests;

public sealed class DocumentJsonTests
{
    private const string Text = "اكدت الرئاسة السورية الاربعاء ان بوتين وافق.";

    private static Document FullDocument()
    {
        var doc = Document.Create(Text, new ArticleInfo { Id = "afp-1", Published = new DateOnly(2015, 9, 30), Title = "عنوان", Url = "https://example.org/a", Source = "AFP" });
        doc.Pipeline.Add("tokens.rules/1");
        doc.Removed.Add(new RemovedText { Start = 0, End = 4, Reason = "advert", Evidence = new Evidence("boilerplate.rules/1", Rule: "advert") });
        doc.Sentences.Add(new Sentence { Start = 0, End = Text.Length });
        doc.Tokens.Add(new Token
        {
            Start = 5, End = 12, Text = "الرئاسة", Kind = TokenKind.Word,
            Words = [new Word { Start = 5, End = 12, Text = "الرئاسة", Upos = "NOUN", Lemma = "رئاسة", Feats = "Definite=Def" }],
        });
        doc.Entities.Add(new Entity
        {
            Start = 5, End = 20, Text = "الرئاسة السورية", Type = "ORG", Actor = "SYRGOV", Canonical = "Syrian Presidency",
            Place = new Place("Damascus", 33.51, 36.29, "SYR"), Evidence = new Evidence("ner.perceptron/1", 0.97),
        });
        doc.Quotes.Add(new Quote
        {
            Kind = QuoteKind.Indirect,
            Content = Mention.Of(Text, TextRange.FromBounds(33, 43)),
            Cue = Mention.Of(Text, TextRange.FromBounds(0, 4)),
            Speaker = Mention.Of(Text, TextRange.FromBounds(5, 20)),
            SpeakerActor = "SYRGOV",
            SpeakerCanonical = "Syrian Presidency",
            Evidence = new Evidence("quotes.rules/1", Rule: "verb-an"),
        });
        doc.Times.Add(new TimeExpression { Start = 21, End = 29, Text = "الاربعاء", Value = "2015-09-30", Kind = "date", Evidence = new Evidence("times.rules/1") });
        doc.Events.Add(new Event
        {
            Id = "afp-1-e1", Type = "AGREE", Cameo = "030",
            Source = new EventParticipant { Start = 33, End = 38, Text = "بوتين", Actor = "RUSGOV" },
            Trigger = Mention.Of(Text, TextRange.FromBounds(39, 43)),
            Date = "2015-09-30", DateFromArticle = true, Negated = false, Evidence = new Evidence("events.rules/1", 0.8, "وافق"),
        });
        return doc;
    }

    [Fact]
    public void A_full_document_survives_a_json_round_trip()
    {
        var doc = FullDocument();
        var json = DocumentJson.Serialize(doc);
        var back = DocumentJson.Deserialize(json);
        Assert.Equal(json, DocumentJson.Serialize(back));
        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(new DateOnly(2015, 9, 30), back.Published);
        Assert.Equal("SYRGOV", back.Entities[0].Actor);
        Assert.Equal(TextRange.FromBounds(5, 20), back.Entities[0].Range);
        Assert.Equal(QuoteKind.Indirect, back.Quotes[0].Kind);
        Assert.Equal("NOUN", back.Tokens[0].Words[0].Upos);
    }

    [Fact]
    public void Json_uses_the_contract_field_names_and_keeps_arabic_unescaped()
    {
        var json = DocumentJson.Serialize(FullDocument());
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        Assert.Equal("rasid.document/1", root.GetProperty("schema").GetString());
        Assert.Equal("2015-09-30", root.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cluster").ValueKind);
        Assert.Equal(5, root.GetProperty("entities")[0].GetProperty("start").GetInt32());
        Assert.Equal(20, root.GetProperty("entities")[0].GetProperty("end").GetInt32());
        Assert.Equal("ner.perceptron/1", root.GetProperty("entities")[0].GetProperty("evidence").GetProperty("by").GetString());
        Assert.Equal("indirect", root.GetProperty("quotes")[0].GetProperty("kind").GetString());
        Assert.Equal("SYRGOV", root.GetProperty("quotes")[0].GetProperty("speaker_actor").GetString());
        Assert.True(root.GetProperty("events")[0].GetProperty("date_from_article").GetBoolean());
        Assert.Equal("word", root.GetProperty("tokens")[0].GetProperty("kind").GetString());
        Assert.Contains("الرئاسة السورية", json);
    }

    [Fact]
    public void An_empty_document_has_empty_layers_not_missing_ones()
    {
        using var parsed = JsonDocument.Parse(DocumentJson.Serialize(Document.Create("نص")));
        foreach (var layer in new[] { "sentences", "tokens", "entities", "quotes", "times", "events" })
        {
            Assert.Equal(0, parsed.RootElement.GetProperty(layer).GetArrayLength());
        }

        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("published").ValueKind);
    }

    [Fact]
    public void Reading_a_document_with_a_range_outside_its_text_fails_clearly()
    {
        var json = DocumentJson.Serialize(FullDocument()).Replace("\"end\":20", "\"end\":2000");
        var ex = Assert.Throws<FormatException>(() => DocumentJson.Deserialize(json));
        Assert.Contains("outside a text", ex.Message);
    }

    [Fact]
    public void Reading_a_document_whose_token_text_differs_from_the_original_fails()
    {
        var json = DocumentJson.Serialize(FullDocument()).Replace("\"text\":\"الرئاسة\",\"kind\"", "\"text\":\"الرياسة\",\"kind\"");
        Assert.Throws<FormatException>(() => DocumentJson.Deserialize(json));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"schema\":\"other/2\",\"text\":\"x\"}")]
    public void Malformed_or_foreign_json_is_rejected_with_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => DocumentJson.Deserialize(json));

    [Fact]
    public void The_same_text_always_gets_the_same_id()
    {
        Assert.Equal(Document.Create("نص الخبر").Id, Document.Create("نص الخبر").Id);
        Assert.NotEqual(Document.Create("نص الخبر").Id, Document.Create("نص آخر").Id);
        Assert.StartsWith("doc-", Document.Create("نص").Id);
    }

    private static Document TokenVariety()
    {
        const string text = "وبالقرار 3.5٪ Reuters #سوريا @AFP https://a.org x@y.org 😀 .";
        var doc = Document.Create(text, new ArticleInfo { Id = "t" });
        (int Start, int End, TokenKind Kind)[] spans =
        [
            (0, 8, TokenKind.Word), (9, 13, TokenKind.Number), (14, 21, TokenKind.Latin), (22, 28, TokenKind.Hashtag), (29, 33, TokenKind.AtMention),
            (34, 47, TokenKind.Url), (48, 55, TokenKind.Email), (56, 58, TokenKind.Emoji), (59, 60, TokenKind.Punctuation),
        ];
        foreach (var (start, end, kind) in spans) doc.Tokens.Add(new Token { Start = start, End = end, Text = text[start..end], Kind = kind, Words = [new Word { Start = start, End = end, Text = text[start..end] }] });
        doc.Tokens[0].Words.Clear();
        doc.Tokens[0].Words.AddRange([
            new Word { Start = 0, End = 1, Text = "و", Upos = "CCONJ", Lemma = "و", Feats = "Clitic=Proclitic" },
            new Word { Start = 1, End = 2, Text = "ب", Upos = "ADP", Lemma = null, Feats = "Clitic=Proclitic" },
            new Word { Start = 2, End = 8, Text = "القرار", Upos = "NOUN", Lemma = "قرار \"x\"\\", Feats = null },
        ]);
        return doc;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tokens_are_written_byte_for_byte_as_the_attribute_driven_serializer_writes_them(bool indented)
    {
        var reflection = new JsonSerializerOptions(DocumentJson.Options) { WriteIndented = indented };
        reflection.Converters.Clear(); // the hand-written token converter out: tokens by their attributes
        foreach (var doc in new[] { TokenVariety(), FullDocument() })
        {
            Assert.Equal(JsonSerializer.Serialize(doc, reflection), DocumentJson.Serialize(doc, indented));
        }
    }

    [Fact]
    public void Tokens_read_back_equal_and_in_any_property_order_with_unknown_properties_skipped()
    {
        var doc = TokenVariety();
        var json = DocumentJson.Serialize(doc);
        Assert.Equal(json, DocumentJson.Serialize(DocumentJson.Deserialize(json)));

        var reordered = json.Replace(
            "{\"start\":9,\"end\":13,\"text\":\"3.5٪\",\"kind\":\"number\",",
            "{\"future\":{\"a\":[1,2]},\"kind\":\"number\",\"text\":\"3.5٪\",\"end\":13,\"start\":9,", StringComparison.Ordinal);
        Assert.NotEqual(json, reordered);
        var back = DocumentJson.Deserialize(reordered);
        Assert.Equal((9, 13, "3.5٪", TokenKind.Number), (back.Tokens[1].Start, back.Tokens[1].End, back.Tokens[1].Text, back.Tokens[1].Kind));
        Assert.Equal(json, DocumentJson.Serialize(back));
        Assert.Null(back.Tokens[0].Words[1].Lemma);
        Assert.Equal("Clitic=Proclitic", back.Tokens[0].Words[0].Feats);
    }

    [Theory]
    [InlineData("\"kind\":\"word\"", "\"kind\":\"verb\"", "unknown token kind 'verb'")]
    [InlineData("\"start\":0,\"end\":8,\"text\":\"وبالقرار\"", "\"start\":\"0\",\"end\":8,\"text\":\"وبالقرار\"", "offset")]
    [InlineData("\"words\":[{", "\"words\":{\"x\":[{", "array of words")]
    public void A_malformed_token_is_a_format_error_naming_the_problem(string find, string replace, string reason)
    {
        var json = DocumentJson.Serialize(TokenVariety());
        var broken = json.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(json, broken);
        var error = Assert.Throws<FormatException>(() => DocumentJson.Deserialize(broken));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
