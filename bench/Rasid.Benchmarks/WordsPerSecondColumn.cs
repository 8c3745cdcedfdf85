using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Rasid.Benchmarks;

/// <summary>Input words per second: the corpus word count divided by the mean time of one operation.</summary>
internal sealed class WordsPerSecondColumn(long words) : IColumn
{
    public string Id => "WordsPerSecond";

    public string ColumnName => "Words/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Input words per second (corpus of {words:N0} whitespace-separated words per operation)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats || stats.Mean <= 0) return "-";
        var perSecond = words / (stats.Mean / 1e9);
        return (perSecond / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " M";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
