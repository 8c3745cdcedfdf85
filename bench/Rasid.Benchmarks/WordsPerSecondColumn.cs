using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Rasid.Benchmarks;

/// <summary>Input words per second: the corpus word count divided by the median (or minimum) time of one operation; the minimum is the least disturbed by other load on the machine.</summary>
internal sealed class WordsPerSecondColumn(long words, bool fromMin) : IColumn
{
    public string Id => fromMin ? "WordsPerSecondBest" : "WordsPerSecond";

    public string ColumnName => fromMin ? "Words/s (min time)" : "Words/s (median)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Input words per second at the {(fromMin ? "minimum" : "median")} time of one operation (corpus of {words:N0} whitespace-separated words per operation)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "-";
        var nanoseconds = fromMin ? stats.Min : stats.Median;
        if (nanoseconds <= 0) return "-";
        var perSecond = WordsOf(benchmarkCase.Descriptor.Type) / (nanoseconds / 1e9);
        return (perSecond / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " M";
    }

    /// <summary>A benchmark class that measures its own corpus declares <c>public static long Words</c>; the others use the whole corpus.</summary>
    private long WordsOf(Type type) =>
        type.GetProperty("Words", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) is long own ? own : words;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
