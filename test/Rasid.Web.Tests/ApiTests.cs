using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rasid.Search;
using Rasid.Testing.Fixtures;
using Rasid.Web;

namespace Rasid.Web.Tests;

public sealed class FixtureApp : WebApplicationFactory<RasidWebHost>
{
    public InMemoryCatalog Catalog { get; } = new();

    public FixtureApp()
    {
        foreach (var doc in FixtureCorpus.Build()) Catalog.Put(doc);
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IDocumentCatalog>(Catalog));
}

public sealed class ApiTests(FixtureApp app) : IClassFixture<FixtureApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await Json(response);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Analyze_returns_a_document_for_json_text()
    {
        var response = await _client.PostAsJsonAsync("/api/analyze", new { text = "أعلنت الأمم المتحدة إرسال مساعدات. وقال المتحدث إن الشحنة وصلت.", published = "2015-10-01", id = "t1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Rasid.Core.DocumentJson.Deserialize(await response.Content.ReadAsStringAsync());
        Assert.Equal("t1", doc.Id);
        Assert.Equal(new DateOnly(2015, 10, 1), doc.Published);
        Assert.Equal(2, doc.Sentences.Count);
        Assert.Equal("أعلنت", doc.Slice(doc.Tokens[0].Range));
    }

    [Fact]
    public async Task Analyze_accepts_plain_text_and_html_and_drops_scripts_from_html()
    {
        var plain = await _client.PostAsync("/api/analyze", new StringContent("تظاهر الطلاب في القاهرة.", Encoding.UTF8, "text/plain"));
        Assert.Equal("تظاهر الطلاب في القاهرة.", (await Json(plain)).GetProperty("text").GetString());

        var html = await _client.PostAsync("/api/analyze", new StringContent("<html><head><title>عنوان الخبر</title><script>alert(1)</script></head><body><nav>الرئيسية</nav><p>تظاهر الطلاب في القاهرة.</p><p>وفرقت الشرطة المظاهرة.</p></body></html>", Encoding.UTF8, "text/html"));
        var doc = await Json(html);
        Assert.Equal("عنوان الخبر", doc.GetProperty("title").GetString());
        Assert.Equal("تظاهر الطلاب في القاهرة.\n\nوفرقت الشرطة المظاهرة.", doc.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Analyze_rejects_malformed_json_with_problem_details()
    {
        var response = await _client.PostAsync("/api/analyze", new StringContent("{\"text\": \"خبر", Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", (await Json(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Analyze_rejects_missing_text_bad_dates_and_other_media_types()
    {
        await AssertProblem(await _client.PostAsJsonAsync("/api/analyze", new { title = "بلا نص" }), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.PostAsJsonAsync("/api/analyze", new { text = "   " }), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.PostAsJsonAsync("/api/analyze", new { text = "خبر", published = "2015-02-30" }), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.PostAsync("/api/analyze", new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new("application/octet-stream") } }), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Analyze_rejects_an_oversized_body_with_413()
    {
        var big = new string('ب', (int)(RasidWebOptions.DefaultMaxRequestBytes / 2) + 10); // two UTF-8 bytes each: just over the limit
        var response = await _client.PostAsync("/api/analyze", new StringContent(big, Encoding.UTF8, "text/plain"));
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Documents_returns_a_stored_document_and_404_problem_details_for_an_unknown_id()
    {
        var response = await _client.GetAsync($"/api/documents/{FixtureCorpus.SyriaId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Rasid.Core.DocumentJson.Deserialize(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, doc.Events.Count);
        Assert.Equal("الرئاسة السورية", doc.Slice(doc.Entities[0].Range));

        var missing = await _client.GetAsync("/api/documents/no-such-id");
        await AssertProblem(missing, HttpStatusCode.NotFound);
        Assert.Contains("no-such-id", (await Json(missing)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_an_unnormalised_spelling_and_returns_results_with_highlights_and_facets()
    {
        var body = await Json(await _client.GetAsync("/api/search?kind=document&q=" + Uri.EscapeDataString("الاسعار")));
        var hit = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(FixtureCorpus.EgyptId, hit.GetProperty("document_id").GetString());
        Assert.Contains(hit.GetProperty("snippet").EnumerateArray(), p => p.GetProperty("hit").GetBoolean() && p.GetProperty("text").GetString() == "الأسعار");
        Assert.True(body.GetProperty("facets").TryGetProperty("type", out _));
    }

    [Fact]
    public async Task Search_filters_by_kind_type_and_date_and_sorts_by_date()
    {
        var events = await Json(await _client.GetAsync("/api/search?kind=event&type=ASSAULT"));
        Assert.Equal(1, events.GetProperty("total").GetInt32());
        var dated = await Json(await _client.GetAsync("/api/search?kind=document&sort=date&from=2015-10-01&to=2015-10-03"));
        Assert.Equal([FixtureCorpus.YemenId, FixtureCorpus.EgyptId, FixtureCorpus.LebanonId], dated.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("document_id").GetString()));
    }

    [Fact]
    public async Task Search_pages_and_rejects_paging_beyond_the_limits()
    {
        var page2 = await Json(await _client.GetAsync("/api/search?kind=event&page=2&page_size=4"));
        Assert.Equal(6, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("results").GetArrayLength());
        var beyond = await Json(await _client.GetAsync("/api/search?kind=event&page=9&page_size=4"));
        Assert.Equal(0, beyond.GetProperty("results").GetArrayLength());
        await AssertProblem(await _client.GetAsync("/api/search?q=x&page_size=101"), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.GetAsync("/api/search?q=x&page=0"), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.GetAsync("/api/search?q=x&page=abc"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_rejects_unreadable_queries_bad_dates_and_unknown_kinds()
    {
        await AssertProblem(await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString("\"القاهرة")), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.GetAsync("/api/search?q=x&from=2015-13-01"), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.GetAsync("/api/search?q=x&kind=tweet"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Events_filter_by_type_actor_and_date_and_page()
    {
        var protest = await Json(await _client.GetAsync("/api/events?type=PROTEST"));
        var item = Assert.Single(protest.GetProperty("items").EnumerateArray());
        Assert.Equal(FixtureCorpus.EgyptId, item.GetProperty("document_id").GetString());
        Assert.Equal("تظاهر", item.GetProperty("event").GetProperty("trigger").GetProperty("text").GetString());

        Assert.Equal(1, (await Json(await _client.GetAsync("/api/events?actor=EGYCOP"))).GetProperty("total").GetInt32());
        Assert.Equal(2, (await Json(await _client.GetAsync("/api/events?from=2015-09-30&to=2015-09-30"))).GetProperty("total").GetInt32());

        var page = await Json(await _client.GetAsync("/api/events?page=3&page_size=2"));
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await Json(await _client.GetAsync("/api/events?page=4&page_size=2"))).GetProperty("items").GetArrayLength());
        await AssertProblem(await _client.GetAsync("/api/events?page_size=501"), HttpStatusCode.BadRequest);
        await AssertProblem(await _client.GetAsync("/api/events?to=yesterday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Actors_lists_codes_by_frequency_and_checks_the_limit()
    {
        var actors = (await Json(await _client.GetAsync("/api/actors"))).EnumerateArray().ToList();
        var syr = actors.Single(a => a.GetProperty("code").GetString() == "SYRGOV");
        Assert.Equal(2, syr.GetProperty("mentions").GetInt32()); // the presidency entity + the quoted security source
        Assert.Equal(1, syr.GetProperty("events").GetInt32());
        Assert.Single((await Json(await _client.GetAsync("/api/actors?limit=1"))).EnumerateArray());
        await AssertProblem(await _client.GetAsync("/api/actors?limit=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Stats_count_documents_events_and_the_index()
    {
        var stats = await Json(await _client.GetAsync("/api/stats"));
        var catalog = stats.GetProperty("catalog");
        Assert.Equal(5, catalog.GetProperty("documents").GetInt32());
        Assert.Equal(6, catalog.GetProperty("events").GetInt32());
        Assert.Equal(5, stats.GetProperty("indexed_documents").GetInt32());
        Assert.Equal(6, stats.GetProperty("indexed_events").GetInt32());
        Assert.Equal("2015-09-29", catalog.GetProperty("first_published").GetString());
        Assert.Contains(catalog.GetProperty("event_places").EnumerateArray(), p => p.GetProperty("name").GetString() == "Cairo" && p.GetProperty("count").GetInt32() == 2);
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint_and_the_api_page_loads_nothing_from_the_internet()
    {
        var openapi = await _client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/analyze", "/api/documents/{id}", "/api/search", "/api/events", "/api/actors", "/api/stats" }) Assert.Contains($"\"{path}\"", openapi, StringComparison.Ordinal);
        var page = await _client.GetStringAsync("/scalar");
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
        var script = await _client.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task The_ui_is_served_with_a_content_security_policy_and_the_font()
    {
        var root = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/");
        Assert.Equal("/index.html", root.Headers.Location?.OriginalString);
        var index = await _client.GetAsync("/index.html");
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var font = await _client.GetAsync("/lib/fonts/noto-naskh-arabic-arabic-400-normal.woff2");
        Assert.Equal("font/woff2", font.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_api_routes_get_404_problem_details()
    {
        await AssertProblem(await _client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }
}
