using System.Text.Json;
using Rasid.Core;
using Rasid.Storage;
using Rasid.Testing;

namespace Rasid.Storage.Tests;

/// <summary>
/// The store contract, run against every <see cref="IArticleStore"/> (SQLite and PostgreSQL fixtures below), with
/// documents whose layers are filled (as they are once the NLP components merge).
/// </summary>
public abstract class StoreContractTests : IDisposable
{
    private readonly List<IDisposable> _cleanup = [];

    /// <summary>A fresh, empty store location (a file, or a new database) for this test; every call gives a new one.</summary>
    protected abstract string NewLocation();

    /// <summary>Opens (creating and migrating) the store at a location from <see cref="NewLocation"/>.</summary>
    protected abstract IArticleStore Open(string location);

    /// <summary>The schema version the store reaches after migrations.</summary>
    protected abstract int LatestSchema { get; }

    /// <summary>Registers something to dispose when the test ends (temporary folders, databases).</summary>
    protected void Cleanup(IDisposable item) => _cleanup.Add(item);

    private IArticleStore NewStore() => Open(NewLocation());

    private static readonly MinHasher Hasher = new();

    /// <inheritdoc />
    public void Dispose()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--) _cleanup[i].Dispose();
        GC.SuppressFinalize(this);
    }

    private const string Text = "قال الرئيس السوري بشار الأسد يوم الاربعاء إن روسيا سترسل قوات جوية إلى سوريا. وطالبت دمشق موسكو بالدعم.";

    private static Document Annotated(string id, string text = Text, DateOnly? published = null)
    {
        var d = Document.Create(text, new ArticleInfo { Id = id, Published = published ?? new DateOnly(2015, 9, 30), Source = "afp", Title = "عنوان " + id });
        if (text != Text) return d; // other texts: no layers
        Mention M(string s)
        {
            var at = text.IndexOf(s, StringComparison.Ordinal);
            return Mention.Of(text, new TextRange(at, s.Length));
        }

        var assad = M("بشار الأسد");
        var russia = M("روسيا");
        d.Entities.Add(new Entity { Start = assad.Start, End = assad.End, Text = assad.Text, Type = "PER", Actor = "SYRGOV", Canonical = "Bashar al-Assad", Evidence = new Evidence("ner.test/1", 0.9) });
        d.Entities.Add(new Entity { Start = russia.Start, End = russia.End, Text = russia.Text, Type = "LOC", Actor = "RUS", Place = new Place("Russia", 61.5, 105.3, "RUS"), Evidence = new Evidence("ner.test/1") });
        d.Quotes.Add(new Quote { Kind = QuoteKind.Indirect, Content = M("روسيا سترسل قوات جوية إلى سوريا"), Cue = M("قال"), Speaker = assad, SpeakerActor = "SYRGOV", Evidence = new Evidence("quotes.test/1") });
        d.Times.Add(new TimeExpression { Start = M("يوم الاربعاء").Start, End = M("يوم الاربعاء").End, Text = "يوم الاربعاء", Value = "2015-09-30", Kind = "date", Evidence = new Evidence("times.test/1") });
        d.Events.Add(new Event
        {
            Id = "e1", Type = "REQUEST", Cameo = "020", Trigger = M("طالبت"),
            Source = new EventParticipant { Start = M("دمشق").Start, End = M("دمشق").End, Text = "دمشق", Actor = "SYRGOV" },
            Target = new EventParticipant { Start = M("موسكو").Start, End = M("موسكو").End, Text = "موسكو", Actor = "RUSGOV" },
            Date = "2015-09-30", DateFromArticle = true, Place = new Place("Damascus", 33.5, 36.3, "SYR"), Evidence = new Evidence("events.test/1", 0.8),
        });
        return d;
    }

    private static ArticleRecord Record(Document d, string version = "test/1") =>
        new(d, ContentHashes.Of(d.Text, d.Url, d.Title), "mem:" + d.Id, version, Hasher.Sign(d.Text));

    [SkippableFact]
    public void A_record_whose_json_was_compressed_by_the_analysis_worker_is_stored_exactly_as_one_the_writer_compresses()
    {
        using var plain = NewStore();
        using var prepared = NewStore();
        plain.Write([Record(Annotated("p"))], []);
        prepared.Write([Record(Annotated("p")).WithStoredJson()], []);
        Assert.Equal(DocumentJson.Serialize(plain.GetDocument("p")!), DocumentJson.Serialize(prepared.GetDocument("p")!));
        Assert.True(prepared.Contains(ContentHashes.Of(Text, null, "عنوان p")));

        // Another article with the same id is renamed by the store (p~hash): the JSON compressed for "p" is not used.
        const string other = "وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق.";
        prepared.Write([Record(Annotated("p", other)).WithStoredJson()], []);
        var renamed = Assert.Single(prepared.Documents(CorpusFilter.All), d => d.Document.Id != "p").Document;
        Assert.StartsWith("p~", renamed.Id, StringComparison.Ordinal);
        Assert.Equal(other, renamed.Text);
        Assert.Equal(renamed.Id, prepared.GetDocument(renamed.Id)!.Id);
    }

    /// <summary>Whitespace tokens with one tagged word each (the token layer that ForStore releases).</summary>
    private static Document Tokenized(Document d)
    {
        var start = -1;
        for (var i = 0; i <= d.Text.Length; i++)
        {
            var space = i == d.Text.Length || char.IsWhiteSpace(d.Text[i]);
            if (!space && start < 0) start = i;
            if (!space || start < 0) continue;
            var text = d.Text[start..i];
            d.Tokens.Add(new Token
            {
                Start = start, End = i, Text = text, Kind = TokenKind.Word,
                Words = [new Word { Start = start, End = i, Text = text, Upos = "NOUN", Lemma = text }],
            });
            start = -1;
        }

        return d;
    }

    [SkippableFact]
    public void A_record_made_ready_for_the_store_releases_its_tokens_but_the_stored_document_keeps_them_also_when_renamed()
    {
        using var store = NewStore();
        var full = Tokenized(Annotated("t"));
        var ready = Record(Tokenized(Annotated("t"))).ForStore();
        Assert.Empty(ready.Document.Tokens);
        Assert.Equal(full.Entities.Count, ready.Document.Entities.Count);
        store.Write([ready], []);
        full.Cluster = "t";
        Assert.Equal(DocumentJson.Serialize(full), DocumentJson.Serialize(store.GetDocument("t")!));
        Assert.Equal(2, store.Entities(CorpusFilter.All).Count());

        // Same id, other text: the store renames it (t~hash) and rebuilds the stored form from the compressed one.
        const string other = "وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق.";
        store.Write([Record(Tokenized(Annotated("t", other))).ForStore()], []);
        var renamed = Assert.Single(store.Documents(CorpusFilter.All), d => d.Document.Id != "t").Document;
        Assert.StartsWith("t~", renamed.Id, StringComparison.Ordinal);
        Assert.Equal(other.Split(' ').Length, renamed.Tokens.Count);
        Assert.Equal("لافروف", renamed.Tokens[5].Words[0].Text);
        Assert.Equal(
            JsonSerializer.Serialize(Tokenized(Annotated("t", other)).Tokens, DocumentJson.Options),
            JsonSerializer.Serialize(store.GetDocument(renamed.Id)!.Tokens, DocumentJson.Options));
    }

    [SkippableFact]
    public void Layers_are_stored_as_rows_and_exported_with_filters()
    {
        using var store = NewStore();
        var result = store.Write([Record(Annotated("a"))], []);
        Assert.Equal(new StoreWriteResult(1, 0, 0), result);

        var ev = Assert.Single(store.Events(CorpusFilter.All));
        Assert.Equal("a/e1", ev.EventId);
        Assert.Equal("REQUEST", ev.EventType);
        Assert.Equal(("SYRGOV", "دمشق", "RUSGOV", "موسكو"), (ev.SourceActor, ev.SourceText, ev.TargetActor, ev.TargetText));
        Assert.Equal("طالبت", ev.Trigger);
        Assert.Equal("طالبت", Text[ev.TriggerStart..ev.TriggerEnd]);
        Assert.Equal(("Damascus", "SYR", true), (ev.PlaceName, ev.Country, ev.DateFromArticle));
        Assert.Single(store.Events(new CorpusFilter { Actor = "SYR" }));
        Assert.Single(store.Events(new CorpusFilter { Actor = "RUSGOV", Type = "request" }));
        Assert.Empty(store.Events(new CorpusFilter { Type = "ASSAULT" }));
        Assert.Empty(store.Events(new CorpusFilter { From = new DateOnly(2015, 10, 1) }));
        Assert.Single(store.Events(new CorpusFilter { From = new DateOnly(2015, 9, 30), To = new DateOnly(2015, 9, 30) }));

        Assert.Equal(2, store.Entities(CorpusFilter.All).Count());
        Assert.Equal("بشار الأسد", Assert.Single(store.Entities(new CorpusFilter { Type = "PER" })).Text);
        Assert.Equal("Russia", Assert.Single(store.Entities(new CorpusFilter { Actor = "RUS" })).PlaceName);
        var quote = Assert.Single(store.Quotes(new CorpusFilter { Type = "indirect" }));
        Assert.Equal(("بشار الأسد", "SYRGOV", "قال"), (quote.Speaker, quote.SpeakerActor, quote.Cue));
        Assert.Single(store.Documents(new CorpusFilter { Type = "REQUEST" }));
        Assert.Empty(store.Documents(new CorpusFilter { Actor = "USA" }));

        var stats = store.Statistics();
        Assert.Equal((1, 1, 2, 1, 1), (stats.Documents, stats.Events, stats.Entities, stats.Quotes, stats.Times));
        Assert.Equal(new KeyValuePair<string, long>("REQUEST", 1), Assert.Single(stats.EventsByType));
        Assert.Contains(new KeyValuePair<string, long>("RUSGOV", 1), stats.EventsByActor);
        Assert.Equal(new KeyValuePair<string, long>("2015-09", 1), Assert.Single(stats.EventsByMonth));
    }

    [SkippableFact]
    public void A_stored_document_round_trips_as_rasid_document_json_with_its_cluster()
    {
        using var store = NewStore();
        var original = Annotated("a");
        store.Write([Record(original)], []);

        var line = Assert.Single(store.DocumentJsonLines(CorpusFilter.All));
        var back = DocumentJson.Deserialize(line);
        Assert.Equal("a", back.Cluster);
        original.Cluster = "a";
        Assert.Equal(DocumentJson.Serialize(original), DocumentJson.Serialize(back));
        Assert.Equal(DocumentJson.Serialize(back), DocumentJson.Serialize(store.GetDocument("a")!));
    }

    [SkippableFact]
    public void Writing_is_idempotent_and_a_reused_id_of_another_text_gets_a_suffix()
    {
        using var store = NewStore();
        var record = Record(Annotated("a"));
        store.Write([record], []);
        Assert.Equal(new StoreWriteResult(0, 1, 0), store.Write([record], []));

        var other = Annotated("a", "نص مختلف تماما عن الخبر الأول يتحدث عن الاقتصاد والتجارة بين البلدين الجارين. طالبت دمشق موسكو بالدعم.");
        store.Write([Record(other)], [new QuarantineRecord("x.txt", "empty file"), new QuarantineRecord("x.txt", "empty file")]);
        var ids = store.Documents(CorpusFilter.All).Select(d => d.Document.Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal("a", ids[0]);
        Assert.StartsWith("a~", ids[1]);
        Assert.Single(store.Quarantine());
    }

    [SkippableFact]
    public void Wire_copies_join_the_cluster_named_by_the_first_article_and_unrelated_stories_do_not()
    {
        using var store = NewStore();
        const string Wire = "أكد خادم الحرمين الشريفين خلال استقباله رئيس الوزراء الباكستاني في الرياض اليوم عمق العلاقات الأخوية بين المملكة وباكستان، " +
            "وبحث الجانبان سبل تعزيز التعاون الثنائي في المجالات الاقتصادية والعسكرية، إضافة إلى مستجدات الأوضاع في المنطقة والجهود المبذولة لمكافحة الإرهاب.";
        var first = Annotated("spa", Wire);
        var copy = Annotated("okaz", "الرياض - واس: " + Wire + " المصدر: وكالة الأنباء السعودية");
        var truncated = Annotated("sabq", Wire[..(Wire.Length * 2 / 3)]);
        var unrelated = Annotated("other", "افتتح أمير المنطقة الشرقية مهرجان الصيف في الدمام بمشاركة فرق شعبية من مختلف مناطق المملكة وسط حضور جماهيري كبير من الأسر والزوار.");
        var r1 = store.Write([Record(first)], []);
        var r2 = store.Write([Record(copy), Record(truncated), Record(unrelated)], []);

        Assert.Equal(0, r1.NearDuplicates);
        Assert.Equal(2, r2.NearDuplicates);
        var cluster = Assert.Single(store.Clusters(CorpusFilter.All, 2));
        Assert.Equal("spa", cluster.Id);
        Assert.Equal(["spa", "okaz", "sabq"], cluster.Members.Select(m => m.Id));
        Assert.Equal("other", store.GetDocument("other")!.Cluster);
        Assert.Equal("spa", store.GetDocument("okaz")!.Cluster);
    }

    [SkippableFact]
    public void Reanalysis_replaces_layers_keeps_the_cluster_and_records_a_new_version_in_the_change_feed()
    {
        using var store = NewStore();
        var old = Annotated("a");
        old.Events.Clear();
        store.Write([Record(old, "old/1")], []);
        Assert.Empty(store.Events(CorpusFilter.All));

        var stale = Assert.Single(store.Stale("new/2", 10));
        Assert.Equal("old/1", stale.PipelineVersion);
        var replaced = store.Replace([Record(Annotated("a"), "new/2")]);

        Assert.Equal(1, replaced);
        Assert.Empty(store.Stale("new/2", 10));
        Assert.Single(store.Events(CorpusFilter.All));
        var stored = Assert.Single(store.Documents(CorpusFilter.All));
        Assert.Equal((2, "new/2", "a"), (stored.Version, stored.PipelineVersion, stored.Document.Cluster));
        var changes = store.Changes(0, 10);
        Assert.Equal([("add", 1), ("update", 2)], changes.Select(c => (c.Operation, c.Version)));
        Assert.True(changes[1].Sequence > changes[0].Sequence);
        Assert.Equal(changes.Skip(1), store.Changes(changes[0].Sequence, 10));
    }

    [SkippableFact]
    public void Reopening_a_store_keeps_its_schema_version_and_data()
    {
        var path = NewLocation();
        using (var store = Open(path))
        {
            store.Write([Record(Annotated("a"))], []);
        }

        using var again = Open(path);
        Assert.Equal(LatestSchema, again.SchemaVersion);
        Assert.Equal(1, again.Statistics().Documents);
    }

    [SkippableFact]
    public async Task Parquet_export_writes_a_parquet_file()
    {
        using var store = NewStore();
        store.Write([Record(Annotated("a"))], []);
        using var dir = new TempDirectory();
        var path = dir.File("events.parquet");
        await using (var file = File.Create(path))
        {
            Assert.Equal(1, await TableExport.WriteParquetAsync(store.Events(CorpusFilter.All), file));
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        Assert.True(bytes.AsSpan().IndexOf("source_actor"u8) >= 0, "column names are snake_case");
    }
}
