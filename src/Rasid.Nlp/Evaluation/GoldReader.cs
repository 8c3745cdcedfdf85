using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rasid.Nlp.Evaluation;

/// <summary>One gold document line: the resolved JSON object, or why it was skipped.</summary>
/// <param name="Line">1-based line number in the gold file.</param>
/// <param name="Document">The gold document with its text (rebuilt from ../shared when stored as a pointer).</param>
/// <param name="Skipped">Why the line could not be used (malformed, text not available), or null.</param>
public sealed record GoldLine(int Line, JsonObject? Document, string? Skipped);

/// <summary>
/// Reads document gold JSONL (shared/data/gold/README.md format). Lines whose article text may not be copied
/// into the repository (SaudiNewsNet, CC BY-NC-SA) carry <c>"text": null</c> and a <c>text_ref</c>
/// <c>{corpus: "saudinewsnet", file: "2015-07-21.zip", index: N, url, sha256}</c>; their text is rebuilt from
/// <c>shared/data/raw/saudinewsnet</c>, checked against the SHA-256, and every span's <c>text</c> is filled in.
/// </summary>
public sealed class GoldReader(string? sharedRoot)
{
    private readonly Dictionary<string, JsonArray> _zips = new(StringComparer.Ordinal);

    /// <summary>The shared folder used to rebuild texts (null when not found).</summary>
    public string? SharedRoot { get; } = sharedRoot;

    /// <summary>Finds the ../shared folder: RASID_SHARED, then <c>shared/</c> beside an ancestor of the given paths.</summary>
    public static string? FindShared(params string[] startPaths)
    {
        ArgumentNullException.ThrowIfNull(startPaths);
        var env = Environment.GetEnvironmentVariable("RASID_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "data"))) return Path.GetFullPath(env);
        foreach (var start in startPaths)
        {
            var dir = new DirectoryInfo(Path.GetFullPath(start));
            if (!dir.Exists) dir = dir.Parent!;
            for (; dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
                {
                    if (Directory.Exists(Path.Combine(candidate, "data"))) return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>Reads every line of a gold file.</summary>
    public IEnumerable<GoldLine> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var n = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            n++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            JsonObject? doc = null;
            string? error = null;
            try
            {
                doc = JsonNode.Parse(raw) as JsonObject;
            }
            catch (JsonException ex)
            {
                error = $"malformed JSON: {ex.Message}";
            }

            if (error is not null) { yield return new GoldLine(n, null, error); continue; }

            if (doc is null) { yield return new GoldLine(n, null, "not a JSON object"); continue; }
            if (doc["text"] is JsonValue) { yield return new GoldLine(n, doc, null); continue; }
            if (doc["text_ref"] is not JsonObject reference) { yield return new GoldLine(n, null, "no text and no text_ref"); continue; }
            var text = Resolve(reference, out var why);
            if (text is null) { yield return new GoldLine(n, null, why); continue; }
            doc["text"] = text;
            FillSpanTexts(doc, text);
            yield return new GoldLine(n, doc, null);
        }
    }

    private string? Resolve(JsonObject reference, out string why)
    {
        why = "";
        var corpus = reference["corpus"]?.GetValue<string>();
        if (corpus != "saudinewsnet") { why = $"unknown corpus '{corpus}' in text_ref"; return null; }
        if (SharedRoot is null) { why = "text not in the repository (SaudiNewsNet licence) and ../shared was not found; skipped"; return null; }
        var file = reference["file"]?.GetValue<string>() ?? "";
        var index = reference["index"]?.GetValue<int>() ?? -1;
        var zipPath = Path.Combine(SharedRoot, "data", "raw", "saudinewsnet", Path.GetFileName(file));
        if (!File.Exists(zipPath)) { why = $"{zipPath} not found; skipped"; return null; }
        if (!_zips.TryGetValue(zipPath, out var records))
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var entry = zip.Entries.First(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
            using var stream = entry.Open();
            records = JsonNode.Parse(stream) as JsonArray ?? [];
            _zips[zipPath] = records;
        }

        if (index < 0 || index >= records.Count || records[index] is not JsonObject record) { why = $"record {index} not in {file}"; return null; }
        var text = record["content"]?.GetValue<string>() ?? "";
        var expected = reference["sha256"]?.GetValue<string>();
        if (expected is not null && !string.Equals(Sha256(text), expected, StringComparison.OrdinalIgnoreCase))
        {
            why = $"text of {file}#{index} does not match its sha256 (different copy of the corpus); skipped";
            return null;
        }

        return text;
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void FillSpanTexts(JsonObject doc, string text)
    {
        void Fill(JsonNode? node)
        {
            if (node is not JsonObject o || o["start"] is null || o["end"] is null) return;
            int s = o["start"]!.GetValue<int>(), e = o["end"]!.GetValue<int>();
            if (s >= 0 && e <= text.Length && e >= s) o["text"] = text[s..e];
        }

        foreach (var layer in new[] { "entities", "times" })
        {
            if (doc[layer] is JsonArray a) foreach (var x in a) Fill(x);
        }

        if (doc["quotes"] is JsonArray quotes)
        {
            foreach (var q in quotes.OfType<JsonObject>()) { Fill(q["content"]); Fill(q["cue"]); Fill(q["speaker"]); }
        }

        if (doc["events"] is JsonArray events)
        {
            foreach (var ev in events.OfType<JsonObject>()) Fill(ev["trigger"]);
        }
    }
}
