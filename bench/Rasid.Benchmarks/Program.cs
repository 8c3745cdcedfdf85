using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rasid.Benchmarks;

// Usage: dotnet run -c Release --project bench/Rasid.Benchmarks [-- BenchmarkDotNet arguments, e.g. --filter *Rasid*]
//        dotnet run -c Release --project bench/Rasid.Benchmarks -- --quick [N [FILE.conllu]]
//        (Stopwatch: N passes of tokenize+normalize+segment over the news corpus, or over the '# text' lines of FILE
//        repeated 20 times; prints a checksum of the pieces)
//        dotnet run -c Release --project bench/Rasid.Benchmarks -- --ner-table [PASSES [ARTICLES]]
//        (the entities stage from float16 and from float NER weights, alternated document by document; NerTableAb)
if (args.Length > 0 && args[0] == "--ner-table")
{
    NerTableAb.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 400);
    return;
}

if (args.Length > 0 && args[0] == "--quick")
{
    var passes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    if (args.Length > 2)
    {
        var texts = File.ReadLines(args[2]).Where(l => l.StartsWith("# text = ", StringComparison.Ordinal)).Select(l => l[9..]).ToList();
        var documents = Enumerable.Repeat(texts, 20).SelectMany(t => t).ToList();
        QuickRun.Run(passes, documents, documents.Sum(d => (long)d.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));
    }
    else
    {
        QuickRun.Run(passes, NewsCorpus.Documents, NewsCorpus.Words);
    }

    return;
}

var words = NewsCorpus.Words;

Console.WriteLine($"corpus: {NewsCorpus.Documents.Count:N0} documents, {NewsCorpus.Characters:N0} chars, {words:N0} words from {NewsCorpus.DataDirectory()}");
// A short in-process job (the machine is small and shared): 2 warm-ups, 20 measured iterations, one launch.
// Min and Median are shown because other processes compete for the 2 cores.
var job = Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(20)
    .WithToolchain(InProcessEmitToolchain.Instance).WithId("Short-InProcess");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(StatisticColumn.Min, StatisticColumn.Median, new WordsPerSecondColumn(words, fromMin: false), new WordsPerSecondColumn(words, fromMin: true))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(TextCoreBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
