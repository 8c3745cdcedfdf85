using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rasid.Search;
using Rasid.Search.Evaluation;

namespace Rasid.Cli;

/// <summary><c>rasid eval search [--data DIR] [--json] [--pool]</c>: MAP / nDCG@10 / P@10 of our analyzer vs Lucene's ArabicAnalyzer.</summary>
internal static class SearchEvalCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "The shared data folder holding raw/padt-afp-2000-sentences.xml.", DefaultValueFactory = _ => Path.Combine("..", "shared", "data"), HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var pool = new Option<bool>("--pool") { Description = "Print each query's pooled top 10 of both analyzers with the sentences (for judging)." };
        var command = new Command("search", "Search relevance on the judged PADT sentence set: MAP, nDCG@10, P@10 for each analyzer.") { data, json, pool };
        command.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(data)!, "raw", "padt-afp-2000-sentences.xml");
            if (!File.Exists(path)) throw new UsageException($"no sentence file at {path} (give --data DIR)");
            var documents = RelevanceEvaluation.ReadPadtSentences(path);
            var texts = documents.ToDictionary(d => d.Id, d => d.Text, StringComparer.Ordinal);
            var queries = RelevanceEvaluation.LoadPadtQueries();
            var indexes = RelevanceEvaluation.Analyzers.Select(a => (a.Name, Index: RelevanceEvaluation.BuildIndex(documents, a.Factory))).ToList();
            try
            {
                if (parse.GetValue(pool))
                {
                    foreach (var query in queries)
                    {
                        var pooled = indexes.SelectMany(i => RelevanceEvaluation.Rank(i.Index, query.Text, 10)).Distinct().Order(StringComparer.Ordinal);
                        console.Out.WriteLine($"## {query.Id}\t{query.Text}");
                        foreach (var id in pooled) console.Out.WriteLine($"{(query.Relevant.Contains(id) ? "R" : "-")} {id}\t{texts[id]}");
                    }

                    return ExitCodes.Ok;
                }

                var scores = indexes.Select(i => RelevanceEvaluation.Score(i.Name, i.Index, queries)).ToList();
                if (parse.GetValue(json))
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(scores, Rasid.Core.DocumentJson.Options));
                }
                else
                {
                    console.Out.WriteLine($"{queries.Count} queries, {documents.Count} sentences ({path}); OR queries, binary relevance");
                    console.Out.WriteLine($"{"analyzer",-34} {"MAP",6} {"nDCG@10",8} {"P@10",6}");
                    foreach (var s in scores) console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Analyzer,-34} {s.Map,6:0.000} {s.NdcgAt10,8:0.000} {s.PrecisionAt10,6:0.000}"));
                }

                return ExitCodes.Ok;
            }
            finally
            {
                foreach (var (_, index) in indexes) index.Dispose();
            }
        });
        return command;
    }
}
