using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rasid.Core;

/// <summary>
/// Writes a whole <see cref="Document"/> by hand: the bytes are exactly those the attribute-driven serializer writes with
/// <see cref="DocumentJson.Options"/> (same property order, the same null fields left out, enums by their
/// <see cref="JsonStringEnumMemberNameAttribute"/> names, numbers and strings through the same <see cref="Utf8JsonWriter"/>
/// calls), which the tests check on real analysed documents. The reflection serializer spent most of the stored form's time
/// on the non-token layers (entities, events, times, quotes); tokens use <see cref="TokenJsonConverter"/>.
/// When a property is added to a document type, it must be added here too (a test serialises every layer both ways).
/// </summary>
internal static class DocumentJsonWriter
{
    private static readonly TokenJsonConverter Tokens = new();

    private static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText Cluster = JsonEncodedText.Encode("cluster");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Pipeline = JsonEncodedText.Encode("pipeline");
    private static readonly JsonEncodedText Removed = JsonEncodedText.Encode("removed");
    private static readonly JsonEncodedText Sentences = JsonEncodedText.Encode("sentences");
    private static readonly JsonEncodedText TokensName = JsonEncodedText.Encode("tokens");
    private static readonly JsonEncodedText Entities = JsonEncodedText.Encode("entities");
    private static readonly JsonEncodedText Quotes = JsonEncodedText.Encode("quotes");
    private static readonly JsonEncodedText Times = JsonEncodedText.Encode("times");
    private static readonly JsonEncodedText Events = JsonEncodedText.Encode("events");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText EvidenceName = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText By = JsonEncodedText.Encode("by");
    private static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText Canonical = JsonEncodedText.Encode("canonical");
    private static readonly JsonEncodedText PlaceName = JsonEncodedText.Encode("place");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Lat = JsonEncodedText.Encode("lat");
    private static readonly JsonEncodedText Lon = JsonEncodedText.Encode("lon");
    private static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
    private static readonly JsonEncodedText Cue = JsonEncodedText.Encode("cue");
    private static readonly JsonEncodedText Speaker = JsonEncodedText.Encode("speaker");
    private static readonly JsonEncodedText SpeakerActor = JsonEncodedText.Encode("speaker_actor");
    private static readonly JsonEncodedText SpeakerCanonical = JsonEncodedText.Encode("speaker_canonical");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Cameo = JsonEncodedText.Encode("cameo");
    private static readonly JsonEncodedText Mode = JsonEncodedText.Encode("mode");
    private static readonly JsonEncodedText Target = JsonEncodedText.Encode("target");
    private static readonly JsonEncodedText Trigger = JsonEncodedText.Encode("trigger");
    private static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText DateFromArticle = JsonEncodedText.Encode("date_from_article");
    private static readonly JsonEncodedText Negated = JsonEncodedText.Encode("negated");
    private static readonly JsonEncodedText Modality = JsonEncodedText.Encode("modality");
    private static readonly JsonEncodedText Mentions = JsonEncodedText.Encode("mentions");

    // Quote kinds as JsonStringEnumConverter writes them (the JsonStringEnumMemberName of each member).
    private static readonly JsonEncodedText[] QuoteKinds = EnumNames<QuoteKind>();

    /// <summary>Writes <paramref name="document"/> (non-null) as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Document document, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Schema, document.Schema);
        writer.WriteString(Id, document.Id);
        writer.WritePropertyName(Published);
        if (document.Published is { } published)
        {
            // As the serializer's DateOnly converter: ISO 8601 "O" (yyyy-MM-dd).
            Span<char> buffer = stackalloc char[16];
            published.TryFormat(buffer, out var written, "O", CultureInfo.InvariantCulture);
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString(Title, document.Title);
        writer.WriteString(Url, document.Url);
        writer.WriteString(Source, document.Source);
        writer.WriteString(Language, document.Language);
        writer.WriteString(Cluster, document.Cluster);
        writer.WriteString(Text, document.Text);

        WriteArray(writer, Pipeline, document.Pipeline, static (w, step) => w.WriteStringValue(step));
        WriteArray(writer, Removed, document.Removed, WriteRemoved);
        WriteArray(writer, Sentences, document.Sentences, WriteSentence);

        writer.WritePropertyName(TokensName);
        if (document.Tokens is null) writer.WriteNullValue();
        else
        {
            writer.WriteStartArray();
            foreach (var token in document.Tokens)
            {
                if (token is null) writer.WriteNullValue();
                else Tokens.Write(writer, token, options);
            }

            writer.WriteEndArray();
        }

        WriteArray(writer, Entities, document.Entities, WriteEntity);
        WriteArray(writer, Quotes, document.Quotes, WriteQuote);
        WriteArray(writer, Times, document.Times, WriteTime);
        WriteArray(writer, Events, document.Events, WriteEvent);
        writer.WriteEndObject();
    }

    // A list property as the serializer writes it: null, or an array whose null elements stay null (each item writer
    // writes null for a null item).
    private static void WriteArray<T>(Utf8JsonWriter writer, JsonEncodedText name, List<T>? items, Action<Utf8JsonWriter, T?> writeItem)
        where T : class
    {
        writer.WritePropertyName(name);
        if (items is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var item in items) writeItem(writer, item);
        writer.WriteEndArray();
    }

    // Writes null for a null value (as the serializer does) and returns false, else opens the value's object.
    private static bool StartObject(Utf8JsonWriter writer, [NotNullWhen(true)] object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return false;
        }

        writer.WriteStartObject();
        return true;
    }

    private static void WriteSentence(Utf8JsonWriter writer, Sentence? sentence)
    {
        if (!StartObject(writer, sentence)) return;
        writer.WriteNumber(Start, sentence.Start);
        writer.WriteNumber(End, sentence.End);
        writer.WriteEndObject();
    }

    private static void WriteRemoved(Utf8JsonWriter writer, RemovedText? removed)
    {
        if (!StartObject(writer, removed)) return;
        writer.WriteNumber(Start, removed.Start);
        writer.WriteNumber(End, removed.End);
        writer.WriteString(Reason, removed.Reason);
        writer.WritePropertyName(EvidenceName);
        WriteEvidence(writer, removed.Evidence);
        writer.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter writer, Entity? entity)
    {
        if (!StartObject(writer, entity)) return;
        writer.WriteNumber(Start, entity.Start);
        writer.WriteNumber(End, entity.End);
        writer.WriteString(Text, entity.Text);
        writer.WriteString(Type, entity.Type);
        writer.WriteString(Actor, entity.Actor);
        writer.WriteString(Canonical, entity.Canonical);
        writer.WritePropertyName(PlaceName);
        WritePlace(writer, entity.Place);
        writer.WritePropertyName(EvidenceName);
        WriteEvidence(writer, entity.Evidence);
        writer.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter writer, Quote? quote)
    {
        if (!StartObject(writer, quote)) return;
        var kind = (int)quote.Kind;
        if ((uint)kind < (uint)QuoteKinds.Length) writer.WriteString(Kind, QuoteKinds[kind]);
        else writer.WriteNumber(Kind, kind); // as JsonStringEnumConverter writes undefined values
        writer.WritePropertyName(Content);
        WriteMention(writer, quote.Content);
        writer.WritePropertyName(Cue);
        WriteMention(writer, quote.Cue);
        writer.WritePropertyName(Speaker);
        WriteMention(writer, quote.Speaker);
        writer.WriteString(SpeakerActor, quote.SpeakerActor);
        writer.WriteString(SpeakerCanonical, quote.SpeakerCanonical);
        writer.WritePropertyName(EvidenceName);
        WriteEvidence(writer, quote.Evidence);
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, TimeExpression? time)
    {
        if (!StartObject(writer, time)) return;
        writer.WriteNumber(Start, time.Start);
        writer.WriteNumber(End, time.End);
        writer.WriteString(Text, time.Text);
        writer.WriteString(Value, time.Value);
        writer.WriteString(Kind, time.Kind);
        writer.WritePropertyName(EvidenceName);
        WriteEvidence(writer, time.Evidence);
        writer.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter writer, Event? item)
    {
        if (!StartObject(writer, item)) return;
        writer.WriteString(Id, item.Id);
        writer.WriteString(Type, item.Type);
        writer.WriteString(Cameo, item.Cameo);
        writer.WriteString(Mode, item.Mode);
        writer.WritePropertyName(Source);
        WriteParticipant(writer, item.Source);
        writer.WritePropertyName(Target);
        WriteParticipant(writer, item.Target);
        writer.WritePropertyName(Trigger);
        WriteMention(writer, item.Trigger);
        writer.WriteString(Date, item.Date);
        writer.WriteBoolean(DateFromArticle, item.DateFromArticle);
        writer.WritePropertyName(PlaceName);
        WritePlace(writer, item.Place);
        writer.WriteBoolean(Negated, item.Negated);
        writer.WritePropertyName(EvidenceName);
        WriteEvidence(writer, item.Evidence);
        if (item.Modality is not null) writer.WriteString(Modality, item.Modality);
        if (item.Mentions is not null) WriteArray(writer, Mentions, item.Mentions, WriteEventMention);

        writer.WriteEndObject();
    }

    private static void WriteEventMention(Utf8JsonWriter writer, EventMention? mention)
    {
        if (!StartObject(writer, mention)) return;
        writer.WriteNumber(Start, mention.Start);
        writer.WriteNumber(End, mention.End);
        writer.WritePropertyName(Trigger);
        WriteMention(writer, mention.Trigger);
        writer.WritePropertyName(EvidenceName);
        WriteEvidence(writer, mention.Evidence);
        writer.WriteEndObject();
    }

    private static void WriteParticipant(Utf8JsonWriter writer, EventParticipant? participant)
    {
        if (!StartObject(writer, participant)) return;
        writer.WriteNumber(Start, participant.Start);
        writer.WriteNumber(End, participant.End);
        writer.WriteString(Actor, participant.Actor);
        writer.WriteString(Text, participant.Text);
        writer.WriteEndObject();
    }

    private static void WriteMention(Utf8JsonWriter writer, Mention? mention)
    {
        if (!StartObject(writer, mention)) return;
        writer.WriteNumber(Start, mention.Start);
        writer.WriteNumber(End, mention.End);
        writer.WriteString(Text, mention.Text);
        writer.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter writer, Place? place)
    {
        if (!StartObject(writer, place)) return;
        writer.WriteString(Name, place.Name);
        writer.WriteNumber(Lat, place.Lat);
        writer.WriteNumber(Lon, place.Lon);
        writer.WriteString(Country, place.Country);
        writer.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter writer, Evidence? evidence)
    {
        if (!StartObject(writer, evidence)) return;
        writer.WriteString(By, evidence.By);
        if (evidence.Score is { } score) writer.WriteNumber(Score, score);
        if (evidence.Rule is not null) writer.WriteString(Rule, evidence.Rule);
        writer.WriteEndObject();
    }

    private static JsonEncodedText[] EnumNames<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            var name = typeof(T).GetField(value.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
                .OfType<JsonStringEnumMemberNameAttribute>().Single().Name;
            names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(name);
        }

        return names;
    }
}
