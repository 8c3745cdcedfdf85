using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rasid.Core;

namespace Rasid.Search;

/// <summary>
/// An <see cref="IDocumentCatalog"/> held in memory: the catalog for tests and for <c>rasid serve --docs FILE.jsonl</c>
/// until the corpus store (Rasid.Storage) implements the interface. Thread-safe: readers see immutable snapshots;
/// <see cref="Put"/> and <see cref="Remove"/> replace the snapshot. A document's version is a hash of its JSON.
/// </summary>
public sealed class InMemoryCatalog : IDocumentCatalog
{
    private readonly object _gate = new();
    private ImmutableSortedDictionary<string, Stored> _documents = ImmutableSortedDictionary.Create<string, Stored>(StringComparer.Ordinal);

    private sealed record Stored(Document Document, string Version);

    /// <summary>Number of documents.</summary>
    public int Count => _documents.Count;

    /// <summary>
    /// Loads a JSONL file (one <c>rasid.document/1</c> per line). Bad lines are reported to <paramref name="reject"/>
    /// as "FILE:LINE: reason" and skipped; the rest load.
    /// </summary>
    public static InMemoryCatalog LoadJsonl(string path, Action<string>? reject = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var catalog = new InMemoryCatalog();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                catalog.Put(DocumentJson.Deserialize(line));
            }
            catch (FormatException ex)
            {
                reject?.Invoke($"{path}:{lineNumber}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        return catalog;
    }

    /// <summary>Adds or replaces a document (a new analysis gets a new version).</summary>
    public void Put(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(document.Id)) throw new ArgumentException("document has no id", nameof(document));
        var json = DocumentJson.Serialize(document);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 8));
        var copy = DocumentJson.Deserialize(json); // callers may keep mutating theirs
        lock (_gate) _documents = _documents.SetItem(document.Id, new Stored(copy, version));
    }

    /// <summary>Removes a document; false when it was absent.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            var before = _documents;
            _documents = _documents.Remove(id);
            return before.Count != _documents.Count;
        }
    }

    /// <inheritdoc />
    public Document? Get(string id) => id is not null && _documents.TryGetValue(id, out var stored) ? stored.Document : null;

    /// <summary>All documents, in id order.</summary>
    public IEnumerable<Document> Documents() => _documents.Values.Select(s => s.Document);

    /// <inheritdoc />
    public IEnumerable<CatalogEntry> Entries() => _documents.Values.Select(s => new CatalogEntry(s.Document.Id, s.Version));

    /// <inheritdoc />
    public EventPage Events(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = Math.Clamp(filter.Limit, 1, EventFilter.MaxLimit);
        var offset = Math.Max(0, filter.Offset);
        var rows = AllEvents().Where(r => Matches(r, filter))
            .OrderByDescending(r => r.Date, StringComparer.Ordinal)
            .ThenBy(r => r.DocumentId, StringComparer.Ordinal)
            .ThenBy(r => r.Event.Id, StringComparer.Ordinal)
            .ToList();
        return new EventPage(rows.Count, offset, limit, rows.Skip(offset).Take(limit).ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<ActorCount> Actors(int limit)
    {
        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
        var events = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in Documents())
        {
            foreach (var e in doc.Entities.Where(e => !string.IsNullOrEmpty(e.Actor)))
            {
                Increment(mentions, e.Actor!);
                if (e.Canonical is not null) names.TryAdd(e.Actor!, e.Canonical);
            }

            foreach (var q in doc.Quotes.Where(q => !string.IsNullOrEmpty(q.SpeakerActor)))
            {
                Increment(mentions, q.SpeakerActor!);
                if (q.SpeakerCanonical is not null) names.TryAdd(q.SpeakerActor!, q.SpeakerCanonical);
            }

            foreach (var ev in doc.Events)
            {
                foreach (var code in new[] { ev.Source?.Actor, ev.Target?.Actor }.Where(c => !string.IsNullOrEmpty(c)).Distinct())
                {
                    Increment(events, code!);
                }
            }
        }

        return mentions.Keys.Union(events.Keys)
            .Select(code => new ActorCount(code, names.GetValueOrDefault(code), mentions.GetValueOrDefault(code), events.GetValueOrDefault(code)))
            .OrderByDescending(a => a.Mentions + a.Events).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Take(Math.Max(0, limit)).ToList();
    }

    /// <inheritdoc />
    public CatalogStats Stats()
    {
        var docs = Documents().ToList();
        var events = AllEvents().ToList();
        var published = docs.Where(d => d.Published is not null).Select(d => d.Published!.Value).ToList();
        return new CatalogStats
        {
            Documents = docs.Count,
            Events = events.Count,
            Quotes = docs.Sum(d => d.Quotes.Count),
            Entities = docs.Sum(d => d.Entities.Count),
            FirstPublished = published.Count == 0 ? null : published.Min(),
            LastPublished = published.Count == 0 ? null : published.Max(),
            EventsByType = events.GroupBy(e => e.Event.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            DocumentsBySource = docs.GroupBy(d => d.Source ?? "", StringComparer.Ordinal).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            EventsPerDay = events.Where(e => e.Date is not null)
                .GroupBy(e => (Date: e.Date!, e.Event.Type))
                .Select(g => new DayCount(g.Key.Date, g.Key.Type, g.Count()))
                .OrderBy(d => d.Date, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal).ToList(),
            EventPlaces = events.Where(e => e.Event.Place is not null)
                .GroupBy(e => e.Event.Place!.Name, StringComparer.Ordinal)
                .Select(g => new PlaceCount(g.Key, g.First().Event.Place!.Lat, g.First().Event.Place!.Lon, g.First().Event.Place!.Country, g.Count()))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal).ToList(),
        };
    }

    private IEnumerable<EventRow> AllEvents() =>
        Documents().SelectMany(d => d.Events.Select(e => new EventRow
        {
            DocumentId = d.Id,
            Title = d.Title,
            Source = d.Source,
            Date = e.Date ?? d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Event = e,
        }));

    private static bool Matches(EventRow row, EventFilter f)
    {
        var e = row.Event;
        if (f.Type is not null && !string.Equals(e.Type, f.Type, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Actor is not null && !string.Equals(e.Source?.Actor, f.Actor, StringComparison.OrdinalIgnoreCase) && !string.Equals(e.Target?.Actor, f.Actor, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Place is not null && !string.Equals(e.Place?.Name, f.Place, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Source is not null && !string.Equals(row.Source, f.Source, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.From is not null || f.To is not null)
        {
            if (row.Date is null || !DateOnly.TryParseExact(row.Date.Length == 7 ? row.Date + "-01" : row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
            if (f.From is { } from && date < from) return false;
            if (f.To is { } to && date > to) return false;
        }

        return true;
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
