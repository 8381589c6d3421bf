using Wcc.Tests.Support;

namespace Wcc.Tests.Cli.Commands;

[Trait("Category", "Slow")]
public class PackCommandTests
{
    [Fact]
    public void Pack_WithoutChromium_WritesHtmlAndWorkbookAndSaysHowToGetThePdf()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        var output = tmp.File("pack");
        var r = WccProcess.RunWithEnvironment(RepoPaths.Root, null, new Dictionary<string, string> { ["WCC_CHROMIUM"] = tmp.File("no-chromium") },
            "pack", "--db", db, "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "tables.xlsx")));
        Assert.True(File.Exists(Path.Combine(output, "pack.docx")));
        Assert.False(File.Exists(Path.Combine(output, "pack.pdf")));
        Assert.Contains("Chromium", r.Stdout);
        Assert.Contains("setup-os.sh", r.Stdout);
        Assert.Contains("已从 seeds/ 构建数据仓库", r.Stdout);
        Assert.False(r.HasStackTrace);

        var again = WccProcess.Run(RepoPaths.Root, "pack", "--db", db, "--out", output);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--overwrite", again.Stderr);
    }
}
