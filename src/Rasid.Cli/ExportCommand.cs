using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rasid.Core;
using Rasid.Ingest;
using Rasid.Storage;

namespace Rasid.Cli;

/// <summary><c>rasid export events|entities|quotes|documents|clusters|quarantine --format jsonl|csv|parquet ...</c>.</summary>
internal static class ExportCommand
{
    private static readonly string[] Kinds = ["events", "entities", "quotes", "documents", "clusters", "quarantine"];

    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("WHAT") { Description = "events, entities, quotes, documents (rasid.document/1 JSON lines), clusters (story clusters with members) or quarantine (rejected inputs)." };
        kind.AcceptOnlyFromAmong(Kinds);
        var format = new Option<string>("--format", "-f") { Description = "jsonl (default), csv or parquet. CSV columns: docs/schema.md.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet");
        var db = StoreOptions.Db();
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output).", HelpName = "FILE" };
        var from = new Option<string?>("--from") { Description = "Earliest date (event date for events, publication date otherwise), YYYY-MM-DD.", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Latest date, inclusive.", HelpName = "YYYY-MM-DD" };
        var actor = new Option<string?>("--actor") { Description = "Actor code or prefix (SYR matches SYRGOV): event source/target, entity actor, quote speaker.", HelpName = "CODE" };
        var type = new Option<string?>("--type") { Description = "PLOVER event type (events, documents, clusters), entity type PER/ORG/LOC/MISC (entities) or quote kind direct/indirect (quotes).", HelpName = "TYPE" };
        var bom = new Option<bool>("--excel-bom") { Description = "Start CSV/JSONL output with a UTF-8 byte-order mark so Excel reads Arabic correctly." };
        var minSize = new Option<int>("--min-size") { Description = "clusters: smallest cluster listed (default 2: only stories with copies).", DefaultValueFactory = _ => 2 };
        var command = new Command("export", "Export the corpus store: events, entities, quotes, documents, story clusters or the quarantine, as JSONL, CSV or Parquet.")
        {
            kind, format, db, output, from, to, actor, type, bom, minSize,
        };
        command.SetAction(parse =>
        {
            var filter = new CorpusFilter
            {
                From = Date(parse.GetValue(from), "--from"),
                To = Date(parse.GetValue(to), "--to"),
                Actor = parse.GetValue(actor),
                Type = parse.GetValue(type),
            };
            return Execute(parse.GetValue(kind)!, parse.GetValue(format)!, parse.GetValue(db)!, parse.GetValue(output), filter, parse.GetValue(bom), parse.GetValue(minSize), console);
        });
        return command;
    }

    private static DateOnly? Date(string? text, string option)
    {
        if (text is null) return null;
        if (!DateParser.TryParse(text, out var date)) throw new UsageException($"invalid {option} '{text}' (expected YYYY-MM-DD)");
        return date;
    }

    // The commands work against the IArticleStore contract (PostgreSQL implements it too).
#pragma warning disable CA1859
    private static int Execute(string kind, string format, string db, string? output, CorpusFilter filter, bool bom, int minSize, CliConsole console)
    {
        using IArticleStore store = ArticleStores.Open(StoreOptions.Existing(db));
        if (format == "parquet")
        {
            // Parquet needs a seekable stream: write a file, then copy it to standard output when no --out is given.
            var path = output ?? Path.Combine(Path.GetTempPath(), $"rasid-export-{Guid.NewGuid():N}.parquet");
            long n;
            try
            {
                using (var file = File.Create(path))
                {
                    n = kind switch
                    {
                        "events" => Parquet(store.Events(filter), file),
                        "entities" => Parquet(store.Entities(filter), file),
                        "quotes" => Parquet(store.Quotes(filter), file),
                        "documents" => Parquet(store.Documents(filter).Select(DocumentRow.From), file),
                        "clusters" => Parquet(ClusterRows(store, filter, minSize), file),
                        _ => Parquet(QuarantineRows(store), file),
                    };
                }

                if (output is null)
                {
                    using var stdout = Console.OpenStandardOutput();
                    using var file = File.OpenRead(path);
                    file.CopyTo(stdout);
                }
            }
            finally
            {
                if (output is null) File.Delete(path);
            }

            console.Error.WriteLine($"export: {n:N0} {kind} rows" + (output is null ? "" : $" → {output}"));
            return ExitCodes.Ok;
        }

        TextWriter writer;
        Stream? stream = null;
        if (output is null)
        {
            writer = console.Out;
            if (bom) writer.Write('\uFEFF');
        }
        else
        {
            stream = File.Create(output);
            writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom), 1 << 16) { NewLine = "\n" };
        }

        long count;
        try
        {
            count = (kind, format) switch
            {
                ("events", "csv") => TableExport.WriteCsv(store.Events(filter), writer),
                ("events", _) => TableExport.WriteJsonl(store.Events(filter), writer),
                ("entities", "csv") => TableExport.WriteCsv(store.Entities(filter), writer),
                ("entities", _) => TableExport.WriteJsonl(store.Entities(filter), writer),
                ("quotes", "csv") => TableExport.WriteCsv(store.Quotes(filter), writer),
                ("quotes", _) => TableExport.WriteJsonl(store.Quotes(filter), writer),
                ("documents", "csv") => TableExport.WriteCsv(store.Documents(filter).Select(DocumentRow.From), writer),
                ("documents", _) => WriteLines(store.DocumentJsonLines(filter), writer),
                ("clusters", "csv") => TableExport.WriteCsv(ClusterRows(store, filter, minSize), writer),
                ("clusters", _) => WriteLines(store.Clusters(filter, minSize).Select(c => JsonSerializer.Serialize(new
                {
                    cluster = c.Id, size = c.Size, title = c.Title,
                    members = c.Members.Select(m => new { doc_id = m.Id, source = m.Source, published = m.Published, title = m.Title, url = m.Url }),
                }, DocumentJson.Options)), writer),
                ("quarantine", "csv") => TableExport.WriteCsv(QuarantineRows(store), writer),
                _ => TableExport.WriteJsonl(QuarantineRows(store), writer),
            };
            writer.Flush();
        }
        finally
        {
            if (stream is not null)
            {
                writer.Dispose();
                stream.Dispose();
            }
        }

        if (output is not null) console.Error.WriteLine($"export: {count:N0} {kind} rows → {output}");
        return ExitCodes.Ok;
    }

#pragma warning restore CA1859

    private static long Parquet<T>(IEnumerable<T> rows, Stream stream) => TableExport.WriteParquetAsync(rows, stream).GetAwaiter().GetResult();

    private static long WriteLines(IEnumerable<string> lines, TextWriter writer)
    {
        long n = 0;
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
            n++;
        }

        return n;
    }

    private static IEnumerable<ClusterMemberRow> ClusterRows(IArticleStore store, CorpusFilter filter, int minSize) =>
        store.Clusters(filter, minSize).SelectMany(c => c.Members.Select(m => new ClusterMemberRow
        {
            Cluster = c.Id, ClusterSize = c.Size, DocId = m.Id, Source = m.Source, Published = m.Published, Title = m.Title, Url = m.Url,
        }));

    private static IEnumerable<QuarantineRow> QuarantineRows(IArticleStore store) =>
        store.Quarantine().Select(q => new QuarantineRow
        {
            Origin = q.Origin, Reason = q.Reason,
            FirstSeen = q.FirstSeen?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
}
