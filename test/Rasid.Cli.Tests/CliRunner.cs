using System.Text;
using Rasid.Testing;

namespace Rasid.Cli.Tests;

/// <summary>Runs the CLI in-process and captures its output.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunWithInput("", args);

    public static Result RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var code = CliApp.Run(args, new CliConsole(output, error, input, OutputRedirected: true));
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Compares with a golden file under test/Rasid.Cli.Tests/Golden; UPDATE_GOLDEN=1 rewrites it.</summary>
    public static void AssertGolden(string name, string actual)
    {
        var path = RepoPaths.InRepo("test", "Rasid.Cli.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
