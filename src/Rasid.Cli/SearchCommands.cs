using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Rasid.Ingest;
using Rasid.Search;
using Rasid.Web;

namespace Rasid.Cli;

/// <summary><c>rasid index</c>, <c>rasid search</c> and <c>rasid serve</c>.</summary>
internal static class SearchCommands
{
    private static readonly JsonSerializerOptions PrettyJson = new(Rasid.Core.DocumentJson.Options) { WriteIndented = true };


    public static Command Index(CliConsole console)
    {
        var docs = DocsOption();
        var db = DbOption();
        var index = new Option<string>("--index") { Description = "Folder of the search index to (re)build.", Required = true, HelpName = "DIR" };
        var command = new Command("index", "Rebuild the search index from a corpus (documents, quotes and events).") { docs, db, index };
        command.SetAction(parse =>
        {
            var catalog = OpenCatalog(parse.GetValue(docs), parse.GetValue(db), console, out var rejected);
            using var search = SearchIndex.Open(parse.GetValue(index)!);
            search.Clear();
            var report = search.Sync(catalog);
            console.Out.WriteLine($"indexed {report.Added} documents ({search.Count(SearchKinds.Quote)} quotes, {search.Count(SearchKinds.Event)} events) into {parse.GetValue(index)}");
            return rejected > 0 ? ExitCodes.SomeInputsRejected : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Search(CliConsole console)
    {
        var query = new Argument<string>("QUERY") { Description = "Lucene syntax: words, \"phrases\", AND OR NOT, +word -word. Arabic spelling variants (أ/ا، ة/ه، diacritics) match." };
        var docs = DocsOption();
        var db = DbOption();
        var index = new Option<string?>("--index") { Description = "Search an index built by 'rasid index'.", HelpName = "DIR" };
        var kind = new Option<string?>("--kind") { Description = "document, quote or event." };
        kind.AcceptOnlyFromAmong([.. SearchKinds.All]);
        var type = new Option<string?>("--type") { Description = "PLOVER event type, e.g. ASSAULT." };
        var actor = new Option<string?>("--actor") { Description = "Actor code, e.g. SYRGOV." };
        var from = new Option<string?>("--from") { Description = "Earliest date (YYYY-MM-DD).", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Latest date (YYYY-MM-DD).", HelpName = "YYYY-MM-DD" };
        var limit = new Option<int>("--limit") { Description = "Number of hits (1-100).", DefaultValueFactory = _ => 10 };
        var sort = new Option<string>("--sort") { Description = "relevance or date.", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "date");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("search", "Search documents, quotes and events.") { query, docs, db, index, kind, type, actor, from, to, limit, sort, json };
        command.SetAction(parse =>
        {
            var limitValue = parse.GetValue(limit);
            if (limitValue is < 1 or > SearchRequest.MaxLimit) throw new UsageException($"--limit must be from 1 to {SearchRequest.MaxLimit}");
            var request = new SearchRequest
            {
                Query = parse.GetValue(query) ?? "",
                Kind = parse.GetValue(kind),
                EventType = parse.GetValue(type),
                Actor = parse.GetValue(actor),
                From = Date(parse.GetValue(from), "--from"),
                To = Date(parse.GetValue(to), "--to"),
                Limit = limitValue,
                Sort = parse.GetValue(sort) == "date" ? SearchSort.Date : SearchSort.Relevance,
            };
            var rejected = 0;
            SearchIndex search;
            if (parse.GetValue(index) is { } dir)
            {
                if (!Directory.Exists(dir)) throw new UsageException($"no index at '{dir}' (build one with 'rasid index --docs FILE --index {dir}')");
                search = SearchIndex.Open(dir);
            }
            else
            {
                var catalog = OpenCatalog(parse.GetValue(docs), parse.GetValue(db), console, out rejected);
                search = SearchIndex.InMemory();
                search.Sync(catalog);
            }

            using (search)
            {
                SearchResults results;
                try
                {
                    results = search.Search(request);
                }
                catch (SearchQueryException ex)
                {
                    throw new UsageException(ex.Message);
                }

                if (parse.GetValue(json))
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(results, PrettyJson));
                }
                else
                {
                    console.Out.WriteLine($"{results.Total} hit{(results.Total == 1 ? "" : "s")}");
                    foreach (var hit in results.Results)
                    {
                        var tags = string.Join(' ', new[] { hit.Kind, hit.EventType, hit.Date, hit.Source }.Where(t => !string.IsNullOrEmpty(t)).Concat(hit.Actors));
                        console.Out.WriteLine($"{hit.Score.ToString("0.00", CultureInfo.InvariantCulture),6}  {hit.Key}  [{tags}]  {hit.Title}");
                        var snippet = string.Concat(hit.Snippet.Select(p => p.Hit ? $"[{p.Text}]" : p.Text));
                        if (snippet.Length > 0) console.Out.WriteLine($"        {snippet}");
                    }
                }
            }

            return rejected > 0 ? ExitCodes.SomeInputsRejected : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Serve(CliConsole console)
    {
        var docs = DocsOption();
        var db = DbOption();
        var host = new Option<string>("--host") { Description = "Address to bind (loopback by default; the API has no authentication).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port.", DefaultValueFactory = _ => 5080 };
        var index = new Option<string?>("--index") { Description = "Keep the search index in this folder (default: in memory, built at start).", HelpName = "DIR" };
        var command = new Command("serve", "Start the REST API and the web UI (http://HOST:PORT/, API docs at /scalar).") { docs, db, host, port, index };
        command.SetAction(parse =>
        {
            var hostValue = parse.GetValue(host)!;
            if (hostValue != "localhost" && !System.Net.IPAddress.TryParse(hostValue, out _)) throw new UsageException($"--host must be an IP address or localhost, not '{hostValue}'");
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535) throw new UsageException("--port must be from 0 to 65535");
            var docsPath = parse.GetValue(docs);
            var catalog = docsPath is null && parse.GetValue(db) is null ? new InMemoryCatalog() : OpenCatalog(docsPath, parse.GetValue(db), console, out _);
            var options = new RasidWebOptions { Host = hostValue, Port = portValue, IndexPath = parse.GetValue(index) };
            var app = RasidWebApp.Build(RasidWebApp.CreateBuilder([], options, _ => catalog));
            app.Start();
            console.Error.WriteLine($"rasid: serving {catalog.Stats().Documents} documents at {RasidWebApp.ListeningAddress(app)} (Ctrl+C to stop)");
            app.WaitForShutdown();
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string?> DocsOption() => new("--docs") { Description = "JSONL file of analysed documents (rasid.document/1, e.g. from 'rasid analyze --format jsonl').", HelpName = "FILE.jsonl" };

    private static Option<string?> DbOption() => new("--db") { Description = "The corpus store built by 'rasid ingest': a SQLite file, or PostgreSQL as postgres://user@host:port/db.", HelpName = "PATH|URL" };

    private static IDocumentCatalog OpenCatalog(string? docs, string? db, CliConsole console, out int rejected)
    {
        rejected = 0;
        if (db is not null && docs is not null) throw new UsageException("give either --db or --docs, not both");
        if (db is not null) return new StoreCatalog(Storage.ArticleStores.Open(StoreOptions.Existing(db)));
        if (docs is null) throw new UsageException("give --db PATH (a corpus store) or --docs FILE.jsonl");
        if (!File.Exists(docs)) throw new UsageException($"no such file: {docs}");
        var count = 0;
        var catalog = InMemoryCatalog.LoadJsonl(docs, line =>
        {
            count++;
            console.Error.WriteLine($"rasid: {line}");
        });
        rejected = count;
        return catalog;
    }

    private static DateOnly? Date(string? text, string option)
    {
        if (text is null) return null;
        return DateParser.TryParse(text, out var date) ? date : throw new UsageException($"invalid {option} '{text}' (expected a real date as YYYY-MM-DD)");
    }
}
