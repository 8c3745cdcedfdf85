using System.CommandLine;
using System.Globalization;
using Rasid.Nlp;
using Rasid.Storage;

namespace Rasid.Cli;

/// <summary><c>rasid stats [--db PATH]</c> and <c>rasid reanalyze [--db PATH]</c>.</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var db = StoreOptions.Db();
        var top = new Option<int>("--top") { Description = "Rows per table (actors, types).", DefaultValueFactory = _ => 25 };
        var command = new Command("stats", "Counts in the corpus store: documents, story clusters, rejections, events per type, actor and month.") { db, top };
        command.SetAction(parse =>
        {
            using var store = ArticleStores.Open(StoreOptions.Existing(parse.GetValue(db)!));
            Write(store.Statistics(), parse.GetValue(top), console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Write(StoreStatistics s, int top, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"documents        {s.Documents,12:N0}"));
        o.WriteLine(string.Create(c, $"story clusters   {s.Clusters,12:N0}  (with 2+ members; {s.ClusteredDocuments:N0} documents in them)"));
        o.WriteLine(string.Create(c, $"rejected inputs  {s.Rejections,12:N0}"));
        o.WriteLine(string.Create(c, $"entities         {s.Entities,12:N0}"));
        o.WriteLine(string.Create(c, $"quotes           {s.Quotes,12:N0}"));
        o.WriteLine(string.Create(c, $"times            {s.Times,12:N0}"));
        o.WriteLine(string.Create(c, $"events           {s.Events,12:N0}"));
        Table(o, "events per type", s.EventsByType, top);
        Table(o, "events per actor (source or target)", s.EventsByActor, top);
        Table(o, "events per month", s.EventsByMonth, int.MaxValue);
        Table(o, "documents per month (publication date)", s.DocumentsByMonth, int.MaxValue);
        Table(o, "documents per pipeline version", s.PipelineVersions, int.MaxValue);
    }

    private static void Table(TextWriter o, string title, IReadOnlyList<KeyValuePair<string, long>> rows, int top)
    {
        o.WriteLine();
        o.WriteLine(title + (rows.Count == 0 ? ": (none)" : ":"));
        foreach (var (key, value) in rows.Take(top)) o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key,-24} {value,10:N0}"));
        if (rows.Count > top) o.WriteLine($"  ... {rows.Count - top} more");
    }

    public static Command Reanalyze(CliConsole console)
    {
        var db = StoreOptions.Db();
        var workers = new Option<int>("--workers", "-j") { Description = "Analysis threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("reanalyze", "Re-run the current pipeline on stored documents analysed with another pipeline version (keeps ids and story clusters; bumps each document's version in the change feed).")
        {
            db, workers,
        };
        command.SetAction(parse =>
        {
            using var store = ArticleStores.Open(StoreOptions.Existing(parse.GetValue(db)!));
            var pipeline = RasidPipeline.CreateDefault();
            var version = IngestRunner.PipelineVersion(pipeline);
            var total = 0;
            while (true)
            {
                var stale = store.Stale(version, 256);
                if (stale.Count == 0) break;
                var records = new ArticleRecord[stale.Count];
                Parallel.For(0, stale.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(workers)) }, i =>
                {
                    var old = stale[i].Document;
                    var info = new Rasid.Core.ArticleInfo { Id = old.Id, Published = old.Published, Title = old.Title, Url = old.Url, Source = old.Source, Language = old.Language };
                    records[i] = new ArticleRecord(pipeline.Analyze(old.Text, info), stale[i].ContentHash, stale[i].Origin, version, null);
                });
                total += store.Replace(records);
                console.Error.WriteLine($"reanalyze: {total:N0} documents");
            }

            console.Out.WriteLine($"reanalyze: {total:N0} documents re-analysed with {version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
