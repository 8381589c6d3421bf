using Wcc.Tests.Reports.Compare;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Cli.Commands;

/// <summary>`wcc report compare` as a user runs it: a real build, a second notice, the report, and bad input refused.</summary>
[Trait("Category", "Slow")]
public sealed class ReportCompareCommandTests
{
    private const string SeedId = "610100-2018-2020";

    [Fact]
    public void ReportCompare_TwoNotices_WritesReport_AndRefusesBadInput()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);
        var copy = CompareNotices.Modified();
        using (var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite)) StoredNotices.Insert(connection, copy);

        var outDir = tmp.File("compare");
        var ok = WccProcess.Run(tmp.Path, "report", "compare", "--db", db, "--from", SeedId, "--to", copy.Id, "--out", outDir);
        Assert.True(ok.ExitCode == 0, ok.Stderr + ok.Stdout);
        Assert.Contains("调整牵头单位", ok.Stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "index.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "workload_shift.png")));
        var written = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var unknown = WccProcess.Run(tmp.Path, "report", "compare", "--db", db, "--from", SeedId, "--to", "610100-2031-2035", "--out", tmp.File("other"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("610100-2031-2035", unknown.Stderr);
        Assert.Contains(SeedId, unknown.Stderr);
        Assert.Contains(copy.Id, unknown.Stderr);
        Assert.False(unknown.HasStackTrace, unknown.Stderr);
        Assert.False(Directory.Exists(tmp.File("other")));

        var same = WccProcess.Run(tmp.Path, "report", "compare", "--db", db, "--from", SeedId, "--to", SeedId, "--out", tmp.File("other"));
        Assert.Equal(2, same.ExitCode);
        Assert.Contains("both name", same.Stderr);
        Assert.False(same.HasStackTrace, same.Stderr);

        // The folder already holds the report: refused without --overwrite, nothing touched.
        var again = WccProcess.Run(tmp.Path, "report", "compare", "--db", db, "--from", SeedId, "--to", copy.Id, "--out", outDir);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--overwrite", again.Stderr);
        Assert.All(written, kv => Assert.Equal(kv.Value, File.GetLastWriteTimeUtc(kv.Key)));
        File.WriteAllText(tmp.File("afile"), "x");
        var isFile = WccProcess.Run(tmp.Path, "report", "compare", "--db", db, "--from", SeedId, "--to", copy.Id, "--out", tmp.File("afile"));
        Assert.Equal(2, isFile.ExitCode);
        Assert.Contains("is a file", isFile.Stderr);

        var missing = WccProcess.Run(tmp.Path, "report", "compare", "--db", db, "--from", SeedId);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--to", missing.Stderr + missing.Stdout);

        var forced = WccProcess.Run(tmp.Path, "report", "compare", "--db", db, "--from", SeedId, "--to", copy.Id, "--out", outDir, "--overwrite");
        Assert.True(forced.ExitCode == 0, forced.Stderr + forced.Stdout);
    }
}
