using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Rasid.Core;
using Rasid.Search;
using Rasid.Testing.Fixtures;

namespace Rasid.Search.Tests;

public sealed class SearchIndexTests : IDisposable
{
    private readonly InMemoryCatalog _catalog = new();
    private readonly SearchIndex _index = SearchIndex.InMemory();

    public SearchIndexTests()
    {
        foreach (var doc in FixtureCorpus.Build()) _catalog.Put(doc);
        _index.Sync(_catalog);
    }

    public void Dispose() => _index.Dispose();

    private SearchResults Find(string query, string? kind = SearchKinds.Document) =>
        _index.Search(new SearchRequest { Query = query, Kind = kind });

    [Fact]
    public void A_word_typed_with_another_hamza_form_finds_the_article_and_highlights_the_original_form()
    {
        var results = Find("الاسعار");
        var hit = Assert.Single(results.Results);
        Assert.Equal(FixtureCorpus.EgyptId, hit.DocumentId);
        Assert.Contains(hit.Snippet, p => p.Hit && p.Text == "الأسعار");
    }

    [Fact]
    public void Diacritics_and_teh_marbuta_written_as_heh_find_the_same_results()
    {
        var plain = Find("القاهرة").Results.Select(h => h.Key).ToList();
        Assert.NotEmpty(plain);
        Assert.Equal(plain, Find("القَاهِرَة").Results.Select(h => h.Key));
        Assert.Equal(plain, Find("القاهره").Results.Select(h => h.Key));
    }

    [Fact]
    public void Latin_terms_are_found_case_insensitively()
    {
        var hit = Assert.Single(Find("putin").Results);
        Assert.Equal(FixtureCorpus.SyriaId, hit.DocumentId);
        Assert.Contains(hit.Snippet, p => p.Hit && p.Text == "Putin");
    }

    [Fact]
    public void A_phrase_matches_only_in_order()
    {
        Assert.Equal(2, Find("\"الأمم المتحدة\"").Total);
        Assert.Equal(0, Find("\"المتحدة الأمم\"").Total);
    }

    [Fact]
    public void Boolean_operators_combine_terms()
    {
        Assert.Equal(3, Find("الأمم OR القاهرة").Total);
        var hit = Assert.Single(Find("الأمم NOT لبنان").Results);
        Assert.Equal(FixtureCorpus.YemenId, hit.DocumentId);
        Assert.Equal(0, Find("القاهرة AND لبنان").Total);
    }

    [Fact]
    public void Events_are_indexed_with_their_type_actors_place_and_sentence()
    {
        var results = _index.Search(new SearchRequest { Query = "", Kind = SearchKinds.Event, EventType = "protest" });
        var hit = Assert.Single(results.Results);
        Assert.Equal("PROTEST", hit.EventType);
        Assert.Equal(FixtureCorpus.EgyptId, hit.DocumentId);
        Assert.Contains("EGYGOV", hit.Actors);
        var doc = _catalog.Get(FixtureCorpus.EgyptId)!;
        Assert.StartsWith("تظاهر آلاف", doc.Text[hit.Start!.Value..hit.End!.Value], StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_by_actor_place_source_and_date_range_narrow_the_results()
    {
        Assert.Equal([FixtureCorpus.LebanonId, FixtureCorpus.YemenId], _index.Search(new SearchRequest { Kind = SearchKinds.Document, Actor = "IGOUNO" }).Results.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Single(_index.Search(new SearchRequest { Kind = SearchKinds.Event, Place = "Geneva" }).Results);
        Assert.Equal(2, _index.Search(new SearchRequest { Kind = SearchKinds.Document, Source = "afp" }).Total);
        var range = _index.Search(new SearchRequest { Kind = SearchKinds.Document, From = new DateOnly(2015, 10, 1), To = new DateOnly(2015, 10, 2) });
        Assert.Equal([FixtureCorpus.EgyptId, FixtureCorpus.LebanonId], range.Results.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Facets_count_event_types_over_all_matches()
    {
        var results = _index.Search(new SearchRequest { Kind = SearchKinds.Event, Limit = 1 });
        Assert.Equal(6, results.Total);
        Assert.Single(results.Results);
        var types = results.Facets["type"].ToDictionary(f => f.Value, f => f.Count);
        Assert.Equal(1, types["PROTEST"]);
        Assert.Equal(1, types["ASSAULT"]);
        Assert.Equal(6, types.Values.Sum());
        Assert.Equal(6, results.Facets["kind"].Single(f => f.Value == "event").Count);
    }

    [Fact]
    public void Sorting_by_date_puts_the_newest_first_and_paging_continues()
    {
        var first = _index.Search(new SearchRequest { Kind = SearchKinds.Document, Sort = SearchSort.Date, Limit = 2 });
        Assert.Equal([FixtureCorpus.YemenId, FixtureCorpus.EgyptId], first.Results.Select(h => h.DocumentId));
        var second = _index.Search(new SearchRequest { Kind = SearchKinds.Document, Sort = SearchSort.Date, Limit = 2, Offset = 2 });
        Assert.Equal([FixtureCorpus.LebanonId, FixtureCorpus.SyriaId], second.Results.Select(h => h.DocumentId));
    }

    [Fact]
    public void Quotes_are_searchable_with_their_speaker_actor()
    {
        var hit = Assert.Single(Find("موازين", SearchKinds.Quote).Results);
        Assert.Equal("SYRGOV", Assert.Single(hit.Actors));
        Assert.Equal($"{FixtureCorpus.SyriaId}#q1", hit.Key);
    }

    [Fact]
    public void Markup_in_an_article_comes_back_as_plain_snippet_text()
    {
        var hit = Assert.Single(Find("الاختراق").Results);
        Assert.Contains("<script>", string.Concat(hit.Snippet.Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reanalysed_document_is_reindexed_and_a_deleted_one_removed()
    {
        Assert.Equal(new SyncReport(0, 0, 0, 5), _index.Sync(_catalog));
        var egypt = _catalog.Get(FixtureCorpus.EgyptId)!;
        var changed = FixtureCorpus.Pipeline.Analyze(egypt.Text.Replace("الوقود", "الخبز", StringComparison.Ordinal), new ArticleInfo { Id = egypt.Id, Title = egypt.Title, Published = egypt.Published });
        _catalog.Put(changed);
        _catalog.Remove(FixtureCorpus.YemenId);
        Assert.Equal(new SyncReport(0, 1, 1, 3), _index.Sync(_catalog));
        Assert.Equal(1, Find("الخبز").Total);
        Assert.Equal(0, Find("الوقود").Total);
        Assert.Equal(0, Find("جنيف").Total);
        Assert.Equal(0, _index.Search(new SearchRequest { Kind = SearchKinds.Event, EventType = "PROTEST" }).Total); // re-analysis has no events
        Assert.Equal(4, _index.Count(SearchKinds.Document));
    }

    [Fact]
    public void An_unreadable_query_raises_a_clear_error()
    {
        var ex = Assert.Throws<SearchQueryException>(() => Find("\"القاهرة"));
        Assert.Contains("القاهرة", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stock_arabic_analyzer_can_be_swapped_in_through_the_factory()
    {
        using var stock = SearchIndex.InMemory(new SearchIndexOptions { AnalyzerFactory = () => new ArabicAnalyzer(LuceneVersion.LUCENE_48) });
        stock.Sync(_catalog);
        Assert.Equal(FixtureCorpus.EgyptId, Assert.Single(stock.Search(new SearchRequest { Query = "الاسعار", Kind = SearchKinds.Document }).Results).DocumentId);
    }
}
