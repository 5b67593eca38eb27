using EnMasse.Cli.Console;

namespace EnMasse.Cli.Tests;

/// <summary>Runs the command in process against a real temporary directory.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), "enmasse-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A policy directory <paramref name="dir"/>: the policy.yaml given, with the shipped plans.</summary>
    public void WritePolicy(string dir, string policyYaml)
    {
        Write(dir + "/policy.yaml", policyYaml);
        foreach (var plan in System.IO.Directory.EnumerateFiles(Repo.Plans))
        {
            Write(dir + "/plans/" + Path.GetFileName(plan), File.ReadAllText(plan));
        }
    }

    public (int Exit, string Out, string Error) RunWithInput(string stdin, params string[] args) => RunAs(stdin, terminal: false, environment: Environment, args);

    /// <summary>The environment commands see: PATH as the test process has it, nothing else.</summary>
    public Func<string, string?> Environment { get; set; } = name => name == "PATH" ? System.Environment.GetEnvironmentVariable("PATH") : null;

    /// <summary>Runs as if standard output were (or were not) a terminal, with the given environment.</summary>
    public (int Exit, string Out, string Error) RunAs(string stdin, bool terminal, Func<string, string?> environment, params string[] args) =>
        RunAsProgram("enmasse-policy", stdin, terminal, environment, args);

    /// <summary>Runs as if started under <paramref name="program"/> (argv[0]).</summary>
    public (int Exit, string Out, string Error) RunAsProgram(string program, string stdin, bool terminal, Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(new MemoryStream(global::System.Text.Encoding.UTF8.GetBytes(stdin)), output, error, terminal, environment, Directory, program);
        var exit = CliApp.Run(args, console);
        return (exit, output.ToString(), error.ToString());
    }

    public (int Exit, string Out, string Error) Run(params string[] args) => RunWithInput(string.Empty, args);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Files
{
    public const string Space = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: myspace
          namespace: team1
        spec:
          type: standard
          plan: standard-small
        """;

    public const string BadAddress = """
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata:
          name: myspace.queue1
          namespace: team1
        spec:
          address: queue1
          type: queue
          plan: standard-huge-queue
        """;

    public const string GoodAddress = """
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata:
          name: myspace.queue1
          namespace: team1
        spec:
          address: queue1
          type: queue
          plan: standard-small-queue
        """;

    public const string PasswordUser = """
        apiVersion: user.enmasse.io/v1beta1
        kind: MessagingUser
        metadata:
          name: myspace.Teller
          namespace: team1
        spec:
          username: Teller
          authentication:
            type: password
            password: "s3cr3t-p4ssw0rd!"
          authorization:
            - addresses: [queue1]
              operations: [send, sned]
        """;
}
