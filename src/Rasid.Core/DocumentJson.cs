using System.Buffers;
using System.Text;
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
    /// <remarks>Written by <see cref="DocumentJsonWriter"/>: the same bytes as <c>JsonSerializer.Serialize(document, Options)</c>.</remarks>
    public static string Serialize(Document document, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = Write(document, indented);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="document"/> as UTF-8 JSON to a stream.</summary>
    public static void Serialize(Stream stream, Document document, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(document);
        var buffer = Write(document, indented);
        stream.Write(buffer.WrittenSpan); // not flushed, as the serializer does not (a GZipStream flush would add a sync block)
    }

    // One reusable buffer and writer per thread and form (the analysis workers serialise in parallel); a buffer that grew
    // past 1 MiB for an unusually long document is not kept.
    [ThreadStatic] private static WriterCache? _compactCache;
    [ThreadStatic] private static WriterCache? _indentedCache;

    private static ArrayBufferWriter<byte> Write(Document document, bool indented)
    {
        ref var slot = ref indented ? ref _indentedCache : ref _compactCache;
        if (slot is null || slot.Buffer.Capacity > 1 << 20) slot = new WriterCache(indented ? Indented : Compact);
        var cache = slot;
        cache.Buffer.ResetWrittenCount();
        cache.Writer.Reset(cache.Buffer);
        DocumentJsonWriter.Write(cache.Writer, document, cache.Options);
        cache.Writer.Flush();
        return cache.Buffer;
    }

    private sealed class WriterCache
    {
        public WriterCache(JsonSerializerOptions options)
        {
            Options = options;
            Buffer = new ArrayBufferWriter<byte>(64 * 1024);
            // The writer options the serializer derives from its options (JsonSerializerOptions.GetWriterOptions).
            Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions
            {
                Encoder = options.Encoder,
                Indented = options.WriteIndented,
                IndentCharacter = options.IndentCharacter,
                IndentSize = options.IndentSize,
                NewLine = options.NewLine,
                MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
                SkipValidation = true,
            });
        }

        public JsonSerializerOptions Options { get; }

        public ArrayBufferWriter<byte> Buffer { get; }

        public Utf8JsonWriter Writer { get; }
    }

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
