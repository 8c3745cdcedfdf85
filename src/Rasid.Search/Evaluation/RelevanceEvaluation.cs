using Rasid.Text.Lucene;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;
using Rasid.Core;

namespace Rasid.Search.Evaluation;

/// <summary>A judged query: its text and the ids of the sentences judged relevant.</summary>
/// <param name="Id">Query id (q01...).</param>
/// <param name="Text">The query as a user would type it.</param>
/// <param name="Relevant">Ids of relevant sentences.</param>
public sealed record JudgedQuery(string Id, string Text, IReadOnlySet<string> Relevant);

/// <summary>Mean figures of one analyzer over a query set.</summary>
/// <param name="Analyzer">Analyzer name.</param>
/// <param name="Map">Mean average precision (over the top 1000).</param>
/// <param name="NdcgAt10">Mean nDCG@10 with binary gains.</param>
/// <param name="PrecisionAt10">Mean precision at 10.</param>
/// <param name="Queries">Number of queries.</param>
public sealed record RelevanceScores(string Analyzer, double Map, double NdcgAt10, double PrecisionAt10, int Queries);

/// <summary>
/// Ranked-retrieval evaluation of search analyzers on a judged sentence collection (PADT AFP sentences and
/// the query set in <c>Evaluation/padt-relevance.tsv</c>). Queries run with OR between terms (ranked
/// retrieval), documents are sentences.
/// </summary>
public static class RelevanceEvaluation
{
    /// <summary>The analyzers compared: ours (RasidArabicAnalyzer: Rasid tokenizer, search normalizer, stop words, Light10) and Lucene's stock ArabicAnalyzer.</summary>
    public static IReadOnlyList<(string Name, Func<Analyzer> Factory)> Analyzers { get; } =
    [
        ("rasid RasidArabicAnalyzer", () => new RasidArabicAnalyzer()),
        ("lucene ArabicAnalyzer", () => new ArabicAnalyzer(LuceneVersion.LUCENE_48)),
    ];

    /// <summary>Reads the PADT sentence file (<c>&lt;Sentence id date&gt;&lt;Text&gt;</c>) as documents, one per sentence.</summary>
    public static IReadOnlyList<Document> ReadPadtSentences(string path)
    {
        var xml = XDocument.Load(path);
        var result = new List<Document>();
        foreach (var sentence in xml.Descendants("Sentence"))
        {
            var id = ((string?)sentence.Attribute("id"))?.Trim();
            var text = sentence.Element("Text")?.Value.Trim();
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(text)) continue;
            DateOnly? date = DateOnly.TryParseExact((string?)sentence.Attribute("date") ?? "", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            result.Add(Document.Create(text, new ArticleInfo { Id = id, Published = date, Source = (string?)sentence.Attribute("source") }));
        }

        return result;
    }

    /// <summary>The judged queries shipped with Rasid.Search (TSV: id, query, comma-separated relevant ids).</summary>
    public static IReadOnlyList<JudgedQuery> LoadPadtQueries()
    {
        using var stream = typeof(RelevanceEvaluation).Assembly.GetManifestResourceStream("Rasid.Search.Evaluation.padt-relevance.tsv")
            ?? throw new InvalidOperationException("the relevance set is missing from the assembly");
        using var reader = new StreamReader(stream);
        return ParseQueries(reader.ReadToEnd());
    }

    /// <summary>Parses the TSV form; lines starting with # are comments.</summary>
    public static IReadOnlyList<JudgedQuery> ParseQueries(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var result = new List<JudgedQuery>();
        foreach (var line in tsv.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 3) throw new FormatException($"relevance line needs id, query and relevant ids: '{line}'");
            var relevant = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            result.Add(new JudgedQuery(parts[0], parts[1], relevant));
        }

        return result;
    }

    /// <summary>An index of <paramref name="documents"/> built with one analyzer.</summary>
    public static SearchIndex BuildIndex(IEnumerable<Document> documents, Func<Analyzer> analyzer)
    {
        var index = SearchIndex.InMemory(new SearchIndexOptions { AnalyzerFactory = analyzer });
        index.IndexMany(documents.Select(d => (d, "1")));
        return index;
    }

    /// <summary>Ids of the ranked hits for a query (OR between terms, documents only).</summary>
    public static IReadOnlyList<string> Rank(SearchIndex index, string query, int depth)
    {
        var ids = new List<string>(depth);
        for (var offset = 0; offset < depth; offset += SearchRequest.MaxLimit)
        {
            var page = index.Search(new SearchRequest
            {
                Query = Escape(query),
                Kind = SearchKinds.Document,
                AllTerms = false,
                Facets = false,
                Snippets = false,
                Offset = offset,
                Limit = Math.Min(SearchRequest.MaxLimit, depth - offset),
            });
            ids.AddRange(page.Results.Select(r => r.DocumentId));
            if (page.Results.Count < SearchRequest.MaxLimit) break;
        }

        return ids;
    }

    /// <summary>Average precision of a ranking.</summary>
    public static double AveragePrecision(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        if (relevant.Count == 0) return 0;
        double hits = 0, sum = 0;
        for (var i = 0; i < ranking.Count; i++)
        {
            if (!relevant.Contains(ranking[i])) continue;
            hits++;
            sum += hits / (i + 1);
        }

        return sum / relevant.Count;
    }

    /// <summary>nDCG at k with binary gains (1 for relevant).</summary>
    public static double NdcgAt(int k, IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        double dcg = 0, ideal = 0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (relevant.Contains(ranking[i])) dcg += 1 / Math.Log2(i + 2);
        }

        for (var i = 0; i < Math.Min(k, relevant.Count); i++) ideal += 1 / Math.Log2(i + 2);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Precision at k.</summary>
    public static double PrecisionAt(int k, IReadOnlyList<string> ranking, IReadOnlySet<string> relevant) =>
        (double)ranking.Take(k).Count(relevant.Contains) / k;

    /// <summary>Scores one analyzer's index over the queries.</summary>
    public static RelevanceScores Score(string name, SearchIndex index, IReadOnlyList<JudgedQuery> queries)
    {
        double map = 0, ndcg = 0, p10 = 0;
        foreach (var query in queries)
        {
            var ranking = Rank(index, query.Text, 1000);
            map += AveragePrecision(ranking, query.Relevant);
            ndcg += NdcgAt(10, ranking, query.Relevant);
            p10 += PrecisionAt(10, ranking, query.Relevant);
        }

        var n = Math.Max(1, queries.Count);
        return new RelevanceScores(name, map / n, ndcg / n, p10 / n, queries.Count);
    }

    private static string Escape(string query) => Regex.Replace(query, @"[+\-!(){}\[\]^""~*?:\\/]|&&|\|\|", " ");
}
