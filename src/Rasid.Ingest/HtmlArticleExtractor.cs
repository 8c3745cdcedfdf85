using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rasid.Ingest;

/// <summary>What <see cref="HtmlArticleExtractor"/> found in a page.</summary>
/// <param name="Text">Body text: paragraphs separated by blank lines, without menus, ads, share buttons or related links.</param>
/// <param name="Title">Headline (og:title, JSON-LD headline, h1, or &lt;title&gt;).</param>
/// <param name="Published">Publication date from meta tags, JSON-LD or &lt;time&gt;.</param>
/// <param name="Author">Author (meta, JSON-LD or rel=author).</param>
/// <param name="Url">Canonical URL.</param>
/// <param name="Source">Site name (og:site_name or JSON-LD publisher).</param>
public sealed record HtmlArticle(string Text, string? Title, DateOnly? Published, string? Author, string? Url, string? Source);

/// <summary>
/// Extracts a news article from an HTML page with AngleSharp: metadata from meta tags and JSON-LD, and the
/// body from the element that holds most paragraph text after removing navigation, headers, footers, asides,
/// scripts, forms and elements whose class/id names menus, ads, share buttons, related or most-read lists and
/// comments. Immutable and thread-safe.
/// </summary>
public static partial class HtmlArticleExtractor
{
    private static readonly string[] RemovedTags =
        ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "svg", "select", "template", "figure", "figcaption"];

    private static readonly string[] BodySelectors =
        ["[itemprop=articleBody]", "article .article-body", "article .entry-content", ".article-body", ".article-content", ".entry-content",
         ".story-body", ".post-content", "#article-body", "article", "main", "[role=main]"];

    /// <summary>Extracts the article of a whole page.</summary>
    public static HtmlArticle Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var title = Meta(document, "og:title") ?? Meta(document, "twitter:title");
        var author = Meta(document, "author") ?? Meta(document, "article:author");
        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        var source = Meta(document, "og:site_name");
        DateOnly? published = ParseDate(Meta(document, "article:published_time") ?? Meta(document, "og:published_time")
            ?? Meta(document, "datePublished") ?? Meta(document, "pubdate") ?? Meta(document, "publishdate") ?? Meta(document, "date")
            ?? Meta(document, "DC.date.issued") ?? Meta(document, "dcterms.created"));

        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            ReadJsonLd(script.TextContent, ref title, ref published, ref author, ref source);
        }

        published ??= ParseDate(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"))
            ?? ParseDate(document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content"));
        author ??= document.QuerySelector("[rel=author], [itemprop=author]")?.TextContent.Trim() is { Length: > 0 } a ? a : null;
        title ??= Clean(document.QuerySelector("h1")?.TextContent) ?? Clean(document.Title);

        var text = BodyText(document);
        return new HtmlArticle(text, Clean(title), published, Clean(author), Clean(url), Clean(source));
    }

    /// <summary>Plain text of an HTML fragment (a feed item's content): paragraphs separated by blank lines.</summary>
    public static string FragmentText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains('<', StringComparison.Ordinal)) return System.Net.WebUtility.HtmlDecode(html).Trim();
        var parser = new HtmlParser();
        using var document = parser.ParseDocument("<html><body>" + html + "</body></html>");
        RemoveBoilerplate(document);
        return Paragraphs(document.Body!);
    }

    /// <summary>True when the text looks like an HTML page rather than plain text.</summary>
    public static bool LooksLikeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && head.Contains("<body", StringComparison.OrdinalIgnoreCase));
    }

    private static string BodyText(IDocument document)
    {
        RemoveBoilerplate(document);
        IElement? best = null;
        foreach (var selector in BodySelectors)
        {
            var candidate = document.QuerySelector(selector);
            if (candidate is not null && ParagraphLength(candidate) >= 80)
            {
                best = candidate;
                break;
            }
        }

        // No marked-up article: the element whose own <p> children hold the most text.
        best ??= document.QuerySelectorAll("p").Select(p => p.ParentElement).OfType<IElement>().Distinct()
            .OrderByDescending(ParagraphLength).FirstOrDefault();
        best ??= document.Body;
        return best is null ? "" : Paragraphs(best);
    }

    private static void RemoveBoilerplate(IDocument document)
    {
        foreach (var tag in RemovedTags)
        {
            foreach (var element in document.QuerySelectorAll(tag).ToArray()) element.Remove();
        }

        foreach (var element in document.QuerySelectorAll("[role=navigation], [role=banner], [role=complementary], [role=contentinfo], [aria-hidden=true], [hidden]").ToArray())
        {
            element.Remove();
        }

        foreach (var element in document.All.Where(e => e.TagName is not ("HTML" or "BODY") && IsBoilerplateName(e)).ToArray())
        {
            element.Remove();
        }
    }

    private static bool IsBoilerplateName(IElement element)
    {
        var names = (element.ClassName ?? "") + " " + (element.Id ?? "");
        if (names.Length <= 1) return false;
        foreach (var word in NameWords().EnumerateMatches(names.ToLowerInvariant()))
        {
            var w = names.AsSpan(word.Index, word.Length).ToString().ToLowerInvariant();
            if (BoilerplateWord(w)) return true;
        }

        return false;
    }

    private static bool BoilerplateWord(string w) =>
        w is "ad" or "ads" or "advert" or "advertisement" or "adsense" or "banner" or "sponsor" or "sponsored" or "promo"
            or "share" or "sharing" or "social" or "shares" or "addthis" or "sharethis"
            or "related" or "more" or "popular" or "mostread" or "most" or "trending" or "recommended" or "readmore" or "also"
            or "menu" or "nav" or "navbar" or "navigation" or "breadcrumb" or "breadcrumbs" or "sidebar" or "widget" or "footer" or "header"
            or "comment" or "comments" or "newsletter" or "subscribe" or "tags" or "cookie" or "modal" or "popup";

    [GeneratedRegex("[a-z]+")]
    private static partial Regex NameWords();

    private static int ParagraphLength(IElement element) =>
        element.Children.Where(c => c.TagName is "P" or "H2" or "H3" or "BLOCKQUOTE").Sum(c => c.TextContent.Trim().Length)
        + element.Children.Where(c => c.TagName is "DIV" or "SECTION").Sum(c => c.Children.Where(p => p.TagName == "P").Sum(p => p.TextContent.Trim().Length));

    private static string Paragraphs(IElement root)
    {
        var blocks = root.QuerySelectorAll("p, h2, h3, h4, blockquote, li").Where(e => !e.Ancestors<IElement>().Any(a => a != root && root.Contains(a) && a.TagName is "P" or "BLOCKQUOTE" or "LI"))
            .Select(e => Clean(e.TextContent)).Where(t => t is not null).ToList();
        if (blocks.Count == 0)
        {
            var lines = root.TextContent.Split('\n').Select(Clean).Where(t => t is not null);
            return string.Join("\n\n", lines);
        }

        return string.Join("\n\n", blocks);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content)) return content.Trim();
            }
        }

        return null;
    }

    private static void ReadJsonLd(string json, ref string? title, ref DateOnly? published, ref string? author, ref string? source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var node in Nodes(doc.RootElement))
            {
                if (node.ValueKind != JsonValueKind.Object) continue;
                var type = node.TryGetProperty("@type", out var t) ? t.ToString() : "";
                if (!type.Contains("Article", StringComparison.OrdinalIgnoreCase) && !type.Contains("Posting", StringComparison.OrdinalIgnoreCase)) continue;
                title ??= Str(node, "headline") ?? Str(node, "name");
                published ??= ParseDate(Str(node, "datePublished") ?? Str(node, "dateCreated"));
                if (author is null && node.TryGetProperty("author", out var a)) author = NameOf(a);
                if (source is null && node.TryGetProperty("publisher", out var p)) source = NameOf(p);
            }
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; meta tags still apply.
        }
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray()) yield return item;
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            yield return root;
            if (root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in graph.EnumerateArray()) yield return item;
            }
        }
    }

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => Str(value, "name"),
        JsonValueKind.Array => value.EnumerateArray().Select(NameOf).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? Str(JsonElement node, string name) =>
        node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateOnly? ParseDate(string? text) => DateParser.TryParse(text, out var d) ? d : null;

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
