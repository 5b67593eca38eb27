using EnMasse.Cli;
using EnMasse.Cli.Commands;
using EnMasse.Cli.Console;

return CliApp.Run(args, CliConsole.System());
