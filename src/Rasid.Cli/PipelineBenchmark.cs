using Rasid.Text;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Rasid.Core;
using Rasid.Ingest;
using Rasid.Nlp;

namespace Rasid.Cli;

/// <summary>
/// <c>rasid bench pipeline PATH... [--limit N]</c>: words/s and allocated bytes per pipeline stage on one core, and the
/// full pipeline's words/s on one core and on all cores, over real articles. Prints a markdown table.
/// </summary>
internal static class PipelineBenchmark
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Inputs, e.g. ../shared/data/raw/saudinewsnet (zips read directly).", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "Articles to analyse (after 50 for warm-up).", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var command = new Command("pipeline", "Per-stage words/s and allocations of the analysis pipeline, and the whole pipeline on one core and on all cores.")
        {
            paths, limit,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(limit), console));
        return command;
    }

    private static int Run(string[] paths, int limit, CliConsole console)
    {
        if (limit < 1) throw new UsageException("--limit must be at least 1");
        const int warmup = 50;
        var articles = new CorpusReader().Read(paths).Where(i => i.Article is not null).Select(i => i.Article!).Take(limit + warmup).ToList();
        if (articles.Count <= warmup) throw new UsageException($"need more than {warmup} readable articles in {string.Join(", ", paths)}");
        var pipeline = RasidPipeline.CreateDefault();
        foreach (var article in articles.Take(warmup)) pipeline.Analyze(article.Text, article.Info);
        var measured = articles.Skip(warmup).ToList();
        long words = measured.Sum(a => (long)WordCount.Whitespace(a.Text));

        var ticks = new long[pipeline.Components.Count];
        var bytes = new long[pipeline.Components.Count];
        // The entities stage without its document pass (sentence tagger only), timed on the same documents for the ratio.
        var firstPassOnly = new Rasid.Nlp.Entities.EntityComponent(Rasid.Nlp.Entities.NerModel.Default, Rasid.Nlp.Entities.EntityLexicon.Default);
        long firstPassTicks = 0, firstPassBytes = 0;
        // The stored form of each analysed document (what an ingest worker computes after the analysis): the JSON by
        // DocumentJson (hand-written writer), the same JSON by the reflection serializer for the ratio, and gzip + JSON.
        var stored = new (string Name, long Ticks, long Bytes)[]
        {
            ("stored form: JSON (DocumentJson)", 0, 0), ("stored form: JSON by the reflection serializer", 0, 0), ("stored form: gzip of the JSON (as stored)", 0, 0),
        };
        foreach (var article in measured)
        {
            var document = Document.Create(article.Text, article.Info);
            for (var i = 0; i < pipeline.Components.Count; i++)
            {
                if (pipeline.Components[i] is Rasid.Nlp.Entities.EntityComponent)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var t0 = Stopwatch.GetTimestamp();
                    firstPassOnly.Process(document, CancellationToken.None);
                    firstPassTicks += Stopwatch.GetTimestamp() - t0;
                    firstPassBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                    document.Entities.Clear();
                }

                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                pipeline.Components[i].Process(document, CancellationToken.None);
                ticks[i] += Stopwatch.GetTimestamp() - start;
                bytes[i] += GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            for (var k = 0; k < stored.Length; k++)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                StoredForm(document, k);
                stored[k].Ticks += Stopwatch.GetTimestamp() - start;
                stored[k].Bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            }
        }

        var oneCore = Stopwatch.StartNew();
        foreach (var article in measured) pipeline.Analyze(article.Text, article.Info);
        oneCore.Stop();
        var allCores = Stopwatch.StartNew();
        Parallel.ForEach(measured, article => pipeline.Analyze(article.Text, article.Info));
        allCores.Stop();

        var o = console.Out;
        o.WriteLine(Inv($"{measured.Count:N0} articles, {words:N0} input words (whitespace-separated), {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        o.WriteLine();
        o.WriteLine("| stage | ms total | words/s | allocated bytes/word |");
        o.WriteLine("|---|---:|---:|---:|");
        for (var i = 0; i < ticks.Length; i++)
        {
            var seconds = (double)ticks[i] / Stopwatch.Frequency;
            o.WriteLine(Inv($"| {pipeline.Components[i].Id} | {seconds * 1000:N0} | {words / Math.Max(seconds, 1e-9):N0} | {(double)bytes[i] / words:N1} |"));
            if (pipeline.Components[i] is Rasid.Nlp.Entities.EntityComponent && firstPassTicks > 0)
            {
                var s1 = (double)firstPassTicks / Stopwatch.Frequency;
                o.WriteLine(Inv($"| ({pipeline.Components[i].Id} without the document pass) | {s1 * 1000:N0} | {words / Math.Max(s1, 1e-9):N0} | {(double)firstPassBytes / words:N1} |"));
            }
        }

        foreach (var (name, storedTicks, storedBytes) in stored)
        {
            var seconds = (double)storedTicks / Stopwatch.Frequency;
            o.WriteLine(Inv($"| ({name}) | {seconds * 1000:N0} | {words / Math.Max(seconds, 1e-9):N0} | {(double)storedBytes / words:N1} |"));
        }

        o.WriteLine(Inv($"| **full pipeline, 1 core** | {oneCore.Elapsed.TotalMilliseconds:N0} | {words / oneCore.Elapsed.TotalSeconds:N0} | |"));
        o.WriteLine(Inv($"| **full pipeline, {Environment.ProcessorCount} cores** | {allCores.Elapsed.TotalMilliseconds:N0} | {words / allCores.Elapsed.TotalSeconds:N0} | |"));
        o.WriteLine(Inv($"\narticles/s: 1 core {measured.Count / oneCore.Elapsed.TotalSeconds:N1}, {Environment.ProcessorCount} cores {measured.Count / allCores.Elapsed.TotalSeconds:N1}"));
        return ExitCodes.Ok;
    }

    private static void StoredForm(Document document, int kind)
    {
        switch (kind)
        {
            case 0:
                DocumentJson.Serialize(Stream.Null, document);
                break;
            case 1:
                System.Text.Json.JsonSerializer.Serialize(Stream.Null, document, DocumentJson.Options);
                break;
            default:
                using (var buffer = new MemoryStream())
                {
                    using var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
                    DocumentJson.Serialize(gzip, document);
                }

                break;
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
