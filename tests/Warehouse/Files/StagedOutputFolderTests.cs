using System.Text;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Tests.Warehouse.Files;

public sealed class StagedOutputFolderTests
{
    private const string Command = "wcc test";

    private static void WriteOutput(string target, bool overwrite, params (string Path, string Text)[] files) =>
        StagedOutputFolder.Write(target, overwrite, Command, folder =>
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(folder.Staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            return 0;
        });

    [Fact]
    public void Write_ThrowsHalfway_PreviousOutputAndNoStagingLeft()
    {
        using var tmp = new TempDirectory();
        var target = tmp.File("out");
        WriteOutput(target, false, ("a.txt", "old"));
        Assert.Throws<InvalidOperationException>(() => StagedOutputFolder.Write<int>(target, true, Command, folder =>
        {
            File.WriteAllText(Path.Combine(folder.Staging, "a.txt"), "new");
            throw new InvalidOperationException("halfway");
        }));
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Equal(["out"], Directory.GetDirectories(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_AfterAKillMidSwap_PutsTheOldOutputBack_AndRemovesStaleStaging()
    {
        using var tmp = new TempDirectory();
        var target = tmp.File("out");
        WriteOutput(target, false, ("a.txt", "complete"));
        // What a kill between "old aside" and "new in" leaves: no target, the old output beside a staging folder.
        Directory.Move(target, tmp.File(".out.old-99999"));
        Directory.CreateDirectory(tmp.File(".out.tmp-99999"));
        File.WriteAllText(tmp.File(".out.tmp-99999/a.txt"), "half");

        using (StagedOutputFolder.Open(target, overwrite: true, Command))
        {
            Assert.Equal("complete", File.ReadAllText(Path.Combine(target, "a.txt")));
            Assert.False(Directory.Exists(tmp.File(".out.tmp-99999")));
            Assert.False(Directory.Exists(tmp.File(".out.old-99999")));
        }
    }

    [Fact]
    public void Open_WhileAnotherWriterHoldsTheFolder_IsRefusedNamingItsPid()
    {
        using var tmp = new TempDirectory();
        var target = tmp.File("out");
        using var first = StagedOutputFolder.Open(target, overwrite: false, Command);
        var ex = Assert.Throws<WccException>(() => StagedOutputFolder.Open(target, overwrite: false, Command));
        Assert.Contains($"PID {Environment.ProcessId}", ex.Message);
        Assert.Equal(3, ex.ExitCode);
    }

    [Fact]
    public void Commit_EmptyOrTruncatedFile_IsRefusedAndNothingReplaced()
    {
        using var tmp = new TempDirectory();
        var target = tmp.File("out");
        WriteOutput(target, false, ("a.txt", "old"));
        var empty = Assert.Throws<WccException>(() => WriteOutput(target, true, ("a.txt", "new"), ("b.csv", "")));
        Assert.Contains("b.csv is empty", empty.Message);
        var truncated = Assert.Throws<WccException>(() => WriteOutput(target, true, ("a.txt", "new"), ("pack.pdf", "%PDF-1.4\n1 0 obj")));
        Assert.Contains("not a complete PDF", truncated.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.False(File.Exists(Path.Combine(target, "pack.pdf")));
    }

    [Fact]
    public void Commit_WouldReplaceAUsersFile_IsRefused()
    {
        using var tmp = new TempDirectory();
        var target = tmp.File("out");
        WriteOutput(target, false, ("a.txt", "old"));
        File.WriteAllText(Path.Combine(target, "b.txt"), "the user's");
        var ex = Assert.Throws<WccException>(() => WriteOutput(target, true, ("a.txt", "new"), ("b.txt", "ours now?")));
        Assert.Contains("b.txt", ex.Message);
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(target, "b.txt")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a.txt")));
    }

    [Fact]
    public void Overwrite_DropsFilesTheCommandNoLongerWrites_KeepsTheUsers()
    {
        using var tmp = new TempDirectory();
        var target = tmp.File("out");
        WriteOutput(target, false, ("a.txt", "1"), ("units/old-unit.html", "gone next time"));
        File.WriteAllText(Path.Combine(target, "units", "notes.txt"), "mine");
        WriteOutput(target, true, ("a.txt", "2"), ("units/new-unit.html", "new"));
        Assert.Equal(["a.txt", "units/new-unit.html", "units/notes.txt"],
            Directory.GetFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f))
                .Where(f => f != StagedOutputFolder.ManifestFile).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("%PDF-1.7\nbody\n%%EOF\n", null)]
    [InlineData("%PDF-1.7\nbody", "not a complete PDF")]
    [InlineData("<html>", "not a complete PDF")]
    public void OutputFileCheck_Pdf(string content, string? problem)
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("x.pdf"), content, Encoding.ASCII);
        var found = OutputFileCheck.Problem(tmp.File("x.pdf"));
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void StagedFile_FailingWrite_LeavesThePreviousFileAndNoTemporary()
    {
        using var tmp = new TempDirectory();
        var file = tmp.File("d.md");
        StagedFile.Write(file, false, t => File.WriteAllText(t, "one"));
        Assert.Throws<InvalidOperationException>(() => StagedFile.Write(file, true, t =>
        {
            File.WriteAllText(t, "tw");
            throw new InvalidOperationException("disk gone");
        }));
        Assert.Equal("one", File.ReadAllText(file));
        Assert.Equal(["d.md"], Directory.GetFiles(tmp.Path).Select(Path.GetFileName));
    }
}
