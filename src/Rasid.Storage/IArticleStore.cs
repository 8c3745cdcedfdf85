using Rasid.Core;

namespace Rasid.Storage;

/// <summary>
/// A corpus store: analysed documents with their layers (entities, quotes, times, events), story clusters,
/// the quarantine of rejected inputs and a change feed. The SQLite implementation is
/// <see cref="SqliteArticleStore"/>; a PostgreSQL one implements the same contract.
/// </summary>
/// <remarks>
/// Contract every implementation keeps:
/// <list type="bullet">
/// <item>Idempotent writes: an article whose <see cref="ArticleRecord.ContentHash"/> is stored already is skipped.</item>
/// <item>Atomic batches: <see cref="Write"/> stores a whole batch (articles and rejections) or nothing.</item>
/// <item>Every stored or re-analysed document gets a new <see cref="DocumentChange"/> with a strictly increasing
/// sequence number and the document's new version, so an index (Lucene) can follow the store.</item>
/// <item>Thread-safe: calls may come from several threads; implementations serialise them as they need.</item>
/// </list>
/// </remarks>
public interface IArticleStore : IDisposable
{
    /// <summary>Version of the store's schema after migrations.</summary>
    int SchemaVersion { get; }

    /// <summary>True when an article with this content hash is stored.</summary>
    bool Contains(string contentHash);

    /// <summary>Stores a batch in one transaction: new articles (assigning story clusters) and rejected inputs.</summary>
    StoreWriteResult Write(IReadOnlyList<ArticleRecord> articles, IReadOnlyList<QuarantineRecord> rejections);

    /// <summary>Replaces the layers of stored documents with a newer analysis of the same text (<c>rasid reanalyze</c>);
    /// the cluster is kept, the version goes up by one.</summary>
    int Replace(IReadOnlyList<ArticleRecord> reanalysed);

    /// <summary>Documents analysed with another pipeline version than <paramref name="pipelineVersion"/>, oldest first.</summary>
    IReadOnlyList<StoredDocument> Stale(string pipelineVersion, int limit);

    /// <summary>One document (with its cluster) by id, or null.</summary>
    Document? GetDocument(string id);

    /// <summary>Documents matching the filter, in storage order, streamed.</summary>
    IEnumerable<StoredDocument> Documents(CorpusFilter filter);

    /// <summary>Documents matching the filter as <c>rasid.document/1</c> JSON (one line each, cluster set), streamed.</summary>
    IEnumerable<string> DocumentJsonLines(CorpusFilter filter);

    /// <summary>Event rows matching the filter (one per coded event).</summary>
    IEnumerable<EventRow> Events(CorpusFilter filter);

    /// <summary>Entity rows matching the filter (one per mention).</summary>
    IEnumerable<EntityRow> Entities(CorpusFilter filter);

    /// <summary>Quote rows matching the filter.</summary>
    IEnumerable<QuoteRow> Quotes(CorpusFilter filter);

    /// <summary>Story clusters with at least <paramref name="minSize"/> members, largest first.</summary>
    IEnumerable<StoryCluster> Clusters(CorpusFilter filter, int minSize);

    /// <summary>Rejected inputs, oldest first.</summary>
    IEnumerable<QuarantineRecord> Quarantine();

    /// <summary>Counts: documents, clusters, rejections, and events per type, actor and month.</summary>
    StoreStatistics Statistics();

    /// <summary>The change feed: changes with a sequence number above <paramref name="afterSequence"/>, in order.</summary>
    IReadOnlyList<DocumentChange> Changes(long afterSequence, int limit);
}

/// <summary>An analysed article to store.</summary>
/// <param name="Document">The document with its layers (its <see cref="Document.Cluster"/> is set by the store).</param>
/// <param name="ContentHash">Identity of the input article (see <see cref="ContentHashes.Of"/>).</param>
/// <param name="Origin">Where it came from: path, <c>path:line</c>, <c>archive.zip!entry#3</c>.</param>
/// <param name="PipelineVersion">Version string of the pipeline that produced the layers.</param>
/// <param name="Signature">Near-duplicate signature (null: the article is not clustered with others).</param>
public sealed record ArticleRecord(Document Document, string ContentHash, string Origin, string PipelineVersion, MinHashSignature? Signature)
{
    /// <summary>The stored form of <see cref="Document"/> (gzip JSON, cluster null) computed by <see cref="WithStoredJson"/>, or null.</summary>
    internal byte[]? StoredJson { get; private init; }

    /// <summary>The document id <see cref="StoredJson"/> was written with (the store renames colliding ids).</summary>
    internal string? StoredJsonId { get; private init; }

    /// <summary>
    /// This record with the document's stored form (gzip of the document JSON) computed now, on the calling thread.
    /// Parallel analysis workers call it so that the single store writer does not serialise and compress documents
    /// inside its transaction; the store uses it when the document keeps its id and computes it otherwise. The stored
    /// bytes are the same either way. The document must not change afterwards.
    /// </summary>
    public ArticleRecord WithStoredJson() => this with { StoredJson = SqliteArticleStore.Compress(Document), StoredJsonId = Document.Id };

    /// <summary>
    /// This record made ready for a store on the calling thread, for a pipeline whose single writer stores what parallel
    /// workers analysed: the stored form is computed now (<see cref="WithStoredJson"/>) and the document keeps every layer
    /// but its tokens, which are in the stored form while the store's tables use only the other layers. Records waiting
    /// for the writer then hold a few kilobytes each instead of the whole token graph, which every garbage collection
    /// would otherwise copy while they wait. Read the stored document back from the store for its tokens.
    /// </summary>
    public ArticleRecord ForStore()
    {
        var stored = StoredJson is null ? WithStoredJson() : this;
        return stored with { Document = StoredDocuments.WithoutTokens(stored.Document) };
    }

    /// <summary>
    /// The stored form for <paramref name="id"/>: the precomputed one when it was made for that id, else made from it
    /// (its document may have been released by <see cref="ForStore"/>), else from <see cref="Document"/>.
    /// </summary>
    internal byte[] StoredJsonFor(string id)
    {
        if (StoredJson is not { } json) return SqliteArticleStore.Compress(StoredDocuments.WithId(Document, id));
        if (StoredJsonId == id) return json;
        return SqliteArticleStore.Compress(StoredDocuments.WithId(DocumentJson.Deserialize(SqliteArticleStore.Decompress(json)), id));
    }
}

/// <summary>A rejected input in the quarantine.</summary>
/// <param name="Origin">Path, <c>path:line</c> or archive entry.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="FirstSeen">When it was first rejected (UTC; set by the store).</param>
public sealed record QuarantineRecord(string Origin, string Reason, DateTimeOffset? FirstSeen = null);

/// <summary>What a <see cref="IArticleStore.Write"/> did.</summary>
/// <param name="Added">New documents stored.</param>
/// <param name="Skipped">Articles already stored (same content hash).</param>
/// <param name="NearDuplicates">New documents that joined an existing story cluster.</param>
public sealed record StoreWriteResult(int Added, int Skipped, int NearDuplicates);

/// <summary>A stored document with its storage metadata.</summary>
/// <param name="Document">The document (its cluster set).</param>
/// <param name="ContentHash">Input identity.</param>
/// <param name="Origin">Where it was read.</param>
/// <param name="PipelineVersion">The pipeline version of its layers.</param>
/// <param name="Version">Increases by one on each re-analysis.</param>
public sealed record StoredDocument(Document Document, string ContentHash, string Origin, string PipelineVersion, int Version);

/// <summary>One entry of the change feed.</summary>
/// <param name="Sequence">Strictly increasing number.</param>
/// <param name="DocumentId">The document changed.</param>
/// <param name="Version">Its version after the change.</param>
/// <param name="Operation"><c>add</c> or <c>update</c>.</param>
public sealed record DocumentChange(long Sequence, string DocumentId, int Version, string Operation);

/// <summary>Filter for exports (all parts optional, combined with AND).</summary>
public sealed record CorpusFilter
{
    /// <summary>Everything.</summary>
    public static CorpusFilter All { get; } = new();

    /// <summary>Earliest date (event date for events, publication date otherwise), inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Latest date, inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Actor code (prefix match: SYR matches SYRGOV): event source/target, entity actor, quote speaker; for documents any of these.</summary>
    public string? Actor { get; init; }

    /// <summary>Type: PLOVER event type for events (and documents having such an event), entity type (PER/ORG/LOC/MISC), quote kind.</summary>
    public string? Type { get; init; }
}

/// <summary>A story cluster: near-duplicate documents (wire copies) named by its first document.</summary>
/// <param name="Id">Cluster id (the id of its first document).</param>
/// <param name="Size">Number of member documents.</param>
/// <param name="Title">Title of the first document.</param>
/// <param name="Members">Members in storage order.</param>
public sealed record StoryCluster(string Id, int Size, string? Title, IReadOnlyList<ClusterMember> Members);

/// <summary>A member of a story cluster.</summary>
public sealed record ClusterMember(string Id, string? Source, string? Published, string? Title, string? Url);

/// <summary>Store-wide counts for <c>rasid stats</c>.</summary>
public sealed record StoreStatistics(
    long Documents,
    long Clusters,
    long ClusteredDocuments,
    long Rejections,
    long Events,
    long Entities,
    long Quotes,
    long Times,
    IReadOnlyList<KeyValuePair<string, long>> EventsByType,
    IReadOnlyList<KeyValuePair<string, long>> EventsByActor,
    IReadOnlyList<KeyValuePair<string, long>> DocumentsByMonth,
    IReadOnlyList<KeyValuePair<string, long>> EventsByMonth,
    IReadOnlyList<KeyValuePair<string, long>> PipelineVersions);
