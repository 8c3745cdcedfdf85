using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rasid.Benchmarks;

// Usage: dotnet run -c Release --project bench/Rasid.Benchmarks [-- BenchmarkDotNet arguments, e.g. --filter *Rasid*]
var words = NewsCorpus.Words;
Console.WriteLine($"corpus: {NewsCorpus.Documents.Count:N0} documents, {NewsCorpus.Characters:N0} chars, {words:N0} words from {NewsCorpus.DataDirectory()}");
var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(new WordsPerSecondColumn(words))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(TextCoreBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
