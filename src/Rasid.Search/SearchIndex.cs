using Rasid.Text.Lucene;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Rasid.Core;
using LuceneDocument = Lucene.Net.Documents.Document;
using RasidDocument = Rasid.Core.Document;

namespace Rasid.Search;

/// <summary>Options of a <see cref="SearchIndex"/>.</summary>
public sealed record SearchIndexOptions
{
    /// <summary>
    /// Creates the analyzer for the text fields (title, text). Default: <see cref="RasidArabicAnalyzer"/> (Rasid tokenizer,
    /// search normalizer, stop words, Light10 stemmer). The same analyzer must be used for indexing and
    /// searching, so rebuild the index (<c>rasid index</c>) after changing it.
    /// </summary>
    public Func<Analyzer> AnalyzerFactory { get; init; } = () => new RasidArabicAnalyzer();

    /// <summary>Characters per highlighted fragment.</summary>
    public int FragmentSize { get; init; } = 160;
}

/// <summary>
/// A Lucene.NET index of documents, quotes and events (one Lucene document per kind and item, all keyed by the
/// Rasid document id so that a document's items are replaced together). Thread-safe: searches run concurrently
/// through a <see cref="SearcherManager"/>; writes are serialized.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const char HitOpen = '\uE000';
    private const char HitClose = '\uE001';

    // Field names.
    internal const string KeyField = "key";
    internal const string DocIdField = "doc_id";
    internal const string KindField = "kind";
    internal const string VersionField = "version";
    internal const string TitleField = "title";
    internal const string TextField = "text";
    internal const string TypeField = "type";
    internal const string ActorField = "actor";
    internal const string PlaceField = "place";
    internal const string SourceField = "source";
    internal const string DateField = "date";
    private const string DateSortField = "date_sort";
    private const string DateTextField = "date_text";
    private const string StartField = "start";
    private const string EndField = "end";

    private static readonly (string Dimension, string Field)[] FacetDimensions =
        [("kind", "f_kind"), ("type", "f_type"), ("actor", "f_actor"), ("place", "f_place"), ("source", "f_source")];

    private static readonly string[] KeywordFields = [KeyField, DocIdField, KindField, TypeField, ActorField, PlaceField, SourceField];

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SearchIndexOptions _options;
    private readonly object _writeGate = new();

    private SearchIndex(Lucene.Net.Store.Directory directory, SearchIndexOptions? options)
    {
        _options = options ?? new SearchIndexOptions();
        _directory = directory;
        var keyword = new KeywordAnalyzer();
        _analyzer = new PerFieldAnalyzerWrapper(_options.AnalyzerFactory(), KeywordFields.ToDictionary(f => f, _ => (Analyzer)keyword));
        _writer = new IndexWriter(directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SearcherFactory());
    }

    /// <summary>An index in memory (tests, small catalogs, <c>rasid serve --docs</c>).</summary>
    public static SearchIndex InMemory(SearchIndexOptions? options = null) => new(new RAMDirectory(), options);

    /// <summary>Opens (or creates) an index in a folder.</summary>
    public static SearchIndex Open(string path, SearchIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        System.IO.Directory.CreateDirectory(path);
        return new SearchIndex(FSDirectory.Open(path), options);
    }

    /// <summary>Adds or replaces one document and its quotes and events, and makes it searchable.</summary>
    public void Index(RasidDocument document, string version)
    {
        IndexMany([(document, version)]);
    }

    /// <summary>Adds or replaces many documents, committing once at the end.</summary>
    public int IndexMany(IEnumerable<(RasidDocument Document, string Version)> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var n = 0;
        lock (_writeGate)
        {
            foreach (var (document, version) in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _writer.UpdateDocuments(new Term(DocIdField, document.Id), BuildLuceneDocuments(document, version));
                n++;
            }

            CommitAndRefresh();
        }

        return n;
    }

    /// <summary>Removes a document and its quotes and events.</summary>
    public void Delete(string documentId)
    {
        lock (_writeGate)
        {
            _writer.DeleteDocuments(new Term(DocIdField, documentId));
            CommitAndRefresh();
        }
    }

    /// <summary>
    /// Brings the index in line with <paramref name="catalog"/>: indexes new documents, re-indexes those whose
    /// version changed, and removes those the catalog no longer has.
    /// </summary>
    public SyncReport Sync(IDocumentCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var indexed = IndexedVersions();
        int added = 0, updated = 0, unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(RasidDocument, string)>();
        lock (_writeGate)
        {
            foreach (var entry in catalog.Entries())
            {
                cancellationToken.ThrowIfCancellationRequested();
                seen.Add(entry.Id);
                if (indexed.TryGetValue(entry.Id, out var version) && version == entry.Version)
                {
                    unchanged++;
                    continue;
                }

                var document = catalog.Get(entry.Id);
                if (document is null) continue; // deleted while we were reading
                if (version is null) added++;
                else updated++;
                _writer.UpdateDocuments(new Term(DocIdField, entry.Id), BuildLuceneDocuments(document, entry.Version));
            }

            var deleted = 0;
            foreach (var id in indexed.Keys.Where(id => !seen.Contains(id)))
            {
                _writer.DeleteDocuments(new Term(DocIdField, id));
                deleted++;
            }

            CommitAndRefresh();
            return new SyncReport(added, updated, deleted, unchanged);
        }
    }

    /// <summary>Removes everything.</summary>
    public void Clear()
    {
        lock (_writeGate)
        {
            _writer.DeleteAll();
            CommitAndRefresh();
        }
    }

    /// <summary>Number of indexed items of a kind (<see cref="SearchKinds"/>), or of all kinds when null.</summary>
    public int Count(string? kind = null)
    {
        var searcher = _searchers.Acquire();
        try
        {
            Query query = kind is null ? new MatchAllDocsQuery() : new TermQuery(new Term(KindField, kind));
            var collector = new TotalHitCountCollector();
            searcher.Search(query, collector);
            return collector.TotalHits;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Document id → indexed version.</summary>
    public IReadOnlyDictionary<string, string> IndexedVersions()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var fields = new HashSet<string> { DocIdField, VersionField };
            var collector = new AllDocsCollector();
            searcher.Search(new TermQuery(new Term(KindField, SearchKinds.Document)), collector);
            foreach (var doc in collector.Docs)
            {
                var stored = reader.Document(doc, fields);
                result[stored.Get(DocIdField)] = stored.Get(VersionField);
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        return result;
    }

    /// <summary>Runs a search.</summary>
    /// <exception cref="SearchQueryException">When the query text cannot be parsed.</exception>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = Math.Clamp(request.Limit, 1, SearchRequest.MaxLimit);
        var offset = Math.Max(0, request.Offset);
        var query = ParseQuery(request);
        var filter = BuildFilter(request);
        var searcher = _searchers.Acquire();
        try
        {
            var wanted = offset + limit;
            ITopDocsCollector top = request.Sort == SearchSort.Date
                ? TopFieldCollector.Create(new Sort(new SortField(DateSortField, SortFieldType.INT64, true), SortField.FIELD_SCORE), wanted, true, false, false, false)
                : TopScoreDocCollector.Create(wanted, true);
            var facets = request.Facets ? new FacetCollector(FacetDimensions.Select(d => d.Field).ToArray()) : null;
            var collector = facets is null ? (ICollector)top : MultiCollector.Wrap(top, facets);
            searcher.Search(query, filter is null ? null : new QueryWrapperFilter(filter), collector);
            var topDocs = top.GetTopDocs(offset, limit);
            var hits = new List<SearchHit>(topDocs.ScoreDocs.Length);
            foreach (var scoreDoc in topDocs.ScoreDocs)
            {
                hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score, request.Snippets && request.Query.Trim().Length > 0 ? query : null));
            }

            var facetValues = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
            if (facets is not null)
            {
                var counts = facets.Finish();
                for (var i = 0; i < FacetDimensions.Length; i++)
                {
                    facetValues[FacetDimensions[i].Dimension] = counts[i]
                        .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                        .Take(50).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
                }
            }

            return new SearchResults
            {
                Query = request.Query,
                Total = top.TotalHits,
                Offset = offset,
                Limit = limit,
                Results = hits,
                Facets = facetValues,
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private void CommitAndRefresh()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private Query ParseQuery(SearchRequest request)
    {
        var text = request.Query?.Trim() ?? "";
        if (text.Length == 0) return new MatchAllDocsQuery();
        var parser = new MultiFieldQueryParser(Version, [TitleField, TextField], _analyzer, new Dictionary<string, float> { [TitleField] = 2f, [TextField] = 1f })
        {
            DefaultOperator = request.AllTerms ? Operator.AND : Operator.OR,
            AllowLeadingWildcard = false,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException ex)
        {
            throw new SearchQueryException($"cannot read the query '{text}': {FirstLine(ex.Message)}", ex);
        }
        catch (BooleanQuery.TooManyClausesException ex)
        {
            throw new SearchQueryException($"the query '{text}' expands to too many terms", ex);
        }
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOfAny(['\r', '\n']);
        var line = i < 0 ? message : message[..i];
        var encountered = line.IndexOf("  Encountered", StringComparison.Ordinal);
        return encountered < 0 ? line : line[..encountered];
    }

    private static BooleanQuery? BuildFilter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        void Must(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) filter.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
        }

        Must(KindField, request.Kind);
        Must(TypeField, request.EventType?.ToUpperInvariant());
        Must(ActorField, request.Actor?.ToUpperInvariant());
        Must(PlaceField, request.Place);
        Must(SourceField, request.Source);
        if (request.From is not null || request.To is not null)
        {
            int? from = request.From is { } f ? DateKey(f) : null;
            int? to = request.To is { } t ? DateKey(t) : null;
            filter.Add(NumericRangeQuery.NewInt32Range(DateField, from, to, true, true), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : filter;
    }

    private SearchHit ToHit(LuceneDocument stored, float score, Query? highlight)
    {
        var title = stored.Get(TitleField);
        var text = stored.Get(TextField) ?? "";
        return new SearchHit
        {
            Kind = stored.Get(KindField),
            Key = stored.Get(KeyField),
            DocumentId = stored.Get(DocIdField),
            Title = title ?? stored.Get("doc_title"),
            Date = stored.Get(DateTextField),
            Source = stored.Get(SourceField),
            EventType = stored.Get(TypeField),
            Actors = stored.GetValues(ActorField),
            Start = stored.GetField(StartField)?.GetInt32Value(),
            End = stored.GetField(EndField)?.GetInt32Value(),
            Score = score,
            TitleSnippet = highlight is null || title is null ? [] : Highlight(highlight, TitleField, title, wholeText: true),
            Snippet = highlight is null ? Lead(text) : Highlight(highlight, TextField, text, wholeText: false),
        };
    }

    private IReadOnlyList<SnippetPart> Lead(string text)
    {
        var length = Math.Min(text.Length, _options.FragmentSize);
        var lead = text[..length].ReplaceLineEndings(" ");
        return lead.Length == 0 ? [] : [new SnippetPart(length < text.Length ? lead + " …" : lead, false)];
    }

    private IReadOnlyList<SnippetPart> Highlight(Query query, string field, string text, bool wholeText)
    {
        // Private-use markers cannot be told apart from the same characters in an article: replace those first.
        var clean = text.Replace(HitOpen, '\uFFFD').Replace(HitClose, '\uFFFD');
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new MarkerFormatter(), scorer)
        {
            TextFragmenter = wholeText ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, _options.FragmentSize),
            MaxDocCharsToAnalyze = 200_000,
        };
        TextFragment[] fragments;
        using (var stream = _analyzer.GetTokenStream(field, clean))
        {
            fragments = highlighter.GetBestTextFragments(stream, clean, true, 2);
        }

        var best = fragments.Where(f => f is not null && f.Score > 0).ToList();
        if (best.Count == 0) return wholeText ? [] : Lead(text);
        var parts = new List<SnippetPart>();
        for (var i = 0; i < best.Count; i++)
        {
            if (i > 0) parts.Add(new SnippetPart(" … ", false));
            SplitMarked(best[i].ToString().ReplaceLineEndings(" "), parts);
        }

        return parts;
    }

    private static void SplitMarked(string marked, List<SnippetPart> parts)
    {
        var i = 0;
        while (i < marked.Length)
        {
            var open = marked.IndexOf(HitOpen, i);
            if (open < 0)
            {
                parts.Add(new SnippetPart(marked[i..], false));
                break;
            }

            if (open > i) parts.Add(new SnippetPart(marked[i..open], false));
            var close = marked.IndexOf(HitClose, open + 1);
            if (close < 0) close = marked.Length;
            parts.Add(new SnippetPart(marked[(open + 1)..close], true));
            i = close + 1;
        }
    }

    private sealed class MarkerFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? HitOpen + originalText + HitClose : originalText;
    }

    internal static int? DateKey(string? iso)
    {
        if (iso is null) return null;
        if (iso.Length == 7) iso += "-01";
        return DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateKey(date) : null;
    }

    private static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static IEnumerable<LuceneDocument> BuildLuceneDocuments(RasidDocument document, string version)
    {
        var published = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var whole = NewDocument(document, SearchKinds.Document, document.Id, version, published);
        if (!string.IsNullOrEmpty(document.Title)) whole.Add(new TextField(TitleField, document.Title, Field.Store.YES));
        whole.Add(new TextField(TextField, document.Text, Field.Store.YES));
        foreach (var type in document.Events.Select(e => e.Type).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)) AddFacet(whole, TypeField, "f_type", type, stored: false);
        var actors = document.Entities.Select(e => e.Actor)
            .Concat(document.Quotes.Select(q => q.SpeakerActor))
            .Concat(document.Events.SelectMany(e => new[] { e.Source?.Actor, e.Target?.Actor }));
        AddActors(whole, actors);
        var places = document.Entities.Select(e => e.Place?.Name).Concat(document.Events.Select(e => e.Place?.Name));
        foreach (var place in places.OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)) AddFacet(whole, PlaceField, "f_place", place, stored: true);
        yield return whole;

        for (var i = 0; i < document.Quotes.Count; i++)
        {
            var quote = document.Quotes[i];
            if (quote.Content.End <= quote.Content.Start) continue;
            var doc = NewDocument(document, SearchKinds.Quote, $"{document.Id}#q{i + 1}", version, published);
            doc.Add(new TextField(TextField, quote.Content.Text, Field.Store.YES));
            AddActors(doc, [quote.SpeakerActor]);
            doc.Add(new StoredField(StartField, quote.Content.Start));
            doc.Add(new StoredField(EndField, quote.Content.End));
            yield return doc;
        }

        foreach (var ev in document.Events)
        {
            var date = ev.Date ?? published;
            var doc = NewDocument(document, SearchKinds.Event, $"{document.Id}#{ev.Id}", version, date);
            var range = SentenceAround(document, ev.Trigger.Start, ev.Trigger.End);
            doc.Add(new TextField(TextField, range.Slice(document.Text), Field.Store.YES));
            if (ev.Type.Length > 0) AddFacet(doc, TypeField, "f_type", ev.Type, stored: true);
            AddActors(doc, [ev.Source?.Actor, ev.Target?.Actor]);
            if (ev.Place?.Name is { Length: > 0 } place) AddFacet(doc, PlaceField, "f_place", place, stored: true);
            doc.Add(new StoredField(StartField, range.Start));
            doc.Add(new StoredField(EndField, range.End));
            yield return doc;
        }
    }

    private static LuceneDocument NewDocument(RasidDocument document, string kind, string key, string version, string? date)
    {
        var doc = new LuceneDocument
        {
            new StringField(KeyField, key, Field.Store.YES),
            new StringField(DocIdField, document.Id, Field.Store.YES),
            new StoredField(VersionField, version),
        };
        AddFacet(doc, KindField, "f_kind", kind, stored: true);
        if (kind != SearchKinds.Document && document.Title is not null) doc.Add(new StoredField("doc_title", document.Title));
        if (!string.IsNullOrEmpty(document.Source)) AddFacet(doc, SourceField, "f_source", document.Source, stored: true);
        if (DateKey(date) is { } key8)
        {
            doc.Add(new Int32Field(DateField, key8, Field.Store.NO));
            doc.Add(new NumericDocValuesField(DateSortField, key8));
            doc.Add(new StoredField(DateTextField, date));
        }
        else
        {
            doc.Add(new NumericDocValuesField(DateSortField, 0));
        }

        return doc;
    }

    private static void AddActors(LuceneDocument doc, IEnumerable<string?> actors)
    {
        foreach (var actor in actors.OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)) AddFacet(doc, ActorField, "f_actor", actor, stored: true);
    }

    private static void AddFacet(LuceneDocument doc, string field, string facetField, string value, bool stored)
    {
        doc.Add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(facetField, new BytesRef(value)));
    }

    /// <summary>The sentence holding [start, end), or a window of text around it when there are no sentences.</summary>
    private static TextRange SentenceAround(RasidDocument document, int start, int end)
    {
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Start <= start && end <= sentence.End) return sentence.Range;
        }

        var from = Math.Max(0, start - 120);
        var to = Math.Min(document.Text.Length, Math.Max(end, start) + 120);
        return TextRange.FromBounds(from, to);
    }

    /// <summary>Collects every matching doc id (top-level ids).</summary>
    private sealed class AllDocsCollector : ICollector
    {
        private int _base;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void Collect(int doc) => Docs.Add(_base + doc);

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void SetScorer(Scorer scorer)
        {
        }
    }

    /// <summary>Counts values of sorted-set doc-values fields over every matching document.</summary>
    private sealed class FacetCollector(string[] fields) : ICollector
    {
        private readonly Dictionary<string, int>[] _totals = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Length];
        private readonly int[]?[] _counts = new int[]?[fields.Length];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            for (var i = 0; i < fields.Length; i++)
            {
                var values = context.AtomicReader.GetSortedSetDocValues(fields[i]);
                _values[i] = values;
                _counts[i] = values is null ? null : new int[values.ValueCount];
            }
        }

        public void Collect(int doc)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                var values = _values[i];
                if (values is null) continue;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _counts[i]![ord]++;
            }
        }

        public Dictionary<string, int>[] Finish()
        {
            Flush();
            return _totals;
        }

        private void Flush()
        {
            var bytes = new BytesRef();
            for (var i = 0; i < fields.Length; i++)
            {
                var values = _values[i];
                var counts = _counts[i];
                if (values is null || counts is null) continue;
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] == 0) continue;
                    values.LookupOrd(ord, bytes);
                    var key = bytes.Utf8ToString();
                    _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
                }

                _values[i] = null;
                _counts[i] = null;
            }
        }
    }
}
