using Rasid.Cli;

return CliApp.Run(args, new CliConsole(Console.Out, Console.Error, Console.OpenStandardInput(), Console.IsOutputRedirected));
