using Rasid.Core;
using Rasid.Search;
using Rasid.Storage;
using SearchEventRow = Rasid.Search.EventRow;
using StoreEventRow = Rasid.Storage.EventRow;

namespace Rasid.Cli;

/// <summary>
/// The search index's and web API's view (<see cref="IDocumentCatalog"/>) of a corpus store (SQLite or PostgreSQL).
/// Documents and versions come from the store's change feed, events and counts from its relational tables, so the
/// index re-indexes exactly the documents that were added or re-analysed since it was built.
/// </summary>
internal sealed class StoreCatalog(IArticleStore store) : IDocumentCatalog
{
    public Document? Get(string id) => store.GetDocument(id);

    public IEnumerable<CatalogEntry> Entries()
    {
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var changes = store.Changes(after, 10_000);
            if (changes.Count == 0) break;
            foreach (var change in changes) latest[change.DocumentId] = change.Version;
            after = changes[^1].Sequence;
        }

        return latest.Select(p => new CatalogEntry(p.Key, p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public EventPage Events(EventFilter filter)
    {
        var limit = Math.Clamp(filter.Limit, 1, EventFilter.MaxLimit);
        var offset = Math.Max(0, filter.Offset);
        var matching = store.Events(new CorpusFilter { From = filter.From, To = filter.To, Actor = filter.Actor, Type = filter.Type })
            .Where(e => filter.Place is null || string.Equals(e.PlaceName, filter.Place, StringComparison.OrdinalIgnoreCase))
            .Where(e => filter.Source is null || string.Equals(e.Source, filter.Source, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.Date, StringComparer.Ordinal)
            .ToList();
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        var items = matching.Skip(offset).Take(limit).Select(row => new SearchEventRow
        {
            DocumentId = row.DocId,
            Title = TitleOf(row.DocId, titles),
            Source = row.Source,
            Date = row.Date,
            Event = ToEvent(row),
        }).ToList();
        return new EventPage(matching.Count, offset, limit, items);
    }

    public IReadOnlyList<ActorCount> Actors(int limit)
    {
        var mentions = new Dictionary<string, (int Count, Dictionary<string, int> Names)>(StringComparer.Ordinal);
        foreach (var entity in store.Entities(CorpusFilter.All))
        {
            if (entity.Actor is null) continue;
            if (!mentions.TryGetValue(entity.Actor, out var entry)) entry = (0, new Dictionary<string, int>(StringComparer.Ordinal));
            if (entity.Canonical is not null) entry.Names[entity.Canonical] = entry.Names.GetValueOrDefault(entity.Canonical) + 1;
            mentions[entity.Actor] = (entry.Count + 1, entry.Names);
        }

        var events = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in store.Events(CorpusFilter.All))
        {
            foreach (var actor in new[] { row.SourceActor, row.TargetActor }.Distinct())
            {
                if (actor is not null) events[actor] = events.GetValueOrDefault(actor) + 1;
            }
        }

        return mentions.Keys.Union(events.Keys)
            .Select(code => new ActorCount(
                code,
                mentions.TryGetValue(code, out var m) && m.Names.Count > 0 ? m.Names.MaxBy(n => n.Value).Key : null,
                mentions.TryGetValue(code, out var c) ? c.Count : 0,
                events.GetValueOrDefault(code)))
            .OrderByDescending(a => a.Mentions + a.Events).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Take(Math.Max(1, limit))
            .ToList();
    }

    public CatalogStats Stats()
    {
        var statistics = store.Statistics();
        var perDay = new Dictionary<(string Date, string Type), int>();
        var places = new Dictionary<string, (double Lat, double Lon, string? Country, int Count)>(StringComparer.Ordinal);
        foreach (var row in store.Events(CorpusFilter.All))
        {
            if (row.Date is not null) perDay[(row.Date, row.EventType)] = perDay.GetValueOrDefault((row.Date, row.EventType)) + 1;
            if (row.PlaceName is not null && row.Lat is { } lat && row.Lon is { } lon)
            {
                var count = places.TryGetValue(row.PlaceName, out var p) ? p.Count : 0;
                places[row.PlaceName] = (lat, lon, row.Country, count + 1);
            }
        }

        var documents = store.Documents(CorpusFilter.All).Select(d => d.Document).Select(d => (d.Published, d.Source)).ToList();
        return new CatalogStats
        {
            Documents = (int)statistics.Documents,
            Events = (int)statistics.Events,
            Quotes = (int)statistics.Quotes,
            Entities = (int)statistics.Entities,
            FirstPublished = documents.Min(d => d.Published),
            LastPublished = documents.Max(d => d.Published),
            EventsByType = statistics.EventsByType.ToDictionary(p => p.Key, p => (int)p.Value, StringComparer.Ordinal),
            DocumentsBySource = documents.GroupBy(d => d.Source ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            EventsPerDay = perDay.OrderBy(p => p.Key.Date, StringComparer.Ordinal).Select(p => new DayCount(p.Key.Date, p.Key.Type, p.Value)).ToList(),
            EventPlaces = places.OrderByDescending(p => p.Value.Count).Select(p => new PlaceCount(p.Key, p.Value.Lat, p.Value.Lon, p.Value.Country, p.Value.Count)).ToList(),
        };
    }

    private string? TitleOf(string docId, Dictionary<string, string?> cache)
    {
        if (!cache.TryGetValue(docId, out var title)) cache[docId] = title = store.GetDocument(docId)?.Title;
        return title;
    }

    private static Event ToEvent(StoreEventRow row)
    {
        var slash = row.EventId.IndexOf('/', StringComparison.Ordinal);
        return new Event
        {
            Id = slash >= 0 ? row.EventId[(slash + 1)..] : row.EventId,
            Type = row.EventType,
            Cameo = row.Cameo,
            Mode = row.Mode,
            Source = row.SourceActor is null && row.SourceText is null ? null : new EventParticipant { Actor = row.SourceActor, Text = row.SourceText ?? "" },
            Target = row.TargetActor is null && row.TargetText is null ? null : new EventParticipant { Actor = row.TargetActor, Text = row.TargetText ?? "" },
            Trigger = new Mention { Start = row.TriggerStart, End = row.TriggerEnd, Text = row.Trigger },
            Date = row.Date,
            DateFromArticle = row.DateFromArticle,
            Place = row.PlaceName is not null && row.Lat is { } lat && row.Lon is { } lon ? new Place(row.PlaceName, lat, lon, row.Country) : null,
            Negated = row.Negated,
            Evidence = row.EvidenceBy is null ? null : new Evidence(row.EvidenceBy, row.Score),
        };
    }
}
