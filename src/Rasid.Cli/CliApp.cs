using System.CommandLine;

namespace Rasid.Cli;

/// <summary>Builds the <c>rasid</c> command tree and runs it.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("Rasid (راصد): Arabic news event intelligence. Turns Arabic news into structured, searchable facts.");
        root.Subcommands.Add(AnalyzeCommand.Create(console));
        root.Subcommands.Add(GroupCommands.Eval(console));
        root.Subcommands.Add(GroupCommands.Train(console));
        root.Subcommands.Add(SearchCommands.Index(console));
        root.Subcommands.Add(SearchCommands.Search(console));
        root.Subcommands.Add(SearchCommands.Serve(console));
        root.Subcommands.Add(IngestCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(StatsCommand.Create(console));
        root.Subcommands.Add(StatsCommand.Reanalyze(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(WorkCommand.Create(console));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.Error.WriteLine($"rasid: {error.Message}");
            console.Error.WriteLine("Try 'rasid --help'.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            console.Error.WriteLine($"rasid: {ex.Message}");
            console.Error.WriteLine("Try 'rasid --help'.");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("rasid: cancelled");
            return 130;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never a stack trace for users; RASID_DEBUG=1 shows it.
            console.Error.WriteLine($"rasid: internal error: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("RASID_DEBUG") == "1") console.Error.WriteLine(ex);
            return ExitCodes.InternalError;
        }
    }
}

/// <summary>A command line that parses but makes no sense (e.g. an invalid date): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>
    /// Checks that an output file given by <paramref name="option"/> can be created (its folder exists) before a command
    /// starts minutes of work whose result would go there.
    /// </summary>
    public static void RequireOutputFolder(string option, string? path)
    {
        if (path is null) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) throw new UsageException($"{option} '{path}': no such folder '{folder}'");
    }
}
