using System.Text.Json.Serialization;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Parquet.Serialization;
using Rasid.Core;

namespace Rasid.Storage;

/// <summary>One row of the documents table export (CSV/Parquet); JSONL exports whole documents instead.</summary>
public sealed record DocumentRow
{
    /// <summary>Document id.</summary>
    [JsonPropertyName("doc_id")]
    public string DocId { get; init; } = "";
    /// <summary>Publication date.</summary>
    [JsonPropertyName("published")]
    public string? Published { get; init; }
    /// <summary>Outlet or file.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
    /// <summary>Headline.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }
    /// <summary>URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }
    /// <summary>Story cluster.</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }
    /// <summary>Where it was read.</summary>
    [JsonPropertyName("origin")]
    public string Origin { get; init; } = "";
    /// <summary>Pipeline version of its layers.</summary>
    [JsonPropertyName("pipeline_version")]
    public string PipelineVersion { get; init; } = "";
    /// <summary>Sentences.</summary>
    [JsonPropertyName("sentences")]
    public int Sentences { get; init; }
    /// <summary>Tokens.</summary>
    [JsonPropertyName("tokens")]
    public int Tokens { get; init; }
    /// <summary>Entities.</summary>
    [JsonPropertyName("entities")]
    public int Entities { get; init; }
    /// <summary>Quotes.</summary>
    [JsonPropertyName("quotes")]
    public int Quotes { get; init; }
    /// <summary>Time expressions.</summary>
    [JsonPropertyName("times")]
    public int Times { get; init; }
    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public int Events { get; init; }
    /// <summary>The original text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    /// <summary>The row of a stored document.</summary>
    public static DocumentRow From(StoredDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var d = stored.Document;
        return new DocumentRow
        {
            DocId = d.Id, Published = d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Source = d.Source, Title = d.Title,
            Url = d.Url, Cluster = d.Cluster, Origin = stored.Origin, PipelineVersion = stored.PipelineVersion, Sentences = d.Sentences.Count,
            Tokens = d.Tokens.Count, Entities = d.Entities.Count, Quotes = d.Quotes.Count, Times = d.Times.Count, Events = d.Events.Count, Text = d.Text,
        };
    }
}

/// <summary>One member of a story cluster, flat.</summary>
public sealed record ClusterMemberRow
{
    /// <summary>Cluster id.</summary>
    [JsonPropertyName("cluster")]
    public string Cluster { get; init; } = "";
    /// <summary>Members in the cluster.</summary>
    [JsonPropertyName("cluster_size")]
    public int ClusterSize { get; init; }
    /// <summary>Member document id.</summary>
    [JsonPropertyName("doc_id")]
    public string DocId { get; init; } = "";
    /// <summary>Outlet.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
    /// <summary>Date.</summary>
    [JsonPropertyName("published")]
    public string? Published { get; init; }
    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }
    /// <summary>URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }
}

/// <summary>One quarantined input, flat.</summary>
public sealed record QuarantineRow
{
    /// <summary>Path, path:line, archive!entry#N.</summary>
    [JsonPropertyName("origin")]
    public string Origin { get; init; } = "";
    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = "";
    /// <summary>When first rejected (UTC ISO).</summary>
    [JsonPropertyName("first_seen")]
    public string? FirstSeen { get; init; }
}

/// <summary>
/// Writes rows as CSV (RFC 4180, UTF-8, optional BOM for Excel), JSON Lines or Parquet. Column names are the
/// snake_case property names (docs/schema.md lists them).
/// </summary>
public static class TableExport
{
    /// <summary>Rows per Parquet row group.</summary>
    public const int ParquetRowGroup = 50_000;

    /// <summary>The column names of <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<string> Columns<T>() => Props<T>().Select(Name).ToList();

    /// <summary>Writes CSV with a header line; returns the number of rows.</summary>
    public static long WriteCsv<T>(IEnumerable<T> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        var props = Props<T>();
        writer.Write(string.Join(",", props.Select(Name)));
        writer.Write("\r\n");
        long n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < props.Length; i++)
            {
                if (i > 0) writer.Write(',');
                writer.Write(CsvField(Format(props[i].GetValue(row))));
            }

            writer.Write("\r\n");
            n++;
        }

        return n;
    }

    /// <summary>Writes one JSON object per line (snake_case names, Arabic unescaped).</summary>
    public static long WriteJsonl<T>(IEnumerable<T> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        long n = 0;
        foreach (var row in rows)
        {
            writer.Write(JsonSerializer.Serialize(row, DocumentJson.Options));
            writer.Write('\n');
            n++;
        }

        return n;
    }

    /// <summary>Writes Parquet (row groups of <see cref="ParquetRowGroup"/> rows) to a seekable stream.</summary>
    public static async Task<long> WriteParquetAsync<T>(IEnumerable<T> rows, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long n = 0;
        var buffer = new List<T>(4096);
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count >= ParquetRowGroup)
            {
                await ParquetSerializer.SerializeAsync(buffer, stream, new Parquet.ParquetOptions { Append = n > 0 }, null, cancellationToken).ConfigureAwait(false);
                n += buffer.Count;
                buffer.Clear();
            }
        }

        if (buffer.Count > 0 || n == 0)
        {
            await ParquetSerializer.SerializeAsync(buffer, stream, new Parquet.ParquetOptions { Append = n > 0 }, null, cancellationToken).ConfigureAwait(false);
            n += buffer.Count;
        }

        return n;
    }

    private static PropertyInfo[] Props<T>() => typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string CsvField(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Name(PropertyInfo p) => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Snake(p.Name);

    internal static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
