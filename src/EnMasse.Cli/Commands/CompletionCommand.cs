using System.CommandLine;
using EnMasse.Cli.Console;

namespace EnMasse.Cli.Commands;

/// <summary>
/// <c>enmasse-policy completion SHELL</c>: a script that asks enmasse-policy itself for
/// completions through System.CommandLine's [suggest] directive, so completion knows exactly
/// the commands, options and values the parser knows.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # enmasse-policy completion for bash (and zsh with bashcompinit).
        _enmasse_policy_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local words="${line#*[[:space:]]}"
            [[ "$words" == "$line" ]] && words=""
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(enmasse-policy "[suggest:${#words}]" "$words" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _enmasse_policy_complete enmasse-policy
        """;

    private const string Zsh = """
        # enmasse-policy completion for zsh.
        autoload -U +X bashcompinit && bashcompinit
        """ + "\n" + Bash;

    private const string Fish = """
        # enmasse-policy completion for fish.
        function __enmasse_policy_complete
            set -l line (commandline -cp)
            set -l words (string replace -r '^\S+\s*' '' -- $line)
            enmasse-policy "[suggest:"(string length -- "$words")"]" "$words" 2>/dev/null
        end
        complete -c enmasse-policy -a '(__enmasse_policy_complete)'
        """;

    public static Command Create(CliConsole console)
    {
        var command = new Command("completion", "Print a shell completion script (bash, zsh, fish).");
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        command.Add(shell);
        Epilogues.Attach(command, """
            Prints a shell completion script for bash, zsh or fish. It asks enmasse-policy itself for the words
            that fit (System.CommandLine's [suggest] directive).

            Enable it:
              bash:  echo 'source <(enmasse-policy completion bash)' >> ~/.bashrc
              zsh:   echo 'source <(enmasse-policy completion zsh)' >> ~/.zshrc
              fish:  enmasse-policy completion fish > ~/.config/fish/completions/enmasse-policy.fish
            """);
        command.SetAction(parsed =>
        {
            console.Out.WriteLine(parsed.GetValue(shell) switch { "zsh" => Zsh, "fish" => Fish, _ => Bash });
            return ExitCodes.Ok;
        });
        return command;
    }
}
