namespace Rasid.Storage;

// Flat rows for exports. Property names are the CSV/Parquet column names (snake_case via the exporters);
// docs/schema.md ("Corpus exports") documents every column.

/// <summary>One coded event, flat (close to PLOVER's JSON and GDELT's event table).</summary>
public sealed record EventRow
{
    /// <summary>Globally unique event id: document id + "/" + event id.</summary>
    public string EventId { get; init; } = "";
    /// <summary>Document id.</summary>
    public string DocId { get; init; } = "";
    /// <summary>Event date (ISO) or null.</summary>
    public string? Date { get; init; }
    /// <summary>True when the date is the article's date.</summary>
    public bool DateFromArticle { get; init; }
    /// <summary>PLOVER event type.</summary>
    public string EventType { get; init; } = "";
    /// <summary>CAMEO code.</summary>
    public string? Cameo { get; init; }
    /// <summary>PLOVER mode.</summary>
    public string? Mode { get; init; }
    /// <summary>Source actor code.</summary>
    public string? SourceActor { get; init; }
    /// <summary>Source mention.</summary>
    public string? SourceText { get; init; }
    /// <summary>Target actor code.</summary>
    public string? TargetActor { get; init; }
    /// <summary>Target mention.</summary>
    public string? TargetText { get; init; }
    /// <summary>Trigger text.</summary>
    public string Trigger { get; init; } = "";
    /// <summary>Trigger start offset.</summary>
    public int TriggerStart { get; init; }
    /// <summary>Trigger end offset.</summary>
    public int TriggerEnd { get; init; }
    /// <summary>Negated event.</summary>
    public bool Negated { get; init; }
    /// <summary>Place name.</summary>
    public string? PlaceName { get; init; }
    /// <summary>Latitude.</summary>
    public double? Lat { get; init; }
    /// <summary>Longitude.</summary>
    public double? Lon { get; init; }
    /// <summary>ISO-3 country.</summary>
    public string? Country { get; init; }
    /// <summary>Producer (component id).</summary>
    public string? EvidenceBy { get; init; }
    /// <summary>Confidence.</summary>
    public double? Score { get; init; }
    /// <summary>Article publication date.</summary>
    public string? Published { get; init; }
    /// <summary>Outlet.</summary>
    public string? Source { get; init; }
    /// <summary>Article URL.</summary>
    public string? Url { get; init; }
    /// <summary>Story cluster.</summary>
    public string? Cluster { get; init; }
}

/// <summary>One entity mention, flat.</summary>
public sealed record EntityRow
{
    /// <summary>Document id.</summary>
    public string DocId { get; init; } = "";
    /// <summary>Start offset.</summary>
    public int Start { get; init; }
    /// <summary>End offset.</summary>
    public int End { get; init; }
    /// <summary>Mention text.</summary>
    public string Text { get; init; } = "";
    /// <summary>PER, ORG, LOC, MISC.</summary>
    public string Type { get; init; } = "";
    /// <summary>Actor code.</summary>
    public string? Actor { get; init; }
    /// <summary>Canonical name.</summary>
    public string? Canonical { get; init; }
    /// <summary>Place name.</summary>
    public string? PlaceName { get; init; }
    /// <summary>Latitude.</summary>
    public double? Lat { get; init; }
    /// <summary>Longitude.</summary>
    public double? Lon { get; init; }
    /// <summary>ISO-3 country.</summary>
    public string? Country { get; init; }
    /// <summary>Producer.</summary>
    public string? EvidenceBy { get; init; }
    /// <summary>Confidence.</summary>
    public double? Score { get; init; }
    /// <summary>Article date.</summary>
    public string? Published { get; init; }
    /// <summary>Outlet.</summary>
    public string? Source { get; init; }
    /// <summary>Story cluster.</summary>
    public string? Cluster { get; init; }
}

/// <summary>One quotation, flat.</summary>
public sealed record QuoteRow
{
    /// <summary>Document id.</summary>
    public string DocId { get; init; } = "";
    /// <summary>direct or indirect.</summary>
    public string Kind { get; init; } = "";
    /// <summary>What was said.</summary>
    public string Content { get; init; } = "";
    /// <summary>Content start.</summary>
    public int ContentStart { get; init; }
    /// <summary>Content end.</summary>
    public int ContentEnd { get; init; }
    /// <summary>Reporting word.</summary>
    public string? Cue { get; init; }
    /// <summary>Speaker mention.</summary>
    public string? Speaker { get; init; }
    /// <summary>Speaker actor code.</summary>
    public string? SpeakerActor { get; init; }
    /// <summary>Speaker canonical name.</summary>
    public string? SpeakerCanonical { get; init; }
    /// <summary>Producer.</summary>
    public string? EvidenceBy { get; init; }
    /// <summary>Article date.</summary>
    public string? Published { get; init; }
    /// <summary>Outlet.</summary>
    public string? Source { get; init; }
    /// <summary>Story cluster.</summary>
    public string? Cluster { get; init; }
}
