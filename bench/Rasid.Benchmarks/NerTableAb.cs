using System.Diagnostics;
using System.Globalization;
using Rasid.Core;
using Rasid.Nlp;
using Rasid.Nlp.Entities;
using Rasid.Text;

namespace Rasid.Benchmarks;

/// <summary>
/// The entities stage decoding from the NER weights as float16 (as shipped since session 12) and from the same weights as
/// floats (<see cref="NerModel.WithFloatTable"/>), alternated document by document in one process (the order flips at every
/// document), so that the load of a shared machine falls on both alike. Prints per pass the words/s and allocated
/// bytes/word of each, their speed ratio, and how many documents' JSON differ between the two (must be 0); at the end,
/// the same from each document's fastest time over the measured passes (the least disturbed by other processes).
/// </summary>
internal static class NerTableAb
{
    public static void Run(int passes, int articles)
    {
        var pipeline = RasidPipeline.CreateDefault();
        var prepared = NewsCorpus.Documents.Take(articles)
            .Select(text => pipeline.Analyze(text, new ArticleInfo { Published = new DateOnly(2015, 7, 22) }))
            .ToList();
        var first = NerModel.Default ?? throw new InvalidOperationException("the NER model is not built in");
        var second = NerModel.DocumentDefault ?? throw new InvalidOperationException("the NER document model is not built in");
        IDocumentComponent[] variants =
        [
            new EntityComponent(first.WithFloatTable(), EntityLexicon.Default, second.WithFloatTable()),
            new EntityComponent(first, EntityLexicon.Default, second),
        ];
        var words = prepared.Sum(d => (long)WordCount.Whitespace(d.Text));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prepared.Count:N0} documents, {words:N0} words; pass 0 = warm-up"));
        var fastest = new long[2, prepared.Count];
        for (var i = 0; i < prepared.Count; i++) fastest[0, i] = fastest[1, i] = long.MaxValue;
        for (var pass = 0; pass <= passes; pass++)
        {
            var ticks = new long[2];
            var bytes = new long[2];
            var differ = 0;
            var json = new string[2];
            for (var i = 0; i < prepared.Count; i++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var v = (i + k) % 2;
                    var document = NlpStageBenchmarks.Fresh(prepared[i], variants[v].Adds);
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var start = Stopwatch.GetTimestamp();
                    variants[v].Process(document, CancellationToken.None);
                    var elapsed = Stopwatch.GetTimestamp() - start;
                    ticks[v] += elapsed;
                    if (pass > 0) fastest[v, i] = Math.Min(fastest[v, i], elapsed);
                    bytes[v] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    json[v] = DocumentJson.Serialize(document);
                }

                if (!string.Equals(json[0], json[1], StringComparison.Ordinal)) differ++;
            }

            double Rate(int v) => words / ((double)ticks[v] / Stopwatch.Frequency);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pass {pass}: float {Rate(0):N0} words/s ({(double)bytes[0] / words:0.0} B/word), float16 {Rate(1):N0} words/s ({(double)bytes[1] / words:0.0} B/word), ratio {Rate(1) / Rate(0):0.000}, documents differing: {differ}"));
        }

        double Best(int v)
        {
            var sum = 0L;
            for (var i = 0; i < prepared.Count; i++) sum += fastest[v, i];
            return words / ((double)sum / Stopwatch.Frequency);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fastest of {passes} passes per document: float {Best(0):N0} words/s, float16 {Best(1):N0} words/s, ratio {Best(1) / Best(0):0.000}"));
    }
}
