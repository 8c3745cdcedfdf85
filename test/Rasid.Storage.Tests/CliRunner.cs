using System.Text;
using Rasid.Cli;

namespace Rasid.Storage.Tests;

/// <summary>Runs the CLI in-process and captures its output.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(""));
        var code = CliApp.Run(args, new CliConsole(output, error, input, OutputRedirected: true));
        return new Result(code, output.ToString(), error.ToString());
    }
}
