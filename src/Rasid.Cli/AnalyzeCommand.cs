using System.CommandLine;
using System.Text;
using Rasid.Core;
using Rasid.Ingest;
using Rasid.Nlp;

namespace Rasid.Cli;

/// <summary><c>rasid analyze FILE... [--date YYYY-MM-DD] [--format json|jsonl|text]</c>.</summary>
internal static class AnalyzeCommand
{
    private static readonly Lazy<RasidPipeline> Pipeline = new(RasidPipeline.CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Text files (UTF-8, UTF-16 with BOM, Windows-1256 or ISO-8859-6), .jsonl files (one article per line: text, id, date/published, title, url), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"unknown option '{token.Value}' (use ./{token.Value} for a file of that name)");
            }
        });
        var date = new Option<string?>("--date", "-d")
        {
            Description = "Publication date of the articles (YYYY-MM-DD), the anchor for relative dates such as \"الاربعاء\". A JSONL record's own date wins.",
            HelpName = "YYYY-MM-DD",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output: json (one pretty document, or an array of several), jsonl (one document per line; the default for .jsonl input) or text (a readable summary).",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "text");
        var color = new Option<bool>("--no-color") { Description = "Never write colours in text output (also when NO_COLOR is set)." };

        var command = new Command("analyze", "Analyse Arabic news articles and print structured documents (rasid.document/1 JSON).")
        {
            files, date, format, color,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(files) ?? [],
            parse.GetValue(date),
            parse.GetValue(format),
            parse.GetValue(color),
            console));
        return command;
    }

    private static int Execute(string[] paths, string? dateText, string? format, bool noColor, CliConsole console)
    {
        DateOnly? published = null;
        if (dateText is not null)
        {
            if (!DateParser.TryParse(dateText, out var parsed)) throw new UsageException($"invalid --date '{dateText}' (expected a real date as YYYY-MM-DD)");
            published = parsed;
        }

        format ??= paths.Any(InputReader.IsJsonl) ? "jsonl" : "json";
        var info = new ArticleInfo { Published = published };
        var reader = new InputReader();
        var writer = new DocumentWriter(console, format, noColor);
        var rejected = 0;
        var analysed = 0;
        foreach (var path in paths)
        {
            foreach (var item in reader.Read(path, info, console.In))
            {
                if (item.Rejection is { } rejection)
                {
                    rejected++;
                    console.Error.WriteLine($"rasid: {rejection}");
                    continue;
                }

                var article = item.Article!;
                Document document;
                try
                {
                    document = Pipeline.Value.Analyze(article.Text, article.Info);
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
                {
                    // One article that breaks a component must not stop the batch.
                    rejected++;
                    console.Error.WriteLine($"rasid: {article.Origin}: analysis failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
                    continue;
                }

                writer.Write(document);
                analysed++;
            }
        }

        writer.Finish();
        if (rejected > 0)
        {
            console.Error.WriteLine($"rasid: {analysed} document{(analysed == 1 ? "" : "s")} analysed, {rejected} input{(rejected == 1 ? "" : "s")} rejected");
            return ExitCodes.SomeInputsRejected;
        }

        return ExitCodes.Ok;
    }
}

/// <summary>Writes documents in the chosen format, streaming.</summary>
internal sealed class DocumentWriter(CliConsole console, string format, bool noColor)
{
    private Document? _pending;
    private int _written;

    public void Write(Document document)
    {
        switch (format)
        {
            case "jsonl":
                console.Out.WriteLine(DocumentJson.Serialize(document));
                break;
            case "text":
                TextReport.Write(console, document, useColor: console.UseColor && !noColor);
                break;
            default:
                // One document: a pretty object. Several: a pretty array, streamed.
                if (_pending is not null)
                {
                    console.Out.Write(_written == 0 ? "[\n" : ",\n");
                    console.Out.Write(DocumentJson.Serialize(_pending, indented: true));
                    _written++;
                }

                _pending = document;
                break;
        }
    }

    public void Finish()
    {
        if (format != "json") return;
        if (_pending is null)
        {
            if (_written > 0) console.Out.WriteLine("\n]");
            return;
        }

        if (_written == 0)
        {
            console.Out.WriteLine(DocumentJson.Serialize(_pending, indented: true));
            return;
        }

        console.Out.Write(",\n");
        console.Out.Write(DocumentJson.Serialize(_pending, indented: true));
        console.Out.WriteLine("\n]");
    }
}
