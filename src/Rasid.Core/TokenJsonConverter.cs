using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rasid.Core;

/// <summary>
/// JSON of a <see cref="Token"/> and its <see cref="Word"/>s written and read by hand. Tokens are about 70% of a
/// document's JSON, and the reflection-based serializer spent twice as long on them; the bytes are exactly those the
/// attributes on <see cref="Token"/> and <see cref="Word"/> describe (same property order, null word fields left out),
/// which the tests check against the serializer's own output. Reading accepts the properties in any order and skips
/// unknown ones, as the serializer does.
/// </summary>
internal sealed class TokenJsonConverter : JsonConverter<Token>
{
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Words = JsonEncodedText.Encode("words");
    private static readonly JsonEncodedText Upos = JsonEncodedText.Encode("upos");
    private static readonly JsonEncodedText Lemma = JsonEncodedText.Encode("lemma");
    private static readonly JsonEncodedText Feats = JsonEncodedText.Encode("feats");

    // Token kinds as JsonStringEnumConverter writes them: the JsonStringEnumMemberName of each TokenKind member.
    private static readonly (TokenKind Kind, string Name)[] KindNames = [.. Enum.GetValues<TokenKind>().Select(kind =>
        (kind, typeof(TokenKind).GetField(kind.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .OfType<JsonStringEnumMemberNameAttribute>().Single().Name))];

    private static readonly JsonEncodedText[] EncodedKinds = BuildEncodedKinds();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Token value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Start, value.Start);
        writer.WriteNumber(End, value.End);
        writer.WriteString(Text, value.Text);
        var kind = (int)value.Kind;
        if ((uint)kind < (uint)EncodedKinds.Length) writer.WriteString(Kind, EncodedKinds[kind]);
        else writer.WriteNumber(Kind, kind); // as JsonStringEnumConverter writes undefined values
        writer.WritePropertyName(Words);
        if (value.Words is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartArray();
            foreach (var word in value.Words)
            {
                if (word is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteNumber(Start, word.Start);
                writer.WriteNumber(End, word.End);
                writer.WriteString(Text, word.Text);
                if (word.Upos is not null) writer.WriteString(Upos, word.Upos);
                if (word.Lemma is not null) writer.WriteString(Lemma, word.Lemma);
                if (word.Feats is not null) writer.WriteString(Feats, word.Feats);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override Token? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(ref reader, JsonTokenType.StartObject, "a token object");
        int start = 0, end = 0;
        string text = "";
        var kind = TokenKind.Word;
        List<Word> words = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            Expect(ref reader, JsonTokenType.PropertyName, "a token property");
            if (reader.ValueTextEquals("start"u8)) start = ReadInt(ref reader);
            else if (reader.ValueTextEquals("end"u8)) end = ReadInt(ref reader);
            else if (reader.ValueTextEquals("text"u8)) text = ReadString(ref reader) ?? "";
            else if (reader.ValueTextEquals("kind"u8)) kind = ReadKind(ref reader);
            else if (reader.ValueTextEquals("words"u8)) words = ReadWords(ref reader);
            else Skip(ref reader);
        }

        return new Token { Start = start, End = end, Text = text, Kind = kind, Words = words };
    }

    private static List<Word> ReadWords(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null!; // as the serializer would set it
        Expect(ref reader, JsonTokenType.StartArray, "an array of words");
        var words = new List<Word>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                words.Add(null!);
                continue;
            }

            Expect(ref reader, JsonTokenType.StartObject, "a word object");
            int start = 0, end = 0;
            string text = "";
            string? upos = null, lemma = null, feats = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                Expect(ref reader, JsonTokenType.PropertyName, "a word property");
                if (reader.ValueTextEquals("start"u8)) start = ReadInt(ref reader);
                else if (reader.ValueTextEquals("end"u8)) end = ReadInt(ref reader);
                else if (reader.ValueTextEquals("text"u8)) text = ReadString(ref reader) ?? "";
                else if (reader.ValueTextEquals("upos"u8)) upos = ReadString(ref reader);
                else if (reader.ValueTextEquals("lemma"u8)) lemma = ReadString(ref reader);
                else if (reader.ValueTextEquals("feats"u8)) feats = ReadString(ref reader);
                else Skip(ref reader);
            }

            words.Add(new Word { Start = start, End = end, Text = text, Upos = upos, Lemma = lemma, Feats = feats });
        }

        return words;
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value)) throw new JsonException("an offset must be a 32-bit integer");
        return value;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(ref reader, JsonTokenType.String, "a string");
        return reader.GetString();
    }

    private static TokenKind ReadKind(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number)) return (TokenKind)number;
        Expect(ref reader, JsonTokenType.String, "a token kind");
        foreach (var (kind, name) in KindNames)
        {
            if (reader.ValueTextEquals(name)) return kind;
        }

        throw new JsonException($"unknown token kind '{reader.GetString()}'");
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type) throw new JsonException($"expected {what}, found {reader.TokenType}");
    }

    private static JsonEncodedText[] BuildEncodedKinds()
    {
        var encoded = new JsonEncodedText[KindNames.Max(k => (int)k.Kind) + 1];
        foreach (var (kind, name) in KindNames) encoded[(int)kind] = JsonEncodedText.Encode(name);
        return encoded;
    }
}
