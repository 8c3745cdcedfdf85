using System.Text.Json.Serialization;
using Rasid.Core;

namespace Rasid.Search;

/// <summary>
/// The read side of a corpus that search and the web front end need. Small on purpose: the corpus store
/// (Rasid.Storage, SQLite/PostgreSQL) implements it at merge time; <see cref="InMemoryCatalog"/> implements it
/// over a JSONL file of <c>rasid.document/1</c> documents for tests and for <c>rasid serve --docs</c>.
/// Implementations must be thread-safe for concurrent readers.
/// </summary>
public interface IDocumentCatalog
{
    /// <summary>The analysed document with this id, or null when the catalog has none.</summary>
    Document? Get(string id);

    /// <summary>
    /// Id and version of every document, in any order. The version changes whenever the stored document
    /// changes (re-analysis, new metadata); the search index compares it to decide what to re-index.
    /// </summary>
    IEnumerable<CatalogEntry> Entries();

    /// <summary>Events matching <paramref name="filter"/>, newest first, one page.</summary>
    EventPage Events(EventFilter filter);

    /// <summary>Actor codes seen in entities, quotes and events, most frequent first.</summary>
    IReadOnlyList<ActorCount> Actors(int limit);

    /// <summary>Corpus figures: counts, date range, events per type and per day, event places.</summary>
    CatalogStats Stats();
}

/// <summary>A document's id and the version of its stored analysis.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Version">Opaque version string; differs whenever the document changed.</param>
public sealed record CatalogEntry(string Id, string Version);

/// <summary>Filters and paging for <see cref="IDocumentCatalog.Events"/>. Null filters match everything.</summary>
public sealed record EventFilter
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxLimit = 500;

    /// <summary>PLOVER type (exact, e.g. ASSAULT).</summary>
    public string? Type { get; init; }

    /// <summary>Actor code of the source or the target (exact, e.g. SYRGOV).</summary>
    public string? Actor { get; init; }

    /// <summary>Place name (exact, case-insensitive).</summary>
    public string? Place { get; init; }

    /// <summary>Source outlet of the document.</summary>
    public string? Source { get; init; }

    /// <summary>Earliest event date (inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Latest event date (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Number of matching events to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Page size (1..<see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>One event with the document it came from.</summary>
public sealed record EventRow
{
    /// <summary>Id of the document holding the event.</summary>
    [JsonPropertyName("document_id")]
    public string DocumentId { get; init; } = "";

    /// <summary>The document's headline.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The document's outlet.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>The event's date, or else the document's publication date.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>The event itself.</summary>
    [JsonPropertyName("event")]
    public Event Event { get; init; } = new();
}

/// <summary>A page of events.</summary>
/// <param name="Total">Matching events in all.</param>
/// <param name="Offset">Events skipped.</param>
/// <param name="Limit">Page size asked for.</param>
/// <param name="Items">This page.</param>
public sealed record EventPage(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("items")] IReadOnlyList<EventRow> Items);

/// <summary>How often an actor code occurs.</summary>
/// <param name="Code">CAMEO-style actor code.</param>
/// <param name="Canonical">A canonical name seen with the code.</param>
/// <param name="Mentions">Entity mentions and quote speakers with this code.</param>
/// <param name="Events">Events where the actor is source or target.</param>
public sealed record ActorCount(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("canonical")] string? Canonical,
    [property: JsonPropertyName("mentions")] int Mentions,
    [property: JsonPropertyName("events")] int Events);

/// <summary>Events of one type on one day.</summary>
/// <param name="Date">ISO date.</param>
/// <param name="Type">PLOVER type.</param>
/// <param name="Count">Number of events.</param>
public sealed record DayCount(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("count")] int Count);

/// <summary>A place where events happened.</summary>
/// <param name="Name">Place name.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Country">ISO-3 country code.</param>
/// <param name="Count">Number of events.</param>
public sealed record PlaceCount(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("lon")] double Lon,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("count")] int Count);

/// <summary>Corpus figures.</summary>
public sealed record CatalogStats
{
    /// <summary>Number of documents.</summary>
    [JsonPropertyName("documents")] public int Documents { get; init; }

    /// <summary>Number of events.</summary>
    [JsonPropertyName("events")] public int Events { get; init; }

    /// <summary>Number of quotes.</summary>
    [JsonPropertyName("quotes")] public int Quotes { get; init; }

    /// <summary>Number of entity mentions.</summary>
    [JsonPropertyName("entities")] public int Entities { get; init; }

    /// <summary>Earliest publication date.</summary>
    [JsonPropertyName("first_published")] public DateOnly? FirstPublished { get; init; }

    /// <summary>Latest publication date.</summary>
    [JsonPropertyName("last_published")] public DateOnly? LastPublished { get; init; }

    /// <summary>Events per PLOVER type.</summary>
    [JsonPropertyName("events_by_type")] public IReadOnlyDictionary<string, int> EventsByType { get; init; } = new Dictionary<string, int>();

    /// <summary>Documents per source outlet.</summary>
    [JsonPropertyName("documents_by_source")] public IReadOnlyDictionary<string, int> DocumentsBySource { get; init; } = new Dictionary<string, int>();

    /// <summary>Events per day and type (for the timeline), in date order.</summary>
    [JsonPropertyName("events_per_day")] public IReadOnlyList<DayCount> EventsPerDay { get; init; } = [];

    /// <summary>Places of events with coordinates (for the map), most frequent first.</summary>
    [JsonPropertyName("event_places")] public IReadOnlyList<PlaceCount> EventPlaces { get; init; } = [];
}
