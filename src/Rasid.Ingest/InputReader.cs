using System.Globalization;
using System.Text;
using System.Text.Json;
using Rasid.Core;

namespace Rasid.Ingest;

/// <summary>Limits for reading inputs.</summary>
public sealed record InputLimits
{
    /// <summary>Largest text file accepted, in bytes (default 32 MiB); larger files are rejected, not truncated.</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Largest JSONL line accepted, in characters (default 8 Mi).</summary>
    public int MaxRecordChars { get; init; } = 8 * 1024 * 1024;
}

/// <summary>
/// Reads the inputs of <c>rasid analyze</c>: plain-text files (any supported encoding), <c>.jsonl</c> files
/// (one article per line: <c>text</c> and optional <c>id</c>, <c>date</c>/<c>published</c>, <c>title</c>, <c>url</c>,
/// <c>source</c>) and standard input (<c>-</c>). Yields one <see cref="InputItem"/> per article or rejection, so a
/// bad input never stops the batch.
/// </summary>
public sealed class InputReader(InputLimits? limits = null)
{
    private readonly InputLimits _limits = limits ?? new InputLimits();

    /// <summary>Reads one path (or <c>-</c> for <paramref name="stdin"/>).</summary>
    /// <param name="path">File path or <c>-</c>.</param>
    /// <param name="defaultInfo">Metadata applied when the input has none (e.g. the CLI's --date).</param>
    /// <param name="stdin">Stream read for <c>-</c>.</param>
    public IEnumerable<InputItem> Read(string path, ArticleInfo defaultInfo, Stream? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(defaultInfo);
        if (path == "-")
        {
            return ReadWhole("-", () => ReadAll(stdin ?? Console.OpenStandardInput(), "-"), defaultInfo with { Source = defaultInfo.Source ?? "stdin" });
        }

        if (Directory.Exists(path)) return [new InputItem(new InputRejection(path, "is a directory, not a file"))];
        if (!File.Exists(path)) return [new InputItem(new InputRejection(path, "no such file"))];
        var length = new FileInfo(path).Length;
        if (length > _limits.MaxFileBytes && !IsJsonl(path))
        {
            return [new InputItem(new InputRejection(path, $"file too large ({length:N0} bytes; the limit is {_limits.MaxFileBytes:N0})"))];
        }

        if (IsJsonl(path)) return ReadJsonl(path, defaultInfo);
        return ReadWhole(path, () => File.ReadAllBytes(path), defaultInfo with
        {
            Id = defaultInfo.Id ?? Path.GetFileNameWithoutExtension(path),
            Source = defaultInfo.Source ?? Path.GetFileName(path),
        });
    }

    /// <summary>True for paths read as JSON Lines.</summary>
    public static bool IsJsonl(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    private byte[] ReadAll(Stream stream, string origin)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _limits.MaxFileBytes) throw new InputRejectedException(origin, $"input too large (over {_limits.MaxFileBytes:N0} bytes)");
        }

        return buffer.ToArray();
    }

    private static IEnumerable<InputItem> ReadWhole(string origin, Func<byte[]> read, ArticleInfo info)
    {
        InputItem item;
        try
        {
            var text = TextDecoder.Decode(read(), origin);
            item = new InputItem(new RawArticle(origin, text, info));
        }
        catch (InputRejectedException ex)
        {
            item = new InputItem(ex.Rejection);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            item = new InputItem(new InputRejection(origin, "cannot read: " + ex.Message));
        }

        yield return item;
    }

    private IEnumerable<InputItem> ReadJsonl(string path, ArticleInfo defaultInfo)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new InputItem(new InputRejection(path, "cannot read: " + ex.Message))];
        }

        return ReadJsonlLines(path, reader, defaultInfo);
    }

    internal IEnumerable<InputItem> ReadJsonlLines(string path, StreamReader reader, ArticleInfo defaultInfo)
    {
        using var _ = reader;
        var lineNumber = 0;
        var any = false;
        while (true)
        {
            string? line;
            string? ioError = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (IOException ex)
            {
                line = null;
                ioError = ex.Message;
            }

            if (ioError is not null)
            {
                yield return new InputItem(new InputRejection($"{path}:{lineNumber + 1}", "cannot read: " + ioError));
                yield break;
            }

            if (line is null) break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            any = true;
            var origin = $"{path}:{lineNumber}";
            if (line.Length > _limits.MaxRecordChars)
            {
                yield return new InputItem(new InputRejection(origin, $"record too large ({line.Length:N0} characters; the limit is {_limits.MaxRecordChars:N0})"));
                continue;
            }

            yield return ParseRecord(origin, line, defaultInfo, lineNumber);
        }

        if (!any) yield return new InputItem(new InputRejection(path, "empty file (no JSON records)"));
    }

    /// <summary>Parses one JSONL record into an article or a rejection.</summary>
    internal static InputItem ParseRecord(string origin, string line, ArticleInfo defaultInfo, int lineNumber) =>
        ParseRecord(origin, line, static l => JsonDocument.Parse(l), defaultInfo, lineNumber);

    /// <summary>As <see cref="ParseRecord(string, string, ArticleInfo, int)"/>, from the record's UTF-8 bytes.</summary>
    internal static InputItem ParseRecord(string origin, ReadOnlyMemory<byte> utf8, ArticleInfo defaultInfo, int lineNumber) =>
        ParseRecord(origin, utf8, static b => JsonDocument.Parse(b), defaultInfo, lineNumber);

    private static InputItem ParseRecord<T>(string origin, T record, Func<T, JsonDocument> parse, ArticleInfo defaultInfo, int lineNumber)
    {
        try
        {
            using var json = parse(record);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Reject(origin, "not a JSON object");
            var text = GetString(root, "text") ?? GetString(root, "content");
            HtmlArticle? page = null;
            if (text is null && GetString(root, "html") is { } html)
            {
                page = HtmlArticleExtractor.Extract(html);
                text = page.Text;
                if (string.IsNullOrWhiteSpace(text)) return Reject(origin, "no article text in \"html\"");
            }

            if (text is null) return Reject(origin, "no \"text\" field");
            if (string.IsNullOrWhiteSpace(text)) return Reject(origin, "empty \"text\"");
            var dateText = GetString(root, "published") ?? GetString(root, "date") ?? GetString(root, "date_extracted");
            var published = defaultInfo.Published;
            if (dateText is not null)
            {
                if (!DateParser.TryParse(dateText, out var parsed)) return Reject(origin, $"invalid date '{dateText}' (expected YYYY-MM-DD)");
                published = parsed;
            }
            else if (page?.Published is { } pagePublished)
            {
                published = pagePublished;
            }

            var info = defaultInfo with
            {
                Id = GetString(root, "id") ?? defaultInfo.Id ?? $"{Path.GetFileNameWithoutExtension(origin.Split(':')[0])}-{lineNumber}",
                Title = GetString(root, "title") ?? page?.Title ?? defaultInfo.Title,
                Url = GetString(root, "url") ?? page?.Url ?? defaultInfo.Url,
                Source = GetString(root, "source") ?? page?.Source ?? defaultInfo.Source,
                Published = published,
            };
            return new InputItem(new RawArticle(origin, text, info) { Author = GetString(root, "author") ?? page?.Author });
        }
        catch (JsonException ex)
        {
            return Reject(origin, "malformed JSON: " + FirstLine(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            return Reject(origin, "unexpected JSON value: " + FirstLine(ex.Message));
        }
    }

    private static string? GetString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new InvalidOperationException($"field \"{name}\" is a {value.ValueKind.ToString().ToLowerInvariant()}, expected a string"),
        };
    }

    private static InputItem Reject(string origin, string reason) => new(new InputRejection(origin, reason));

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}

/// <summary>Parses article dates: ISO dates (2015-09-30) and ISO date-times (the date part is kept).</summary>
public static class DateParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK", "yyyy/MM/dd",
    ];

    /// <summary>Parses <paramref name="text"/>; false when it is not a valid date (e.g. 2015-02-30).</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            date = DateOnly.FromDateTime(value.DateTime);
            return true;
        }

        return false;
    }
}
