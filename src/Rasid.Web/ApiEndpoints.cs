using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Rasid.Core;
using Rasid.Nlp;
using Rasid.Search;

namespace Rasid.Web;

/// <summary>Body of <c>POST /api/analyze</c> as JSON. Give <c>text</c> or <c>html</c>.</summary>
internal sealed record AnalyzeRequest
{
    /// <summary>Plain text of the article.</summary>
    [JsonPropertyName("text")] public string? Text { get; init; }

    /// <summary>HTML of the article page (scripts, styles and navigation are dropped).</summary>
    [JsonPropertyName("html")] public string? Html { get; init; }

    /// <summary>Document id (derived from the text when absent).</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Headline.</summary>
    [JsonPropertyName("title")] public string? Title { get; init; }

    /// <summary>Publication date, YYYY-MM-DD.</summary>
    [JsonPropertyName("published")] public string? Published { get; init; }

    /// <summary>Outlet.</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    /// <summary>Original address.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }
}

/// <summary>The <c>/api</c> endpoints.</summary>
internal static class ApiEndpoints
{
    public const int MaxSearchPageSize = SearchRequest.MaxLimit;
    public const int MaxEventPageSize = EventFilter.MaxLimit;
    public const int MaxPage = 10_000;

    private static readonly JsonSerializerOptions RequestJson = new() { PropertyNameCaseInsensitive = true, AllowTrailingCommas = false };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/analyze", Analyze)
            .WithSummary("Analyse an article")
            .WithDescription("Body: JSON {\"text\" | \"html\", \"id\", \"title\", \"published\": \"YYYY-MM-DD\", \"source\", \"url\"}, or a text/plain or text/html body. Returns a rasid.document/1 document.")
            .Accepts<AnalyzeRequest>("application/json", "text/plain", "text/html")
            .Produces<Document>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/documents/{id}", GetDocument)
            .WithSummary("A stored document")
            .Produces<Document>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/search", Search)
            .WithSummary("Search documents, quotes and events")
            .WithDescription("q: Lucene syntax (terms, \"phrases\", AND OR NOT, +term -term); kind: document|quote|event; type, actor, place, source: exact filters; from, to: YYYY-MM-DD; sort: relevance|date; page (1-based), page_size (1-100). Snippets come as parts {text, hit}: render them as text.")
            .Produces<SearchResults>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/events", Events)
            .WithSummary("Coded events, newest first")
            .WithDescription("Filters: type, actor (source or target), place, source, from, to (YYYY-MM-DD); page (1-based), page_size (1-500).")
            .Produces<EventPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/actors", Actors)
            .WithSummary("Actor codes, most frequent first")
            .WithDescription("limit: 1-1000 (default 100).")
            .Produces<IReadOnlyList<ActorCount>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/stats", (IDocumentCatalog catalog, IndexHolder index) => Results.Ok(new StatsResponse(catalog.Stats(), index.Index.Count(SearchKinds.Document), index.Index.Count(SearchKinds.Quote), index.Index.Count(SearchKinds.Event))))
            .WithSummary("Corpus figures")
            .Produces<StatsResponse>();
    }

    private static async Task<IResult> Analyze(HttpContext http, Lazy<RasidPipeline> pipeline, RasidWebOptions options, CancellationToken ct)
    {
        var request = http.Request;
        if (request.ContentLength > options.MaxRequestBytes) return TooLarge(options);
        var bytes = await ReadLimitedAsync(request.Body, options.MaxRequestBytes, ct).ConfigureAwait(false);
        if (bytes is null) return TooLarge(options);

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        AnalyzeRequest body;
        string text;
        try
        {
            var raw = new UTF8Encoding(false, true).GetString(bytes);
            switch (mediaType)
            {
                case "application/json":
                    body = JsonSerializer.Deserialize<AnalyzeRequest>(raw, RequestJson) ?? throw new JsonException("the body is null");
                    break;
                case "text/plain":
                    body = new AnalyzeRequest { Text = raw };
                    break;
                case "text/html":
                    body = new AnalyzeRequest { Html = raw };
                    break;
                default:
                    return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send application/json, text/plain or text/html, not '{mediaType}'");
            }
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message);
        }
        catch (DecoderFallbackException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid UTF-8", "the request body is not valid UTF-8");
        }

        var title = body.Title;
        if (body.Text is not null) text = body.Text;
        else if (body.Html is not null)
        {
            var (pageTitle, pageText) = HtmlText.Extract(body.Html);
            text = pageText;
            title ??= pageTitle;
        }
        else return Problem(StatusCodes.Status400BadRequest, "No text", "give 'text' or 'html'");

        if (string.IsNullOrWhiteSpace(text)) return Problem(StatusCodes.Status400BadRequest, "Empty text", "the article has no text to analyse");
        DateOnly? published = null;
        if (body.Published is not null)
        {
            if (!TryDate(body.Published, out var date)) return Problem(StatusCodes.Status400BadRequest, "Invalid date", $"'published' must be a real date as YYYY-MM-DD, not '{body.Published}'");
            published = date;
        }

        var document = pipeline.Value.Analyze(text, new ArticleInfo { Id = body.Id, Title = title, Published = published, Source = body.Source, Url = body.Url }, ct);
        return Results.Text(DocumentJson.Serialize(document), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static IResult GetDocument(string id, IDocumentCatalog catalog)
    {
        var document = catalog.Get(id);
        return document is null
            ? Problem(StatusCodes.Status404NotFound, "Document not found", $"no document with id '{id}'")
            : Results.Text(DocumentJson.Serialize(document), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static IResult Search(HttpRequest request, IndexHolder index)
    {
        var q = request.Query;
        if (!TryPaging(request, MaxSearchPageSize, 10, out var page, out var size, out var error)) return error!;
        if (!TryDateParam(request, "from", out var from, out error) || !TryDateParam(request, "to", out var to, out error)) return error!;
        var kind = Optional(q["kind"]);
        if (kind is not null && !SearchKinds.All.Contains(kind)) return Problem(StatusCodes.Status400BadRequest, "Invalid parameter", $"kind must be one of {string.Join(", ", SearchKinds.All)}");
        var sortText = Optional(q["sort"]) ?? "relevance";
        if (sortText is not ("relevance" or "date")) return Problem(StatusCodes.Status400BadRequest, "Invalid parameter", "sort must be relevance or date");
        var query = q["q"].ToString();
        if (query.Length > 1000) return Problem(StatusCodes.Status400BadRequest, "Query too long", "q is limited to 1000 characters");
        try
        {
            return Results.Ok(index.Index.Search(new SearchRequest
            {
                Query = query,
                Kind = kind,
                EventType = Optional(q["type"]),
                Actor = Optional(q["actor"]),
                Place = Optional(q["place"]),
                Source = Optional(q["source"]),
                From = from,
                To = to,
                Sort = sortText == "date" ? SearchSort.Date : SearchSort.Relevance,
                Offset = (page - 1) * size,
                Limit = size,
            }));
        }
        catch (SearchQueryException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unreadable query", ex.Message);
        }
    }

    private static IResult Events(HttpRequest request, IDocumentCatalog catalog)
    {
        var q = request.Query;
        if (!TryPaging(request, MaxEventPageSize, 50, out var page, out var size, out var error)) return error!;
        if (!TryDateParam(request, "from", out var from, out error) || !TryDateParam(request, "to", out var to, out error)) return error!;
        return Results.Ok(catalog.Events(new EventFilter
        {
            Type = Optional(q["type"]),
            Actor = Optional(q["actor"]),
            Place = Optional(q["place"]),
            Source = Optional(q["source"]),
            From = from,
            To = to,
            Offset = (page - 1) * size,
            Limit = size,
        }));
    }

    private static IResult Actors(HttpRequest request, IDocumentCatalog catalog)
    {
        var limit = 100;
        var text = Optional(request.Query["limit"]);
        if (text is not null && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > 1000))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid parameter", "limit must be a whole number from 1 to 1000");
        }

        return Results.Ok(catalog.Actors(limit));
    }

    private static bool TryPaging(HttpRequest request, int maxSize, int defaultSize, out int page, out int size, out IResult? error)
    {
        page = 1;
        size = defaultSize;
        error = null;
        var pageText = Optional(request.Query["page"]);
        var sizeText = Optional(request.Query["page_size"]);
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage))
        {
            error = Problem(StatusCodes.Status400BadRequest, "Invalid parameter", $"page must be a whole number from 1 to {MaxPage}");
            return false;
        }

        if (sizeText is not null && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > maxSize))
        {
            error = Problem(StatusCodes.Status400BadRequest, "Invalid parameter", $"page_size must be a whole number from 1 to {maxSize}");
            return false;
        }

        return true;
    }

    private static bool TryDateParam(HttpRequest request, string name, out DateOnly? date, out IResult? error)
    {
        date = null;
        error = null;
        var text = Optional(request.Query[name]);
        if (text is null) return true;
        if (TryDate(text, out var parsed))
        {
            date = parsed;
            return true;
        }

        error = Problem(StatusCodes.Status400BadRequest, "Invalid parameter", $"{name} must be a real date as YYYY-MM-DD, not '{text}'");
        return false;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value)
    {
        var text = value.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    private static IResult TooLarge(RasidWebOptions options) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"the body is limited to {options.MaxRequestBytes} bytes");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit) return null;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}

/// <summary>Corpus figures plus what the search index holds.</summary>
/// <param name="Catalog">Figures from the catalog.</param>
/// <param name="IndexedDocuments">Documents in the search index.</param>
/// <param name="IndexedQuotes">Quotes in the search index.</param>
/// <param name="IndexedEvents">Events in the search index.</param>
internal sealed record StatsResponse(
    [property: JsonPropertyName("catalog")] CatalogStats Catalog,
    [property: JsonPropertyName("indexed_documents")] int IndexedDocuments,
    [property: JsonPropertyName("indexed_quotes")] int IndexedQuotes,
    [property: JsonPropertyName("indexed_events")] int IndexedEvents);
