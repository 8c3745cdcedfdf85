using Rasid.Text;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace Rasid.Benchmarks;

/// <summary>
/// Real Arabic news read at run time from ../shared/data (nothing is copied into the repository): the article
/// bodies of SaudiNewsNet days and the 705 AFP sentences of PADT. Set RASID_SHARED_DATA to point elsewhere.
/// </summary>
internal static class NewsCorpus
{
    /// <summary>SaudiNewsNet day files read by default (article "content" fields).</summary>
    public static readonly string[] Days = ["2015-07-22.zip", "2015-07-23.zip"];

    private static IReadOnlyList<string>? _documents;

    public static IReadOnlyList<string> Documents => _documents ??= Load();

    public static long Characters => Documents.Sum(d => (long)d.Length);

    /// <summary>Input words: maximal runs of non-whitespace characters.</summary>
    public static long Words => Documents.Sum(d => (long)WordCount.Whitespace(d));

    public static string DataDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("RASID_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rasid.slnx")))
                {
                    var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                    if (Directory.Exists(data)) return data;
                }
            }
        }

        throw new DirectoryNotFoundException("../shared/data not found next to the repository; set RASID_SHARED_DATA to the data directory");
    }

    private static List<string> Load()
    {
        var data = DataDirectory();
        var documents = new List<string>();
        foreach (var day in Days)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(data, "raw", "saudinewsnet", day));
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var json = JsonDocument.Parse(stream);
                foreach (var article in json.RootElement.EnumerateArray())
                {
                    if (article.TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 } text) documents.Add(text);
                }
            }
        }

        var padt = XDocument.Load(Path.Combine(data, "raw", "padt-afp-2000-sentences.xml"));
        documents.AddRange(padt.Descendants("Text").Select(t => t.Value.Trim()).Where(t => t.Length > 0));
        return documents;
    }
}
