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

    [Theory]
    [InlineData("--as-of", "2030", "--as-of 2030 is outside the valid range 2010-2020")]
    [InlineData("--as-of", "1800", "--as-of 1800 is outside the valid range 2010-2020")]
    [InlineData("--as-of", "2015", "--as-of 2015 is outside the valid range 2018-2020 (the evaluated period is 2018-2020")]
    [InlineData("--period", "2019-2020", "--period 2019-2020 does not match the notice in the warehouse, whose period is 2018-2020")]
    [InlineData("--period", "2021-2025", "does not match the notice in the warehouse")]
    public void Pack_YearOutsideTheNoticeOrTheData_RefusedWithTheValidRange(string option, string value, string expected)
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);
        var output = tmp.File("pack");
        var r = WccProcess.Run(RepoPaths.Root, "pack", "--db", db, "--out", output, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.False(r.HasStackTrace);
        Assert.False(Directory.Exists(output));
    }
}
