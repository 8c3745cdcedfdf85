using System.Text.Json.Serialization;

namespace Rasid.Core;

/// <summary>
/// One analysed article: its original text (never changed), metadata, and annotation layers whose
/// ranges all point into <see cref="Text"/>. Serialized as <c>rasid.document/1</c> by <see cref="DocumentJson"/>.
/// </summary>
/// <remarks>A document is built by one pipeline run on one thread; it is not thread-safe while being built.</remarks>
public sealed class Document
{
    /// <summary>The JSON schema id written in every document.</summary>
    public const string SchemaId = "rasid.document/1";

    /// <summary>Schema id of this document's JSON form.</summary>
    [JsonPropertyName("schema")]
    public string Schema { get; init; } = SchemaId;

    /// <summary>Document id (given, or derived from the text).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Publication date, the anchor for relative time expressions.</summary>
    [JsonPropertyName("published")]
    public DateOnly? Published { get; init; }

    /// <summary>Headline.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Original address.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Outlet, agency or input file.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>ISO 639-1 language code.</summary>
    [JsonPropertyName("language")]
    public string Language { get; init; } = "ar";

    /// <summary>Story cluster id, set by the corpus store (null for a single analysis).</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; set; }

    /// <summary>The original text, unchanged.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    /// <summary>Components that ran, in order, with versions (e.g. <c>tokens.rules/1</c>).</summary>
    [JsonPropertyName("pipeline")]
    public List<string> Pipeline { get; init; } = [];

    /// <summary>Parts of the text left out of analysis (adverts, bylines, share buttons).</summary>
    [JsonPropertyName("removed")]
    public List<RemovedText> Removed { get; init; } = [];

    /// <summary>Sentences, in text order.</summary>
    [JsonPropertyName("sentences")]
    public List<Sentence> Sentences { get; init; } = [];

    /// <summary>Surface tokens with their syntactic words, in text order.</summary>
    [JsonPropertyName("tokens")]
    public List<Token> Tokens { get; init; } = [];

    /// <summary>Named entities.</summary>
    [JsonPropertyName("entities")]
    public List<Entity> Entities { get; init; } = [];

    /// <summary>Quotations with speakers.</summary>
    [JsonPropertyName("quotes")]
    public List<Quote> Quotes { get; init; } = [];

    /// <summary>Time expressions with resolved values.</summary>
    [JsonPropertyName("times")]
    public List<TimeExpression> Times { get; init; } = [];

    /// <summary>Coded events.</summary>
    [JsonPropertyName("events")]
    public List<Event> Events { get; init; } = [];

    /// <summary>Creates an empty document for <paramref name="text"/> with the given metadata.</summary>
    public static Document Create(string text, ArticleInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        info ??= new ArticleInfo();
        return new Document
        {
            Id = string.IsNullOrWhiteSpace(info.Id) ? DocumentId.FromText(text) : info.Id,
            Published = info.Published,
            Title = info.Title,
            Url = info.Url,
            Source = info.Source,
            Language = info.Language,
            Text = text,
        };
    }

    /// <summary>The characters of <paramref name="range"/> in the original text.</summary>
    public string Slice(TextRange range) => range.Slice(Text);
}
