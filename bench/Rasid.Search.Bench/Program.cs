// Query latency of the Rasid search index: p50/p95/p99 over N queries on an index of SaudiNewsNet articles.
// Articles are indexed as text + title + date + outlet without running the analysis pipeline (no entities,
// quotes or events), so the index holds documents only. Usage:
//   dotnet run -c Release --project bench/Rasid.Search.Bench -- [SAUDINEWSNET_DIR] [QUERIES] [OUT.md]
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Rasid.Core;
using Rasid.Search;

var dir = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "raw", "saudinewsnet");
var queryCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var outPath = args.Length > 2 ? args[2] : null;
if (!Directory.Exists(dir))
{
    Console.Error.WriteLine($"bench: no SaudiNewsNet folder at {dir}");
    return 2;
}

var documents = new List<Document>();
var titles = new List<string>();
foreach (var zip in Directory.GetFiles(dir, "*.zip").Order(StringComparer.Ordinal))
{
    using var archive = ZipFile.OpenRead(zip);
    foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
    {
        using var stream = entry.Open();
        using var json = JsonDocument.Parse(stream);
        var n = 0;
        foreach (var article in json.RootElement.EnumerateArray())
        {
            var text = article.TryGetProperty("content", out var c) ? c.GetString() : null;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var title = article.TryGetProperty("title", out var t) ? t.GetString() : null;
            DateOnly? date = article.TryGetProperty("date_extracted", out var d) && d.GetString() is { Length: >= 10 } ds && DateOnly.TryParseExact(ds[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
            var source = article.TryGetProperty("source", out var s) ? s.GetString() : null;
            documents.Add(Document.Create(text, new ArticleInfo { Id = $"{Path.GetFileNameWithoutExtension(zip)}-{n++}", Title = title, Published = date, Source = source }));
            if (!string.IsNullOrWhiteSpace(title)) titles.Add(title);
        }
    }
}

var indexDir = Path.Combine(Path.GetTempPath(), "rasid-search-bench-" + Environment.ProcessId);
var build = Stopwatch.StartNew();
using (var index = SearchIndex.Open(indexDir))
{
    index.Clear();
    index.IndexMany(documents.Select(d => (d, "1")));
    build.Stop();
    var indexBytes = new DirectoryInfo(indexDir).EnumerateFiles().Sum(f => f.Length);

    // Queries from title words (fixed seed): 50% one word, 25% two words (AND), 15% a two-word phrase,
    // 10% one word with an outlet filter sorted by date. Each request asks for page 1 (10 hits) with facets
    // and highlighted snippets, as the web UI does.
    var random = new Random(20150721);
    var words = titles.Select(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && w.All(char.IsLetter)).ToArray()).Where(w => w.Length >= 2).ToList();
    var sources = documents.Select(d => d.Source).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
    SearchRequest NextQuery()
    {
        var w = words[random.Next(words.Count)];
        var i = random.Next(w.Length - 1);
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.50 => new SearchRequest { Query = w[i] },
            < 0.75 => new SearchRequest { Query = $"{w[i]} {w[i + 1]}" },
            < 0.90 => new SearchRequest { Query = $"\"{w[i]} {w[i + 1]}\"" },
            _ => new SearchRequest { Query = w[i], Source = sources[random.Next(sources.Length)], Sort = SearchSort.Date },
        };
    }

    for (var i = 0; i < 200; i++) index.Search(NextQuery()); // warm-up
    var latencies = new double[queryCount];
    var hits = 0L;
    var total = Stopwatch.StartNew();
    for (var i = 0; i < queryCount; i++)
    {
        var request = NextQuery();
        var sw = Stopwatch.StartNew();
        var results = index.Search(request);
        sw.Stop();
        latencies[i] = sw.Elapsed.TotalMilliseconds;
        hits += results.Total;
    }

    total.Stop();
    Array.Sort(latencies);
    double Pct(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
    var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
    var report = new StringBuilder();
    report.AppendLine(CultureInfo.InvariantCulture, $"| articles indexed | {documents.Count:N0} (SaudiNewsNet, {Directory.GetFiles(dir, "*.zip").Length} daily zips) |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| index build | {build.Elapsed.TotalSeconds:0.0} s, {indexBytes / 1024.0 / 1024.0:0.0} MiB on disk |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| queries timed | {queryCount:N0} (after 200 warm-up), mean {hits / (double)queryCount:N0} matching articles per query |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| latency p50 | {Pct(0.50):0.00} ms |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| latency p95 | {Pct(0.95):0.00} ms |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| latency p99 | {Pct(0.99):0.00} ms |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| mean / max | {latencies.Average():0.00} ms / {latencies[^1]:0.00} ms |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| throughput (1 thread) | {queryCount / total.Elapsed.TotalSeconds:0} queries/s |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| machine | {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores visible, {RuntimeInformation.OSDescription}, .NET {Environment.Version} |");
    Console.Write(report);
    if (outPath is not null) File.WriteAllText(outPath, report.ToString());
}

Directory.Delete(indexDir, recursive: true);
return 0;
