using System.Text;

namespace Rasid.Nlp.Training;

/// <summary>
/// Builds the tagger's proper-noun lexicon (a feature, not a rule: the perceptron learns how much to trust it)
/// from data the project ships or trains on: the words of ANERcorp's training split tagged PERS/LOC/ORG at least
/// as often as O, the Arabic country and city names of the gazetteer (data/entities/places), and the Arabic
/// first and family names (data/entities/names). Gazetteer and name words that ANERcorp mostly tags O
/// (ولاية, جزر, أمين) are left out.
/// </summary>
public static class ProperNounLexicon
{
    private static readonly string[] ProcliticPrefixes = ["و", "ف", "ب", "ك"];

    /// <summary>The lexicon words (undiacritized surface forms, unsorted, distinct).</summary>
    /// <param name="anercorpTrain">ANERcorp training file ("TOKEN TAG" lines), or null.</param>
    /// <param name="entitiesDir">The repository's data/entities folder, or null.</param>
    public static List<string> Build(string? anercorpTrain, string? entitiesDir)
    {
        var entity = new Dictionary<string, int>(StringComparer.Ordinal);
        var other = new Dictionary<string, int>(StringComparer.Ordinal);
        if (anercorpTrain is not null)
        {
            foreach (var line in File.ReadLines(anercorpTrain, Encoding.UTF8))
            {
                var space = line.LastIndexOf(' ');
                if (space <= 0) continue;
                var token = line[..space].Trim();
                var tag = line[(space + 1)..].Trim();
                if (!IsArabic(token)) continue;
                var isName = tag.EndsWith("-PERS", StringComparison.Ordinal) || tag.EndsWith("-LOC", StringComparison.Ordinal) || tag.EndsWith("-ORG", StringComparison.Ordinal);
                foreach (var form in Forms(token))
                {
                    var table = isName ? entity : other;
                    table[form] = table.GetValueOrDefault(form) + 1;
                }
            }
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (form, n) in entity)
        {
            if (n >= other.GetValueOrDefault(form)) words.Add(form);
        }

        if (entitiesDir is not null)
        {
            foreach (var name in GazetteerNames(entitiesDir))
            {
                foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!IsArabic(part) || part.Length < 2) continue;
                    if (other.GetValueOrDefault(part) >= 2 && other.GetValueOrDefault(part) > entity.GetValueOrDefault(part)) continue;
                    words.Add(part);
                }
            }
        }

        return [.. words];
    }

    private static IEnumerable<string> GazetteerNames(string dir)
    {
        var countries = Path.Combine(dir, "places", "ar_world.csv");
        if (File.Exists(countries))
        {
            foreach (var line in File.ReadLines(countries, Encoding.UTF8).Skip(1))
            {
                var comma = line.LastIndexOf(',');
                if (comma > 0) yield return line[(comma + 1)..].Trim('"', ' ');
            }
        }

        var cities = Path.Combine(dir, "places", "world-cities.csv");
        if (File.Exists(cities))
        {
            foreach (var line in File.ReadLines(cities, Encoding.UTF8).Skip(1))
            {
                var cols = line.Split(',');
                if (cols.Length < 4) continue;
                var city = cols[2].Trim('"', ' ');
                foreach (var prefix in CityPrefixes)
                {
                    if (city.StartsWith(prefix, StringComparison.Ordinal)) city = city[prefix.Length..];
                }

                yield return city;
                yield return cols[0].Trim('"', ' ');
            }
        }

        foreach (var file in new[] { "male-first-names.txt", "female-first-names.txt", "last-names.txt" })
        {
            var path = Path.Combine(dir, "names", file);
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadLines(path, Encoding.UTF8)) yield return line.Trim();
        }
    }

    /// <summary>The token, and its host when it starts with a one-letter proclitic before the article (والقاهرة → القاهرة, للقاهرة → القاهرة).</summary>
    private static IEnumerable<string> Forms(string token)
    {
        yield return token;
        foreach (var p in ProcliticPrefixes)
        {
            if (token.Length > 4 && token.StartsWith(p + "ال", StringComparison.Ordinal)) yield return token[1..];
        }

        if (token.Length > 4 && token.StartsWith("لل", StringComparison.Ordinal)) yield return "ا" + token[1..];
    }

    /// <summary>Prefixes stripped from world-cities names, each followed by a space (word_classes.tsv class <c>training_city_prefix</c>, in order).</summary>
    private static readonly string[] CityPrefixes = [.. Entities.EntityData.WordClass(Entities.EntityLexicon.WordClassFile, "training_city_prefix").Select(p => p + " ")];

    private static bool IsArabic(string s) => s.Length > 0 && s.All(c => c >= '\u0621' && c <= '\u064A');
}
