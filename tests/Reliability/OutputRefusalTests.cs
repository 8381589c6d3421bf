using Wcc.Tests.Support;
using Wcc.Warehouse.Files;
using static Wcc.Tests.Reliability.OutputProbe;

namespace Wcc.Tests.Reliability;

/// <summary>
/// Outputs a command must not replace are refused before anything is written: another command's folder, a folder
/// without a manifest, a non-empty folder without --overwrite, the root or current folder, an existing file; --overwrite
/// keeps what the user put in the folder.
/// </summary>
[Collection(BuiltWarehouseOutputs.Name)]
public sealed class OutputRefusalTests(BuiltWarehouseFixture warehouse)
{
    [Fact]
    public void Overwrite_KeepsTheUsersOwnFiles_AndReplacesOnlyWhatTheReportWrote()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("workload");
        Assert.Equal(0, WccProcess.Run(tmp.Path, "report", "workload", "--db", db, "--out", outDir).ExitCode);
        var reportFile = Path.Combine(outDir, "tables", "unit_workload.csv");
        Assert.True(File.Exists(reportFile));
        File.WriteAllText(reportFile, "stale");
        File.WriteAllText(Path.Combine(outDir, "notes.md"), "# mine\n");
        File.WriteAllText(Path.Combine(outDir, "tables", "my-extra.csv"), "a,b\n1,2\n");
        Directory.CreateDirectory(Path.Combine(outDir, "drafts"));

        var r = WccProcess.Run(tmp.Path, "report", "workload", "--db", db, "--out", outDir, "--overwrite");
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Equal("# mine\n", File.ReadAllText(Path.Combine(outDir, "notes.md")));
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(Path.Combine(outDir, "tables", "my-extra.csv")));
        Assert.True(Directory.Exists(Path.Combine(outDir, "drafts")));
        Assert.NotEqual("stale", File.ReadAllText(reportFile));
        var manifest = File.ReadAllText(Path.Combine(outDir, StagedOutputFolder.ManifestFile));
        Assert.DoesNotContain("notes.md", manifest);
        Assert.DoesNotContain("my-extra.csv", manifest);
        Assert.Contains("tables/unit_workload.csv", manifest);
    }

    [Fact]
    public void Overwrite_OfAnotherCommandsOutput_OrAFolderWithoutManifest_IsRefused()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = tmp.File("out");
        Assert.Equal(0, WccProcess.Run(tmp.Path, "report", "coverage", "--db", db, "--out", outDir).ExitCode);
        var before = Snapshot(outDir);
        var other = WccProcess.Run(tmp.Path, "export", "csv", "--db", db, "--out", outDir, "--overwrite");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("wcc report coverage", Flat(other.Stderr));
        Assert.Equal(before, Snapshot(outDir));

        var mine = Directory.CreateDirectory(tmp.File("mine")).FullName;
        File.WriteAllText(Path.Combine(mine, "thesis.docx"), "years of work");
        var plain = WccProcess.Run(tmp.Path, "export", "csv", "--db", db, "--out", mine, "--overwrite");
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains(StagedOutputFolder.ManifestFile, Flat(plain.Stderr));
        Assert.Equal(["thesis.docx"], Directory.GetFileSystemEntries(mine).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Export_IntoNonEmptyFolderWithoutOverwrite_IsRefusedAndWritesNothing(string format)
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var outDir = Directory.CreateDirectory(tmp.File("out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "mine");
        var r = WccProcess.Run(tmp.Path, "export", format, "--db", db, "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--overwrite", Flat(r.Stderr));
        Assert.False(r.HasStackTrace);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(tmp.Path, ".out.*"));
    }

    [Theory]
    [InlineData("export", "csv")]
    [InlineData("report", "workload")]
    public void Out_TheRootOrTheCurrentFolder_IsRefused(string command, string sub)
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var rootBefore = Directory.GetFileSystemEntries("/").Order().ToList();
        foreach (var (dir, why) in new[] { ("/", "root"), (".", "current folder") })
        {
            var r = WccProcess.Run(tmp.Path, command, sub, "--db", db, "--out", dir, "--overwrite");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains(why, Flat(r.Stderr));
            Assert.False(r.HasStackTrace);
        }
        Assert.Equal(rootBefore, Directory.GetFileSystemEntries("/").Order().ToList());
        Assert.Equal(["w.duckdb"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Dictionary_ExistingFileNeedsOverwrite_AndIsReplacedWhole()
    {
        using var tmp = new TempDirectory();
        var db = warehouse.CopyTo(tmp.Path);
        var file = tmp.File("dictionary.md");
        File.WriteAllText(file, "my own notes");
        var refused = WccProcess.Run(tmp.Path, "dictionary", "--db", db, "--out", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--overwrite", Flat(refused.Stderr));
        Assert.Equal("my own notes", File.ReadAllText(file));

        var r = WccProcess.Run(tmp.Path, "dictionary", "--db", db, "--out", file, "--overwrite");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("fact_observation", File.ReadAllText(file));
        Assert.Equal(["dictionary.md", "w.duckdb"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).Order());
    }
}
