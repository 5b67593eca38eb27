using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Documents;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "enmasse-input-" + Guid.NewGuid().ToString("N"));

    public InputReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_directory_is_walked_files_first_hidden_entries_skipped_and_shown_as_typed()
    {
        Write("d/b.yaml", "a: 1\n");
        Write("d/sub/c.json", "{}");
        Write("d/.hidden/x.yaml", "a: 1\n");
        Write("d/.x.yaml", "a: 1\n");
        Write("d/notes.txt", "not read");
        Write("d/a.yml", "a: 1\n");

        var (files, error) = InputReader.Read(["d"], null, _dir);

        Assert.Null(error);
        Assert.Equal(["d/a.yml", "d/b.yaml", "d/sub/c.json"], files.Select(f => f.File));
    }

    [Fact]
    public void A_directory_link_back_to_its_parent_is_walked_once()
    {
        Write("d/a.yaml", "a: 1\n");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "d", "up"), Path.Combine(_dir, "d"));

        Assert.Equal([Path.Combine(_dir, "d", "a.yaml")], InputReader.Walk(Path.Combine(_dir, "d")));
    }

    [Fact]
    public void A_file_over_the_limit_is_a_finding_and_is_not_read_whole()
    {
        Write("big.yaml", new string('#', 2048));

        var (files, error) = InputReader.Read(["big.yaml"], null, _dir, DocumentLimits.Default with { MaxFileBytes = 1024 });

        Assert.Null(error);
        Assert.Equal(RuleIds.YamlSyntax, Assert.Single(Assert.Single(files).FileFindings).Rule);
    }

    [Fact]
    public void A_missing_path_and_a_directory_without_documents_say_so()
    {
        Write("empty/notes.txt", "x");
        Assert.Equal("nope: no such file or directory", InputReader.Read(["nope"], null, _dir).Error);
        Assert.Equal("empty: no .yaml, .yml or .json files in this directory", InputReader.Read(["empty"], null, _dir).Error);
    }
}
