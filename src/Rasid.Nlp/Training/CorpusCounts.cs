using System.IO.Compression;
using System.Text.Json;
using Rasid.Core;
using Rasid.Text;

namespace Rasid.Nlp.Training;

/// <summary>Word counts (letters without diacritics) from raw news text, for the segmenter's corpus features.</summary>
public static class CorpusCounts
{
    /// <summary>
    /// Counts the Arabic words of every article in the SaudiNewsNet day files (<c>*.zip</c>, each a JSON array of
    /// records with <c>title</c> and <c>content</c>) under <paramref name="directory"/>.
    /// </summary>
    /// <returns>The counts and the number of articles read.</returns>
    public static (Dictionary<string, int> Counts, int Articles) FromSaudiNewsNet(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokenizer = new Tokenizer();
        var spans = new List<TokenSpan>();
        var articles = 0;
        Span<char> buffer = stackalloc char[CliticSegmenter.MaxLetters];
        foreach (var zip in Directory.GetFiles(directory, "*.zip").Order(StringComparer.Ordinal))
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                using var stream = entry.Open();
                using var json = JsonDocument.Parse(stream);
                if (json.RootElement.ValueKind != JsonValueKind.Array) continue;
                foreach (var record in json.RootElement.EnumerateArray())
                {
                    articles++;
                    foreach (var field in (ReadOnlySpan<string>)["title", "content"])
                    {
                        if (!record.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String) continue;
                        var text = value.GetString() ?? "";
                        spans.Clear();
                        tokenizer.Tokenize(text, new TextRange(0, text.Length), spans);
                        foreach (var span in spans)
                        {
                            if (span.Kind != TokenKind.Word) continue;
                            var n = 0;
                            var ok = true;
                            foreach (var c in text.AsSpan(span.Range.Start, span.Range.Length))
                            {
                                if (CliticSegmenter.IsStripped(c)) continue;
                                if (n == buffer.Length)
                                {
                                    ok = false;
                                    break;
                                }

                                buffer[n++] = c;
                            }

                            if (!ok || n == 0) continue;
                            var word = buffer[..n];
                            lookup[word] = lookup.TryGetValue(word, out var count) ? count + 1 : 1;
                        }
                    }
                }
            }
        }

        return (counts, articles);
    }
}
