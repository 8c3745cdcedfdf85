using System.IO.Compression;
using System.Text.Json;
using Rasid.Core;
using Rasid.Testing;

namespace Rasid.Nlp.Tests;

/// <summary>
/// Documents are written by a hand-written JSON writer (<see cref="DocumentJson.Serialize(Document, bool)"/>); on real
/// analysed documents (every layer, Arabic text, scores, places, events with mentions) it must write exactly the bytes of
/// the attribute-driven serializer with <see cref="DocumentJson.Options"/>, compact and indented.
/// </summary>
public sealed class StoredFormEquivalenceTests
{
    private static readonly JsonSerializerOptions IndentedOptions = new(DocumentJson.Options) { WriteIndented = true };

    private static int AssertWrittenAsTheSerializerWrites(IEnumerable<(string Text, ArticleInfo Info)> articles)
    {
        var pipeline = RasidPipeline.CreateDefault();
        var layers = new int[4];
        var count = 0;
        foreach (var (text, info) in articles)
        {
            var doc = pipeline.Analyze(text, info);
            Assert.Equal(JsonSerializer.Serialize(doc, DocumentJson.Options), DocumentJson.Serialize(doc));
            Assert.Equal(JsonSerializer.Serialize(doc, IndentedOptions), DocumentJson.Serialize(doc, indented: true));
            layers[0] += doc.Entities.Count;
            layers[1] += doc.Quotes.Count;
            layers[2] += doc.Times.Count;
            layers[3] += doc.Events.Count;
            count++;
        }

        Assert.All(layers, n => Assert.True(n > 0, "every layer should be exercised"));
        return count;
    }

    [Fact]
    public void The_sample_story_and_the_gold_documents_are_written_byte_for_byte_as_the_serializer_writes_them()
    {
        var articles = new List<(string, ArticleInfo)> { (File.ReadAllText(RepoPaths.SampleStory), new ArticleInfo { Id = "sample", Published = new DateOnly(2015, 9, 30), Source = "AFP" }) };
        foreach (var file in new[] { "dev.jsonl", "saudinewsnet.jsonl", "arabic_event_gsr.jsonl" })
        {
            foreach (var line in File.ReadLines(RepoPaths.InRepo("data", "gold", file)))
            {
                if (line.Trim().Length == 0) continue;
                using var json = JsonDocument.Parse(line);
                if (!json.RootElement.TryGetProperty("text", out var text) || text.GetString() is not { Length: > 0 } t) continue;
                DateOnly? date = json.RootElement.TryGetProperty("date", out var d) && DateOnly.TryParse(d.GetString(), out var parsed) ? parsed : null;
                articles.Add((t, new ArticleInfo { Published = date, Source = file }));
            }
        }

        Assert.True(AssertWrittenAsTheSerializerWrites(articles) > 40);
    }

    [SkippableFact]
    public void Two_hundred_saudinewsnet_articles_are_written_byte_for_byte_as_the_serializer_writes_them()
    {
        var zip = RepoPaths.SharedData("raw", "saudinewsnet", "2015-07-21.zip");
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.Entries[0].Open();
        using var json = JsonDocument.Parse(stream);
        var articles = json.RootElement.EnumerateArray().Take(200).Select(record => (
            record.GetProperty("content").GetString() ?? "",
            new ArticleInfo
            {
                Title = record.GetProperty("title").GetString(),
                Url = record.GetProperty("url").GetString(),
                Source = record.GetProperty("source").GetString(),
                Published = DateOnly.Parse(record.GetProperty("date_extracted").GetString()![..10], System.Globalization.CultureInfo.InvariantCulture),
            })).ToList();
        Assert.Equal(200, AssertWrittenAsTheSerializerWrites(articles));
    }
}
