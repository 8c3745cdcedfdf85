using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rasid.Core;

/// <summary>Reads and writes documents in the <c>rasid.document/1</c> JSON form (see docs/schema.md).</summary>
public static class DocumentJson
{
    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    /// <summary>Serializer options used for documents (Arabic written as is, nulls kept, snake_case names).</summary>
    public static JsonSerializerOptions Options => Compact;

    /// <summary>Writes <paramref name="document"/> as JSON (one line unless <paramref name="indented"/>).</summary>
    public static string Serialize(Document document, bool indented = false) =>
        JsonSerializer.Serialize(document, indented ? Indented : Compact);

    /// <summary>Writes <paramref name="document"/> as UTF-8 JSON to a stream.</summary>
    public static void Serialize(Stream stream, Document document, bool indented = false) =>
        JsonSerializer.Serialize(stream, document, indented ? Indented : Compact);

    /// <summary>Reads a document, checking its schema id and that every range lies inside its text.</summary>
    /// <exception cref="FormatException">When the JSON is malformed, of another schema, or has ranges outside the text.</exception>
    public static Document Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Compact);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not a rasid document: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new FormatException("not a rasid document: null");
        }

        if (document.Schema != Document.SchemaId)
        {
            throw new FormatException($"unsupported schema '{document.Schema}', expected '{Document.SchemaId}'");
        }

        DocumentValidator.ThrowIfInvalid(document);
        return document;
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectNullableAnnotations = false,
            AllowTrailingCommas = false,
            Converters = { new TokenJsonConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
