using System.Text.Json.Serialization;

namespace Rasid.Core;

/// <summary>
/// Base of every annotation that points into the original text. JSON carries <c>start</c> and
/// <c>end</c> (UTF-16 code units, end exclusive); <see cref="Range"/> is the same as a <see cref="TextRange"/>.
/// </summary>
public abstract record RangedAnnotation
{
    /// <summary>Start offset into <see cref="Document.Text"/> (inclusive).</summary>
    [JsonPropertyName("start"), JsonPropertyOrder(-10)]
    public int Start { get; init; }

    /// <summary>End offset into <see cref="Document.Text"/> (exclusive).</summary>
    [JsonPropertyName("end"), JsonPropertyOrder(-9)]
    public int End { get; init; }

    /// <summary>The covered range.</summary>
    [JsonIgnore]
    public TextRange Range => TextRange.FromBounds(Start, End);
}

/// <summary>A piece of the original text: range and the exact characters it covers.</summary>
public sealed record Mention : RangedAnnotation
{
    /// <summary>The covered characters, always equal to <c>text.Substring(start, end - start)</c>.</summary>
    [JsonPropertyName("text"), JsonPropertyOrder(-8)]
    public string Text { get; init; } = "";

    /// <summary>Creates a mention of <paramref name="range"/> in <paramref name="text"/>.</summary>
    public static Mention Of(string text, TextRange range) =>
        new() { Start = range.Start, End = range.End, Text = range.Slice(text) };
}

/// <summary>A sentence of the story (boilerplate excluded).</summary>
public sealed record Sentence : RangedAnnotation;

/// <summary>
/// A part of the original text removed from analysis (a scraped "Ad" line, a byline, share buttons...).
/// Its characters stay in <see cref="Document.Text"/>; no sentence or token covers them.
/// </summary>
public sealed record RemovedText : RangedAnnotation
{
    /// <summary>Why it was removed, e.g. <c>advert</c>, <c>share-buttons</c>, <c>byline</c>.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = "";

    /// <summary>The rule that removed it.</summary>
    [JsonPropertyName("evidence")]
    public Evidence? Evidence { get; init; }
}

/// <summary>The kind of a surface token.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TokenKind>))]
public enum TokenKind
{
    /// <summary>A word in Arabic script.</summary>
    [JsonStringEnumMemberName("word")] Word,
    /// <summary>A word in Latin (or another non-Arabic) script.</summary>
    [JsonStringEnumMemberName("latin")] Latin,
    /// <summary>A number, Western or Arabic-Indic digits, with separators.</summary>
    [JsonStringEnumMemberName("number")] Number,
    /// <summary>Punctuation or a symbol.</summary>
    [JsonStringEnumMemberName("punct")] Punctuation,
    /// <summary>A web address.</summary>
    [JsonStringEnumMemberName("url")] Url,
    /// <summary>An e-mail address.</summary>
    [JsonStringEnumMemberName("email")] Email,
    /// <summary>A hashtag such as #سوريا.</summary>
    [JsonStringEnumMemberName("hashtag")] Hashtag,
    /// <summary>A mention such as @AFP.</summary>
    [JsonStringEnumMemberName("mention")] AtMention,
    /// <summary>An emoji or pictograph.</summary>
    [JsonStringEnumMemberName("emoji")] Emoji,
}

/// <summary>A surface token (whitespace/punctuation delimited) and its syntactic words (clitics split).</summary>
public sealed record Token : RangedAnnotation
{
    /// <summary>The token's characters in the original text.</summary>
    [JsonPropertyName("text"), JsonPropertyOrder(-8)]
    public string Text { get; init; } = "";

    /// <summary>What kind of token this is.</summary>
    [JsonPropertyName("kind")]
    public TokenKind Kind { get; init; }

    /// <summary>UD-style syntactic words: one for most tokens, several when clitics are split (و+ب+القرار).</summary>
    [JsonPropertyName("words")]
    public List<Word> Words { get; init; } = [];
}

/// <summary>A syntactic word (UD sense): a token or a clitic/stem part of one.</summary>
public sealed record Word : RangedAnnotation
{
    /// <summary>The word's characters in the original text.</summary>
    [JsonPropertyName("text"), JsonPropertyOrder(-8)]
    public string Text { get; init; } = "";

    /// <summary>Universal part-of-speech tag when a tagger ran.</summary>
    [JsonPropertyName("upos"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Upos { get; init; }

    /// <summary>Lemma when a lemmatizer ran.</summary>
    [JsonPropertyName("lemma"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lemma { get; init; }

    /// <summary>Features such as <c>Definite=Def</c> (the article ال) or <c>Clitic=Proclitic</c>.</summary>
    [JsonPropertyName("feats"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Feats { get; init; }
}

/// <summary>A place with coordinates.</summary>
/// <param name="Name">Canonical (English) name.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="Country">ISO 3166-1 alpha-3 code of the country.</param>
public sealed record Place(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("lon")] double Lon,
    [property: JsonPropertyName("country")] string? Country);

/// <summary>A named entity mention, optionally linked to an actor and a place.</summary>
public sealed record Entity : RangedAnnotation
{
    /// <summary>The mention's characters.</summary>
    [JsonPropertyName("text"), JsonPropertyOrder(-8)]
    public string Text { get; init; } = "";

    /// <summary>PER, ORG, LOC or MISC.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>CAMEO-style actor code (SYRGOV, RUSGOV, IMGMUSISI...) when linked.</summary>
    [JsonPropertyName("actor")]
    public string? Actor { get; init; }

    /// <summary>Canonical English name when linked (e.g. "Bashar al-Assad").</summary>
    [JsonPropertyName("canonical")]
    public string? Canonical { get; init; }

    /// <summary>Coordinates when the mention is a geocoded place.</summary>
    [JsonPropertyName("place")]
    public Place? Place { get; init; }

    /// <summary>Which model or rule found the mention.</summary>
    [JsonPropertyName("evidence")]
    public Evidence? Evidence { get; init; }
}

/// <summary>Direct quotation (in quotation marks) or indirect speech (reporting verb + ان).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuoteKind>))]
public enum QuoteKind
{
    /// <summary>Words in quotation marks.</summary>
    [JsonStringEnumMemberName("direct")] Direct,
    /// <summary>Reported speech without quotation marks.</summary>
    [JsonStringEnumMemberName("indirect")] Indirect,
}

/// <summary>A quotation with its speaker.</summary>
public sealed record Quote
{
    /// <summary>Direct or indirect.</summary>
    [JsonPropertyName("kind")]
    public QuoteKind Kind { get; init; }

    /// <summary>What was said.</summary>
    [JsonPropertyName("content")]
    public Mention Content { get; init; } = new();

    /// <summary>The reporting word (قال، أكد، مضيفا...) with its clitics.</summary>
    [JsonPropertyName("cue")]
    public Mention? Cue { get; init; }

    /// <summary>The speaker's mention (nearest explicit mention when implied).</summary>
    [JsonPropertyName("speaker")]
    public Mention? Speaker { get; init; }

    /// <summary>The speaker's actor code.</summary>
    [JsonPropertyName("speaker_actor")]
    public string? SpeakerActor { get; init; }

    /// <summary>The speaker's canonical name.</summary>
    [JsonPropertyName("speaker_canonical")]
    public string? SpeakerCanonical { get; init; }

    /// <summary>Which rule found the quote.</summary>
    [JsonPropertyName("evidence")]
    public Evidence? Evidence { get; init; }
}

/// <summary>A time expression and its TIMEX3-like normalised value.</summary>
public sealed record TimeExpression : RangedAnnotation
{
    /// <summary>The expression's characters.</summary>
    [JsonPropertyName("text"), JsonPropertyOrder(-8)]
    public string Text { get; init; } = "";

    /// <summary>ISO 8601 / TIMEX3 value (2015-09-30, 2011-03, PXW, PRESENT_REF) or null when unresolved.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>date, time, duration or set.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "date";

    /// <summary>Which rule recognised and resolved it.</summary>
    [JsonPropertyName("evidence")]
    public Evidence? Evidence { get; init; }
}

/// <summary>The source or target of an event: an actor code and the mention it came from.</summary>
public sealed record EventParticipant : RangedAnnotation
{
    /// <summary>CAMEO-style actor code, when linked.</summary>
    [JsonPropertyName("actor")]
    public string? Actor { get; init; }

    /// <summary>The mention's characters.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";
}

/// <summary>A coded event: who did what to whom, when and where.</summary>
public sealed record Event
{
    /// <summary>Stable id within the document.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>PLOVER event type (ASSAULT, PROTEST, REQUEST...).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>Corresponding CAMEO code.</summary>
    [JsonPropertyName("cameo")]
    public string? Cameo { get; init; }

    /// <summary>PLOVER mode when determinable.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Who acted.</summary>
    [JsonPropertyName("source")]
    public EventParticipant? Source { get; init; }

    /// <summary>Who was acted upon.</summary>
    [JsonPropertyName("target")]
    public EventParticipant? Target { get; init; }

    /// <summary>The verb or nominal predicate.</summary>
    [JsonPropertyName("trigger")]
    public Mention Trigger { get; init; } = new();

    /// <summary>ISO date of the event.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>True when <see cref="Date"/> is the article's date because the text gave none.</summary>
    [JsonPropertyName("date_from_article")]
    public bool DateFromArticle { get; init; }

    /// <summary>Where it happened.</summary>
    [JsonPropertyName("place")]
    public Place? Place { get; init; }

    /// <summary>True when the text negates the event (لم، لن، نفى).</summary>
    [JsonPropertyName("negated")]
    public bool Negated { get; init; }

    /// <summary>Rules/models that produced the event.</summary>
    [JsonPropertyName("evidence")]
    public Evidence? Evidence { get; init; }

    /// <summary>asserted, negated, possible (قد + imperfect) or future (سوف، سـ); null when unknown.</summary>
    [JsonPropertyName("modality"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Modality { get; init; }

    /// <summary>Every mention of the event in the article (one per sentence that reports it), in text order.</summary>
    [JsonPropertyName("mentions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<EventMention>? Mentions { get; init; }
}

/// <summary>One report of an event in the text: the sentence, the trigger and what found it.</summary>
public sealed record EventMention : RangedAnnotation
{
    /// <summary>The trigger of this mention.</summary>
    [JsonPropertyName("trigger")]
    public Mention Trigger { get; init; } = new();

    /// <summary>The rule (trigger entry) or model that found this mention.</summary>
    [JsonPropertyName("evidence")]
    public Evidence? Evidence { get; init; }
}
