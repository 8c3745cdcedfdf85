using Rasid.Core;
using Spectre.Console;

namespace Rasid.Cli;

/// <summary>The readable (optionally coloured) summary printed by <c>rasid analyze --format text</c>.</summary>
internal static class TextReport
{
    private const int SnippetLength = 110;

    public static void Write(CliConsole console, Document document, bool useColor)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = useColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = useColor ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console.Out),
        });
        ansi.Profile.Width = 200;

        var header = string.Join(" · ", new[] { document.Id, document.Published?.ToString("yyyy-MM-dd") ?? "no date", document.Source, document.Title }
            .Where(s => !string.IsNullOrEmpty(s)));
        ansi.MarkupLine($"[bold underline]{Markup.Escape(header)}[/]");
        ansi.MarkupLine($"[grey]{document.Sentences.Count} sentences · {document.Tokens.Count} tokens · {document.Entities.Count} entities · {document.Quotes.Count} quotes · {document.Times.Count} times · {document.Events.Count} events[/]");
        foreach (var removed in document.Removed)
        {
            ansi.MarkupLine($"[grey]removed ({Markup.Escape(removed.Reason)}): \"{Markup.Escape(Snippet(document.Text[removed.Start..removed.End]))}\"[/]");
        }

        ansi.MarkupLine("[bold]Sentences[/]");
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var s = document.Sentences[i];
            ansi.MarkupLine($"  [cyan]{i + 1,3}[/] [grey][[{s.Start}-{s.End}]][/] {Markup.Escape(Snippet(document.Text[s.Start..s.End]))}");
        }

        Section(ansi, "Entities", document.Entities, e =>
            $"  [green]{e.Type,-4}[/] {Markup.Escape(e.Text)}{Optional(" → ", e.Actor, "yellow")}{Optional(" ", e.Canonical, "grey")}");
        Section(ansi, "Quotes", document.Quotes, q =>
            $"  [magenta]{(q.Kind == QuoteKind.Direct ? "«»" : "~ ")}[/] {Markup.Escape(q.Speaker?.Text ?? "?")}{Optional(" ", q.SpeakerActor, "yellow")}: \"{Markup.Escape(Snippet(q.Content.Text))}\"");
        Section(ansi, "Times", document.Times, t =>
            $"  [blue]{Markup.Escape(t.Value ?? "unresolved")}[/] {Markup.Escape(t.Text)} [grey]({Markup.Escape(t.Kind)})[/]");
        Section(ansi, "Events", document.Events, e =>
            $"  {Markup.Escape(e.Date ?? "----------")}{(e.DateFromArticle ? "*" : "")} · {Markup.Escape(e.Place?.Name ?? "—")} · " +
            $"[yellow]{Markup.Escape(e.Source?.Actor ?? "?")}[/] —[bold red]{Markup.Escape(e.Type)}[/]{(e.Negated ? " (negated)" : "")}→ [yellow]{Markup.Escape(e.Target?.Actor ?? "?")}[/] · \"{Markup.Escape(e.Trigger.Text)}\"" +
            $"{(e.Mentions is { Count: > 1 } m ? $" ×{m.Count}" : "")} [grey]{Markup.Escape(e.Cameo ?? "")} {Markup.Escape(e.Source?.Text ?? "")} → {Markup.Escape(e.Target?.Text ?? "")}[/]");
        ansi.WriteLine();
    }

    private static void Section<T>(IAnsiConsole ansi, string title, List<T> items, Func<T, string> line)
    {
        ansi.MarkupLine(items.Count == 0 ? $"[bold]{title}[/] [grey](none)[/]" : $"[bold]{title}[/]");
        foreach (var item in items) ansi.MarkupLine(line(item));
    }

    private static string Optional(string prefix, string? value, string colour) =>
        string.IsNullOrEmpty(value) ? "" : $"{prefix}[{colour}]{Markup.Escape(value)}[/]";

    private static string Snippet(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= SnippetLength ? text : string.Concat(text.AsSpan(0, SnippetLength), "…");
    }
}
