using System.Diagnostics;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Reliability;

/// <summary>
/// Only regular files are read, within the size limit, and links never lead a directory walk
/// outside the directory (reliability review D4, D8, D10, D18). Each case runs with a deadline:
/// the defect it pins was a hang.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "enmasse-special-" + Guid.NewGuid().ToString("N"));

    public SpecialFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static T Within<T>(Func<T> read)
    {
        var task = Task.Run(read);
        Assert.True(task.Wait(Deadline), "the read did not finish: it hangs");
        return task.Result;
    }

    private InputReadResult ReadDirectory(string relative) => Within(() => InputReader.Read([relative], null, _dir));

    private static string OnlyMessage(InputReadResult read, string file)
    {
        Assert.Null(read.Error);
        var finding = Assert.Single(read.Files.Single(f => f.File == file).FileFindings);
        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
        return finding.Message;
    }

    [Fact]
    public void A_fifo_in_a_walked_directory_is_a_finding_not_a_hang()
    {
        Write("d/a.yaml", "a: 1\n");
        MakeFifo(Path.Combine(_dir, "d", "f.yaml"));

        var read = ReadDirectory("d");

        Assert.Contains("FIFO", OnlyMessage(read, "d/f.yaml"), StringComparison.Ordinal);
        Assert.Empty(read.Files.Single(f => f.File == "d/a.yaml").FileFindings);
    }

    [Fact]
    public void A_link_to_a_device_is_a_finding_and_is_never_opened()
    {
        File.CreateSymbolicLink(Path.Combine(_dir, "zero.yaml"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_dir, "random.yaml"), "/dev/urandom");

        var named = Within(() => InputReader.Read(["zero.yaml", "random.yaml"], null, _dir));

        Assert.Contains("device", OnlyMessage(named, "zero.yaml"), StringComparison.Ordinal);
        Assert.Contains("device", OnlyMessage(named, "random.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_link_is_a_finding_about_that_file()
    {
        Write("d/a.yaml", "a: 1\n");
        File.CreateSymbolicLink(Path.Combine(_dir, "d", "gone.yaml"), Path.Combine(_dir, "missing.yaml"));

        Assert.Contains("does not exist", OnlyMessage(ReadDirectory("d"), "d/gone.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_links_to_the_parent_neither_leave_the_directory_nor_repeat_a_file()
    {
        Write("top/outside.yaml", "a: 1\n");
        Write("top/d/a.yaml", "a: 1\n");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "top", "d", "up1"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "top", "d", "up2"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "top", "d", "self"), ".");

        var read = Within(() => InputReader.Read(["top/d"], null, _dir));

        Assert.Null(read.Error);
        Assert.Equal(["top/d/a.yaml"], read.Files.Where(f => f.FileFindings.Count == 0).Select(f => f.File));
        Assert.DoesNotContain(read.Files, f => f.File.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_inside_the_directory_is_followed_as_a_configmap_volume_needs()
    {
        Write("cm/..2024_01_01/policy.yaml", "a: 1\n");
        Write("cm/..2024_01_01/plans/p.yaml", "a: 1\n");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "cm", "..data"), "..2024_01_01");
        File.CreateSymbolicLink(Path.Combine(_dir, "cm", "policy.yaml"), "..data/policy.yaml");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "cm", "plans"), "..data/plans");

        var read = ReadDirectory("cm");

        Assert.Null(read.Error);
        Assert.Equal(["cm/policy.yaml", "cm/plans/p.yaml"], read.Files.Select(f => f.File));
        Assert.All(read.Files, f => Assert.Empty(f.FileFindings));
    }

    [Fact]
    public void A_policy_file_linked_outside_the_policy_directory_is_refused_and_its_content_never_shown()
    {
        var shadow = Write("etc/shadow", "root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n");
        foreach (var plan in Directory.EnumerateFiles(Repo.Plans))
        {
            File.Copy(plan, Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "policies", "plans")).FullName, Path.GetFileName(plan)));
        }

        File.CreateSymbolicLink(Path.Combine(_dir, "policies", "policy.yaml"), shadow);

        var result = Within(() => PolicyLoader.LoadDirectory(Path.Combine(_dir, "policies"), "policies"));

        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("policies/policy.yaml", PolicyIds.File), (finding.File, finding.Rule));
        Assert.Contains("outside", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_or_a_device_among_the_plans_is_a_rejected_policy_not_a_hang()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Policies, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, "policies", Path.GetRelativePath(Repo.Policies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        MakeFifo(Path.Combine(_dir, "policies", "plans", "f.yaml"));
        File.CreateSymbolicLink(Path.Combine(_dir, "policies", "plans", "zero.yaml"), "/dev/zero");

        var result = Within(() => PolicyLoader.LoadDirectory(Path.Combine(_dir, "policies"), "policies"));

        Assert.Equal(["policies/plans/f.yaml", "policies/plans/zero.yaml"], result.Findings.Select(f => f.File));
    }

    [Fact]
    public void Invalid_utf8_on_standard_input_is_a_finding_as_in_a_file()
    {
        using var stdin = new MemoryStream([.. "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "u8, 0xff, 0xfe, .. "}\n"u8]);

        var read = InputReader.Read(["-"], stdin, _dir);

        Assert.Contains("not valid UTF-8", OnlyMessage(read, "<stdin>"), StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_no_further_than_the_size_limit()
    {
        using var endless = new EndlessStream();

        var read = Within(() => InputReader.Read(["-"], endless, _dir, DocumentLimits.Default with { MaxFileBytes = 1024 * 1024 }));

        Assert.Contains("are not read", OnlyMessage(read, "<stdin>"), StringComparison.Ordinal);
        Assert.True(endless.Position <= 2 * 1024 * 1024, $"read {endless.Position} bytes");
    }

    /// <summary>Standard input that never ends, like /dev/zero piped in.</summary>
    private sealed class EndlessStream : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'#', offset, count);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
