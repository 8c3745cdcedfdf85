using System.Text.Json.Serialization;
namespace Rasid.Storage;

// Flat rows for exports. Property names are the CSV/Parquet column names (snake_case via the exporters);
// docs/schema.md ("Corpus exports") documents every column.

/// <summary>One coded event, flat (close to PLOVER's JSON and GDELT's event table).</summary>
public sealed record EventRow
{
    /// <summary>Globally unique event id: document id + "/" + event id.</summary>
    [JsonPropertyName("event_id")]
    public string EventId { get; init; } = "";
    /// <summary>Document id.</summary>
    [JsonPropertyName("doc_id")]
    public string DocId { get; init; } = "";
    /// <summary>Event date (ISO) or null.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }
    /// <summary>True when the date is the article's date.</summary>
    [JsonPropertyName("date_from_article")]
    public bool DateFromArticle { get; init; }
    /// <summary>PLOVER event type.</summary>
    [JsonPropertyName("event_type")]
    public string EventType { get; init; } = "";
    /// <summary>CAMEO code.</summary>
    [JsonPropertyName("cameo")]
    public string? Cameo { get; init; }
    /// <summary>PLOVER mode.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }
    /// <summary>Source actor code.</summary>
    [JsonPropertyName("source_actor")]
    public string? SourceActor { get; init; }
    /// <summary>Source mention.</summary>
    [JsonPropertyName("source_text")]
    public string? SourceText { get; init; }
    /// <summary>Target actor code.</summary>
    [JsonPropertyName("target_actor")]
    public string? TargetActor { get; init; }
    /// <summary>Target mention.</summary>
    [JsonPropertyName("target_text")]
    public string? TargetText { get; init; }
    /// <summary>Trigger text.</summary>
    [JsonPropertyName("trigger")]
    public string Trigger { get; init; } = "";
    /// <summary>Trigger start offset.</summary>
    [JsonPropertyName("trigger_start")]
    public int TriggerStart { get; init; }
    /// <summary>Trigger end offset.</summary>
    [JsonPropertyName("trigger_end")]
    public int TriggerEnd { get; init; }
    /// <summary>Negated event.</summary>
    [JsonPropertyName("negated")]
    public bool Negated { get; init; }
    /// <summary>Place name.</summary>
    [JsonPropertyName("place_name")]
    public string? PlaceName { get; init; }
    /// <summary>Latitude.</summary>
    [JsonPropertyName("lat")]
    public double? Lat { get; init; }
    /// <summary>Longitude.</summary>
    [JsonPropertyName("lon")]
    public double? Lon { get; init; }
    /// <summary>ISO-3 country.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }
    /// <summary>Producer (component id).</summary>
    [JsonPropertyName("evidence_by")]
    public string? EvidenceBy { get; init; }
    /// <summary>Confidence.</summary>
    [JsonPropertyName("score")]
    public double? Score { get; init; }
    /// <summary>Article publication date.</summary>
    [JsonPropertyName("published")]
    public string? Published { get; init; }
    /// <summary>Outlet.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
    /// <summary>Article URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }
    /// <summary>Story cluster.</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }
}

/// <summary>One entity mention, flat.</summary>
public sealed record EntityRow
{
    /// <summary>Document id.</summary>
    [JsonPropertyName("doc_id")]
    public string DocId { get; init; } = "";
    /// <summary>Start offset.</summary>
    [JsonPropertyName("start")]
    public int Start { get; init; }
    /// <summary>End offset.</summary>
    [JsonPropertyName("end")]
    public int End { get; init; }
    /// <summary>Mention text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";
    /// <summary>PER, ORG, LOC, MISC.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";
    /// <summary>Actor code.</summary>
    [JsonPropertyName("actor")]
    public string? Actor { get; init; }
    /// <summary>Canonical name.</summary>
    [JsonPropertyName("canonical")]
    public string? Canonical { get; init; }
    /// <summary>Place name.</summary>
    [JsonPropertyName("place_name")]
    public string? PlaceName { get; init; }
    /// <summary>Latitude.</summary>
    [JsonPropertyName("lat")]
    public double? Lat { get; init; }
    /// <summary>Longitude.</summary>
    [JsonPropertyName("lon")]
    public double? Lon { get; init; }
    /// <summary>ISO-3 country.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }
    /// <summary>Producer.</summary>
    [JsonPropertyName("evidence_by")]
    public string? EvidenceBy { get; init; }
    /// <summary>Confidence.</summary>
    [JsonPropertyName("score")]
    public double? Score { get; init; }
    /// <summary>Article date.</summary>
    [JsonPropertyName("published")]
    public string? Published { get; init; }
    /// <summary>Outlet.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
    /// <summary>Story cluster.</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }
}

/// <summary>One quotation, flat.</summary>
public sealed record QuoteRow
{
    /// <summary>Document id.</summary>
    [JsonPropertyName("doc_id")]
    public string DocId { get; init; } = "";
    /// <summary>direct or indirect.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";
    /// <summary>What was said.</summary>
    [JsonPropertyName("content")]
    public string Content { get; init; } = "";
    /// <summary>Content start.</summary>
    [JsonPropertyName("content_start")]
    public int ContentStart { get; init; }
    /// <summary>Content end.</summary>
    [JsonPropertyName("content_end")]
    public int ContentEnd { get; init; }
    /// <summary>Reporting word.</summary>
    [JsonPropertyName("cue")]
    public string? Cue { get; init; }
    /// <summary>Speaker mention.</summary>
    [JsonPropertyName("speaker")]
    public string? Speaker { get; init; }
    /// <summary>Speaker actor code.</summary>
    [JsonPropertyName("speaker_actor")]
    public string? SpeakerActor { get; init; }
    /// <summary>Speaker canonical name.</summary>
    [JsonPropertyName("speaker_canonical")]
    public string? SpeakerCanonical { get; init; }
    /// <summary>Producer.</summary>
    [JsonPropertyName("evidence_by")]
    public string? EvidenceBy { get; init; }
    /// <summary>Article date.</summary>
    [JsonPropertyName("published")]
    public string? Published { get; init; }
    /// <summary>Outlet.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
    /// <summary>Story cluster.</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }
}
