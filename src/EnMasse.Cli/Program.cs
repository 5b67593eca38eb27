using EnMasse.Cli;
using EnMasse.Cli.Console;

return CliApp.Run(args, CliConsole.System());
