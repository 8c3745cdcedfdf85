namespace Rasid.Cli;

/// <summary>The streams a command uses, so tests can run the CLI in-process.</summary>
/// <param name="Out">Standard output (documents, reports).</param>
/// <param name="Error">Standard error (one line per rejected input, summaries).</param>
/// <param name="In">Standard input, read for the path <c>-</c>.</param>
/// <param name="OutputRedirected">True when output is not a terminal (no colours).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Stream In, bool OutputRedirected)
{
    /// <summary>True when colours may be written (a terminal, and NO_COLOR unset).</summary>
    public bool UseColor => !OutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeInputsRejected = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;
}
