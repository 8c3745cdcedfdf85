using System.CommandLine;

namespace Rasid.Cli;

/// <summary>
/// Command groups whose subcommands arrive with their areas: <c>rasid eval ...</c> (quality measurements on
/// gold data) and <c>rasid train ...</c> (model training from ../shared/data). Each area adds one line here.
/// </summary>
internal static class GroupCommands
{
    public static Command Eval(CliConsole console)
    {
        var eval = new Command("eval", "Measure quality on gold data (prints a table; --json for machine-readable figures).");
        eval.Subcommands.Add(SearchEvalCommand.Create(console));
        eval.Subcommands.Add(EntityCommands.EvalNer(console));
        eval.Subcommands.Add(EntityCommands.EvalActors(console));
        eval.Subcommands.Add(EvalDocsCommand.Create(console));
        eval.Subcommands.Add(EventCommands.Eval(console));
        eval.Subcommands.Add(UdCommands.EvalUd(console));
        eval.Subcommands.Add(EvalDedupCommand.Create(console));
        return RequireSubcommand(eval, console);
    }

    public static Command Train(CliConsole console)
    {
        var train = new Command("train", "Train a model from data (default: ../shared/data) into models/.");
        train.Subcommands.Add(EntityCommands.TrainNer(console));
        train.Subcommands.Add(EntityCommands.TrainClusters(console));
        train.Subcommands.Add(EventCommands.Train(console));
        train.Subcommands.Add(UdCommands.TrainSegmenter(console));
        train.Subcommands.Add(UdCommands.TrainTagger(console));
        return RequireSubcommand(train, console);
    }

    /// <summary>A group run without a subcommand is a usage error that lists the choices.</summary>
    private static Command RequireSubcommand(Command group, CliConsole console)
    {
        group.SetAction(_ =>
        {
            var choices = string.Join(", ", group.Subcommands.Select(c => c.Name));
            console.Error.WriteLine($"rasid {group.Name}: choose one of: {(choices.Length == 0 ? "(none available yet)" : choices)}. Try 'rasid {group.Name} --help'.");
            return ExitCodes.UsageError;
        });
        return group;
    }
}
