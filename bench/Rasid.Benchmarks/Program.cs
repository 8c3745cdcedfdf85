using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rasid.Benchmarks;

// Usage: dotnet run -c Release --project bench/Rasid.Benchmarks [-- BenchmarkDotNet arguments, e.g. --filter *Rasid*]
//        dotnet run -c Release --project bench/Rasid.Benchmarks -- --quick [N]   (Stopwatch: N passes of tokenize+normalize+segment, prints a checksum of the pieces)
var words = NewsCorpus.Words;
if (args.Length > 0 && args[0] == "--quick")
{
    QuickRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, words);
    return;
}

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
