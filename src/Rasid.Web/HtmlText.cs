using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rasid.Web;

/// <summary>Plain text of an HTML page for analysis: scripts, styles and navigation dropped, blocks become paragraphs.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe" };
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "tr", "table", "ul", "ol", "pre", "figcaption" };

    /// <summary>The page's title (or null) and its text.</summary>
    public static (string? Title, string Text) Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var builder = new StringBuilder();
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is not null) Walk(root, builder);
        var lines = builder.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0);
        var title = document.Title?.Trim();
        return (string.IsNullOrEmpty(title) ? null : title, string.Join("\n\n", lines));
    }

    private static void Walk(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block) builder.Append('\n');
                    Walk(element, builder);
                    if (block) builder.Append('\n');
                    break;
            }
        }
    }
}
