using System.Text.Json.Serialization;

namespace Rasid.Search;

/// <summary>What a search hit is.</summary>
public static class SearchKinds
{
    /// <summary>A whole article (title + text).</summary>
    public const string Document = "document";

    /// <summary>A quotation (content + speaker).</summary>
    public const string Quote = "quote";

    /// <summary>A coded event (the sentence of its trigger).</summary>
    public const string Event = "event";

    /// <summary>All kinds.</summary>
    public static readonly IReadOnlyList<string> All = [Document, Quote, Event];
}

/// <summary>How hits are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (BM25-like Lucene default scoring).</summary>
    Relevance,

    /// <summary>Newest first.</summary>
    Date,
}

/// <summary>A search: query text in Lucene syntax (terms, "phrases", AND/OR/NOT, +/-), filters, paging.</summary>
public sealed record SearchRequest
{
    /// <summary>Largest page size.</summary>
    public const int MaxLimit = 100;

    /// <summary>Query text; empty matches everything (browse by filters).</summary>
    public string Query { get; init; } = "";

    /// <summary>Kind of hit (document, quote, event); null for all kinds.</summary>
    public string? Kind { get; init; }

    /// <summary>PLOVER event type.</summary>
    public string? EventType { get; init; }

    /// <summary>Actor code.</summary>
    public string? Actor { get; init; }

    /// <summary>Place name.</summary>
    public string? Place { get; init; }

    /// <summary>Source outlet.</summary>
    public string? Source { get; init; }

    /// <summary>Earliest date (inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Latest date (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Order of hits.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Hits to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Page size (1..<see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 10;

    /// <summary>True to join query terms with AND (the default, as users expect); false for OR (ranked retrieval).</summary>
    public bool AllTerms { get; init; } = true;

    /// <summary>True to count facet values over all matching hits.</summary>
    public bool Facets { get; init; } = true;

    /// <summary>True to build highlighted snippets.</summary>
    public bool Snippets { get; init; } = true;
}

/// <summary>A piece of a snippet: plain text, or a matched term when <see cref="Hit"/> is true.</summary>
/// <param name="Text">The characters (unescaped: render as text, never as HTML).</param>
/// <param name="Hit">True for a query match.</param>
public sealed record SnippetPart(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("hit")] bool Hit);

/// <summary>One search hit.</summary>
public sealed record SearchHit
{
    /// <summary>document, quote or event.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";

    /// <summary>Unique key in the index (document id, or document id + "#q3" / "#E1").</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";

    /// <summary>Id of the document the hit belongs to.</summary>
    [JsonPropertyName("document_id")] public string DocumentId { get; init; } = "";

    /// <summary>The document's headline.</summary>
    [JsonPropertyName("title")] public string? Title { get; init; }

    /// <summary>Date of the document or event (ISO).</summary>
    [JsonPropertyName("date")] public string? Date { get; init; }

    /// <summary>Source outlet.</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    /// <summary>Event type for events.</summary>
    [JsonPropertyName("event_type")] public string? EventType { get; init; }

    /// <summary>Actor codes attached to the hit.</summary>
    [JsonPropertyName("actors")] public IReadOnlyList<string> Actors { get; init; } = [];

    /// <summary>Start of the quote or event sentence in the document text (null for documents).</summary>
    [JsonPropertyName("start")] public int? Start { get; init; }

    /// <summary>End of the quote or event sentence in the document text.</summary>
    [JsonPropertyName("end")] public int? End { get; init; }

    /// <summary>Lucene score (0 when sorted by date).</summary>
    [JsonPropertyName("score")] public float Score { get; init; }

    /// <summary>Highlighted title parts (empty when the title has no match).</summary>
    [JsonPropertyName("title_snippet")] public IReadOnlyList<SnippetPart> TitleSnippet { get; init; } = [];

    /// <summary>Highlighted text fragment parts (fragments separated by a " … " part).</summary>
    [JsonPropertyName("snippet")] public IReadOnlyList<SnippetPart> Snippet { get; init; } = [];
}

/// <summary>A facet value and how many matching hits carry it.</summary>
/// <param name="Value">The value (event type, actor code, place, source or kind).</param>
/// <param name="Count">Matching hits.</param>
public sealed record FacetValue(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("count")] int Count);

/// <summary>A page of search hits with facet counts.</summary>
public sealed record SearchResults
{
    /// <summary>The query as given.</summary>
    [JsonPropertyName("query")] public string Query { get; init; } = "";

    /// <summary>Matching hits in all.</summary>
    [JsonPropertyName("total")] public int Total { get; init; }

    /// <summary>Hits skipped.</summary>
    [JsonPropertyName("offset")] public int Offset { get; init; }

    /// <summary>Page size.</summary>
    [JsonPropertyName("limit")] public int Limit { get; init; }

    /// <summary>This page of hits.</summary>
    [JsonPropertyName("results")] public IReadOnlyList<SearchHit> Results { get; init; } = [];

    /// <summary>Facet counts by dimension (kind, type, actor, place, source), most frequent first.</summary>
    [JsonPropertyName("facets")] public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();
}

/// <summary>What <see cref="SearchIndex.Sync"/> did.</summary>
/// <param name="Added">Documents new to the index.</param>
/// <param name="Updated">Documents re-indexed because their version changed.</param>
/// <param name="Deleted">Documents removed because the catalog no longer has them.</param>
/// <param name="Unchanged">Documents already current.</param>
public sealed record SyncReport(int Added, int Updated, int Deleted, int Unchanged);

/// <summary>A query the parser cannot read (unbalanced quotes or brackets, a lone operator).</summary>
public sealed class SearchQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SearchQueryException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SearchQueryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SearchQueryException(string message)
        : base(message)
    {
    }
}
