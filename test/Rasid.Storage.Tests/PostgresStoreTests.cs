using Rasid.Core;
using Rasid.Storage.Postgres;

namespace Rasid.Storage.Tests;

/// <summary>What only the PostgreSQL store has: full-text search and the work queue (each test in its own database).</summary>
public sealed class PostgresStoreTests
{
    private static readonly MinHasher Hasher = new();

    private static QueuedArticle Queued(string id, string text) =>
        new("mem:" + id, ContentHashes.Of(text, null, null), text, new ArticleInfo { Id = id, Published = new DateOnly(2015, 9, 30) });

    private static ArticleRecord Analysed(QueuedArticle a) =>
        new(Document.Create(a.Text, a.Info), a.ContentHash, a.Origin, "test/1", Hasher.Sign(a.Text));

    [SkippableFact]
    public void Full_text_search_matches_across_alef_and_ta_marbuta_spellings_and_not_unrelated_documents()
    {
        using var db = new PostgresTestDatabase();
        using var store = PostgresArticleStore.Open(db.ConnectionString);
        var a = Queued("assad", "قال الرئيس بشار الأسد إن القوات الجوية الروسية ستصل إلى سوريا خلال أيام.");
        var b = Queued("expo", "افتتح أمير المنطقة الشرقية معرض الكتاب في مدينة الدمام وسط حضور كبير.");
        store.Write([Analysed(a), Analysed(b)], []);

        Assert.Equal(["assad"], store.Search("الاسد").Select(r => r.Id));       // أ written as bare alef
        Assert.Equal(["assad"], store.Search("القوات الجويه").Select(r => r.Id)); // ة written as ه
        Assert.Equal(["expo"], store.Search("الدمام").Select(r => r.Id));
        Assert.Empty(store.Search("الأسد الدمام"));                              // every word must match
        Assert.Empty(store.Search("موسكو"));
    }

    [SkippableFact]
    public void A_claim_is_invisible_to_other_workers_until_its_lease_expires_and_a_late_completion_stores_nothing()
    {
        using var db = new PostgresTestDatabase();
        using var store = PostgresArticleStore.Open(db.ConnectionString);
        var queue = store.Queue;
        Assert.Equal(1, queue.Enqueue([Queued("a", "أعلن وزير الخارجية في الرياض خطة جديدة للتعاون الاقتصادي مع الجيران.")]));
        Assert.Equal(0, queue.Enqueue([Queued("a", "أعلن وزير الخارجية في الرياض خطة جديدة للتعاون الاقتصادي مع الجيران.")]));

        var first = Assert.Single(queue.Claim("w1", 10, TimeSpan.FromMilliseconds(300)));
        Assert.Empty(queue.Claim("w2", 10, TimeSpan.FromSeconds(30)));
        Thread.Sleep(600);
        var second = Assert.Single(queue.Claim("w2", 10, TimeSpan.FromSeconds(30)));
        Assert.Equal((first.QueueId, 2), (second.QueueId, second.Attempts));

        var late = queue.Complete("w1", [(first.QueueId, Analysed(first))], [], 3);
        Assert.Equal((0, 0), (late.Stored.Added, late.Completed));
        var done = queue.Complete("w2", [(second.QueueId, Analysed(second))], [], 3);
        Assert.Equal((1, 1), (done.Stored.Added, done.Completed));
        Assert.Equal(new QueueCounts(0, 1, 0, 0), queue.Counts());
        Assert.Equal(1, store.Statistics().Documents);
    }

    [SkippableFact]
    public void An_article_that_fails_or_kills_its_worker_max_attempts_times_goes_to_the_quarantine()
    {
        using var db = new PostgresTestDatabase();
        using var store = PostgresArticleStore.Open(db.ConnectionString);
        var queue = store.Queue;
        queue.Enqueue([Queued("fails", "خبر أول يفشل تحليله في كل مرة لسبب ما."), Queued("crashes", "خبر ثان يوقف العامل في كل مرة يحلل فيها.")]);

        // "fails": analysis throws; retried until the third attempt, then quarantined.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var claimed = queue.Claim("w", 10, TimeSpan.FromMilliseconds(200));
            var fails = claimed.Single(a => a.Info.Id == "fails");
            Assert.Equal(attempt, fails.Attempts);
            queue.Complete("w", [], [new QueueFailure(fails.QueueId, fails.Origin, "InvalidDataException: bad", fails.Attempts)], 3);
            Thread.Sleep(300); // "crashes": the worker died holding it; the lease runs out
        }

        // "crashes" has now been claimed 3 times without completing; the 4th claim quarantines it unanalysed.
        var last = queue.Claim("w", 10, TimeSpan.FromSeconds(30));
        var crashes = Assert.Single(last);
        Assert.Equal(("crashes", 4), (crashes.Info.Id, crashes.Attempts));
        Assert.Equal(1, queue.QuarantineExhausted("w", last, 3));

        Assert.Equal(new QueueCounts(0, 0, 2, 0), queue.Counts());
        Assert.Equal(0, store.Statistics().Documents);
        var quarantined = store.Quarantine().OrderBy(q => q.Origin, StringComparer.Ordinal).ToList();
        Assert.Equal(["mem:crashes", "mem:fails"], quarantined.Select(q => q.Origin));
        Assert.Contains("3 times", quarantined[1].Reason, StringComparison.Ordinal);
        Assert.Contains("4 times", quarantined[0].Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_postgres_url_opens_the_same_database_as_its_connection_string()
    {
        using var db = new PostgresTestDatabase();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString);
        var url = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        Assert.True(PostgresArticleStore.IsPostgres(url));
        Assert.True(PostgresArticleStore.IsPostgres(db.ConnectionString));
        Assert.False(PostgresArticleStore.IsPostgres("corpus/rasid.db"));
        using var store = ArticleStores.Open(url);
        Assert.Equal(PostgresMigrations.Latest, store.SchemaVersion);
        Assert.Equal(url, ArticleStores.Describe(store));
    }
}
