using System.Diagnostics;
using System.Globalization;
using Rasid.Text;

namespace Rasid.Benchmarks;

/// <summary>
/// A quick Stopwatch check of tokenize + normalize + segment (not a BenchmarkDotNet run): prints the time of each
/// pass, words/s and a checksum of all pieces, so that an optimisation can be checked to keep the output identical.
/// </summary>
internal static class QuickRun
{
    public static void Run(int passes, IReadOnlyList<string> documents, long words)
    {
        var clock = Stopwatch.StartNew();
        // RASID_SEGMENTER_MODEL=FILE compares another model file (e.g. the previous version) in the same conditions.
        var modelPath = Environment.GetEnvironmentVariable("RASID_SEGMENTER_MODEL");
        CliticSegmenter segmenter;
        if (string.IsNullOrEmpty(modelPath)) segmenter = CliticSegmenter.Default;
        else
        {
            using var stream = File.OpenRead(modelPath);
            segmenter = CliticSegmenter.Load(stream);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segmenter model {modelPath ?? "(embedded)"} loaded in {clock.Elapsed.TotalSeconds:0.00} s; {documents.Count:N0} documents, {words:N0} words"));
        var tokenizer = new Tokenizer();
        var tokens = new List<TokenSpan>(4096);
        var chars = new char[4096];
        var starts = new int[4096];
        var ends = new int[4096];
        for (var pass = 0; pass < passes; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            var sum = TextCoreBenchmarks.TokenizeNormalizeSegment(documents, tokenizer, tokens, segmenter, ref chars, ref starts, ref ends);
            var elapsed = clock.Elapsed.TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass + 1}: {elapsed * 1000:0} ms, {words / elapsed / 1e6:0.00} M words/s, {allocated:N0} bytes allocated, checksum {sum:x16}"));
        }
    }
}
