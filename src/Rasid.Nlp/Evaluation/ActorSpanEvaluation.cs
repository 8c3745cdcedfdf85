using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rasid.Nlp.Entities;

namespace Rasid.Nlp.Evaluation;

/// <summary>
/// Actor-code accuracy on the span gold of arabic_event_gsr (*_spans.json): every source/target actor span with
/// a code {"main": "PAK", "role": "OPP"} ("None" = no country / no role) is coded by
/// <see cref="ActorLinker.CountryAndRole"/> on the span's own words (normalized; the first word may carry
/// clitics), with the date taken from the sentence id (AAW_ARB_20071208 → 2007-12-08). A span is correct when
/// country and role both equal the gold ones; country and role accuracy are reported separately, per gold
/// country and per gold role.
/// </summary>
internal sealed partial class ActorSpanEvaluation
{
    private readonly Dictionary<string, (int N, int Correct)> byCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int N, int Correct)> byRole = new(StringComparer.Ordinal);

    public int Spans { get; private set; }
    public int Exact { get; private set; }
    public int CountryCorrect { get; private set; }
    public int RoleCorrect { get; private set; }
    public int Skipped { get; private set; }

    /// <summary>When set, every wrongly coded span is written here.</summary>
    public TextWriter? Errors { get; init; }

    public IReadOnlyDictionary<string, (int N, int Correct)> ByCountry => byCountry;
    public IReadOnlyDictionary<string, (int N, int Correct)> ByRole => byRole;

    [GeneratedRegex(@"_(\d{8})")]
    private static partial Regex DateInId();

    /// <summary>Scores one spans file; malformed JSON throws <see cref="FormatException"/> naming the file.</summary>
    public void AddFile(string path, ActorLinker linker)
    {
        JsonDocument json;
        try { json = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new FormatException($"{path}: not valid JSON ({ex.Message})", ex); }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array) throw new FormatException($"{path}: expected a JSON array of records");
            var index = 0;
            foreach (var record in json.RootElement.EnumerateArray())
            {
                index++;
                DateOnly? date = null;
                if (record.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String &&
                    DateInId().Match(src.GetString()!) is { Success: true } m &&
                    DateOnly.TryParseExact(m.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
                if (!record.TryGetProperty("spans", out var spans) || spans.ValueKind != JsonValueKind.Array) { Skipped++; continue; }
                foreach (var span in spans.EnumerateArray())
                {
                    foreach (var side in new[] { "source", "target" })
                    {
                        if (!span.TryGetProperty(side + "_actor", out var words) || words.ValueKind != JsonValueKind.Array || words.GetArrayLength() == 0) continue;
                        if (!span.TryGetProperty(side + "_role", out var role) || role.ValueKind != JsonValueKind.Object ||
                            !role.TryGetProperty("main", out var main) || !role.TryGetProperty("role", out var r)) { Skipped++; continue; }
                        var tokens = words.EnumerateArray().Where(w => w.ValueKind == JsonValueKind.String).Select(w => ArabicForms.Normalize(Word(w.GetString()!))).Where(w => w.Length > 0).ToList();
                        if (tokens.Count == 0) continue;
                        var trace = Errors is null ? null : new List<string>();
                        var system = linker.CountryAndRole(tokens, date, trace: trace);
                        var (gc, gr) = (Code(main.GetString()), Code(r.GetString()));
                        if ((gc != system.Country || gr != system.Role) && Errors is not null)
                        {
                            Errors.WriteLine($"{path}#{index} {side}: \"{string.Join(' ', words.EnumerateArray().Select(w => w.ToString()))}\" gold {gc ?? "-"}+{gr ?? "-"} system {system.Country ?? "-"}+{system.Role ?? "-"}" +
                                (trace is { Count: > 0 } ? " [" + string.Join("; ", trace) + "]" : ""));
                        }

                        Add(gc, gr, system);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A gold word without the punctuation glued to it by whitespace splitting (بوش». → بوش, « → nothing): the
    /// pipeline's tokenizer separates punctuation, so the linker never sees it.
    /// </summary>
    internal static string Word(string w) => w.Trim().Trim(PunctuationChars);

    private static readonly char[] PunctuationChars = ['«', '»', '"', '\'', '.', '،', ',', '؛', ';', ':', '(', ')', '[', ']', '-', '_', '!', '?', '؟', '“', '”'];

    private static string? Code(string? s) => string.IsNullOrEmpty(s) || s == "None" ? null : s;

    private void Add(string? goldCountry, string? goldRole, (string? Country, string? Role) system)
    {
        Spans++;
        var country = goldCountry == system.Country;
        var role = goldRole == system.Role;
        if (country) CountryCorrect++;
        if (role) RoleCorrect++;
        if (country && role) Exact++;
        Bump(byCountry, goldCountry ?? "None", country && role);
        Bump(byRole, goldRole ?? "None", country && role);
    }

    private static void Bump(Dictionary<string, (int N, int Correct)> d, string key, bool ok)
    {
        var v = d.GetValueOrDefault(key);
        d[key] = (v.N + 1, v.Correct + (ok ? 1 : 0));
    }
}
