using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CodeHollow.FeedReader;
using Rasid.Core;

namespace Rasid.Ingest;

/// <summary>
/// Reads a corpus for <c>rasid ingest</c>: folders (recursively, in name order), <c>.gz</c> files, <c>.zip</c>
/// archives (each entry by its name), JSON Lines (<c>text</c>, <c>content</c> or <c>html</c> per record), JSON
/// files holding an array of records (e.g. SaudiNewsNet days), HTML pages (<see cref="HtmlArticleExtractor"/>),
/// RSS/Atom feeds saved as files (CodeHollow.FeedReader; one article per item) and plain text in any
/// encoding <see cref="TextDecoder"/> knows. Every article or rejection is yielded in order, streaming; a
/// bad input becomes an <see cref="InputRejection"/> with its path (and line or item) and the rest goes on.
/// </summary>
public sealed class CorpusReader(InputLimits? limits = null)
{
    /// <summary>Fewest Arabic letters an article needs; inputs with fewer are rejected as "no Arabic text".</summary>
    public const int MinArabicLetters = 20;

    private readonly InputLimits _limits = limits ?? new InputLimits();
    private readonly InputReader _reader = new(limits);

    /// <summary>The limits in force.</summary>
    public InputLimits Limits => _limits;

    /// <summary>Files under the given paths: files as given, folders recursively (hidden entries skipped), in ordinal order.</summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Walk(path)) yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string> Walk(string folder)
    {
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(folder);
            folders = Directory.GetDirectories(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            files = [folder + Path.DirectorySeparatorChar];
            folders = [];
        }

        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (!Path.GetFileName(f).StartsWith('.')) yield return f;
        }

        foreach (var d in folders)
        {
            if (Path.GetFileName(d).StartsWith('.')) continue;
            foreach (var f in Walk(d)) yield return f;
        }
    }

    /// <summary>Reads every file under <paramref name="paths"/>.</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> paths) => ExpandPaths(paths).SelectMany(ReadFile);

    /// <summary>Reads one file (any supported format) into articles and rejections.</summary>
    public IEnumerable<InputItem> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(Path.DirectorySeparatorChar)) return [Reject(path.TrimEnd(Path.DirectorySeparatorChar), "cannot read folder")];
        if (!File.Exists(path)) return [Reject(path, "no such file")];
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Reject(path, "cannot read: " + ex.Message)];
        }

        var name = path;
        if (length == 0) return [Reject(path, "empty file")];
        var streamed = IsJsonl(name) || IsJsonl(StripGz(name));
        if (length > _limits.MaxFileBytes && !streamed && !name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return [Reject(path, $"file too large ({length:N0} bytes; the limit is {_limits.MaxFileBytes:N0})")];
        }

        return Checked(ReadFileCore(path));
    }

    private IEnumerable<InputItem> ReadFileCore(string path)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return ReadZip(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return ReadGzip(path);
        if (IsJsonl(path)) return ReadJsonlStream(path, () => File.OpenRead(path));
        return Guard(path, () => ReadBytes(path, File.ReadAllBytes(path), Path.GetFileName(path)));
    }

    private IEnumerable<InputItem> ReadGzip(string path)
    {
        var inner = StripGz(path);
        if (IsJsonl(inner)) return ReadJsonlStream(path, () => new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return Guard(path, () =>
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            return ReadBytes(path, ReadLimited(gzip, path), Path.GetFileName(inner));
        });
    }

    private IEnumerable<InputItem> ReadZip(string path)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return [Reject(path, "cannot read zip archive: " + ex.Message)];
        }

        return ReadZipEntries(path, archive);
    }

    private IEnumerable<InputItem> ReadZipEntries(string path, ZipArchive archive)
    {
        using var _ = archive;
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var origin = $"{path}!{entry.FullName}";
            if (entry.Length > _limits.MaxFileBytes && !IsJsonl(entry.FullName))
            {
                yield return Reject(origin, $"entry too large ({entry.Length:N0} bytes; the limit is {_limits.MaxFileBytes:N0})");
                continue;
            }

            if (entry.Length == 0)
            {
                yield return Reject(origin, "empty file");
                continue;
            }

            IEnumerable<InputItem> items = IsJsonl(entry.FullName)
                ? ReadJsonlStream(origin, entry.Open)
                : Guard(origin, () =>
                {
                    using var stream = entry.Open();
                    return ReadBytes(origin, ReadLimited(stream, origin), entry.Name);
                });
            foreach (var item in items) yield return item;
        }
    }

    private IEnumerable<InputItem> ReadJsonlStream(string origin, Func<Stream> open)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return [Reject(origin, "cannot read: " + ex.Message)];
        }

        return Safe(origin, _reader.ReadJsonlLines(origin, reader, new ArticleInfo()));
    }

    /// <summary>Dispatches decoded bytes by file name and content.</summary>
    private IEnumerable<InputItem> ReadBytes(string origin, byte[] bytes, string name)
    {
        var lower = name.ToLowerInvariant();
        var ext = Path.GetExtension(lower);
        if (ext is ".html" or ".htm" or ".xhtml" or ".shtml" or ".php" or ".aspx") return [Html(origin, TextDecoder.DecodeMarkup(bytes, origin), name)];
        if (ext is ".rss" or ".atom" or ".xml") return Feed(origin, TextDecoder.DecodeMarkup(bytes, origin));
        if (ext == ".json") return JsonRecords(origin, bytes, name);
        var text = TextDecoder.Decode(bytes, origin);
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (head.StartsWith("<?xml", StringComparison.Ordinal) && (head.Contains("<rss", StringComparison.Ordinal) || head.Contains("<feed", StringComparison.Ordinal))) return Feed(origin, text);
        if (HtmlArticleExtractor.LooksLikeHtml(text)) return [Html(origin, text, name)];
        return [new InputItem(new RawArticle(origin, text, new ArticleInfo { Id = Path.GetFileNameWithoutExtension(name), Source = name }))];
    }

    private static InputItem Html(string origin, string html, string name)
    {
        var page = HtmlArticleExtractor.Extract(html);
        if (string.IsNullOrWhiteSpace(page.Text)) return Reject(origin, "no article text found in the HTML page");
        return new InputItem(new RawArticle(origin, page.Text, new ArticleInfo
        {
            Id = Path.GetFileNameWithoutExtension(name),
            Title = page.Title,
            Url = page.Url,
            Published = page.Published,
            Source = page.Source ?? name,
        })
        { Author = page.Author });
    }

    private static List<InputItem> Feed(string origin, string xml)
    {
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(xml);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return [Reject(origin, "malformed RSS/Atom feed: " + FirstLine(ex.Message))];
        }

        var items = new List<InputItem>();
        var index = 0;
        foreach (var item in feed.Items)
        {
            index++;
            var itemOrigin = $"{origin}#item{index}";
            var html = !string.IsNullOrWhiteSpace(item.Content) ? item.Content : item.Description;
            var text = string.IsNullOrWhiteSpace(html) ? "" : HtmlArticleExtractor.FragmentText(html);
            if (string.IsNullOrWhiteSpace(text))
            {
                items.Add(Reject(itemOrigin, "feed item without content or description"));
                continue;
            }

            DateOnly? published = item.PublishingDate is { } d ? DateOnly.FromDateTime(d) : null;
            items.Add(new InputItem(new RawArticle(itemOrigin, text, new ArticleInfo
            {
                Id = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id,
                Title = string.IsNullOrWhiteSpace(item.Title) ? null : item.Title.Trim(),
                Url = string.IsNullOrWhiteSpace(item.Link) ? null : item.Link.Trim(),
                Published = published,
                Source = string.IsNullOrWhiteSpace(feed.Title) ? null : feed.Title.Trim(),
            })
            { Author = string.IsNullOrWhiteSpace(item.Author) ? null : item.Author.Trim() }));
        }

        if (items.Count == 0) items.Add(Reject(origin, "feed without items"));
        return items;
    }

    /// <summary>
    /// A JSON file: an array of records (or one record), each like a JSONL line; origin <c>file#N</c>. The file is checked
    /// whole first (a malformed file is one rejection, as before), with a forward-only reader that only notes where each
    /// record starts and ends; the records are then parsed one at a time as they are consumed, so the first article of a
    /// day's file reaches the workers without a document tree of the whole day being built first.
    /// </summary>
    private static IEnumerable<InputItem> JsonRecords(string origin, byte[] bytes, string name)
    {
        List<(int Start, int End)> records;
        try
        {
            records = RecordBounds(bytes);
        }
        catch (JsonException ex)
        {
            return [Reject(origin, "malformed JSON: " + FirstLine(ex.Message))];
        }

        if (records.Count == 0) return [Reject(origin, "empty JSON array")];
        return ParseRecords(origin, bytes, records, Path.GetFileNameWithoutExtension(name));
    }

    private static IEnumerable<InputItem> ParseRecords(string origin, byte[] bytes, List<(int Start, int End)> records, string stem)
    {
        for (var i = 0; i < records.Count; i++)
        {
            var info = new ArticleInfo { Id = $"{stem}-{i + 1}" };
            var (start, end) = records[i];
            yield return InputReader.ParseRecord($"{origin}#{i + 1}", bytes.AsMemory(start, end - start), info, i + 1);
        }
    }

    /// <summary>
    /// Where each record lies in a JSON file: the elements of a root array, or the root value itself. Reads the whole file
    /// as <c>JsonDocument.Parse</c> with trailing commas allowed would (same errors), without building the tree.
    /// </summary>
    private static List<(int Start, int End)> RecordBounds(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true });
        var records = new List<(int Start, int End)>();
        if (!reader.Read()) throw new JsonException("no JSON value"); // Read itself throws the reader's message for empty input
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                records.Add((start, (int)reader.BytesConsumed));
            }
        }
        else
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            records.Add((start, (int)reader.BytesConsumed));
        }

        while (reader.Read())
        {
            // JsonDocument.Parse reads to the end too: anything after the root value is an error thrown by Read.
        }

        return records;
    }

    /// <summary>Applies the checks every article passes: some Arabic text.</summary>
    private static IEnumerable<InputItem> Checked(IEnumerable<InputItem> items)
    {
        foreach (var item in items)
        {
            if (item.Article is { } article && ArabicLetters(article.Text) < MinArabicLetters)
            {
                yield return Reject(article.Origin, $"no Arabic text (fewer than {MinArabicLetters} Arabic letters)");
                continue;
            }

            yield return item;
        }
    }

    /// <summary>Number of Arabic letters (U+0621–U+064A and the extended range) in <paramref name="text"/>.</summary>
    public static int ArabicLetters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var n = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3') n++;
        }

        return n;
    }

    private byte[] ReadLimited(Stream stream, string origin)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _limits.MaxFileBytes) throw new InputRejectedException(origin, $"too large once decompressed (over {_limits.MaxFileBytes:N0} bytes)");
        }

        return buffer.ToArray();
    }

    /// <summary>Runs a whole-file reader, turning its failures into one rejection.</summary>
    private static IEnumerable<InputItem> Guard(string origin, Func<IEnumerable<InputItem>> read)
    {
        IEnumerable<InputItem> items;
        try
        {
            items = read();
        }
        catch (InputRejectedException ex)
        {
            items = [new InputItem(ex.Rejection)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            items = [Reject(origin, "cannot read: " + FirstLine(ex.Message))];
        }

        return items;
    }

    /// <summary>Wraps a streamed reader so an I/O failure mid-way (corrupt gzip) ends that input with a rejection.</summary>
    private static IEnumerable<InputItem> Safe(string origin, IEnumerable<InputItem> items)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            InputItem item;
            var failed = false;
            try
            {
                if (!e.MoveNext()) yield break;
                item = e.Current;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                item = Reject(origin, "cannot read: " + FirstLine(ex.Message));
                failed = true;
            }

            yield return item;
            if (failed) yield break;
        }
    }

    private static bool IsJsonl(string path) => InputReader.IsJsonl(path);

    private static string StripGz(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    private static InputItem Reject(string origin, string reason) => new(new InputRejection(origin, reason));

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
