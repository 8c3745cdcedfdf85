using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Rasid.Storage;

/// <summary>One labelled pair of the near-duplicate evaluation set (pointers into SaudiNewsNet, never the text).</summary>
/// <param name="Id">Pair id.</param>
/// <param name="Label">True: duplicate (same source text); false: not; null: ambiguous (excluded from scores).</param>
/// <param name="A">Article A: zip file name and 1-based record index.</param>
/// <param name="AUrl">URL of A (checked against the data).</param>
/// <param name="B">Article B.</param>
/// <param name="BUrl">URL of B.</param>
/// <param name="Recipe">Edit applied to B's text (<c>-</c> for none): see <see cref="DedupEvaluation.ApplyRecipe"/>.</param>
/// <param name="Natural">True for pairs of real articles, false for generated edits.</param>
public sealed record LabelledPair(string Id, bool? Label, (string Zip, int Index) A, string AUrl, (string Zip, int Index) B, string BUrl, string Recipe, bool Natural);

/// <summary>Scores at one threshold.</summary>
public sealed record DedupScore(double Threshold, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>Precision.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>Recall.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    /// <summary>F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Builds the labelled near-duplicate set from pointers (data/dedup/pairs.tsv) and the SaudiNewsNet zips at
/// evaluation time, and scores pair detection exactly as the store decides it: the two signatures share at
/// least one LSH band and the estimated containment reaches the threshold.
/// </summary>
public sealed class DedupEvaluation(MinHasher hasher, string saudiNewsNetFolder)
{
    private readonly Dictionary<string, List<(string Url, string Text)>> _days = [];

    /// <summary>Reads the pointer file.</summary>
    public static List<LabelledPair> ReadPairs(string path)
    {
        var pairs = new List<LabelledPair>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            bool? label = f[1] switch { "1" => true, "0" => false, _ => null };
            pairs.Add(new LabelledPair(f[0], label, (f[2], int.Parse(f[3], CultureInfo.InvariantCulture)), f[4],
                (f[5], int.Parse(f[6], CultureInfo.InvariantCulture)), f[7], f[8], f[0].StartsWith('n')));
        }

        return pairs;
    }

    /// <summary>Containment and band-sharing of every labelled pair.</summary>
    public List<(LabelledPair Pair, double Containment, bool SharesBand)> Measure(IEnumerable<LabelledPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var results = new List<(LabelledPair, double, bool)>();
        foreach (var pair in pairs)
        {
            var a = Text(pair.A, pair.AUrl);
            var b = ApplyRecipe(Text(pair.B, pair.BUrl), pair.Recipe, pair.Id);
            var sa = hasher.Sign(a);
            var sb = hasher.Sign(b);
            if (sa is null || sb is null)
            {
                results.Add((pair, 0, false));
                continue;
            }

            var shares = hasher.BandKeys(sa).Intersect(hasher.BandKeys(sb)).Any();
            results.Add((pair, sa.Containment(sb), shares));
        }

        return results;
    }

    /// <summary>Scores at a threshold (ambiguous pairs left out).</summary>
    public static DedupScore Score(IEnumerable<(LabelledPair Pair, double Containment, bool SharesBand)> measured, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (pair, containment, shares) in measured)
        {
            if (pair.Label is not { } label) continue;
            var detected = shares && containment >= threshold;
            if (detected && label) tp++;
            else if (detected) fp++;
            else if (label) fn++;
            else tn++;
        }

        return new DedupScore(threshold, tp, fp, fn, tn);
    }

    private string Text((string Zip, int Index) at, string url)
    {
        if (!_days.TryGetValue(at.Zip, out var records))
        {
            var path = Path.Combine(saudiNewsNetFolder, at.Zip);
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.Entries.Single(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
            using var stream = entry.Open();
            using var json = JsonDocument.Parse(stream);
            records = json.RootElement.EnumerateArray()
                .Select(r => (r.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "", r.TryGetProperty("content", out var c) ? c.GetString() ?? "" : ""))
                .ToList();
            _days[at.Zip] = records;
        }

        var record = records[at.Index - 1];
        if (record.Url != url) throw new InvalidDataException($"{at.Zip}#{at.Index}: expected {url}, found {record.Url} (a different SaudiNewsNet copy?)");
        return record.Text;
    }

    private static readonly Lazy<Dictionary<string, List<string>>> EditData = new(LoadEdits, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Words that replace deleted words in <c>edit:F</c> (data/dedup/edits.tsv class <c>replacement</c>).</summary>
    private static readonly string[] Replacements = [.. EditClass("replacement")];

    /// <summary>The lines of one class of the embedded data/dedup/edits.tsv, in file order.</summary>
    internal static IReadOnlyList<string> EditClass(string cls) =>
        EditData.Value.TryGetValue(cls, out var lines) ? lines : throw new InvalidOperationException($"data/dedup/edits.tsv: no lines of class '{cls}'");

    private static Dictionary<string, List<string>> LoadEdits()
    {
        using var stream = typeof(DedupEvaluation).Assembly.GetManifestResourceStream("Rasid.Storage.data.dedup.edits.tsv")
            ?? throw new InvalidOperationException("data/dedup/edits.tsv is missing from Rasid.Storage");
        using var reader = new StreamReader(stream);
        var classes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var header = true;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) throw new InvalidDataException($"data/dedup/edits.tsv: '{line}' is not class<TAB>text");
            var cls = line[..tab];
            if (!classes.TryGetValue(cls, out var list)) classes[cls] = list = [];
            list.Add(line[(tab + 1)..]);
        }

        return classes;
    }

    /// <summary>
    /// Edits B's text deterministically: <c>truncate:F</c> keeps the first fraction F of the words;
    /// <c>boilerplate</c> adds a dateline and typical header/footer lines (share, follow, copyright, related);
    /// <c>reorder</c> reverses the paragraph (or sentence) order; <c>edit:F</c> deletes or replaces a fraction F of
    /// the words (seeded by the pair id); <c>spelling</c> writes hamzated alef as bare alef, ta marbuta as ha, ya as
    /// alef maqsura at word ends and adds some diacritics; <c>combo</c> = truncate:0.7 + boilerplate + edit:0.05.
    /// </summary>
    public static string ApplyRecipe(string text, string recipe, string seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(recipe);
        var parts = recipe.Split(':');
        var arg = parts.Length > 1 ? double.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        return parts[0] switch
        {
            "-" => text,
            "truncate" => Truncate(text, arg),
            "boilerplate" => Boilerplate(text),
            "reorder" => Reorder(text),
            "edit" => Edit(text, arg, seed),
            "spelling" => Spelling(text),
            "combo" => Edit(Boilerplate(Truncate(text, 0.7)), 0.05, seed),
            _ => throw new FormatException($"unknown recipe '{recipe}'"),
        };
    }

    private static string Truncate(string text, double fraction)
    {
        var words = 0;
        var total = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var keep = (int)Math.Ceiling(total * fraction);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])) && ++words > keep) return text[..i].TrimEnd();
        }

        return text;
    }

    private static string Boilerplate(string text) =>
        string.Join('\n', EditClass("header")) + "\n\n" + text + "\n\n" + string.Join('\n', EditClass("footer"));

    private static string Reorder(string text)
    {
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length > 2) return string.Join("\n\n", paragraphs.Reverse());
        var sentences = text.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(". ", sentences.Reverse()) + ".";
    }

    private static string Edit(string text, double fraction, string seed)
    {
        var random = new Random(StableSeed(seed));
        var words = text.Split(' ');
        var builder = new StringBuilder(text.Length);
        foreach (var word in words)
        {
            if (random.NextDouble() < fraction)
            {
                if (random.Next(2) == 0) continue; // delete
                builder.Append(Replacements[random.Next(Replacements.Length)]).Append(' ');
                continue;
            }

            builder.Append(word).Append(' ');
        }

        return builder.ToString().TrimEnd();
    }

    private static string Spelling(string text)
    {
        var builder = new StringBuilder(text.Length + text.Length / 20);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = i + 1 == text.Length || !char.IsLetter(text[i + 1]);
            builder.Append(c switch
            {
                '\u0623' or '\u0625' => '\u0627', // أ إ → ا
                '\u0629' when end => '\u0647',     // ة → ه at word end
                '\u064A' when end => '\u0649',     // ي → ى at word end
                _ => c,
            });
            if (c == '\u0644' && i % 7 == 0) builder.Append('\u064E'); // a fatha on some lams
        }

        return builder.ToString();
    }

    private static int StableSeed(string text)
    {
        var h = 17;
        foreach (var c in text) h = unchecked(h * 31 + c);
        return h;
    }
}
